// The deployment controller of kube-controller-manager (pkg/controller/deployment/
// deployment_controller.go syncDeployment): Deployments own ReplicaSets named by pod-template-hash;
// a replicas change is a scaling event, a template change a rollout (RollingUpdate or Recreate).
// Left out: the deprecated spec.rollbackTo (kubectl rollout undo patches the template instead).
import type { SimState, WatchEvent } from '../state.js';
import type { Deployment, Pod, ReplicaSet } from '../types.js';
import { getStored, listStored } from '../api-server/store.js';
import { labelSelectorMatches } from '../api-server/selectors.js';
import type { Controller } from './controller.js';
import { fresh } from './controller-utils.js';
import { controllerRefOf } from './pod-util.js';
import { DESIRED_REPLICAS_ANNOTATION, desiredReplicas, isRollingUpdate } from './deployment-util.js';
import { activeReplicaSets, cleanupDeployment, scale, syncDeploymentStatus } from './deployment-sync.js';
import { getAllReplicaSetsAndSyncRevision, replicaSetsForDeployment } from './deployment-newrs.js';
import { rolloutRecreate, rolloutRolling } from './deployment-rollout.js';
import { DEPLOYMENT_QUEUE, checkPausedConditions } from './deployment-progress.js';

/** Keys of the Deployments a ReplicaSet event concerns: its controller, or the Deployments selecting an orphan. */
function deploymentsForReplicaSet(state: SimState, ev: WatchEvent): string[] {
  const rs = ev.object as ReplicaSet;
  const ns = rs.metadata.namespace ?? 'default';
  const keys = new Set<string>();
  for (const obj of ev.oldObject ? [ev.oldObject, rs] : [rs]) {
    const ref = controllerRefOf(obj);
    if (ref?.kind === 'Deployment') keys.add(`${ns}/${ref.name}`);
  }
  if (!controllerRefOf(rs) && ev.type !== 'DELETED') {
    for (const d of listStored<Deployment>(state, 'deployments', ns)) {
      if (labelSelectorMatches(d.spec.selector, rs.metadata.labels)) keys.add(`${ns}/${d.metadata.name}`);
    }
  }
  return [...keys];
}

/** A deleted pod matters to a Recreate Deployment, which waits for the old pods to be gone. */
function deploymentForDeletedPod(state: SimState, ev: WatchEvent): string[] {
  if (ev.type !== 'DELETED') return [];
  const ns = ev.object.metadata.namespace ?? 'default';
  const rsRef = controllerRefOf(ev.object as Pod);
  if (rsRef?.kind !== 'ReplicaSet') return [];
  const rs = getStored<ReplicaSet>(state, 'replicasets', `${ns}/${rsRef.name}`);
  const dRef = rs && controllerRefOf(rs);
  if (dRef?.kind !== 'Deployment') return [];
  const d = getStored<Deployment>(state, 'deployments', `${ns}/${dRef.name}`);
  return d && !isRollingUpdate(d) ? [`${ns}/${dRef.name}`] : [];
}

/** isScalingEvent: an active ReplicaSet was last sized for a different spec.replicas. */
function isScalingEvent(state: SimState, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, d, rsList, false);
  return activeReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    return desired !== undefined && desired !== String(desiredReplicas(d));
  });
}

/** sync: a scaling event or a paused Deployment — resize, no rollout. */
function syncScaling(state: SimState, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, d, rsList, false);
  const current = fresh(state, 'deployments', d);
  scale(state, current, newRS, oldRSs);
  if (current.spec.paused) cleanupDeployment(state, oldRSs, current);
  const rs = (x: ReplicaSet): ReplicaSet => fresh(state, 'replicasets', x);
  syncDeploymentStatus(state, [...oldRSs.map(rs), newRS && rs(newRS)], newRS && rs(newRS), current);
}

/** syncDeployment for one `namespace/name` key. */
function syncDeployment(state: SimState, key: string): void {
  let d = getStored<Deployment>(state, 'deployments', key);
  if (!d) return;
  let rsList = replicaSetsForDeployment(state, d);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(state, d, rsList, false);
    syncDeploymentStatus(state, [...oldRSs, newRS], newRS, d);
    return;
  }
  d = checkPausedConditions(state, d);
  if (d.spec.paused) return syncScaling(state, d, rsList);
  const scaling = isScalingEvent(state, d, rsList);
  d = fresh(state, 'deployments', d);
  rsList = rsList.map((rs) => fresh(state, 'replicasets', rs));
  if (scaling) return syncScaling(state, d, rsList);
  if (isRollingUpdate(d)) rolloutRolling(state, d, rsList);
  else rolloutRecreate(state, d, rsList);
}

/** The deployment controller. */
export const deploymentController: Controller = {
  name: DEPLOYMENT_QUEUE,
  enqueue(state, ev) {
    if (ev.resource === 'deployments') return [ev.key];
    if (ev.resource === 'replicasets') return deploymentsForReplicaSet(state, ev);
    if (ev.resource === 'pods') return deploymentForDeletedPod(state, ev);
    return [];
  },
  reconcile: syncDeployment,
};
