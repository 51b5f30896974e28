// The kubelet's own books about a pod it runs, as plain data: what the real kubelet keeps in its
// pod workers, the container runtime (containerd) and the status manager (pkg/kubelet/pod_workers.go,
// pkg/kubelet/kuberuntime, util/flowcontrol back-off). Kept per node in state.runtime[node].pods.
import type { SimState } from '../state.js';

/** One run of a container (a containerd container), running or exited. */
export interface ContainerRun {
  id: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
}

/** The kubelet's view of one container of the pod, across restarts. */
export interface KubeletContainer {
  name: string;
  restartCount: number;
  /** The latest run; `last` is the one before it (status.lastState). */
  current?: ContainerRun;
  last?: ContainerRun;
  /** Set while the container waits: ContainerCreating, CrashLoopBackOff, ErrImageNeverPull. */
  waiting?: { reason: string; message?: string };
  /** The resolved image once pulled (repository@sha256:...). */
  imageID?: string;
  ready: boolean;
  /** flowcontrol.Backoff entry of the crash-loop back-off (ms, and when it was last bumped). */
  backoff?: { ms: number; at: number };
}

/** A step the kubelet will take at a simulated instant. */
export type KubeletStep =
  | { kind: 'sandbox' }
  | { kind: 'pull'; container: number }
  | { kind: 'pulled'; container: number; image: string; pullMs: number; totalMs: number }
  | { kind: 'restart'; container: number }
  | { kind: 'start'; container: number }
  | { kind: 'exit'; container: number }
  | { kind: 'backoff'; container: number }
  | { kind: 'probe'; container: number }
  | { kind: 'stopped'; container: number; exitCode: number }
  | { kind: 'remove' };

/** The kubelet's record of one pod on its node. */
export interface KubeletPod {
  /** The pod's uid, or the static pod's config hash for a mirror pod (which survives re-creation). */
  uid: string;
  startTime: number;
  sandboxId?: string;
  /** The pod's IP once the sandbox exists (the node's IP for hostNetwork pods). */
  ip?: string;
  sandboxReady: boolean;
  terminating: boolean;
  /** While terminating: when the last container is killed (SIGKILL) at the latest. */
  killDeadline?: number;
  /** Set once the pod has finished (phase Succeeded or Failed). */
  terminalPhase?: 'Succeeded' | 'Failed';
  containers: KubeletContainer[];
  /** Steps still to take, in time order (ties in the order they were planned). */
  steps: { at: number; step: KubeletStep }[];
  /** The instant a wake-up timer is already set for. */
  wakeAt?: number;
}

/** The record of a pod key on whichever node holds it. */
export function findKubeletPod(state: SimState, key: string): { node: string; rec: KubeletPod } | undefined {
  for (const node of Object.keys(state.runtime).sort()) {
    const rec = state.runtime[node]!.pods?.[key];
    if (rec) return { node, rec };
  }
  return undefined;
}

/** Stores the record of a pod key on a node. */
export function putKubeletPod(state: SimState, node: string, key: string, rec: KubeletPod): void {
  const runtime = state.runtime[node];
  if (runtime) (runtime.pods ??= {})[key] = rec;
}

/** Forgets the record of a pod key on a node. */
export function dropKubeletPod(state: SimState, node: string, key: string): void {
  delete state.runtime[node]?.pods?.[key];
}

/** Plans a step at `at`, after every step already planned for the same instant. */
export function planStep(rec: KubeletPod, at: number, step: KubeletStep): void {
  const i = rec.steps.findIndex((s) => s.at > at);
  if (i < 0) rec.steps.push({ at, step });
  else rec.steps.splice(i, 0, { at, step });
}
