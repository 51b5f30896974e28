// How big a lab may grow. A real cluster takes whatever etcd can hold and leaves what does not fit
// Pending; simulating every object costs memory and time, so past these numbers the API server
// refuses to create more, the way a ResourceQuota refuses (403 Forbidden, and a FailedCreate
// event on the controller that tried). The numbers leave room for far more pods than the nodes
// can run (the kubelet's default is 110 per node) and for a 10,000-Service sandbox.
import type { SimState } from '../state.js';
import type { ResourceInfo } from './resources.js';
import { countStored } from './store.js';
import { forbiddenError, type ApiError } from './errors.js';

/** The most pods a lab holds: 150 per node, and never fewer than 5,000. */
export function podLimit(nodes: number): number {
  return Math.max(5_000, nodes * 150);
}

/** The most Services, and the most objects of any other kind. */
export const SERVICE_LIMIT = 20_000;
export const OBJECT_LIMIT = 50_000;

/** The most objects of a resource this lab holds. */
export function objectLimit(state: SimState, resource: string): number {
  if (resource === 'pods') return podLimit(state.config.nodes);
  if (resource === 'services') return SERVICE_LIMIT;
  return OBJECT_LIMIT;
}

/** The refusal of one more object when the lab already holds its limit of that kind, or undefined. */
export function limitError(state: SimState, info: ResourceInfo, name: string): ApiError | undefined {
  const limit = objectLimit(state, info.resource);
  if (countStored(state, info.resource) < limit) return undefined;
  return forbiddenError(info.resource, info.group, name, `this lab holds at most ${limit} ${info.resource}; delete some first (a real cluster would keep the extra objects, a simulated one of this size would stop responding)`);
}
