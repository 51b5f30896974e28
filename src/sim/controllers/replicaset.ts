// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The replicaset controller. */
export const replicaSetController: Controller = { name: 'replicaset', enqueue: () => [], reconcile: () => undefined };
