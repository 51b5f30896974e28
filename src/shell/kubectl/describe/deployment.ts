// kubectl describe deployment (kubectl pkg/describe/describe.go describeDeployment,
// printReplicaSetsByLabels; pkg/util/deployment GetAllReplicaSetsInChunks): replicas, strategy,
// the pod template, conditions, the old and new ReplicaSets, and events.
import type { SimState } from '../../../sim/state.js';
import type { Deployment, ReplicaSet } from '../../../sim/types.js';
import { listStored } from '../../../sim/api-server/store.js';
import { formatSelector, labelSelectorAsSelector, labelSelectorMatches } from '../../../sim/api-server/selectors.js';
import { byCreation, findNewReplicaSet } from '../../../sim/controllers/deployment-util.js';
import { annotationLines, finish, labelLines } from './common.js';
import { podTemplateLines } from './pod-template.js';
import { rfc1123z } from './pod.js';
import { workloadConditionLines } from './replicaset.js';

/** The deployment's ReplicaSets (GetAllReplicaSets): the oldest with its template is new, the others with replicas are old. */
function replicaSetsOf(state: SimState, d: Deployment): { oldRSs: ReplicaSet[]; newRS?: ReplicaSet } {
  const owned = listStored<ReplicaSet>(state, 'replicasets', d.metadata.namespace)
    .filter((rs) => labelSelectorMatches(d.spec.selector, rs.metadata.labels) && rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid))
    .sort(byCreation);
  const newRS = findNewReplicaSet(d, owned);
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS && (rs.spec.replicas ?? 1) !== 0) };
}

function rsList(rss: ReplicaSet[]): string {
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}

/** The describe text of a Deployment. */
export function describeDeployment(state: SimState, d: Deployment): string {
  const s = d.status ?? {};
  const lines = [`Name:\t${d.metadata.name}`, `Namespace:\t${d.metadata.namespace}`, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp ?? '')}`];
  lines.push(...labelLines('Labels', d.metadata.labels), ...annotationLines(d.metadata.annotations));
  const selector = labelSelectorAsSelector(d.spec.selector);
  lines.push(`Selector:\t${selector.ok ? formatSelector(selector.selector) : ''}`);
  lines.push(`Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`);
  const strategy = d.spec.strategy ?? {};
  lines.push(`StrategyType:\t${strategy.type ?? ''}`, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`);
  const ru = strategy.rollingUpdate;
  if (ru) lines.push(`RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge`);
  lines.push(...podTemplateLines(d.spec.template), ...workloadConditionLines(s.conditions));
  const { oldRSs, newRS } = replicaSetsOf(state, d);
  if (oldRSs.length || newRS) lines.push(`OldReplicaSets:\t${rsList(oldRSs)}`, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}`);
  return finish(state, d, lines);
}
