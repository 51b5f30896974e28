// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The deployment controller. */
export const deploymentController: Controller = { name: 'deployment', enqueue: () => [], reconcile: () => undefined };
