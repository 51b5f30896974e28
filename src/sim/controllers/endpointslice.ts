// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The endpointslice controller. */
export const endpointSliceController: Controller = { name: 'endpointslice', enqueue: () => [], reconcile: () => undefined };
