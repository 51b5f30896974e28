// The garbage collector of kube-controller-manager (pkg/controller/garbagecollector): an object
// whose owners are all gone is deleted (background propagation: Deployment → ReplicaSets → Pods,
// Service → EndpointSlices); one that keeps a live owner only loses the dangling references.
// Left out: foreground deletion (foregroundDeletion finalizer) and the dependency graph's caches.
import type { SimState, WatchEvent } from '../state.js';
import type { KubeObject, OwnerReference } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { apiDelete } from '../api-server/delete.js';
import { RESOURCES, lookupKind } from '../api-server/resources.js';
import { getStored, listStored, objectKey } from '../api-server/store.js';
import type { Controller } from './controller.js';

const QUEUE = 'garbagecollector';

/** The work-queue key of an object: `<resource>|<store key>`. */
const itemKey = (resource: string, obj: KubeObject): string => `${resource}|${objectKey(obj.metadata.namespace, obj.metadata.name ?? '')}`;

/** Whether the owner a reference names is absent (or replaced by a namesake with another uid); unknown kinds count as present. */
function ownerGone(state: SimState, namespace: string | undefined, ref: OwnerReference): boolean {
  const info = lookupKind(ref.kind);
  if (!info) return false;
  const owner = getStored(state, info.resource, objectKey(info.namespaced ? namespace : undefined, ref.name));
  return owner?.metadata.uid !== ref.uid;
}

/**
 * The dependents of a deleted owner: objects in its namespace (or anywhere, for a cluster-scoped
 * owner) that reference its uid. Events are not in the graph (see keysForEvent), so they are skipped.
 */
function dependentsOf(state: SimState, owner: KubeObject): string[] {
  const uid = owner.metadata.uid;
  const ns = owner.metadata.namespace;
  const keys: string[] = [];
  for (const r of RESOURCES) {
    if ((ns && !r.namespaced) || r.resource === 'events') continue;
    for (const obj of listStored(state, r.resource, ns)) {
      if (obj.metadata.ownerReferences?.some((ref) => ref.uid === uid)) keys.push(itemKey(r.resource, obj));
    }
  }
  return keys;
}

/** The graph builder's reaction to a watch event: dependents of a deleted owner, or a new object whose owner does not exist. */
function keysForEvent(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'events') return [];
  if (ev.type === 'DELETED') return dependentsOf(state, ev.object);
  const refs = ev.object.metadata.ownerReferences ?? [];
  return refs.some((ref) => ownerGone(state, ev.object.metadata.namespace, ref)) ? [itemKey(ev.resource, ev.object)] : [];
}

/** attemptToDeleteItem: delete when every owner is gone, else drop only the dangling references. */
function attemptToDeleteItem(state: SimState, key: string): void {
  const [resource = '', storeKey = ''] = key.split('|');
  const obj = getStored(state, resource, storeKey);
  const info = RESOURCES.find((r) => r.resource === resource);
  if (!obj || !info) return;
  const refs = obj.metadata.ownerReferences ?? [];
  const dangling = refs.filter((ref) => ownerGone(state, obj.metadata.namespace, ref));
  if (dangling.length === 0) return;
  if (dangling.length === refs.length) {
    apiDelete(state, info.kind, obj.metadata.namespace, obj.metadata.name ?? '', { propagationPolicy: 'Background' });
    return;
  }
  const ownerReferences = refs.filter((ref) => !dangling.includes(ref));
  apiUpdate(state, { ...obj, metadata: { ...obj.metadata, ownerReferences } });
}

/** The garbage collector. */
export const garbageCollector: Controller = {
  name: QUEUE,
  enqueue: keysForEvent,
  reconcile: attemptToDeleteItem,
};
