// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The garbage-collector controller. */
export const garbageCollector: Controller = { name: 'garbage-collector', enqueue: () => [], reconcile: () => undefined };
