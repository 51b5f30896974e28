// Graceful deletion on the node (kuberuntime_container.go killContainer, the status manager's final
// delete): "Stopping container x", SIGTERM, SIGKILL when the grace period runs out (exit 137), a
// terminal phase, then the pod is removed for good and its IP given back. A deleted mirror pod is
// only re-created: its static pod keeps running. Left out: preStop hooks, termination ordering.
import type { Node, Pod } from '../types.js';
import { apiCreate } from '../api-server/registry.js';
import { getStored } from '../api-server/store.js';
import { removeObject } from '../api-server/delete.js';
import { dropKubeletPod, planStep } from './pod-runtime.js';
import { planProcess } from './process.js';
import {
  MIN_GRACE_MS, currentPod, draw, kubeletEvent, releaseSandbox, writePodStatus, type SyncContext,
} from './kubelet-context.js';

/** The annotation the kubelet puts on mirror pods (the static pod's config hash). */
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** The grace period the kubelet gives the containers: the deletion's, at least minimumGracePeriodInSeconds. */
function graceMsOf(pod: Pod): number {
  const seconds = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(seconds * 1000, MIN_GRACE_MS);
}

/** A second delete with a shorter grace period: containers not stopped by the new deadline are killed then. */
export function shortenGrace(ctx: SyncContext, pod: Pod): void {
  const { state, rec } = ctx;
  const deadline = state.now + graceMsOf(pod);
  if (rec.killDeadline === undefined || deadline >= rec.killDeadline) return;
  rec.killDeadline = deadline;
  rec.steps = rec.steps.map((s) => (s.step.kind === 'stopped' && s.at > deadline ? { at: deadline, step: { ...s.step, exitCode: 137 } } : s));
}

/** Starts the graceful termination of a pod whose deletionTimestamp is set. */
export function beginTermination(ctx: SyncContext, pod: Pod): void {
  const { state, rec } = ctx;
  rec.terminating = true;
  rec.steps = [];
  const graceMs = graceMsOf(pod);
  rec.killDeadline = state.now + graceMs;
  let running = 0;
  pod.spec.containers.forEach((c, i) => {
    const run = rec.containers[i]?.current;
    if (!run || run.finishedAt !== undefined) return;
    running++;
    kubeletEvent(ctx, 'Normal', 'Killing', `Stopping container ${c.name}`, c.name);
    const stop = planProcess(c).stop;
    const ms = stop === 'ignores' ? graceMs : draw(state, stop.ms);
    const exitCode = stop === 'ignores' || ms >= graceMs ? 137 : stop.exitCode;
    planStep(rec, state.now + Math.min(ms, graceMs), { kind: 'stopped', container: i, exitCode });
  });
  if (running === 0) planStep(rec, state.now, { kind: 'remove' });
}

/** A container has stopped (on SIGTERM, or SIGKILL at the end of the grace period). */
export function containerStopped(ctx: SyncContext, i: number, exitCode: number): void {
  const { state, rec } = ctx;
  const kc = rec.containers[i];
  if (!kc?.current || kc.current.finishedAt !== undefined) return;
  Object.assign(kc.current, { finishedAt: state.now, exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' });
  kc.ready = false;
  kc.waiting = undefined;
  const stillRunning = rec.containers.some((c) => c.current && c.current.finishedAt === undefined);
  if (!stillRunning) planStep(rec, state.now, { kind: 'remove' });
}

/** The pod's last status (a terminal phase once all its containers ran and stopped), then removal for good. */
export function removePod(ctx: SyncContext): void {
  const { state, rec } = ctx;
  const everRan = rec.containers.every((c) => c.current !== undefined);
  releaseSandbox(state, ctx.node, rec);
  if (everRan && !rec.terminalPhase) {
    rec.terminalPhase = rec.containers.every((c) => c.current?.exitCode === 0) ? 'Succeeded' : 'Failed';
    for (const c of rec.containers) c.waiting = undefined;
  }
  writePodStatus(ctx);
  removeObject(state, 'pods', 'Pod', ctx.key);
  dropKubeletPod(state, ctx.node, ctx.key);
}

/**
 * A deleted mirror pod is removed and created again from the static pod, owned by the Node as it is
 * now; its containers keep running. Without a Node object there is no mirror pod to create
 * (mirror_client.go CreateMirrorPod cannot get the node's UID), so the garbage collector's delete sticks.
 */
export function recreateMirrorPod(ctx: SyncContext, pod: Pod): void {
  removeObject(ctx.state, 'pods', 'Pod', ctx.key);
  const node = getStored<Node>(ctx.state, 'nodes', ctx.node);
  if (!node) return;
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, deletionTimestamp: _d, deletionGracePeriodSeconds: _g, ...metadata } = pod.metadata;
  const ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: ctx.node, uid: node.metadata.uid!, controller: true }];
  apiCreate(ctx.state, { apiVersion: pod.apiVersion, kind: 'Pod', metadata: { ...metadata, ownerReferences }, spec: pod.spec } as Pod);
  if (currentPod(ctx)) writePodStatus(ctx);
}
