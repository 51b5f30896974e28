// kubectl describe replicaset (kubectl pkg/describe/describe.go describeReplicaSet,
// getPodStatusForController): selector, labels, the controller, replicas, the phases of the pods it
// controls, the pod template, conditions and events.
import type { SimState } from '../../../sim/state.js';
import type { LabelSelector, Pod, ReplicaSet } from '../../../sim/types.js';
import { listStored } from '../../../sim/api-server/store.js';
import { formatLabelSelector, labelSelectorMatches } from '../../../sim/api-server/selectors.js';
import { annotationLines, finish, labelLines } from './common.js';
import { podTemplateLines } from './pod-template.js';

/** A workload condition as the Conditions table reads it. */
export interface WorkloadCondition { type: string; status: string; reason?: string }

/** The `Type Status Reason` table of deployments and replicasets (the type cell carries a trailing space). */
export function workloadConditionLines(conds: WorkloadCondition[] | undefined): string[] {
  if (!conds?.length) return [];
  return ['Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------', ...conds.map((c) => `  ${c.type} \t${c.status}\t${c.reason ?? ''}`)];
}

/**
 * `3 Running / 0 Waiting / 0 Succeeded / 0 Failed` over the pods that match the selector and whose
 * controller is the workload with this uid (orphans and pods of other controllers are skipped).
 */
export function podStatusForController(state: SimState, namespace: string, selector: LabelSelector, uid: string): string {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of listStored<Pod>(state, 'pods', namespace)) {
    if (!labelSelectorMatches(selector, p.metadata.labels)) continue;
    if (p.metadata.ownerReferences?.find((o) => o.controller)?.uid !== uid) continue;
    const phase = p.status?.phase ?? '';
    if (phase in counts) counts[phase]! += 1;
  }
  return `${counts['Running']} Running / ${counts['Pending']} Waiting / ${counts['Succeeded']} Succeeded / ${counts['Failed']} Failed`;
}

/** The describe text of a ReplicaSet. */
export function describeReplicaSet(state: SimState, rs: ReplicaSet): string {
  const ns = rs.metadata.namespace ?? '';
  const lines = [`Name:\t${rs.metadata.name}`, `Namespace:\t${ns}`, `Selector:\t${formatLabelSelector(rs.spec.selector)}`];
  lines.push(...labelLines('Labels', rs.metadata.labels), ...annotationLines(rs.metadata.annotations));
  const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) lines.push(`Controlled By:\t${owner.kind}/${owner.name}`);
  lines.push(`Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired`);
  lines.push(`Pods Status:\t${podStatusForController(state, ns, rs.spec.selector, rs.metadata.uid ?? '')}`);
  const conditions = (rs.status as { conditions?: WorkloadCondition[] } | undefined)?.conditions;
  lines.push(...podTemplateLines(rs.spec.template), ...workloadConditionLines(conditions));
  return finish(state, rs, lines);
}
