// Taints and tolerations as core/v1 helpers match them (Toleration.ToleratesTaint,
// v1helper.FindMatchingUntoleratedTaint, AddOrUpdateTolerationInPodSpec), shared by the scheduler's
// TaintToleration and NodeUnschedulable plugins and the DaemonSet controller.
// Left out: tolerationSeconds (NoExecute eviction is the taint manager's job, not modelled here).
import type { Taint, Toleration } from '../types.js';

/** Toleration.ToleratesTaint: empty effect and empty key (with Exists) match anything. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal' || op === '') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerationsTolerate(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first taint of the given effects that the tolerations leave untolerated. */
export function findUntoleratedTaint(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: readonly string[]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !tolerationsTolerate(tolerations, taint));
}

/** The effects that keep a pod off a node (DoNotScheduleTaintsFilterFunc). */
export const DO_NOT_SCHEDULE = ['NoSchedule', 'NoExecute'] as const;

/** Toleration.MatchToleration: same key, operator, value and effect (the operator's default spelled out). */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? '') === (b.key ?? '') && (a.operator || 'Equal') === (b.operator || 'Equal')
    && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
}

/** AddOrUpdateTolerationInPodSpec: replaces a matching toleration or appends the new one. */
export function addOrUpdateToleration(tolerations: Toleration[] | undefined, t: Toleration): Toleration[] {
  const list = tolerations ?? [];
  if (list.some((x) => sameToleration(x, t))) return list.map((x) => (sameToleration(x, t) ? { ...t } : x));
  return [...list, { ...t }];
}
