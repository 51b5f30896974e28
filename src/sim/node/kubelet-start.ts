// Starting a pod, as kuberuntime's SyncPod does it: create the sandbox (pause container + CNI ADD),
// then for each container in order EnsureImageExists (pkg/kubelet/images/image_manager.go, with
// the serialized puller) and create+start (kuberuntime_container.go startContainer), with the
// exact v1.34 event texts. Left out: init containers, pull failures, image pull secrets.
import { randHex } from '../rng.js';
import type { Container } from '../types.js';
import { allocatePodIP, sandboxNetworkError } from './cni.js';
import { defaultPullPolicy, imageID, normalizedImage } from './image-ref.js';
import { formatGoDuration } from './go-duration.js';
import { imagePullMs, imageSize, planProcess } from './process.js';
import { firstProbeDelayMs } from './probes.js';
import { planStep } from './pod-runtime.js';
import {
  CACHED_PULL_MS, CREATE_START_MS, SYNC_RETRY_MS, currentPod, draw, kubeletEvent, nodeInternalIP, type SyncContext,
} from './kubelet-context.js';

/** Creates the pod sandbox and its network; a failed CNI ADD is retried after the pod worker's back-off. */
export function createSandbox(ctx: SyncContext): void {
  const { state, rec } = ctx;
  const pod = currentPod(ctx);
  if (!pod) return;
  const sandboxId = randHex(state.rng, 64);
  let ip = nodeInternalIP(state, ctx.node);
  if (!pod.spec.hostNetwork) {
    const r = allocatePodIP(state, ctx.node, sandboxId);
    if (!r.ok) {
      kubeletEvent(ctx, 'Warning', 'FailedCreatePodSandBox', sandboxNetworkError(sandboxId, r.error));
      planStep(rec, state.now + draw(state, [SYNC_RETRY_MS, SYNC_RETRY_MS * 1.5]), { kind: 'sandbox' });
      return;
    }
    ip = r.ip;
  }
  rec.sandboxId = sandboxId;
  rec.ip = ip;
  rec.sandboxReady = true;
  if (pod.spec.containers.length > 0) planStep(rec, state.now, { kind: 'pull', container: 0 });
}

/** The instant the node's serialized image puller is free again, and whether it is busy with this image. */
function pullQueue(ctx: SyncContext, image: string): { freeAt: number; sameImage: boolean } {
  let freeAt = ctx.state.now;
  let sameImage = false;
  for (const rec of Object.values(ctx.state.runtime[ctx.node]?.pods ?? {})) {
    for (const s of rec.steps) {
      if (s.step.kind !== 'pulled') continue;
      freeAt = Math.max(freeAt, s.at);
      if (normalizedImage(s.step.image) === normalizedImage(image)) sameImage = true;
    }
  }
  return { freeAt, sameImage };
}

/** EnsureImageExists for container `i`: already present, not present with policy Never, or pull it. */
export function ensureImage(ctx: SyncContext, i: number): void {
  const { state, rec } = ctx;
  const c = currentPod(ctx)?.spec.containers[i];
  const kc = rec.containers[i];
  if (!c || !kc) return;
  const image = c.image ?? '';
  const policy = c.imagePullPolicy ?? defaultPullPolicy(image);
  const images = state.runtime[ctx.node]!.images;
  const present = images[normalizedImage(image)] === true;
  if (policy === 'Never' && !present) {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    kc.waiting = { reason: 'ErrImageNeverPull', message };
    kubeletEvent(ctx, 'Warning', 'ErrImageNeverPull', message, c.name);
    continueWithNext(ctx, i);
    return;
  }
  if (present && policy !== 'Always') {
    kubeletEvent(ctx, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, c.name);
    kc.imageID = imageID(image);
    planStep(rec, state.now + draw(state, CREATE_START_MS), { kind: 'start', container: i });
    return;
  }
  kubeletEvent(ctx, 'Normal', 'Pulling', `Pulling image "${image}"`, c.name);
  const queue = pullQueue(ctx, image);
  const pullMs = draw(state, present || queue.sameImage ? CACHED_PULL_MS : imagePullMs(image));
  const done = queue.freeAt + pullMs;
  planStep(rec, done, { kind: 'pulled', container: i, image, pullMs, totalMs: done - state.now });
}

/** The pull finished: the node has the image, and the Pulled event reports time and size. */
export function imagePulled(ctx: SyncContext, i: number, image: string, pullMs: number, totalMs: number): void {
  const { state, rec } = ctx;
  const c = currentPod(ctx)?.spec.containers[i];
  const kc = rec.containers[i];
  if (!c || !kc) return;
  state.runtime[ctx.node]!.images[normalizedImage(image)] = true;
  kc.imageID = imageID(image);
  const message = `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(totalMs)} including waiting). Image size: ${imageSize(image)} bytes.`;
  kubeletEvent(ctx, 'Normal', 'Pulled', message, c.name);
  planStep(rec, state.now + draw(state, CREATE_START_MS), { kind: 'start', container: i });
}

/** Creates and starts container `i` (a new run; a restart keeps the previous run as lastState). */
export function startContainer(ctx: SyncContext, i: number): void {
  const { state, rec } = ctx;
  const c: Container | undefined = currentPod(ctx)?.spec.containers[i];
  const kc = rec.containers[i];
  if (!c || !kc) return;
  if (kc.current) {
    kc.last = kc.current;
    kc.restartCount += 1;
  }
  kc.current = { id: randHex(state.rng, 64), startedAt: state.now };
  kc.waiting = undefined;
  kubeletEvent(ctx, 'Normal', 'Created', `Created container: ${c.name}`, c.name);
  kubeletEvent(ctx, 'Normal', 'Started', `Started container ${c.name}`, c.name);
  const plan = planProcess(c);
  if (c.readinessProbe) {
    kc.ready = false;
    planStep(rec, state.now + firstProbeDelayMs(c), { kind: 'probe', container: i });
  } else kc.ready = true;
  if (plan.exit) planStep(rec, state.now + plan.exit.afterMs, { kind: 'exit', container: i });
  continueWithNext(ctx, i);
}

/** SyncPod starts the containers one after another: after container `i`, the next one never started. */
function continueWithNext(ctx: SyncContext, i: number): void {
  const next = i + 1;
  const kc = ctx.rec.containers[next];
  if (!kc || kc.current || kc.waiting?.reason === 'ErrImageNeverPull') return;
  if (ctx.rec.steps.some((s) => 'container' in s.step && s.step.container === next)) return;
  planStep(ctx.rec, ctx.state.now, { kind: 'pull', container: next });
}
