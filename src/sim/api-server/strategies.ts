// The strategy of every kind the lab serves: defaulting, validation and allocation hooks,
// wired from the per-kind modules (pkg/registry/<group>/<kind>/strategy.go in the real tree).
import type { Kind } from './resources.js';
import type { Strategy } from './strategy.js';

const plain: Strategy = {
  defaults: () => undefined,
  validate: () => [],
  validateUpdate: () => [],
  statusSubresource: true,
  generation: false,
};

const STRATEGIES: Record<Kind, Strategy> = {
  Namespace: plain,
  Node: plain,
  Pod: plain,
  Service: plain,
  Endpoints: { ...plain, statusSubresource: false },
  EndpointSlice: { ...plain, statusSubresource: false },
  ConfigMap: { ...plain, statusSubresource: false },
  Event: { ...plain, statusSubresource: false },
  Deployment: { ...plain, generation: true },
  ReplicaSet: { ...plain, generation: true },
  DaemonSet: { ...plain, generation: true },
};

/** The strategy of a kind. */
export function strategyFor(kind: Kind): Strategy {
  return STRATEGIES[kind];
}
