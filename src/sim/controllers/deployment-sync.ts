// Scaling, history cleanup and status of pkg/controller/deployment/sync.go: scaleReplicaSet with
// its ScalingReplicaSet event, scale() (including proportional scaling of several active
// ReplicaSets), cleanupDeployment (revisionHistoryLimit) and calculateStatus.
// Left out: nothing the lab shows; the proportional maths follow GetReplicaSetProportion.
import { formatTimestamp } from '../clock.js';
import type { SimState } from '../state.js';
import type { Deployment, ReplicaSet } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { apiDelete } from '../api-server/delete.js';
import { isApiError } from '../api-server/errors.js';
import { recordEvent } from '../api-server/events.js';
import { fresh, sameData } from './controller-utils.js';
import {
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, byCreation, desiredReplicas, isRollingUpdate, maxSurge, maxUnavailable,
  revisionOf, rsReplicas, setCondition, setReplicasAnnotations, sumOf,
} from './deployment-util.js';

/** The component that reports the deployment controller's events. */
export const DEPLOYMENT_COMPONENT = 'deployment-controller';

/** scaleReplicaSet: sets replicas and the replica annotations, and records `Scaled up|down replica set ... from N to M`. */
export function scaleReplicaSet(state: SimState, rs: ReplicaSet, newScale: number, d: Deployment, operation: string): ReplicaSet {
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  const annotationsChanged = setReplicasAnnotations(annotations, desiredReplicas(d), desiredReplicas(d) + maxSurge(d));
  const oldScale = rsReplicas(rs);
  if (oldScale === newScale && !annotationsChanged) return rs;
  const updated = apiUpdate(state, { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas: newScale } });
  if (isApiError(updated)) return rs;
  if (oldScale !== newScale) {
    recordEvent(state, d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`, {
      component: DEPLOYMENT_COMPONENT,
    });
  }
  return updated;
}

/** scaleReplicaSetAndRecordEvent: scales when the size differs, naming the direction. */
export function scaleAndRecord(state: SimState, rs: ReplicaSet, newScale: number, d: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if (rsReplicas(rs) === newScale) return { scaled: false, rs };
  return { scaled: true, rs: scaleReplicaSet(state, rs, newScale, d, rsReplicas(rs) < newScale ? 'up' : 'down') };
}

/** Replica sets with replicas above zero (FilterActiveReplicaSets). */
export function activeReplicaSets(rsList: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rsList.filter((rs): rs is ReplicaSet => rs !== undefined && rsReplicas(rs) > 0);
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest when none is active, undefined when several are. */
function activeOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestOld = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets([...newestOld, newRS]);
  if (active.length === 0) return newRS ?? newestOld[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new ReplicaSet has all the Deployment's replicas, all available. */
function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return rsReplicas(rs) === desiredReplicas(d) && desired === String(desiredReplicas(d)) && (rs.status?.availableReplicas ?? 0) === desiredReplicas(d);
}

/** integer.RoundToInt32: Go's math.Round, halves away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** GetReplicaSetProportion: this ReplicaSet's share of the replicas being added or removed. */
function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (desiredReplicas(d) === 0) fraction = -rsReplicas(rs);
  else {
    const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? 0) || (d.status?.replicas ?? 0);
    fraction = annotated === 0 ? 0 : roundHalfAway((rsReplicas(rs) * (desiredReplicas(d) + maxSurge(d))) / annotated) - rsReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** Proportional scaling of several active ReplicaSets during a rollout (the last branch of scale()). */
function scaleProportionally(state: SimState, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = desiredReplicas(d) > 0 ? desiredReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumOf(all, rsReplicas);
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  all.sort((a, b) => rsReplicas(b) - rsReplicas(a) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)));
  let added = 0;
  const sizes = all.map((rs) => {
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return rsReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  all.forEach((rs, i) => scaleReplicaSet(state, rs, sizes[i]!, d, operation));
}

/** scale(): a scaling event, applied to the one active ReplicaSet or spread over several. */
export function scale(state: SimState, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const target = activeOrLatest(newRS, oldRSs);
  if (target) {
    if (rsReplicas(target) !== desiredReplicas(d)) scaleAndRecord(state, target, desiredReplicas(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleAndRecord(state, old, 0, d);
    return;
  }
  if (isRollingUpdate(d)) scaleProportionally(state, d, newRS, oldRSs);
}

/** cleanupDeployment: deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(state: SimState, oldRSs: ReplicaSet[], d: Deployment): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    const current = fresh(state, 'replicasets', rs);
    const observed = (current.status?.observedGeneration ?? 0) >= (current.metadata.generation ?? 1);
    if ((current.status?.replicas ?? 0) !== 0 || rsReplicas(current) !== 0 || !observed) continue;
    apiDelete(state, 'ReplicaSet', current.metadata.namespace, current.metadata.name ?? '');
  }
}

/** calculateStatus: counts over all ReplicaSets, and the Available condition against maxUnavailable. */
export function calculateStatus(
  state: SimState, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment,
): NonNullable<Deployment['status']> {
  const available = sumOf(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
  const counts = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sumOf(allRSs, (rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sumOf(allRSs, (rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumOf(allRSs, rsReplicas) - available),
  };
  const status: NonNullable<Deployment['status']> = {};
  for (const [k, v] of Object.entries(counts) as [keyof typeof counts, number][]) if (v) status[k] = v;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  status.conditions = [...(d.status?.conditions ?? [])];
  const now = formatTimestamp(state.now);
  const ok = available >= desiredReplicas(d) - maxUnavailable(d);
  setCondition(status, {
    type: 'Available', status: ok ? 'True' : 'False', lastUpdateTime: now, lastTransitionTime: now,
    reason: ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    message: ok ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
  });
  return status;
}

/** Writes a Deployment's status when it differs from the stored one; returns the stored Deployment. */
export function writeDeploymentStatus(state: SimState, d: Deployment, status: NonNullable<Deployment['status']>): Deployment {
  const current = fresh(state, 'deployments', d);
  if (sameData(status, current.status)) return current;
  const updated = apiUpdate(state, { ...current, status }, { subresource: 'status' });
  return isApiError(updated) ? current : updated;
}

/** syncDeploymentStatus: the status of a scaling or paused sync (no progress estimation). */
export function syncDeploymentStatus(state: SimState, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  writeDeploymentStatus(state, d, calculateStatus(state, allRSs, newRS, d));
}
