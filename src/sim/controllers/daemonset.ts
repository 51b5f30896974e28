// Placeholder until the real reconciler lands.
import type { Controller } from './controller.js';

/** The daemonset controller. */
export const daemonSetController: Controller = { name: 'daemonset', enqueue: () => [], reconcile: () => undefined };
