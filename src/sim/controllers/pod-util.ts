// Pod and owner-reference predicates the controllers share: pkg/api/v1/pod/util.go (IsPodReady,
// IsPodAvailable), pkg/controller/controller_utils.go (IsPodActive, IsPodTerminating) and
// apimachinery's metav1.GetControllerOf / NewControllerRef.
// Left out: container-level readiness gates; a pod is ready exactly when its Ready condition is True.
import { parseTimestamp } from '../clock.js';
import type { KubeObject, OwnerReference, Pod, PodCondition } from '../types.js';

/** The pod's condition of a type, if it has one. */
export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** When the pod last became ready (ms), or undefined when it is not ready or the time is unknown. */
export function podReadyTime(pod: Pod): number | undefined {
  const c = podCondition(pod, 'Ready');
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  const t = parseTimestamp(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/** IsPodAvailable: ready, and ready for longer than minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** The instant a ready pod becomes available, for a requeue (undefined when it never will by waiting). */
export function podAvailableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const since = podReadyTime(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1000;
}

/** True for pods that have finished (Succeeded or Failed). */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** IsPodActive: not finished and not being deleted, so it counts towards a controller's replicas. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** metav1.GetControllerOf: the owner reference marked controller, if any. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef: how a controller marks what it owns (blocking the owner's foreground deletion). */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `obj` is controlled by the object with this uid. */
export function isControlledBy(obj: KubeObject, ownerUid: string | undefined): boolean {
  return ownerUid !== undefined && controllerRefOf(obj)?.uid === ownerUid;
}

/** Milliseconds since the epoch of a metadata timestamp; 0 when absent, as a zero metav1.Time sorts first. */
export function timeOf(ts: string | undefined): number {
  if (!ts) return 0;
  const t = parseTimestamp(ts);
  return Number.isNaN(t) ? 0 : t;
}
