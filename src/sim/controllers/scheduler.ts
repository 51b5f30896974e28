// kube-scheduler's scheduling cycle (pkg/scheduler/schedule_one.go): filter the nodes, score the
// ones that fit, bind the pod (the API server's binding sets spec.nodeName and PodScheduled=True),
// or record FailedScheduling and park the pod until a node or pod change could help.
// Left out: the backoff timings of the queue, preemption itself, and most score plugins (see selectHost).
import { formatTimestamp } from '../clock.js';
import { randInt } from '../rng.js';
import type { SimState, WatchEvent } from '../state.js';
import type { Node, Pod, PodCondition } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { isApiError } from '../api-server/errors.js';
import { recordEvent } from '../api-server/events.js';
import { getStored, keyOf, listStored } from '../api-server/store.js';
import type { Controller } from './controller.js';
import { requeueAt, sameData } from './controller-utils.js';
import { controllerRefOf, isPodTerminal, podCondition } from './pod-util.js';
import { tolerationsTolerate } from './taints.js';
import type { NodeInfo } from './scheduler-plugins.js';
import { cachedNodeInfos, invalidateNode } from './scheduler-cache.js';
import { findNodesThatFit, unschedulableMessage } from './scheduler-fit-error.js';

const QUEUE = 'scheduler';
const COMPONENT = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again after five minutes regardless. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

/** A pod this scheduler must place: unbound, ours, not finished and not being deleted. */
function needsScheduling(pod: Pod): boolean {
  return !pod.spec.nodeName && (pod.spec.schedulerName ?? 'default-scheduler') === COMPONENT && !pod.metadata.deletionTimestamp && !isPodTerminal(pod);
}

/** Keys of the pods parked as unschedulable, optionally only those a freed-up node could now take. */
function unschedulablePods(state: SimState, capacityOnly: boolean): string[] {
  return listStored<Pod>(state, 'pods')
    .filter((p) => needsScheduling(p) && podCondition(p, 'PodScheduled')?.reason === 'Unschedulable')
    .filter((p) => !capacityOnly || /Too many pods|Insufficient |free ports/.test(podCondition(p, 'PodScheduled')?.message ?? ''))
    .map(keyOf);
}

/** The scheduling queue's event handlers, with the queueing hints that decide which events may help. */
function keysForEvent(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'nodes') {
    const n = ev.object as Node;
    const o = ev.oldObject as Node | undefined;
    const relevant = ev.type === 'ADDED' || (ev.type === 'MODIFIED' && o !== undefined && !sameData(
      [o.metadata.labels, o.spec.taints, o.spec.unschedulable, o.status?.allocatable],
      [n.metadata.labels, n.spec.taints, n.spec.unschedulable, n.status?.allocatable],
    ));
    return relevant ? unschedulablePods(state, false) : [];
  }
  if (ev.resource !== 'pods') return [];
  const pod = ev.object as Pod;
  const old = ev.oldObject as Pod | undefined;
  invalidateNode(state, pod.spec.nodeName);
  invalidateNode(state, old?.spec.nodeName);
  if (ev.type === 'DELETED' || (old && !isPodTerminal(old) && isPodTerminal(pod))) return pod.spec.nodeName ? unschedulablePods(state, true) : [];
  if (!needsScheduling(pod)) return [];
  const changed = !old || !sameData([old.spec, old.metadata.labels], [pod.spec, pod.metadata.labels]);
  return changed ? [ev.key] : [];
}

/** UpdatePodCondition: replaces the condition of the same type, keeping lastTransitionTime while the status holds. */
function withCondition(conditions: PodCondition[] | undefined, c: PodCondition): PodCondition[] {
  const old = conditions?.find((x) => x.type === c.type);
  const next = old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  return old ? conditions!.map((x) => (x.type === c.type ? next : x)) : [...(conditions ?? []), next];
}

/** Writes a PodScheduled condition unless the pod already carries exactly that one. */
function setPodScheduled(state: SimState, pod: Pod, status: string, reason?: string, message?: string): Pod {
  const c: PodCondition = { type: 'PodScheduled', status, lastProbeTime: null, lastTransitionTime: formatTimestamp(state.now), ...(reason ? { reason, message } : {}) };
  const conditions = withCondition(pod.status?.conditions, c);
  if (sameData(conditions, pod.status?.conditions)) return pod;
  const updated = apiUpdate(state, { ...pod, status: { ...(pod.status ?? {}), conditions } }, { subresource: 'status' });
  return isApiError(updated) ? pod : updated;
}

/** handleSchedulingFailure: PodScheduled=False Unschedulable, a FailedScheduling event, and a retry in five minutes. */
function failScheduling(state: SimState, pod: Pod, message: string): void {
  const updated = setPodScheduled(state, pod, 'False', 'Unschedulable', message);
  recordEvent(state, updated, 'Warning', 'FailedScheduling', message, { component: COMPONENT });
  requeueAt(state, QUEUE, keyOf(pod), state.now + UNSCHEDULABLE_RETRY_MS);
}

/** The binding: spec.nodeName, then PodScheduled=True as the API server's binding storage sets it, then the Scheduled event. */
function bind(state: SimState, pod: Pod, nodeName: string): void {
  const bound = apiUpdate(state, { ...pod, spec: { ...pod.spec, nodeName } });
  if (isApiError(bound)) return;
  invalidateNode(state, nodeName);
  const scheduled = setPodScheduled(state, bound, 'True');
  const msg = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`;
  recordEvent(state, scheduled, 'Normal', 'Scheduled', msg, { component: COMPONENT });
}

/** A node's score as a tuple, lower is better: pods of the same owner (spreading), untolerated PreferNoSchedule taints, pods. */
function scoreOf(pod: Pod, info: NodeInfo): number[] {
  const owner = controllerRefOf(pod)?.uid;
  const sameOwner = owner ? (info.owners.get(owner) ?? 0) : 0;
  const soft = (info.node.spec.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerate(pod.spec.tolerations, t)).length;
  return [sameOwner, soft, info.pods.length];
}

/** selectHost: the best-scoring node; ties broken at random from the seeded PRNG, as the real reservoir sampling does. */
function selectHost(state: SimState, pod: Pod, feasible: NodeInfo[]): string {
  if (feasible.length === 1) return feasible[0]!.node.metadata.name ?? '';
  const scored = feasible.map((info) => ({ name: info.node.metadata.name ?? '', score: scoreOf(pod, info) }));
  const cmp = (a: number[], b: number[]): number => a.reduce((r, x, i) => r || x - b[i]!, 0);
  const best = scored.reduce((b, s) => (cmp(s.score, b.score) < 0 ? s : b)).score;
  const ties = scored.filter((s) => cmp(s.score, best) === 0);
  return ties.length === 1 ? ties[0]!.name : ties[randInt(state.rng, ties.length)]!.name;
}

/** scheduleOne for one `namespace/name` key. */
function scheduleOne(state: SimState, key: string): void {
  const pod = getStored<Pod>(state, 'pods', key);
  if (!pod || !needsScheduling(pod)) return;
  if (((pod.spec.schedulingGates as unknown[] | undefined) ?? []).length > 0) {
    setPodScheduled(state, pod, 'False', 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
    return;
  }
  const nodes = listStored<Node>(state, 'nodes');
  if (nodes.length === 0) return failScheduling(state, pod, 'no nodes available to schedule pods');
  const infos = cachedNodeInfos(state);
  const diagnosis = findNodesThatFit(pod, infos);
  if (diagnosis.feasible.length === 0) return failScheduling(state, pod, unschedulableMessage(pod, infos, diagnosis));
  bind(state, pod, selectHost(state, pod, diagnosis.feasible));
}

/** The default scheduler. */
export const scheduler: Controller = {
  name: QUEUE,
  enqueue: keysForEvent,
  reconcile: scheduleOne,
};
