// Finding and creating a Deployment's new ReplicaSet, after getAllReplicaSetsAndSyncRevision and
// getNewReplicaSet (pkg/controller/deployment/sync.go) and SetNewReplicaSetAnnotations and
// NewRSNewReplicas (deployment/util): `<deployment>-<pod-template-hash>`, revisions, collisions.
// Left out: the 2000-character cap on revision-history (a lab never gets near it).
import { formatTimestamp } from '../clock.js';
import type { SimState } from '../state.js';
import type { Deployment, LabelSelector, ReplicaSet } from '../types.js';
import { apiCreate, apiUpdate } from '../api-server/registry.js';
import { isApiError } from '../api-server/errors.js';
import { recordEvent } from '../api-server/events.js';
import { getStored } from '../api-server/store.js';
import { labelSelectorMatches } from '../api-server/selectors.js';
import { claimObjects, fresh, isNamespaceTerminating, candidateObjects } from './controller-utils.js';
import { POD_TEMPLATE_HASH_LABEL, computeHash } from './pod-template-hash.js';
import { isControlledBy, newControllerRef } from './pod-util.js';
import {
  REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, copyDeploymentAnnotations, desiredReplicas, equalIgnoreHash, findNewReplicaSet,
  getCondition, isRollingUpdate, maxSurge, revisionOf, rsReplicas, scaledValue, setCondition, setReplicasAnnotations, sumOf,
} from './deployment-util.js';
import { DEPLOYMENT_COMPONENT, writeDeploymentStatus } from './deployment-sync.js';

/** The new ReplicaSet (when there is one) and every other ReplicaSet of a Deployment. */
export interface ReplicaSetsOf {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/** getReplicaSetsForDeployment: the ReplicaSets the Deployment controls, adopting orphans its selector picks. */
export function replicaSetsForDeployment(state: SimState, d: Deployment): ReplicaSet[] {
  const all = candidateObjects<ReplicaSet>(state, 'replicasets', d.metadata.namespace ?? 'default', d.spec.selector, [d.metadata.uid!]);
  return claimObjects(state, d, all, (rs) => labelSelectorMatches(d.spec.selector, rs.metadata.labels));
}

/** NewRSNewReplicas: how far the new ReplicaSet may grow now (within maxSurge for RollingUpdate, all at once for Recreate). */
export function newRSNewReplicas(d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return desiredReplicas(d);
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', desiredReplicas(d), true);
  const current = sumOf(allRSs, rsReplicas);
  const maxTotal = desiredReplicas(d) + surge;
  if (current >= maxTotal) return rsReplicas(newRS);
  return rsReplicas(newRS) + Math.min(maxTotal - current, desiredReplicas(d) - rsReplicas(newRS));
}

/** SetNewReplicaSetAnnotations: copied Deployment annotations, the revision (and its history on a rollback), replica annotations on create. */
function setNewRSAnnotations(d: Deployment, annotations: Record<string, string>, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotations(d, annotations);
  const oldRevision = annotations[REVISION_ANNOTATION];
  const oldNumber = oldRevision && /^\d+$/.test(oldRevision) ? Number(oldRevision) : 0;
  if (oldNumber < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      annotations[REVISION_HISTORY_ANNOTATION] = history ? `${history},${oldRevision}` : oldRevision;
    }
  }
  if (!exists && setReplicasAnnotations(annotations, desiredReplicas(d), desiredReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** A Deployment condition stamped now. */
function condition(state: SimState, type: string, status: string, reason: string, message: string) {
  const now = formatTimestamp(state.now);
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** SetDeploymentRevision plus UpdateStatus: the revision annotation (a metadata write) and the status. */
function writeRevisionAndStatus(state: SimState, d: Deployment, revision: string, status: NonNullable<Deployment['status']>): Deployment {
  let current = fresh(state, 'deployments', d);
  if (current.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
    const annotations = { ...(current.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    const updated = apiUpdate(state, { ...current, metadata: { ...current.metadata, annotations } });
    if (!isApiError(updated)) current = updated;
  }
  return writeDeploymentStatus(state, current, status);
}

/** The existing new ReplicaSet: sync its annotations (a rollback bumps its revision), then the Deployment's revision. */
function syncExistingNewRS(state: SimState, d: Deployment, rs: ReplicaSet, newRevision: number): ReplicaSet {
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  const changed = setNewRSAnnotations(d, annotations, newRevision, true);
  const minReady = d.spec.minReadySeconds ?? 0;
  if (changed || (rs.spec.minReadySeconds ?? 0) !== minReady) {
    const spec = { ...rs.spec, minReadySeconds: minReady || undefined };
    const updated = apiUpdate(state, { ...rs, metadata: { ...rs.metadata, annotations }, spec });
    return isApiError(updated) ? rs : updated;
  }
  const status = structuredClone(d.status ?? {});
  if (!getCondition(status, 'Progressing')) {
    setCondition(status, condition(state, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`));
  }
  writeRevisionAndStatus(state, d, annotations[REVISION_ANNOTATION] ?? String(newRevision), status);
  return rs;
}

/** CloneSelectorAndAddLabel: the Deployment's selector plus pod-template-hash. */
function selectorWithHash(selector: LabelSelector, hash: string): LabelSelector {
  return { ...structuredClone(selector), matchLabels: { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
}

/** The ReplicaSet a Deployment's template asks for, named `<deployment>-<hash>`. */
function newReplicaSetObject(d: Deployment, hash: string): ReplicaSet {
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const template = structuredClone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...labels }, ownerReferences: [newControllerRef(d)] },
    spec: { replicas: 0, selector: selectorWithHash(d.spec.selector, hash), template },
  };
  if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
  return rs;
}

/** Creates the new ReplicaSet; on a name clash with a different template, bumps collisionCount (and the next sync retries). */
function createNewRS(state: SimState, d: Deployment, oldRSs: ReplicaSet[], newRevision: number): ReplicaSet | undefined {
  const rs = newReplicaSetObject(d, computeHash(d.spec.template, d.status?.collisionCount));
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  const annotations: Record<string, string> = {};
  setNewRSAnnotations(d, annotations, newRevision, false);
  rs.metadata.annotations = annotations;
  const created = apiCreate(state, rs);
  let result: ReplicaSet | undefined = isApiError(created) ? undefined : created;
  if (isApiError(created)) {
    if (created.reason !== 'AlreadyExists') return reportCreateFailure(state, d, rs, created.message, isNamespaceTerminating(created));
    const existing = getStored<ReplicaSet>(state, 'replicasets', `${d.metadata.namespace}/${rs.metadata.name}`);
    if (!existing || !isControlledBy(existing, d.metadata.uid) || !equalIgnoreHash(d.spec.template, existing.spec.template)) {
      writeDeploymentStatus(state, d, { ...structuredClone(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
      return undefined;
    }
    result = existing;
  } else if (rsReplicas(rs) > 0) {
    recordEvent(state, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${rsReplicas(rs)}`, { component: DEPLOYMENT_COMPONENT });
  }
  const status = structuredClone(d.status ?? {});
  if (!isApiError(created)) setCondition(status, condition(state, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rs.metadata.name}"`));
  writeRevisionAndStatus(state, d, String(newRevision), status);
  return result;
}

/** A failed create: a Warning event and Progressing=False ReplicaSetCreateError (silent when the namespace is going away). */
function reportCreateFailure(state: SimState, d: Deployment, rs: ReplicaSet, err: string, terminating: boolean): undefined {
  if (terminating) return undefined;
  const msg = `Failed to create new replica set "${rs.metadata.name}": ${err}`;
  const status = structuredClone(d.status ?? {});
  setCondition(status, condition(state, 'Progressing', 'False', 'ReplicaSetCreateError', msg));
  writeDeploymentStatus(state, d, status);
  recordEvent(state, d, 'Warning', 'ReplicaSetCreateError', msg, { component: DEPLOYMENT_COMPONENT });
  return undefined;
}

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked) with its revision synced, and the old ones. */
export function getAllReplicaSetsAndSyncRevision(state: SimState, d: Deployment, rsList: ReplicaSet[], create: boolean): ReplicaSetsOf {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = Math.max(0, ...oldRSs.map(revisionOf)) + 1;
  if (existing) return { newRS: syncExistingNewRS(state, d, existing, newRevision), oldRSs };
  return { newRS: create ? createNewRS(state, d, oldRSs, newRevision) : undefined, oldRSs };
}
