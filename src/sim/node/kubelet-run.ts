// A running pod's life: containers that exit (restartPolicy, the crash-loop back-off of
// kuberuntime_manager.go doBackOff with flowcontrol.Backoff: 10s doubling to 5m, reset after
// 10 minutes of quiet), pods that finish, and readiness from the prober.
// Left out: liveness probes, OOM kills, restartable init containers.
import { formatGoDuration } from './go-duration.js';
import { planStep, type KubeletContainer } from './pod-runtime.js';
import { planProcess } from './process.js';
import { probePeriodMs, runReadinessProbe } from './probes.js';
import { containerStatus, podPhase } from './pod-status.js';
import { ensureImage } from './kubelet-start.js';
import {
  BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, PLEG_RELIST_MS, currentPod, formatPod, kubeletEvent, releaseSandbox, type SyncContext,
} from './kubelet-context.js';

/** flowcontrol.Backoff hasExpired: an entry not bumped for twice the maximum is forgotten. */
function backoffExpired(kc: KubeletContainer, eventTime: number): boolean {
  return !kc.backoff || eventTime - kc.backoff.at > 2 * BACKOFF_MAX_MS;
}

/** IsInBackOffSince: the container finished less than the current back-off ago. */
function inBackoff(kc: KubeletContainer, finishedAt: number, now: number): boolean {
  return !backoffExpired(kc, finishedAt) && now - finishedAt < kc.backoff!.ms;
}

/** Backoff.Next: start at 10s, double on every restart, cap at 5m. */
function bumpBackoff(kc: KubeletContainer, eventTime: number): void {
  const ms = backoffExpired(kc, eventTime) ? BACKOFF_INITIAL_MS : Math.min(kc.backoff!.ms * 2, BACKOFF_MAX_MS);
  kc.backoff = { ms, at: eventTime };
}

/** Container `i` exited by itself: record it, then restart it, back off, or let the pod finish. */
export function containerExited(ctx: SyncContext, i: number): void {
  const { state, rec } = ctx;
  const pod = currentPod(ctx);
  const kc = rec.containers[i];
  const run = kc?.current;
  if (!pod || !kc || !run || run.finishedAt !== undefined) return;
  const exitCode = planProcess(pod.spec.containers[i]!).exit?.exitCode ?? 0;
  Object.assign(run, { finishedAt: state.now, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' });
  kc.ready = false;
  rec.steps = rec.steps.filter((s) => !(s.step.kind === 'probe' && s.step.container === i));
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
    finishIfDone(ctx);
    return;
  }
  if (inBackoff(kc, run.finishedAt!, state.now + PLEG_RELIST_MS)) {
    planStep(rec, state.now + PLEG_RELIST_MS, { kind: 'backoff', container: i });
    planStep(rec, run.finishedAt! + kc.backoff!.ms, { kind: 'restart', container: i });
  } else planStep(rec, state.now + PLEG_RELIST_MS, { kind: 'restart', container: i });
}

/** The sync that finds the container in back-off: CrashLoopBackOff, and the BackOff warning. */
export function enterBackoff(ctx: SyncContext, i: number): void {
  const pod = currentPod(ctx);
  const kc = ctx.rec.containers[i];
  if (!pod || !kc?.backoff || kc.current?.finishedAt === undefined) return;
  const name = kc.name;
  kc.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${formatGoDuration(kc.backoff.ms)} restarting failed container=${name} pod=${formatPod(pod)}` };
  kubeletEvent(ctx, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${formatPod(pod)}`, name);
}

/** The back-off has passed: bump it and start the container again (pulling again under policy Always). */
export function restartContainer(ctx: SyncContext, i: number): void {
  const kc = ctx.rec.containers[i];
  const finishedAt = kc?.current?.finishedAt;
  if (!kc || finishedAt === undefined) return;
  bumpBackoff(kc, finishedAt);
  ensureImage(ctx, i);
}

/** When every container has finished for good (Never / OnFailure), the pod is terminal and its sandbox goes. */
function finishIfDone(ctx: SyncContext): void {
  const pod = currentPod(ctx);
  if (!pod) return;
  const statuses = pod.spec.containers.map((c, i) => containerStatus(c, ctx.rec.containers[i]!));
  const phase = podPhase(pod, statuses);
  if (phase !== 'Succeeded' && phase !== 'Failed') return;
  ctx.rec.terminalPhase = phase;
  ctx.rec.steps = [];
  releaseSandbox(ctx.state, ctx.node, ctx.rec);
}

/** A readiness probe tick: ready on success; on failure an Unhealthy warning and another try next period. */
export function probeContainer(ctx: SyncContext, i: number): void {
  const { state, rec } = ctx;
  const pod = currentPod(ctx);
  const c = pod?.spec.containers[i];
  const kc = rec.containers[i];
  if (!pod || !c || !kc?.current || kc.current.finishedAt !== undefined) return;
  const target = { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', ip: rec.ip ?? '', node: ctx.node };
  const result = runReadinessProbe(c, target, state.now);
  if (result.ok) {
    kc.ready = true;
    return;
  }
  kc.ready = false;
  kubeletEvent(ctx, 'Warning', 'Unhealthy', `Readiness probe failed: ${result.message}`, c.name);
  planStep(rec, state.now + probePeriodMs(c), { kind: 'probe', container: i });
}
