// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The endpoints controller. */
export const endpointsController: Controller = { name: 'endpoints', enqueue: () => [], reconcile: () => undefined };
