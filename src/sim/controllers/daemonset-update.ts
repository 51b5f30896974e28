// The work of one DaemonSet sync (pkg/controller/daemon/daemon_controller.go manage/podsShouldBeOnNode/
// syncNodes, update.go rollingUpdate, updateDaemonSetStatus): a pod per eligible node pinned by node
// affinity, excess and misplaced pods deleted, old pods replaced within maxUnavailable, and the status.
// Left out: the failed-pod backoff and rolling updates with maxSurge (kube-proxy and flannel use none).
import type { SimState } from '../state.js';
import type { DaemonSet, Node, Pod } from '../types.js';
import { recordEvent } from '../api-server/events.js';
import { createControlledPod, deleteControlledPod, podFromTemplate } from './controller-utils.js';
import { pinToNode, affinityOf } from './node-affinity.js';
import { isPodAvailable, isPodReady, isPodTerminal } from './pod-util.js';
import { scaledValue } from './deployment-util.js';
import {
  DAEMONSET_COMPONENT, byCreationAndPhase, daemonPodTemplate, isPodUpdated, nodeShouldRunDaemonPod,
} from './daemonset-util.js';

/** Daemon pods grouped by the node they are bound or pinned to. */
export type NodeToPods = Map<string, Pod[]>;

/** What podsShouldBeOnNode decides for one node: create a pod there, and which pods to delete. */
function podsShouldBeOnNode(state: SimState, node: Node, pods: Pod[] | undefined, ds: DaemonSet): { create: boolean; remove: Pod[] } {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  if (shouldRun && !pods) return { create: true, remove: [] };
  if (!pods) return { create: false, remove: [] };
  if (!shouldContinueRunning) return { create: false, remove: pods.filter((p) => !p.metadata.deletionTimestamp) };
  const remove: Pod[] = [];
  const running: Pod[] = [];
  for (const p of pods.filter((x) => !x.metadata.deletionTimestamp)) {
    if (p.status?.phase === 'Failed') {
      const msg = `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`;
      recordEvent(state, ds, 'Warning', 'FailedDaemonPod', msg, { component: DAEMONSET_COMPONENT });
      remove.push(p);
    } else if (p.status?.phase === 'Succeeded') remove.push(p);
    else running.push(p);
  }
  running.sort(byCreationAndPhase);
  return { create: false, remove: [...remove, ...running.slice(1)] };
}

/** syncNodes: deletes, then creates a pod pinned to each node that needs one. */
function syncNodes(state: SimState, ds: DaemonSet, remove: Pod[], create: string[], hash: string): void {
  for (const pod of remove) deleteControlledPod(state, ds, pod, DAEMONSET_COMPONENT);
  const template = daemonPodTemplate(ds, hash);
  for (const nodeName of create) {
    const pod = podFromTemplate(template, ds);
    pod.spec.affinity = pinToNode(affinityOf(pod.spec), nodeName);
    if (!createControlledPod(state, ds, pod, DAEMONSET_COMPONENT)) return;
  }
}

/** manage: one daemon pod on every node that should run one, none elsewhere; true when it changed anything. */
export function manage(state: SimState, ds: DaemonSet, nodes: Node[], nodeToPods: NodeToPods, hash: string): boolean {
  const create: string[] = [];
  const remove: Pod[] = [];
  for (const node of nodes) {
    const r = podsShouldBeOnNode(state, node, nodeToPods.get(node.metadata.name ?? ''), ds);
    if (r.create) create.push(node.metadata.name ?? '');
    remove.push(...r.remove);
  }
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [nodeName, pods] of nodeToPods) {
    if (!known.has(nodeName)) remove.push(...pods.filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp));
  }
  syncNodes(state, ds, remove, create, hash);
  return create.length + remove.length > 0;
}

/** rollingUpdate without surge: replace unavailable old pods, and available ones while under maxUnavailable. */
export function rollingUpdate(state: SimState, ds: DaemonSet, nodes: Node[], nodeToPods: NodeToPods, hash: string): void {
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
  const maxUnavailable = Math.max(scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true), desired > 0 ? 1 : 0);
  const minReady = (ds.spec.minReadySeconds as number | undefined) ?? 0;
  let unavailable = 0;
  const replace: Pod[] = [];
  const candidates: Pod[] = [];
  for (const nodeName of [...nodeToPods.keys()].sort()) {
    const live = nodeToPods.get(nodeName)!.filter((p) => !p.metadata.deletionTimestamp);
    const fresh = live.filter((p) => isPodUpdated(p, ds, hash));
    const old = live.filter((p) => !isPodUpdated(p, ds, hash));
    if (fresh.length > 1 || old.length > 1 || fresh.length === old.length) unavailable++;
    else if (fresh.length === 1) unavailable += isPodAvailable(fresh[0]!, minReady, state.now) ? 0 : 1;
    else if (!isPodAvailable(old[0]!, minReady, state.now)) replace.push(old[0]!);
    else if (unavailable < maxUnavailable) candidates.push(old[0]!);
  }
  const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  syncNodes(state, ds, [...replace, ...candidates.slice(0, room)], [], hash);
}

/** updateDaemonSetStatus: desired, current, misscheduled, ready, available and updated counts over the nodes. */
export function daemonSetStatus(state: SimState, ds: DaemonSet, nodes: Node[], nodeToPods: NodeToPods, hash: string): NonNullable<DaemonSet['status']> {
  const minReady = (ds.spec.minReadySeconds as number | undefined) ?? 0;
  const c = { desired: 0, current: 0, misscheduled: 0, ready: 0, available: 0, updated: 0 };
  for (const node of nodes) {
    const pods = [...(nodeToPods.get(node.metadata.name ?? '') ?? [])].sort(byCreationAndPhase);
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods.length > 0) c.misscheduled++;
      continue;
    }
    c.desired++;
    const pod = pods[0];
    if (!pod) continue;
    c.current++;
    if (isPodReady(pod)) c.ready++;
    if (isPodAvailable(pod, minReady, state.now)) c.available++;
    if (isPodUpdated(pod, ds, hash)) c.updated++;
  }
  const status: NonNullable<DaemonSet['status']> = {
    currentNumberScheduled: c.current, numberMisscheduled: c.misscheduled, desiredNumberScheduled: c.desired, numberReady: c.ready,
  };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (c.updated) status.updatedNumberScheduled = c.updated;
  if (c.available) status.numberAvailable = c.available;
  if (c.desired - c.available) status.numberUnavailable = c.desired - c.available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  return status;
}

/** getNodesToDaemonPods: claimed pods by target node, leaving out finished pods already being deleted. */
export function groupByNode(pods: Pod[], target: (p: Pod) => string | undefined): NodeToPods {
  const out: NodeToPods = new Map();
  for (const p of pods) {
    if (isPodTerminal(p) && p.metadata.deletionTimestamp) continue;
    const node = target(p);
    if (node === undefined) continue;
    out.set(node, [...(out.get(node) ?? []), p]);
  }
  return out;
}
