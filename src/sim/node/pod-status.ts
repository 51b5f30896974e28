// The pod status the kubelet reports (pkg/kubelet/kubelet_pods.go generateAPIPodStatus and getPhase,
// pkg/kubelet/status/generate.go for the conditions, the status manager for lastTransitionTime).
// It is a pure function of the pod, the kubelet's record and the clock.
// Left out: init containers, readiness gates, resize status, `user` (containerd 1.7 does not report it).
import { formatTimestamp } from '../clock.js';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../types.js';
import type { ContainerRun, KubeletContainer, KubeletPod } from './pod-runtime.js';
import { normalizedImage } from './image-ref.js';
import { qosClass } from './qos.js';

/** The conditions the kubelet owns, in the order it writes them. */
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function terminatedOf(run: ContainerRun): NonNullable<ContainerState['terminated']> {
  return {
    containerID: `containerd://${run.id}`, exitCode: run.exitCode ?? 0, reason: run.reason,
    startedAt: formatTimestamp(run.startedAt), finishedAt: formatTimestamp(run.finishedAt ?? run.startedAt),
  };
}

/** The mounts as the kubelet reports them (RecursiveReadOnlyMounts, on since v1.31): read-only ones say Disabled. */
function statusVolumeMounts(spec: Container): ContainerStatus['volumeMounts'] {
  const mounts = spec.volumeMounts ?? [];
  if (mounts.length === 0) return undefined;
  return mounts.map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
}

/** The resources of a running container (InPlacePodVerticalScaling, beta since v1.33): requests default to limits. */
function statusResources(spec: Container): NonNullable<ContainerStatus['resources']> {
  const r = (spec.resources ?? {}) as { limits?: Record<string, string>; requests?: Record<string, string> };
  const requests = { ...(r.limits ?? {}), ...(r.requests ?? {}) };
  return { ...(r.limits && Object.keys(r.limits).length ? { limits: { ...r.limits } } : {}), ...(Object.keys(requests).length ? { requests } : {}) };
}

/** One entry of status.containerStatuses. */
export function containerStatus(spec: Container, kc: KubeletContainer): ContainerStatus {
  const run = kc.current;
  const running = run !== undefined && run.finishedAt === undefined;
  let state: ContainerState;
  if (kc.waiting) state = { waiting: { reason: kc.waiting.reason, ...(kc.waiting.message ? { message: kc.waiting.message } : {}) } };
  else if (running) state = { running: { startedAt: formatTimestamp(run.startedAt) } };
  else if (run) state = { terminated: terminatedOf(run) };
  else state = { waiting: { reason: 'ContainerCreating' } };
  // While waiting to restart, the run that just exited is the last state (CrashLoopBackOff).
  const lastRun = kc.waiting && run ? run : kc.last;
  return {
    name: spec.name,
    state,
    lastState: lastRun?.finishedAt !== undefined ? { terminated: terminatedOf(lastRun) } : {},
    ready: kc.ready,
    restartCount: kc.restartCount,
    image: kc.imageID ? normalizedImage(spec.image ?? '') : spec.image ?? '',
    imageID: kc.imageID ?? '',
    ...(run ? { containerID: `containerd://${run.id}` } : {}),
    started: running,
    ...(running ? { resources: statusResources(spec) } : {}),
    ...(statusVolumeMounts(spec) ? { volumeMounts: statusVolumeMounts(spec) } : {}),
  };
}

/** getPhase: Pending until every container has started, then Running, Succeeded or Failed. */
export function podPhase(pod: Pod, statuses: ContainerStatus[]): string {
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}

/** Keeps lastTransitionTime when a condition's status did not change (the status manager's rule). */
function withTransition(c: Omit<PodCondition, 'lastTransitionTime'>, old: PodCondition | undefined, now: number, generation: number | undefined): PodCondition {
  const since = old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : formatTimestamp(now);
  return {
    type: c.type, ...(generation !== undefined ? { observedGeneration: generation } : {}), status: c.status, lastProbeTime: null, lastTransitionTime: since,
    ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}),
  };
}

/** The five kubelet-owned conditions (generate.go), after any condition someone else set. */
function podConditions(pod: Pod, rec: KubeletPod, statuses: ContainerStatus[], phase: string, now: number): PodCondition[] {
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const terminal = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
  const readiness = terminal
    ? { status: 'False', reason: terminal }
    : unready.length > 0
      ? { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }
      : { status: 'True' };
  const fresh = [
    { type: 'PodReadyToStartContainers', status: rec.sandboxReady ? 'True' : 'False' },
    { type: 'Initialized', status: 'True', ...(phase === 'Succeeded' ? { reason: 'PodCompleted' } : {}) },
    { type: 'Ready', ...readiness },
    { type: 'ContainersReady', ...readiness },
    { type: 'PodScheduled', status: 'True' },
  ];
  const old = pod.status?.conditions ?? [];
  const others = old.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const generation = pod.metadata.generation;
  return [...others, ...fresh.map((c) => withTransition(c, old.find((o) => o.type === c.type), now, generation))];
}

/** The whole status the kubelet would report for the pod now. */
export function buildPodStatus(pod: Pod, rec: KubeletPod, hostIP: string, now: number): PodStatus {
  const containerStatuses = pod.spec.containers.map((c, i) => containerStatus(c, rec.containers[i] ?? { name: c.name, restartCount: 0, ready: false }));
  const phase = rec.terminalPhase ?? podPhase(pod, containerStatuses);
  // PodObservedGenerationTracking (beta, on in v1.34): the generation the kubelet saw.
  return {
    ...(pod.metadata.generation !== undefined ? { observedGeneration: pod.metadata.generation } : {}),
    phase,
    conditions: podConditions(pod, rec, containerStatuses, phase, now),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(rec.ip ? { podIP: rec.ip, podIPs: [{ ip: rec.ip }] } : {}),
    startTime: formatTimestamp(rec.startTime),
    containerStatuses,
    qosClass: qosClass(pod),
  };
}
