// `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go with polymorphichelpers'
// DeploymentStatusViewer and DaemonSetStatusViewer): prints each new status line; in the lab the
// watch is the simulated clock, advanced a second at a time until done or --timeout.
import { advance, apiGet, isApiError, settle } from '../../../sim/index.js';
import type { DaemonSet, Deployment } from '../../../sim/types.js';
import { str } from '../flags.js';
import type { KubectlContext } from '../verb.js';
import { fail, failApi } from './common.js';
import type { Target } from './targets.js';

/** How long `--wait`-style loops may run the clock when no timeout is given, in seconds. */
export const MAX_WATCH_SECONDS = 600;

/** Go duration text (`30s`, `2m`, `1h`, `0`) in seconds, or undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (text === '' || text === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 's' ? n : m[2] === 'm' ? n * 60 : n * 3600;
}

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done, or an error. */
export function deploymentStatus(d: Deployment): { text: string; done: boolean } | { error: string } {
  const s = (d.status ?? {}) as { observedGeneration?: number; updatedReplicas?: number; replicas?: number; availableReplicas?: number; conditions?: { type: string; reason?: string }[] };
  const name = d.metadata.name ?? '';
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
  const timeout = parseDuration(str(k.flags, 'timeout'));
  if (timeout === undefined) return fail(k, `invalid argument "${str(k.flags, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(k.flags, 'timeout')}"`);
  const limit = timeout > 0 ? timeout : MAX_WATCH_SECONDS;
  let last = '';
  for (let s = 0; ; s++) {
    const obj = apiGet(k.sim, t.info.kind, t.namespace, t.name);
    if (isApiError(obj)) return failApi(k, obj);
    const st = t.info.kind === 'Deployment' ? deploymentStatus(obj as Deployment) : daemonSetStatus(obj as DaemonSet);
    if ('error' in st) return fail(k, st.error);
    if (st.text !== last) k.stdout(st.text);
    last = st.text;
    if (st.done || k.flags.values['watch'] === false) return 0;
    if (s >= limit) return fail(k, 'timed out waiting for the condition');
    advance(k.sim, 1000);
    settle(k.sim);
  }
}
