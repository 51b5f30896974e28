// Which pods a ReplicaSet deletes first when it scales down: getPodsToDelete and
// getPodsRankedByRelatedPodsOnSameNode (pkg/controller/replicaset/replica_set.go) sorting with
// ActivePodsWithRanks.Less (pkg/controller/controller_utils.go), with PodDeletionCost and
// LogarithmicScaleDown on as in v1.34. Left out: sidecar restart counts (no restartable init containers here).
import type { Pod } from '../types.js';
import { isPodActive, isPodReady, podReadyTime, timeOf } from './pod-util.js';

/** podPhaseToOrdinal: Pending (and no phase) first, then Unknown, then Running. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

const phaseOrdinal = (p: Pod): number => PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;

/** controller.kubernetes.io/pod-deletion-cost, 0 when absent or not an int32. */
function deletionCost(p: Pod): number {
  const v = p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (v === undefined || !/^-?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));

/** logarithmicRankDiff: compares floor(log2(age in ns)), so pods of similar age tie. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => (now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1);
  return rank(t1) - rank(t2);
}

/** afterOrZero with the logarithmic bucketing: newer first, ties broken by uid. */
function newerFirst(a: Pod, b: Pod, ta: number, tb: number, now: number): boolean | undefined {
  if (ta === tb) return undefined;
  if (ta === 0 || tb === 0) return ta === 0;
  const diff = logRankDiff(ta, tb, now);
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
  return diff < 0;
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function deleteBefore(a: Pod, b: Pod, rankA: number, rankB: number, now: number): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) < deletionCost(b);
  if (rankA !== rankB) return rankA > rankB;
  if (isPodReady(a) && isPodReady(b)) {
    const byReady = newerFirst(a, b, podReadyTime(a) ?? 0, podReadyTime(b) ?? 0, now);
    if (byReady !== undefined) return byReady;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  return newerFirst(a, b, timeOf(a.metadata.creationTimestamp), timeOf(b.metadata.creationTimestamp), now) ?? false;
}

/** getPodsToDelete: the `diff` pods to delete, ranked by how many active related pods share their node. */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => (deleteBefore(x.pod, y.pod, x.rank, y.rank, now) ? -1 : deleteBefore(y.pod, x.pod, y.rank, x.rank, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
