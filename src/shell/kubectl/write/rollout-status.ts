// `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go with polymorphichelpers'
// DeploymentStatusViewer and DaemonSetStatusViewer): prints each new status line; in the lab the
// watch is the simulated clock, advanced a second at a time until done or --timeout.
import { advance, apiGet, isApiError, settle } from '../../../sim/index.js';
import type { DaemonSet, Deployment } from '../../../sim/types.js';
import { str } from '../flags.js';
import type { KubectlContext } from '../verb.js';
import { parseGoDuration } from '../duration.js';
import { fail, failApi } from './common.js';
import type { Target } from './targets.js';

/** How long `--wait`-style loops may run the clock when no timeout is given, in seconds. */
export const MAX_WATCH_SECONDS = 600;

/** The longest any watch runs the clock, in seconds: a week, what `kubectl wait` takes a negative timeout for. */
export const MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** `--timeout` in seconds (Go duration text: `30s`, `1h30m`, `-1s`), or pflag's error without `error: `. */
export function timeoutFlag(k: KubectlContext): number | string {
  const raw = str(k.flags, 'timeout');
  const d = raw === '' ? { seconds: 0 } : parseGoDuration(raw);
  return 'error' in d ? `invalid argument "${raw}" for "--timeout" flag: ${d.error}` : d.seconds;
}

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done, or an error. */
export function deploymentStatus(d: Deployment, revision = 0): { text: string; done: boolean } | { error: string } {
  const s = (d.status ?? {}) as { observedGeneration?: number; updatedReplicas?: number; replicas?: number; availableReplicas?: number; conditions?: { type: string; reason?: string }[] };
  const name = d.metadata.name ?? '';
  const running = Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  if (revision > 0 && revision !== running) return { error: `desired revision (${revision}) is different from the running revision (${running})` };
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.some((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')) return { error: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  if (updated < want) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { text: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** DaemonSetStatusViewer.Status. */
function daemonSetStatus(d: DaemonSet): { text: string; done: boolean } {
  const s = (d.status ?? {}) as { observedGeneration?: number; desiredNumberScheduled?: number; updatedNumberScheduled?: number; numberAvailable?: number };
  const name = d.metadata.name ?? '';
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const want = s.desiredNumberScheduled ?? 0;
  if ((s.updatedNumberScheduled ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${want} new pods have been updated...\n`, done: false };
  if ((s.numberAvailable ?? 0) < want) return { text: `Waiting for daemon set "${name}" rollout to finish: ${s.numberAvailable ?? 0} of ${want} updated pods are available...\n`, done: false };
  return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** Watches one Deployment or DaemonSet until its rollout is done, printing each new status line. */
export function watchRollout(k: KubectlContext, t: Target): number {
  const timeout = timeoutFlag(k);
  if (typeof timeout === 'string') return fail(k, timeout);
  const limit = timeout > 0 ? Math.min(timeout, MAX_TIMEOUT_SECONDS) : MAX_WATCH_SECONDS;
  let last = '';
  for (let s = 0; ; s++) {
    const obj = apiGet(k.sim, t.info.kind, t.namespace, t.name);
    if (isApiError(obj)) return failApi(k, obj);
    // DaemonSetStatusViewer ignores --revision (DaemonSets keep no rollout history there).
    const st = t.info.kind === 'Deployment' ? deploymentStatus(obj as Deployment, Number(k.flags.values['revision'] ?? 0)) : daemonSetStatus(obj as DaemonSet);
    if ('error' in st) return fail(k, st.error);
    if (st.text !== last) k.stdout(st.text);
    last = st.text;
    if (st.done || k.flags.values['watch'] === false) return 0;
    if (s >= limit) return fail(k, 'timed out waiting for the condition');
    advance(k.sim, 1000);
    settle(k.sim);
  }
}
