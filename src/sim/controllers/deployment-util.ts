// The helpers of pkg/controller/deployment/util/deployment_util.go: surge and unavailability
// fenceposts, the revision and replica annotations, conditions, and finding the new ReplicaSet.
// Fields the API server defaults (replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10,
// progressDeadlineSeconds 600) are read with those defaults, so an undefaulted object behaves the same.
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../types.js';
import { POD_TEMPLATE_HASH_LABEL, canonicalJson } from './pod-template-hash.js';
import { timeOf } from './pod-util.js';

/** deployment.kubernetes.io/revision: the rollout sequence number on a Deployment and its ReplicaSets. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Earlier revisions a ReplicaSet served (set when a rollback reuses it). */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** The Deployment's spec.replicas when the ReplicaSet was last scaled. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** spec.replicas + maxSurge when the ReplicaSet was last scaled. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** One Deployment condition as apps/v1 stores it. */
export type DeploymentCondition = NonNullable<NonNullable<Deployment['status']>['conditions']>[number];

/** spec.replicas with its default of 1. */
export const desiredReplicas = (d: Deployment): number => d.spec.replicas ?? 1;
/** ReplicaSet spec.replicas with its default of 1. */
export const rsReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 1;
/** True unless the strategy is Recreate. */
export const isRollingUpdate = (d: Deployment): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
/** progressDeadlineSeconds with its default of 600 (the API server always sets one). */
export const progressDeadlineSeconds = (d: Deployment): number => d.spec.progressDeadlineSeconds ?? 600;

/** intstr.GetScaledValueFromIntOrPercent: "25%" of total rounded up or down; a plain number as is. */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: surge rounds up, unavailability down, and both zero means one may be unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', desiredReplicas(d), true);
  const unavailable = scaledValue(ru?.maxUnavailable ?? '25%', desiredReplicas(d), false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

/** MaxSurge: extra pods allowed during a rolling update (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

/** MaxUnavailable: pods allowed to be unavailable, capped at spec.replicas (0 for Recreate or zero replicas). */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || desiredReplicas(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, desiredReplicas(d));
}

/** The revision number on an object's annotations (0 when absent or unparsable). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  return v && /^\d+$/.test(v) ? Number(v) : 0;
}

/** A pod template without the pod-template-hash label, as EqualIgnoreHash compares them (nil and empty alike). */
function templateIgnoringHash(t: PodTemplateSpec): string {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  const metadata = { ...(t.metadata ?? {}), labels: Object.keys(labels).length ? labels : undefined };
  return canonicalJson(stripEmpty({ ...t, metadata }));
}

/** Drops empty objects and arrays, as apimachinery's semantic equality treats them like nil. */
function stripEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(stripEmpty);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = stripEmpty(x);
    if (s !== undefined) out[k] = s;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** EqualIgnoreHash: the same pod template apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return templateIgnoringHash(a) === templateIgnoringHash(b);
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const d = timeOf(a.metadata.creationTimestamp) - timeOf(b.metadata.creationTimestamp);
  if (d !== 0) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** Sums a count over ReplicaSets (GetReplicaCountForReplicaSets and friends). */
export function sumOf(rsList: (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number): number {
  return rsList.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
}

/** Copies the Deployment's annotations to a ReplicaSet, except the ones the controller owns; true when something changed. */
export function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when they changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  if (annotations[DESIRED_REPLICAS_ANNOTATION] === String(desired) && annotations[MAX_REPLICAS_ANNOTATION] === String(max)) return false;
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
  annotations[MAX_REPLICAS_ANNOTATION] = String(max);
  return true;
}

/** The condition of a type in a Deployment status. */
export function getCondition(status: Deployment['status'], type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: no change when status and reason are the same; otherwise the condition
 * moves to the end of the list, keeping lastTransitionTime when only the reason changed.
 */
export function setCondition(status: NonNullable<Deployment['status']>, c: DeploymentCondition): void {
  const current = getCondition(status, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), next];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: NonNullable<Deployment['status']>, type: string): void {
  status.conditions = (status.conditions ?? []).filter((x) => x.type !== type);
}
