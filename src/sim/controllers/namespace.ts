// The namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
// a Terminating namespace has all its content deleted, its deletion conditions reported, and is
// removed once nothing is left; plus the root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher).
// Left out: discovery of API groups (the lab's kinds are fixed) and content finalizers (none exist here).
import { formatTimestamp } from '../clock.js';
import type { SimState, WatchEvent } from '../state.js';
import type { ConfigMap, KubeObject, Namespace, Pod } from '../types.js';
import { apiCreate, apiUpdate } from '../api-server/registry.js';
import { apiDelete, removeObject } from '../api-server/delete.js';
import { RESOURCES } from '../api-server/resources.js';
import { getStored, listStored } from '../api-server/store.js';
import type { Controller } from './controller.js';
import { requeueAt, sameData } from './controller-utils.js';
import { isPodTerminal } from './pod-util.js';
import { clusterCACertificate } from './root-ca.js';

const QUEUE = 'namespace';
/** The ConfigMap the root-ca-cert-publisher keeps in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. '
  + 'No other usage is guaranteed across distributions of Kubernetes clusters.';

type NsCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

const terminating = (ns: Namespace): boolean => Boolean(ns.metadata.deletionTimestamp) || ns.status?.phase === 'Terminating';

/** What the namespace controller and the publisher watch: namespaces, and the root CA ConfigMap being changed or deleted. */
function keysForEvent(_state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'namespaces' && ev.type !== 'DELETED') {
    const name = ev.object.metadata.name ?? '';
    return terminating(ev.object as Namespace) ? [`finalize/${name}`] : [`rootca/${name}`];
  }
  if (ev.resource === 'configmaps' && ev.object.metadata.name === ROOT_CA_CONFIGMAP && ev.type !== 'ADDED') {
    return [`rootca/${ev.object.metadata.namespace}`];
  }
  return [];
}

/** The publisher's sync: create the ConfigMap, or put back its data and description. */
function publishRootCA(state: SimState, name: string): void {
  const ns = getStored<Namespace>(state, 'namespaces', name);
  if (!ns || terminating(ns)) return;
  const data = { 'ca.crt': clusterCACertificate(state.config) };
  const cm = getStored<ConfigMap>(state, 'configmaps', `${name}/${ROOT_CA_CONFIGMAP}`);
  if (!cm) {
    apiCreate(state, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations: { 'kubernetes.io/description': DESCRIPTION } }, data });
    return;
  }
  if (sameData(cm.data, data) && cm.metadata.annotations?.['kubernetes.io/description']) return;
  const annotations = { ...(cm.metadata.annotations ?? {}), 'kubernetes.io/description': DESCRIPTION };
  apiUpdate(state, { ...cm, metadata: { ...cm.metadata, annotations }, data });
}

/** Deletes every object in the namespace that is not already going; returns what is still there. */
function deleteAllContent(state: SimState, ns: string): Map<string, KubeObject[]> {
  for (const r of RESOURCES.filter((x) => x.namespaced)) {
    for (const obj of listStored(state, r.resource, ns)) {
      if (!obj.metadata.deletionTimestamp) apiDelete(state, r.kind, ns, obj.metadata.name ?? '');
    }
  }
  const remaining = new Map<string, KubeObject[]>();
  for (const r of RESOURCES.filter((x) => x.namespaced)) {
    const left = listStored(state, r.resource, ns);
    if (left.length > 0) remaining.set(`${r.resource}.${r.group}`, left);
  }
  return remaining;
}

/** The five deletion conditions the controller reports while content remains. */
function deletionConditions(state: SimState, remaining: Map<string, KubeObject[]>): NsCondition[] {
  const now = formatTimestamp(state.now);
  const c = (type: string, status: string, reason: string, message: string): NsCondition => ({ type, status, lastTransitionTime: now, reason, message });
  const left = [...remaining].map(([gr, objs]) => `${gr} has ${objs.length} resource instances`).sort();
  return [
    c('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
    c('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    c('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    left.length
      ? c('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${left.join(', ')}`)
      : c('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'),
    c('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
  ];
}

/** updateCondition for each: replaced when changed, keeping lastTransitionTime while the status holds. */
function mergeConditions(old: NsCondition[] | undefined, next: NsCondition[]): NsCondition[] {
  const out = [...(old ?? [])];
  for (const c of next) {
    const i = out.findIndex((x) => x.type === c.type);
    if (i < 0) out.push(c);
    else out[i] = out[i]!.status === c.status ? { ...c, lastTransitionTime: out[i]!.lastTransitionTime } : c;
  }
  return out;
}

/** The longest grace period of the pods still terminating (estimateGracefulTerminationForPods). */
function estimateSeconds(remaining: Map<string, KubeObject[]>): number {
  const pods = (remaining.get('pods.') ?? []) as Pod[];
  return Math.max(0, ...pods.filter((p) => !isPodTerminal(p)).map((p) => p.spec.terminationGracePeriodSeconds ?? 30));
}

/** syncNamespace: empty a Terminating namespace, then remove it; while content remains, report and look again later. */
function syncNamespace(state: SimState, name: string): void {
  const ns = getStored<Namespace>(state, 'namespaces', name);
  if (!ns || !terminating(ns)) return;
  const remaining = deleteAllContent(state, name);
  if (remaining.size === 0) {
    removeObject(state, 'namespaces', 'Namespace', name);
    return;
  }
  const current = getStored<Namespace>(state, 'namespaces', name) ?? ns;
  const conditions = mergeConditions(current.status?.conditions, deletionConditions(state, remaining));
  if (!sameData(conditions, current.status?.conditions)) {
    apiUpdate(state, { ...current, status: { phase: current.status?.phase ?? 'Terminating', conditions } }, { subresource: 'status' });
  }
  const estimate = estimateSeconds(remaining);
  requeueAt(state, QUEUE, `finalize/${name}`, state.now + (estimate > 0 ? Math.floor(estimate / 2) + 1 : 1) * 1000);
}

/** The namespace controller, with the root-ca-cert-publisher's per-namespace work on the same queue. */
export const namespaceController: Controller = {
  name: QUEUE,
  enqueue: keysForEvent,
  reconcile(state, key) {
    const slash = key.indexOf('/');
    const [kind, name] = [key.slice(0, slash), key.slice(slash + 1)];
    if (kind === 'finalize') syncNamespace(state, name);
    else if (kind === 'rootca') publishRootCA(state, name);
  },
};
