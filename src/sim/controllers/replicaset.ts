// The ReplicaSet controller of kube-controller-manager (pkg/controller/replicaset/replica_set.go):
// claim the pods the selector picks, create or delete pods until the active ones number
// spec.replicas, and report replicas/fullyLabeled/ready/available in status.
// Left out: burstReplicas and expectations (our informer is never stale), the ReplicaFailure condition.
import type { SimState, WatchEvent } from '../state.js';
import type { Pod, ReplicaSet } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { getStored, listByIndex, listStored } from '../api-server/store.js';
import { labelSelectorMatcher, labelSelectorMatches, matchesLabels, selectorFromSet } from '../api-server/selectors.js';
import type { Controller } from './controller.js';
import { candidatePods, claimObjects, createControlledPod, deleteControlledPod, podFromTemplate, requeueAt, sameData } from './controller-utils.js';
import { podsToDelete } from './active-pods.js';
import { controllerRefOf, isPodActive, isPodAvailable, isPodReady, podAvailableAt } from './pod-util.js';

const QUEUE = 'replicaset';
const COMPONENT = 'replicaset-controller';

/** Keys of the ReplicaSets a pod event concerns: its controller (old and new), or the ReplicaSets that select an orphan. */
function replicaSetsForPod(state: SimState, ev: WatchEvent): string[] {
  const pod = ev.object as Pod;
  const old = ev.oldObject as Pod | undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const keys = new Set<string>();
  for (const p of old ? [old, pod] : [pod]) {
    const ref = controllerRefOf(p);
    if (ref?.kind === 'ReplicaSet') keys.add(`${ns}/${ref.name}`);
  }
  const changed = !old || !sameData(old.metadata.labels, pod.metadata.labels) || !sameData(controllerRefOf(old), controllerRefOf(pod));
  if (!controllerRefOf(pod) && ev.type !== 'DELETED' && changed) {
    for (const rs of listStored<ReplicaSet>(state, 'replicasets', ns)) {
      if (labelSelectorMatches(rs.spec.selector, pod.metadata.labels)) keys.add(`${ns}/${rs.metadata.name}`);
    }
  }
  return [...keys];
}

/** Pods of every ReplicaSet that shares this one's controller (getIndirectlyRelatedPods), for the scale-down ranking. */
function relatedPods(state: SimState, rs: ReplicaSet, pods: Pod[]): Pod[] {
  const owner = controllerRefOf(rs);
  if (!owner) return [];
  const siblings = listStored<ReplicaSet>(state, 'replicasets', rs.metadata.namespace).filter((r) => controllerRefOf(r)?.uid === owner.uid);
  const selectors = siblings.map((r) => labelSelectorMatcher(r.spec.selector));
  return pods.filter((p) => selectors.some((selects) => selects(p.metadata.labels)));
}

/** manageReplicas: creates from the template, or deletes the pods ranked first for deletion. */
function manageReplicas(state: SimState, rs: ReplicaSet, active: Pod[], allPods: Pod[]): void {
  const diff = active.length - (rs.spec.replicas ?? 1);
  if (diff < 0) {
    for (let i = 0; i < -diff; i++) {
      if (!createControlledPod(state, rs, podFromTemplate(rs.spec.template, rs), COMPONENT)) return;
    }
  } else if (diff > 0) {
    for (const pod of podsToDelete(active, relatedPods(state, rs, allPods), diff, state.now)) deleteControlledPod(state, rs, pod, COMPONENT);
  }
}

/** calculateStatus: counts over the active pods the ReplicaSet owns; zero counts are omitted as omitempty does. */
function calculateStatus(rs: ReplicaSet, active: Pod[], now: number): NonNullable<ReplicaSet['status']> {
  const template = selectorFromSet(rs.spec.template.metadata?.labels ?? {});
  const minReady = rs.spec.minReadySeconds ?? 0;
  const fullyLabeled = active.filter((p) => matchesLabels(template, p.metadata.labels)).length;
  const ready = active.filter(isPodReady).length;
  const available = active.filter((p) => isPodAvailable(p, minReady, now)).length;
  const status: NonNullable<ReplicaSet['status']> = { ...(rs.status ?? {}), replicas: active.length };
  const counts = { fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available, observedGeneration: rs.metadata.generation ?? 0 };
  for (const [k, v] of Object.entries(counts) as [keyof typeof counts, number][]) {
    if (v) status[k] = v;
    else delete status[k];
  }
  return status;
}

/** syncReplicaSet for one `namespace/name` key. */
function syncReplicaSet(state: SimState, key: string): void {
  const rs = getStored<ReplicaSet>(state, 'replicasets', key);
  if (!rs) return;
  const owner = controllerRefOf(rs)?.uid;
  const siblings = owner ? listByIndex<ReplicaSet>(state, 'replicasets', 'owner', owner).map((r) => r.metadata.uid!) : [];
  const allPods = candidatePods(state, rs.metadata.namespace ?? 'default', rs.spec.selector, [rs.metadata.uid!, ...siblings]);
  const matcher = labelSelectorMatcher(rs.spec.selector);
  const selects = (p: Pod): boolean => matcher(p.metadata.labels);
  const active = claimObjects(state, rs, allPods.filter(isPodActive), selects);
  if (!rs.metadata.deletionTimestamp) manageReplicas(state, rs, active, allPods);
  const current = getStored<ReplicaSet>(state, 'replicasets', key) ?? rs;
  const status = calculateStatus(current, active, state.now);
  if (!sameData(status, current.status)) apiUpdate(state, { ...current, status }, { subresource: 'status' });
  const minReady = rs.spec.minReadySeconds ?? 0;
  if (minReady > 0) {
    const waits = active.filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, state.now)).map((p) => podAvailableAt(p, minReady) ?? 0);
    if (waits.length > 0) requeueAt(state, QUEUE, key, Math.min(...waits));
  }
}

/** The ReplicaSet controller. */
export const replicaSetController: Controller = {
  name: QUEUE,
  enqueue(state, ev) {
    if (ev.resource === 'replicasets') return [ev.key];
    if (ev.resource === 'pods') return replicaSetsForPod(state, ev);
    return [];
  },
  reconcile: syncReplicaSet,
};
