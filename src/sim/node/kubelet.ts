// Placeholder until the real reconciler lands.
import type { Controller } from '../controllers/controller.js';

/** The kubelet controller. */
export const kubelet: Controller = { name: 'kubelet', enqueue: () => [], reconcile: () => undefined };
