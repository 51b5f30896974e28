// Why a pod fits nowhere, worded as kube-scheduler words it: findNodesThatFitPod and FitError.Error
// (pkg/scheduler/schedule_one.go, framework/types.go) — "0/3 nodes are available: <sorted reason
// histogram>. preemption: <DefaultPreemption's own FitError>." (framework/preemption/preemption.go).
// Left out: actually preempting victims; a node where preemption would help reads as having no victims.
import type { Pod } from '../types.js';
import { pinnedNodeNames } from './node-affinity.js';
import { runFilters, type FilterStatus, type NodeInfo } from './scheduler-plugins.js';

/** The outcome of the filter phase: the nodes that fit, and why each other node did not. */
export interface Diagnosis {
  feasible: NodeInfo[];
  /** Statuses of the nodes that were filtered, by node name. */
  statuses: Map<string, FilterStatus>;
  /** Nodes a PreFilter ruled out before filtering, and the status they share. */
  absent: { count: number; status: FilterStatus } | undefined;
}

/** findNodesThatFitPod: NodeAffinity's PreFilter narrows to pinned nodes, then every remaining node is filtered. */
export function findNodesThatFit(pod: Pod, infos: NodeInfo[]): Diagnosis {
  const pinned = pinnedNodeNames(pod.spec);
  const candidates = pinned ? infos.filter((i) => pinned.has(i.node.metadata.name ?? '')) : infos;
  const absent = pinned
    ? { count: infos.length - candidates.length, status: { code: 'UnschedulableAndUnresolvable' as const, reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"], plugin: 'NodeAffinity' } }
    : undefined;
  const statuses = new Map<string, FilterStatus>();
  const feasible: NodeInfo[] = [];
  for (const info of candidates) {
    const s = runFilters(pod, info);
    if (s) statuses.set(info.node.metadata.name ?? '', s);
    else feasible.push(info);
  }
  return { feasible, statuses, absent: absent && absent.count > 0 ? absent : undefined };
}

/**
 * FitError.Error: "0/N nodes are available: " + the sorted "count reason" histogram + "." and the
 * PostFilter message (whose own FitError already ends in a period, which real messages do not double).
 */
export function fitErrorMessage(numAllNodes: number, statuses: Iterable<FilterStatus>, absent: Diagnosis['absent'], postFilter?: string): string {
  const histogram = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  if (absent) for (const r of absent.status.reasons) histogram.set(r, (histogram.get(r) ?? 0) + absent.count);
  const entries = [...histogram].map(([reason, n]) => `${n} ${reason}`).sort();
  let msg = `0/${numAllNodes} nodes are available:`;
  if (entries.length) msg += ` ${entries.join(', ')}.`;
  if (postFilter) msg += ` ${postFilter.endsWith('.') ? postFilter : `${postFilter}.`}`;
  return msg;
}

/** spec.priority, 0 when unset. */
const priorityOf = (p: Pod): number => p.spec.priority ?? 0;

/** SelectVictimsOnNode in a dry run: why preempting on this node would not help. */
function preemptionStatus(pod: Pod, info: NodeInfo): FilterStatus {
  const victims = info.pods.filter((p) => priorityOf(p) < priorityOf(pod));
  const noVictims: FilterStatus = { code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'], plugin: 'DefaultPreemption' };
  if (victims.length === 0) return noVictims;
  const remaining = info.pods.filter((p) => !victims.includes(p));
  return runFilters(pod, { ...info, pods: remaining, requested: info.requested }) ?? noVictims;
}

/** DefaultPreemption.PostFilter's message: only nodes that failed with plain Unschedulable are tried. */
export function preemptionMessage(pod: Pod, infos: NodeInfo[], d: Diagnosis): string {
  if (pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const potential = infos.filter((i) => d.statuses.get(i.node.metadata.name ?? '')?.code === 'Unschedulable');
  const statuses = potential.map((i) => preemptionStatus(pod, i));
  const rest = infos.length - potential.length;
  const absent = rest > 0
    ? { count: rest, status: { code: 'UnschedulableAndUnresolvable' as const, reasons: ['Preemption is not helpful for scheduling'], plugin: 'DefaultPreemption' } }
    : undefined;
  return `preemption: ${fitErrorMessage(infos.length, statuses, absent)}`;
}

/** The whole FailedScheduling message for a pod that fits on no node. */
export function unschedulableMessage(pod: Pod, infos: NodeInfo[], d: Diagnosis): string {
  return fitErrorMessage(infos.length, d.statuses.values(), d.absent, preemptionMessage(pod, infos, d));
}
