// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The scheduler controller. */
export const scheduler: Controller = { name: 'scheduler', enqueue: () => [], reconcile: () => undefined };
