// The two rollout strategies of the deployment controller: rolling.go (scale the new ReplicaSet up
// within maxSurge, the old ones down within maxUnavailable, unhealthy old pods first) and
// recreate.go (old ReplicaSets to zero, wait for their pods to be gone, then the new one).
// Left out: in-place pod updates (alpha features after v1.34).
import type { SimState } from '../state.js';
import type { Deployment, Pod, ReplicaSet } from '../types.js';
import { listStored } from '../api-server/store.js';
import { labelSelectorMatches } from '../api-server/selectors.js';
import { fresh } from './controller-utils.js';
import { controllerRefOf, isPodTerminal } from './pod-util.js';
import { byCreation, desiredReplicas, maxUnavailable, rsReplicas, sumOf } from './deployment-util.js';
import { activeReplicaSets, cleanupDeployment, scaleAndRecord } from './deployment-sync.js';
import { getAllReplicaSetsAndSyncRevision, newRSNewReplicas } from './deployment-newrs.js';
import { deploymentComplete, syncRolloutStatus } from './deployment-progress.js';

const freshRS = (state: SimState, rs: ReplicaSet): ReplicaSet => fresh(state, 'replicasets', rs);

/** reconcileNewReplicaSet: grows (or trims) the new ReplicaSet towards spec.replicas. */
function reconcileNewReplicaSet(state: SimState, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (rsReplicas(newRS) === desiredReplicas(d)) return false;
  if (rsReplicas(newRS) > desiredReplicas(d)) return scaleAndRecord(state, newRS, desiredReplicas(d), d).scaled;
  return scaleAndRecord(state, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

/** cleanupUnhealthyReplicas: scales old ReplicaSets down by their unavailable pods first, oldest first. */
function cleanupUnhealthyReplicas(state: SimState, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const unhealthy = rsReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (rsReplicas(rs) === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    scaleAndRecord(state, rs, rsReplicas(rs) - count, d);
    total += count;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: removes available old pods while availability stays above minAvailable. */
function scaleDownOldForRollingUpdate(state: SimState, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const available = sumOf(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (rsReplicas(rs) === 0) continue;
    const count = Math.min(rsReplicas(rs), target - total);
    scaleAndRecord(state, rs, rsReplicas(rs) - count, d);
    total += count;
  }
  return total;
}

/** reconcileOldReplicaSets: how far old ReplicaSets may shrink without breaking maxUnavailable. */
function reconcileOldReplicaSets(state: SimState, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (sumOf(oldRSs, rsReplicas) === 0) return false;
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const newUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumOf(allRSs, rsReplicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(state, oldRSs, d, maxScaledDown);
  const olds = oldRSs.map((rs) => freshRS(state, rs));
  const scaled = scaleDownOldForRollingUpdate(state, [...olds, newRS], olds, d);
  return cleaned + scaled > 0;
}

/** rolloutRolling: one step of a rolling update, then the rollout status. */
export function rolloutRolling(state: SimState, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, d, rsList, true);
  const current = fresh(state, 'deployments', d);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (!reconcileNewReplicaSet(state, allRSs, newRS, current)) {
    const scaledDown = reconcileOldReplicaSets(state, allRSs, activeReplicaSets(oldRSs), freshRS(state, newRS), current);
    if (!scaledDown && deploymentComplete(current, current.status)) cleanupDeployment(state, oldRSs, current);
  }
  syncRolloutStatus(state, [...oldRSs, newRS].map((rs) => freshRS(state, rs)), freshRS(state, newRS), current);
}

/** oldPodsRunning: any old pod that is not finished (terminating ones included) holds a Recreate back. */
function oldPodsRunning(state: SimState, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (sumOf(oldRSs, (rs) => rs.status?.replicas ?? 0) > 0) return true;
  const ownerUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return listStored<Pod>(state, 'pods', d.metadata.namespace).some((p) => {
    const ref = controllerRefOf(p);
    if (!ref || ref.uid === newRS?.metadata.uid || !ownerUids.has(ref.uid)) return false;
    return labelSelectorMatches(d.spec.selector, p.metadata.labels) && !isPodTerminal(p);
  });
}

/** rolloutRecreate: old ReplicaSets to zero, wait for their pods to go, then the new ReplicaSet at full size. */
export function rolloutRecreate(state: SimState, d: Deployment, rsList: ReplicaSet[]): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, d, rsList, false);
  let current = fresh(state, 'deployments', d);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) scaledDown = scaleAndRecord(state, rs, 0, current).scaled || scaledDown;
  const refreshed = (): ReplicaSet[] => [...oldRSs, ...(newRS ? [newRS] : [])].map((rs) => freshRS(state, rs));
  if (scaledDown || oldPodsRunning(state, current, newRS, oldRSs.map((rs) => freshRS(state, rs)))) {
    syncRolloutStatus(state, refreshed(), newRS && freshRS(state, newRS), current);
    return;
  }
  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, current, rsList, true));
  current = fresh(state, 'deployments', current);
  if (newRS) scaleAndRecord(state, freshRS(state, newRS), desiredReplicas(current), current);
  if (deploymentComplete(current, current.status)) cleanupDeployment(state, oldRSs, current);
  syncRolloutStatus(state, refreshed(), newRS && freshRS(state, newRS), current);
}
