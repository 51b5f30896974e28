// kubectl describe deployment and replicaset (kubectl pkg/describe/describe.go describeDeployment,
// describeReplicaSet, printReplicaSetsByLabels, getPodStatusForController): replicas, strategy,
// the pod template, conditions (rows with the trailing space kubectl writes), the old and new
// ReplicaSets, and events.
import type { SimState } from '../../../sim/state.js';
import type { Deployment, Pod, ReplicaSet } from '../../../sim/types.js';
import { listByIndex, listStored } from '../../../sim/api-server/store.js';
import { formatLabelSelector } from '../../../sim/api-server/selectors.js';
import { annotationLines, finish, labelLines } from './common.js';
import { podTemplateLines } from './pod-template.js';
import { rfc1123z } from './pod.js';

function conditionLines(conds: { type: string; status: string; reason?: string }[] | undefined): string[] {
  if (!conds?.length) return [];
  return ['Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------', ...conds.map((c) => `  ${c.type} \t${c.status}\t${c.reason ?? ''}`)];
}

function ownedReplicaSets(state: SimState, d: Deployment): ReplicaSet[] {
  return listStored<ReplicaSet>(state, 'replicasets', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid));
}

function rsList(rss: ReplicaSet[]): string {
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

/** The describe text of a Deployment. */
export function describeDeployment(state: SimState, d: Deployment): string {
  const s = d.status ?? {};
  const lines = [`Name:\t${d.metadata.name}`, `Namespace:\t${d.metadata.namespace}`, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp ?? '')}`, ...labelLines('Labels', d.metadata.labels), ...annotationLines(d.metadata.annotations)];
  lines.push(`Selector:\t${formatLabelSelector(d.spec.selector)}`);
  lines.push(`Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${(s as { unavailableReplicas?: number }).unavailableReplicas ?? 0} unavailable`);
  const strategy = d.spec.strategy ?? {};
  lines.push(`StrategyType:\t${strategy.type ?? 'RollingUpdate'}`, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`);
  if (strategy.rollingUpdate) lines.push(`RollingUpdateStrategy:\t${strategy.rollingUpdate.maxUnavailable ?? '25%'} max unavailable, ${strategy.rollingUpdate.maxSurge ?? '25%'} max surge`);
  lines.push(...podTemplateLines(d.spec.template), ...conditionLines((s as { conditions?: { type: string; status: string; reason?: string }[] }).conditions));
  const rss = ownedReplicaSets(state, d);
  const revision = (rs: ReplicaSet): number => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  const newest = Math.max(0, ...rss.map(revision));
  const newRS = rss.filter((rs) => revision(rs) === newest);
  const oldRS = rss.filter((rs) => revision(rs) !== newest && (rs.spec.replicas ?? 0) > 0);
  if (rss.length) lines.push(`OldReplicaSets:\t${rsList(oldRS)}`, `NewReplicaSet:\t${rsList(newRS)}`);
  return finish(state, d, lines);
}

/** Running / Waiting / Succeeded / Failed among the pods the ReplicaSet controls. */
function podCounts(state: SimState, rs: ReplicaSet): string {
  const pods = listByIndex<Pod>(state, 'pods', 'owner', rs.metadata.uid ?? '');
  const n = (phase: string): number => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

/** The describe text of a ReplicaSet. */
export function describeReplicaSet(state: SimState, rs: ReplicaSet): string {
  const lines = [`Name:\t${rs.metadata.name}`, `Namespace:\t${rs.metadata.namespace}`, `Selector:\t${formatLabelSelector(rs.spec.selector)}`, ...labelLines('Labels', rs.metadata.labels), ...annotationLines(rs.metadata.annotations)];
  const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) lines.push(`Controlled By:\t${owner.kind}/${owner.name}`);
  lines.push(`Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired`, `Pods Status:\t${podCounts(state, rs)}`);
  lines.push(...podTemplateLines(rs.spec.template), ...conditionLines((rs.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions));
  return finish(state, rs, lines);
}
