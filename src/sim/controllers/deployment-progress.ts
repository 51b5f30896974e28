// Rollout progress of pkg/controller/deployment/progress.go and util: the Progressing condition
// (NewReplicaSetCreated → ReplicaSetUpdated → NewReplicaSetAvailable, or ProgressDeadlineExceeded),
// the requeue that notices a stuck rollout, and the paused/resumed conditions of sync.go.
// Left out: copying ReplicaSet failure conditions (no quota in the lab, so creations do not fail).
import { formatTimestamp } from '../clock.js';
import type { SimState } from '../state.js';
import type { Deployment, ReplicaSet } from '../types.js';
import { keyOf } from '../api-server/store.js';
import { requeueAt } from './controller-utils.js';
import { timeOf } from './pod-util.js';
import { desiredReplicas, getCondition, progressDeadlineSeconds, removeCondition, setCondition, type DeploymentCondition } from './deployment-util.js';
import { calculateStatus, writeDeploymentStatus } from './deployment-sync.js';

/** The deployment controller's work queue. */
export const DEPLOYMENT_QUEUE = 'deployment';

type Status = NonNullable<Deployment['status']>;

/** DeploymentComplete: every replica updated and available, and the latest generation observed. */
export function deploymentComplete(d: Deployment, s: Deployment['status']): boolean {
  const n = desiredReplicas(d);
  return (s?.updatedReplicas ?? 0) === n && (s?.replicas ?? 0) === n && (s?.availableReplicas ?? 0) === n && (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}

/** DeploymentProgressing: more updated, ready or available pods than last time, or fewer old ones. */
function deploymentProgressing(d: Deployment, s: Status): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld
    || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** DeploymentTimedOut: no progress recorded for progressDeadlineSeconds. */
function deploymentTimedOut(state: SimState, d: Deployment, s: Status): boolean {
  const c = getCondition(s, 'Progressing');
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  return timeOf(c.lastUpdateTime) + progressDeadlineSeconds(d) * 1000 < state.now;
}

function progressing(state: SimState, status: string, reason: string, message: string): DeploymentCondition {
  const now = formatTimestamp(state.now);
  return { type: 'Progressing', status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** The Progressing condition for this sync (mutates `s`), following syncRolloutStatus's switch. */
function estimateProgress(state: SimState, d: Deployment, s: Status, newRS: ReplicaSet | undefined): void {
  const name = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, s)) {
    setCondition(s, progressing(state, 'True', 'NewReplicaSetAvailable', `${name} has successfully progressed.`));
  } else if (deploymentProgressing(d, s)) {
    const c = progressing(state, 'True', 'ReplicaSetUpdated', `${name} is progressing.`);
    const current = getCondition(s, 'Progressing');
    if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
    if (current) removeCondition(s, 'Progressing');
    setCondition(s, c);
  } else if (deploymentTimedOut(state, d, s)) {
    setCondition(s, progressing(state, 'False', 'ProgressDeadlineExceeded', `${name} has timed out progressing.`));
  }
}

/** requeueStuckDeployment: look again when the progress deadline would pass. */
function requeueStuckDeployment(state: SimState, d: Deployment, s: Status): void {
  const c = getCondition(d.status, 'Progressing');
  if (!c || deploymentComplete(d, s) || c.reason === 'ProgressDeadlineExceeded') return;
  const deadline = timeOf(c.lastUpdateTime) + progressDeadlineSeconds(d) * 1000;
  requeueAt(state, DEPLOYMENT_QUEUE, keyOf(d), Math.max(state.now, deadline) + 1000);
}

/** syncRolloutStatus: status, Available, and Progressing estimated unless the last rollout is complete. */
export function syncRolloutStatus(state: SimState, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const s = calculateStatus(state, allRSs, newRS, d);
  const current = getCondition(d.status, 'Progressing');
  const complete = s.replicas === s.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
  if (!complete) estimateProgress(state, d, s, newRS);
  const written = writeDeploymentStatus(state, d, s);
  if (written === d || written.metadata.resourceVersion === d.metadata.resourceVersion) requeueStuckDeployment(state, d, s);
}

/** checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed as spec.paused flips. */
export function checkPausedConditions(state: SimState, d: Deployment): Deployment {
  const c = getCondition(d.status, 'Progressing');
  if (c?.reason === 'ProgressDeadlineExceeded') return d;
  const pausedCond = c?.reason === 'DeploymentPaused';
  const s = structuredClone(d.status ?? {});
  if (d.spec.paused && !pausedCond) setCondition(s, progressing(state, 'Unknown', 'DeploymentPaused', 'Deployment is paused'));
  else if (!d.spec.paused && pausedCond) setCondition(s, progressing(state, 'Unknown', 'DeploymentResumed', 'Deployment is resumed'));
  else return d;
  return writeDeploymentStatus(state, d, s);
}
