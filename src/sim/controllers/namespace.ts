// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The namespace controller. */
export const namespaceController: Controller = { name: 'namespace', enqueue: () => [], reconcile: () => undefined };
