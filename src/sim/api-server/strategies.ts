// The strategy of every kind the lab serves: defaulting, validation and allocation hooks,
// wired from the per-kind modules (pkg/registry/<group>/<kind>/strategy.go in the real tree).
import type { SimState } from '../state.js';
import type { ConfigMap, DaemonSet, Deployment, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../types.js';
import { randString } from '../rng.js';
import type { Kind } from './resources.js';
import type { Strategy } from './strategy.js';
import { invalidError, type FieldError } from './errors.js';
import { admitPod, defaultDaemonSet, defaultDeployment, defaultNamespace, defaultPod, defaultReplicaSet, defaultService } from './defaults.js';
import { defaultServiceIPFamilies } from './service-ipfamilies.js';
import { allocateServiceAddresses, normalizeClusterIPs } from './service-alloc.js';
import { releaseIP } from './ipallocator.js';
import { releasePort } from './portallocator.js';
import { validateService, validateServiceUpdate } from './validation/service.js';
import { validatePod } from './validation/pod.js';
import { validatePodUpdate } from './validation/pod-update.js';
import {
  validateDaemonSet, validateDaemonSetUpdate, validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate,
} from './validation/apps.js';
import {
  validateConfigMap, validateConfigMapUpdate, validateNamespace, validateNamespaceUpdate, validateNode, validateNodeUpdate,
} from './validation/misc.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './validation/meta.js';
import { nameIsDNSSubdomain } from './validation/names.js';

/** Builds a strategy from typed per-kind functions. */
function typed<T extends KubeObject>(s: {
  defaults?: (obj: T, state: SimState, old?: T) => void;
  validate: (obj: T) => FieldError[];
  validateUpdate: (obj: T, old: T) => FieldError[];
  statusSubresource: boolean;
  resetStatusOnCreate?: boolean;
  generation: boolean;
}): Strategy {
  return {
    defaults: (obj, state, old) => s.defaults?.(obj as T, state, old as T | undefined),
    validate: (obj) => s.validate(obj as T),
    validateUpdate: (obj, old) => s.validateUpdate(obj as T, old as T),
    statusSubresource: s.statusSubresource,
    resetStatusOnCreate: s.resetStatusOnCreate,
    generation: s.generation,
  };
}

/** Kinds validated only for their metadata (Endpoints, EndpointSlices and Events are written by the lab itself). */
const metaOnly = (namespaced: boolean, generation = false): Strategy => typed<KubeObject>({
  validate: (o) => validateObjectMeta(o.metadata, namespaced, nameIsDNSSubdomain),
  validateUpdate: (o, old) => validateObjectMetaUpdate(o.metadata, old.metadata),
  statusSubresource: false,
  generation,
});

const serviceStrategy: Strategy = {
  defaults: (obj) => defaultService(obj as Service),
  validate: (obj) => validateService(obj as Service),
  validateUpdate: (obj, old) => validateServiceUpdate(obj as Service, old as Service),
  allocate: (state, obj, old) => {
    const svc = obj as Service;
    normalizeClusterIPs(svc, old as Service | undefined);
    const txn = allocateServiceAddresses(state, svc, old as Service | undefined);
    if (txn.error) return txn;
    const familyErrors = defaultServiceIPFamilies(svc, old as Service | undefined);
    if (familyErrors.length === 0) return txn;
    txn.rollback();
    return { error: invalidError('Service', '', svc.metadata.name ?? '', familyErrors), rollback: () => undefined, commit: () => undefined };
  },
  release: (state, obj) => {
    const svc = obj as Service;
    for (const ip of svc.spec.clusterIPs ?? []) if (ip !== 'None' && state.alloc.serviceIPs[ip]) releaseIP(state, ip);
    for (const p of svc.spec.ports ?? []) if (p.nodePort) releasePort(state, p.nodePort);
    if (svc.spec.healthCheckNodePort) releasePort(state, svc.spec.healthCheckNodePort);
  },
  statusSubresource: true,
  resetStatusOnCreate: true,
  generation: false,
};

const STRATEGIES: Record<Kind, Strategy> = {
  Namespace: typed<Namespace>({ defaults: (ns, _state, old) => defaultNamespace(ns, old), validate: validateNamespace, validateUpdate: validateNamespaceUpdate, statusSubresource: true, generation: false }),
  Node: typed<Node>({ validate: validateNode, validateUpdate: validateNodeUpdate, statusSubresource: true, generation: false }),
  Pod: typed<Pod>({
    defaults: (pod, state) => {
      defaultPod(pod);
      if (!pod.metadata.uid) admitPod(pod, { tokenVolumeSuffix: randString(state.rng, 5) });
    },
    validate: validatePod,
    validateUpdate: validatePodUpdate,
    statusSubresource: true,
    resetStatusOnCreate: true,
    generation: false,
  }),
  Service: serviceStrategy,
  Endpoints: metaOnly(true),
  EndpointSlice: metaOnly(true, true),
  Event: metaOnly(true),
  ConfigMap: typed<ConfigMap>({ validate: validateConfigMap, validateUpdate: validateConfigMapUpdate, statusSubresource: false, generation: false }),
  Deployment: typed<Deployment>({ defaults: defaultDeployment, validate: validateDeployment, validateUpdate: validateDeploymentUpdate, statusSubresource: true, resetStatusOnCreate: true, generation: true }),
  ReplicaSet: typed<ReplicaSet>({ defaults: defaultReplicaSet, validate: validateReplicaSet, validateUpdate: validateReplicaSetUpdate, statusSubresource: true, resetStatusOnCreate: true, generation: true }),
  DaemonSet: typed<DaemonSet>({ defaults: defaultDaemonSet, validate: validateDaemonSet, validateUpdate: validateDaemonSetUpdate, statusSubresource: true, resetStatusOnCreate: true, generation: true }),
};

/** The strategy of a kind. */
export function strategyFor(kind: Kind): Strategy {
  return STRATEGIES[kind];
}
