// The kubelet of every node (pkg/kubelet: pod workers, SyncPod, the status manager), as one
// controller keyed by pod: it admits pods bound to its node, walks each through sandbox, image pull,
// create and start on the simulated clock, reports status, and tears pods down on deletion.
// Left out: node status, eviction, volumes, init containers, spec changes of running pods.
import type { Controller } from '../controllers/controller.js';
import { addAfter } from '../controllers/controller.js';
import type { SimState, WatchEvent } from '../state.js';
import type { Pod } from '../types.js';
import { getStored } from '../api-server/store.js';
import { dropKubeletPod, findKubeletPod, planStep, putKubeletPod, type KubeletPod, type KubeletStep } from './pod-runtime.js';
import { CNI_ADD_MS, SANDBOX_MS, draw, releaseSandbox, writePodStatus, type SyncContext } from './kubelet-context.js';
import { createSandbox, ensureImage, imagePulled, startContainer } from './kubelet-start.js';
import { containerExited, enterBackoff, probeContainer, restartContainer } from './kubelet-run.js';
import { MIRROR_ANNOTATION, beginTermination, containerStopped, recreateMirrorPod, removePod, shortenGrace } from './kubelet-stop.js';

/** The queue (and timer) name of the kubelets. */
export const KUBELET_QUEUE = 'kubelet';

/** A pod's identity on the node: its uid, or for a mirror pod the static pod's config hash. */
function podIdentity(pod: Pod): string {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid ?? '';
}

/** HandlePodAdditions: the kubelet starts tracking a pod bound to its node; it shows ContainerCreating. */
function admit(state: SimState, pod: Pod, node: string, key: string): KubeletPod {
  const rec: KubeletPod = {
    uid: podIdentity(pod),
    startTime: state.now,
    sandboxReady: false,
    terminating: false,
    containers: pod.spec.containers.map((c) => ({ name: c.name, restartCount: 0, ready: false })),
    steps: [],
  };
  planStep(rec, sandboxSlot(state, node, state.now + draw(state, SANDBOX_MS)), { kind: 'sandbox' });
  putKubeletPod(state, node, key, rec);
  return rec;
}

/** CNI ADDs on a node hold host-local's lock one at a time: a sandbox is ready after those planned before it. */
function sandboxSlot(state: SimState, node: string, earliest: number): number {
  let slot = earliest;
  for (const other of Object.values(state.runtime[node]?.pods ?? {})) {
    for (const s of other.steps) if (s.step.kind === 'sandbox') slot = Math.max(slot, s.at + CNI_ADD_MS);
  }
  return slot;
}

/** The pod is gone from the API (force-deleted, or its namespace emptied): kill the sandbox and forget it. */
function forget(state: SimState, node: string, key: string, rec: KubeletPod): void {
  releaseSandbox(state, node, rec);
  dropKubeletPod(state, node, key);
}

/** Takes one planned step; returns false once the pod has been removed. */
function performStep(ctx: SyncContext, step: KubeletStep): boolean {
  switch (step.kind) {
    case 'sandbox': createSandbox(ctx); return true;
    case 'pull': ensureImage(ctx, step.container); return true;
    case 'pulled': imagePulled(ctx, step.container, step.image, step.pullMs, step.totalMs); return true;
    case 'start': startContainer(ctx, step.container); return true;
    case 'exit': containerExited(ctx, step.container); return true;
    case 'backoff': enterBackoff(ctx, step.container); return true;
    case 'restart': restartContainer(ctx, step.container); return true;
    case 'probe': probeContainer(ctx, step.container); return true;
    case 'stopped': containerStopped(ctx, step.container, step.exitCode); return true;
    case 'remove': removePod(ctx); return false;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}

/** Sets a timer for the next planned step, unless one is already set for that instant. */
function scheduleWake(ctx: SyncContext): void {
  const next = ctx.rec.steps[0]?.at;
  if (next === undefined || next === ctx.rec.wakeAt) return;
  ctx.rec.wakeAt = next;
  addAfter(ctx.state, KUBELET_QUEUE, ctx.key, next);
}

/** The record for a pod, admitting it when new (a record of an older pod with the same name is dropped). */
function recordFor(state: SimState, pod: Pod, node: string, key: string): KubeletPod | undefined {
  const found = findKubeletPod(state, key);
  if (found && (found.node !== node || found.rec.uid !== podIdentity(pod))) forget(state, found.node, key, found.rec);
  else if (found) return found.rec;
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' ? undefined : admit(state, pod, node, key);
}

/** syncPod: brings one pod on its node up to the simulated clock. */
function syncPod(state: SimState, key: string): void {
  const pod = getStored<Pod>(state, 'pods', key);
  const node = pod?.spec.nodeName;
  if (!pod || !node || !state.runtime[node]) {
    const found = findKubeletPod(state, key);
    if (found && (!pod || found.node !== node)) forget(state, found.node, key, found.rec);
    return;
  }
  const rec = recordFor(state, pod, node, key);
  if (!rec) return;
  const ctx: SyncContext = { state, key, node, rec };
  if (pod.metadata.deletionTimestamp && pod.metadata.annotations?.[MIRROR_ANNOTATION]) recreateMirrorPod(ctx, pod);
  else if (pod.metadata.deletionTimestamp && !rec.terminating) beginTermination(ctx, pod);
  else if (pod.metadata.deletionTimestamp) shortenGrace(ctx, pod);
  while (rec.steps.length > 0 && rec.steps[0]!.at <= state.now) {
    if (!performStep(ctx, rec.steps.shift()!.step)) return;
  }
  writePodStatus(ctx);
  scheduleWake(ctx);
}

/** Pods bound to a node (or that were) wake their kubelet. */
function enqueuePod(_state: SimState, ev: WatchEvent): string[] {
  if (ev.resource !== 'pods') return [];
  const now = (ev.object as Pod).spec?.nodeName;
  const before = (ev.oldObject as Pod | undefined)?.spec?.nodeName;
  return now || before ? [ev.key] : [];
}

/** The kubelets of all nodes, as one controller keyed by pod (`ns/name`). */
export const kubelet: Controller = { name: KUBELET_QUEUE, enqueue: enqueuePod, reconcile: syncPod };
