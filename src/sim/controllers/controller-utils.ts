// What the workload controllers share, after pkg/controller/controller_utils.go: pods from a template
// (GetPodFromTemplate), RealPodControl's create and delete with their events, and the
// ControllerRefManager's claim (adopt matching orphans, release owned objects that stopped matching).
// Left out: expectations (our informer is never stale) and slow-start batching (creations never fail at random).
import type { SimState } from '../state.js';
import type { KubeObject, LabelSelector, ObjectMeta, OwnerReference, Pod, PodTemplateSpec } from '../types.js';
import { apiCreate, apiUpdate } from '../api-server/registry.js';
import { apiDelete } from '../api-server/delete.js';
import { isApiError, type ApiError } from '../api-server/errors.js';
import { recordEvent } from '../api-server/events.js';
import { getStored, keyOf, listByIndex, listByLabels, listStored } from '../api-server/store.js';
import { addAfter } from './controller.js';
import { canonicalJson } from './pod-template-hash.js';
import { controllerRefOf, newControllerRef } from './pod-util.js';

/** getPodsPrefix: pods are named `<owner>-` plus the five random characters the API server draws. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: [newControllerRef(owner)],
    },
    spec: structuredClone(template.spec),
  };
  if (meta.annotations && Object.keys(meta.annotations).length > 0) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

/** True when the API server refused a create because the namespace is being deleted (NamespaceTerminatingCause). */
export function isNamespaceTerminating(err: ApiError): boolean {
  return err.reason === 'Forbidden' && err.message.endsWith('because it is being terminated');
}

/** RealPodControl.CreatePods: creates the pod and records SuccessfulCreate (or FailedCreate) on the owner. */
export function createControlledPod(state: SimState, owner: KubeObject, pod: Pod, component: string): Pod | undefined {
  const created = apiCreate(state, pod);
  if (isApiError(created)) {
    if (!isNamespaceTerminating(created)) recordEvent(state, owner, 'Warning', 'FailedCreate', `Error creating: ${created.message}`, { component });
    return undefined;
  }
  recordEvent(state, owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, { component });
  return created;
}

/** RealPodControl.DeletePod: deletes the pod (gracefully when it is bound) and records SuccessfulDelete on the owner. */
export function deleteControlledPod(state: SimState, owner: KubeObject, pod: Pod, component: string): void {
  const name = pod.metadata.name ?? '';
  const result = apiDelete(state, 'Pod', pod.metadata.namespace, name);
  if (isApiError(result)) {
    if (result.reason !== 'NotFound') recordEvent(state, owner, 'Warning', 'FailedDelete', `Error deleting: ${result.message}`, { component });
    return;
  }
  recordEvent(state, owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, { component });
}

/** Writes new owner references on an object (the adopt and release patches); returns the stored object. */
function writeOwnerRefs<T extends KubeObject>(state: SimState, obj: T, refs: OwnerReference[]): T | undefined {
  const metadata: ObjectMeta = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete metadata.ownerReferences;
  const updated = apiUpdate(state, { ...obj, metadata });
  return isApiError(updated) ? undefined : updated;
}

/**
 * ClaimObject for each object: keeps what the owner controls and still selects, adopts matching
 * orphans that are not being deleted, and releases owned objects whose labels stopped matching.
 */
export function claimObjects<T extends KubeObject>(state: SimState, owner: KubeObject, objects: T[], matches: (o: T) => boolean): T[] {
  const claimed: T[] = [];
  const ownerDeleting = Boolean(owner.metadata.deletionTimestamp);
  for (const obj of objects) {
    const ref = controllerRefOf(obj);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches(obj)) claimed.push(obj);
      else if (!ownerDeleting) writeOwnerRefs(state, obj, (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid));
      continue;
    }
    if (ownerDeleting || !matches(obj) || obj.metadata.deletionTimestamp) continue;
    if (obj.metadata.namespace !== owner.metadata.namespace) continue;
    const adopted = writeOwnerRefs(state, obj, [...(obj.metadata.ownerReferences ?? []), newControllerRef(owner)]);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

/** workqueue AddAfter without piling up duplicates: one timer per queue, key and instant. */
export function requeueAt(state: SimState, queue: string, key: string, at: number): void {
  if (state.timers.some((t) => t.queue === queue && t.key === key && t.at === at)) return;
  addAfter(state, queue, key, at);
}

/** Deep equality of plain API data (status blocks), independent of key order. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The stored version of an object after writes made during this reconcile (the object itself when it is gone). */
export function fresh<T extends KubeObject>(state: SimState, resource: string, obj: T): T {
  return getStored<T>(state, resource, keyOf(obj)) ?? obj;
}

/**
 * The pods a workload controller must look at: those its selector's matchLabels select, plus those
 * controlled by `ownerUids` (which may have stopped matching). Found through the store's indexes;
 * a selector with only matchExpressions falls back to the whole namespace. In key order.
 */
export function candidatePods(state: SimState, namespace: string, selector: LabelSelector, ownerUids: string[]): Pod[] {
  return candidateObjects<Pod>(state, 'pods', namespace, selector, ownerUids);
}

/** candidatePods for any resource (a Deployment's ReplicaSets, too). */
export function candidateObjects<T extends KubeObject>(state: SimState, resource: string, namespace: string, selector: LabelSelector, ownerUids: string[]): T[] {
  const matchLabels = selector.matchLabels ?? {};
  if (Object.keys(matchLabels).length === 0) return listStored<T>(state, resource, namespace);
  const byKey = new Map<string, T>();
  for (const o of listByLabels<T>(state, resource, namespace, matchLabels)) byKey.set(keyOf(o), o);
  for (const uid of ownerUids) for (const o of listByIndex<T>(state, resource, 'owner', uid)) byKey.set(keyOf(o), o);
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}
