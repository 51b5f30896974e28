// What every part of the simulated kubelet shares while it syncs one pod: the pod's record, its
// events (client-go's recorder, source kubelet/<node>), timing constants of the real kubelet
// (PLEG relist 1s, pod worker back-off 10s, crash-loop back-off 10s..5m) and the status write.
import type { SimState } from '../state.js';
import type { Node, Pod } from '../types.js';
import { randInt } from '../rng.js';
import { apiUpdate } from '../api-server/registry.js';
import { recordEvent } from '../api-server/events.js';
import { getStored } from '../api-server/store.js';
import { releasePodIP } from './cni.js';
import { buildPodStatus } from './pod-status.js';
import type { KubeletPod } from './pod-runtime.js';

/** One pod being synced on one node. */
export interface SyncContext {
  state: SimState;
  key: string;
  node: string;
  rec: KubeletPod;
}

/** The PLEG relist period: how long the kubelet takes to notice a container that exited. */
export const PLEG_RELIST_MS = 1000;
/** The pod worker's back-off after a failed sync (sandbox creation), before jitter. */
export const SYNC_RETRY_MS = 10_000;
/** The crash-loop back-off: initial and maximum (MaxContainerBackOff). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** minimumGracePeriodInSeconds of kuberuntime: every container gets at least 2s to stop. */
export const MIN_GRACE_MS = 2000;
/** Creating the sandbox (pause container + CNI ADD), and creating+starting a container. */
export const SANDBOX_MS: [number, number] = [600, 1400];
/** One CNI ADD under host-local's lock (sandboxes on a node get their addresses one after another). */
export const CNI_ADD_MS = 100;
export const CREATE_START_MS: [number, number] = [80, 400];
/** A pull of an image the node already has (policy Always): only the manifest is fetched. */
export const CACHED_PULL_MS: [number, number] = [300, 900];

/** A duration drawn uniformly from a range, from the simulation's PRNG. */
export function draw(state: SimState, [min, max]: [number, number]): number {
  return min + randInt(state.rng, Math.max(1, max - min + 1));
}

/** The pod as stored now. */
export function currentPod(ctx: SyncContext): Pod | undefined {
  return getStored<Pod>(ctx.state, 'pods', ctx.key);
}

/** Records a kubelet event on the pod; container events carry the fieldPath `spec.containers{name}`. */
export function kubeletEvent(ctx: SyncContext, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
  const pod = currentPod(ctx);
  if (!pod) return;
  recordEvent(ctx.state, pod, type, reason, message, { component: 'kubelet', host: ctx.node }, container ? `spec.containers{${container}}` : undefined);
}

/** The node's InternalIP (status.hostIP, and the pod IP of hostNetwork pods). */
export function nodeInternalIP(state: SimState, node: string): string {
  const obj = getStored<Node>(state, 'nodes', node);
  return obj?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/** format.Pod: how the kubelet names a pod in messages, `name_namespace(uid)`. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/** The status manager's write: the status the record implies, when it differs from the stored one. */
export function writePodStatus(ctx: SyncContext): void {
  const pod = currentPod(ctx);
  if (!pod) return;
  const status = buildPodStatus(pod, ctx.rec, nodeInternalIP(ctx.state, ctx.node), ctx.state.now);
  if (JSON.stringify(status) === JSON.stringify(pod.status)) return;
  apiUpdate(ctx.state, { ...pod, status }, { subresource: 'status' });
}

/** Stops the sandbox: CNI DEL gives the pod's address back to host-local. */
export function releaseSandbox(state: SimState, node: string, rec: KubeletPod): void {
  if (rec.ip && rec.sandboxId) releasePodIP(state, node, rec.ip, rec.sandboxId);
  rec.sandboxReady = false;
}
