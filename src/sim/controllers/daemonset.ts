// The DaemonSet controller of kube-controller-manager (pkg/controller/daemon/daemon_controller.go
// syncDaemonSet): one pod on every node whose labels, affinity and taints admit it, created
// unbound with node affinity to that node (the scheduler binds it), replaced on template changes.
// Left out: ControllerRevision history and the OnDelete strategy's bookkeeping (it simply never replaces).
import type { SimState, WatchEvent } from '../state.js';
import type { DaemonSet, Node, Pod } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { getStored, listStored } from '../api-server/store.js';
import { labelSelectorMatches } from '../api-server/selectors.js';
import type { Controller } from './controller.js';
import { candidatePods, claimObjects, requeueAt, sameData } from './controller-utils.js';
import { controllerRefOf, isPodAvailable, isPodReady, podAvailableAt } from './pod-util.js';
import { targetNodeName } from './node-affinity.js';
import { daemonSetHash } from './daemonset-util.js';
import { daemonSetStatus, groupByNode, manage, rollingUpdate } from './daemonset-update.js';

const QUEUE = 'daemonset';

/** Keys of every DaemonSet (node changes can change where any of them should run). */
function allDaemonSets(state: SimState): string[] {
  return listStored<DaemonSet>(state, 'daemonsets').map((ds) => `${ds.metadata.namespace}/${ds.metadata.name}`);
}

/** Keys of the DaemonSets a pod event concerns: its controller (old and new), or those selecting an orphan. */
function daemonSetsForPod(state: SimState, ev: WatchEvent): string[] {
  const pod = ev.object as Pod;
  const ns = pod.metadata.namespace ?? 'default';
  const keys = new Set<string>();
  for (const p of ev.oldObject ? [ev.oldObject, pod] : [pod]) {
    const ref = controllerRefOf(p);
    if (ref?.kind === 'DaemonSet') keys.add(`${ns}/${ref.name}`);
  }
  if (!controllerRefOf(pod) && ev.type !== 'DELETED' && !sameData(ev.oldObject?.metadata.labels, pod.metadata.labels)) {
    for (const ds of listStored<DaemonSet>(state, 'daemonsets', ns)) {
      if (labelSelectorMatches(ds.spec.selector, pod.metadata.labels)) keys.add(`${ns}/${ds.metadata.name}`);
    }
  }
  return [...keys];
}

/** A node event matters when the node comes or goes or its labels, taints or schedulability change. */
function nodeChanged(ev: WatchEvent): boolean {
  if (ev.type !== 'MODIFIED') return true;
  const n = ev.object as Node;
  const o = ev.oldObject as Node | undefined;
  return !o || !sameData([o.metadata.labels, o.spec.taints, o.spec.unschedulable], [n.metadata.labels, n.spec.taints, n.spec.unschedulable]);
}

/** Requeues when a ready pod will become available after minReadySeconds. */
function requeueForMinReady(state: SimState, ds: DaemonSet, key: string, pods: Pod[]): void {
  const minReady = (ds.spec.minReadySeconds as number | undefined) ?? 0;
  if (minReady <= 0) return;
  const waits = pods.filter((p) => isPodReady(p) && !isPodAvailable(p, minReady, state.now)).map((p) => podAvailableAt(p, minReady) ?? 0);
  if (waits.length > 0) requeueAt(state, QUEUE, key, Math.min(...waits));
}

/** syncDaemonSet for one `namespace/name` key. */
function syncDaemonSet(state: SimState, key: string): void {
  const ds = getStored<DaemonSet>(state, 'daemonsets', key);
  if (!ds) return;
  const nodes = listStored<Node>(state, 'nodes');
  const hash = daemonSetHash(ds);
  const claim = (): Pod[] => claimObjects(state, ds, candidatePods(state, ds.metadata.namespace ?? 'default', ds.spec.selector, [ds.metadata.uid!]), (p) => labelSelectorMatches(ds.spec.selector, p.metadata.labels));
  if (!ds.metadata.deletionTimestamp) {
    const changed = manage(state, ds, nodes, groupByNode(claim(), targetNodeName), hash);
    if (!changed && (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      rollingUpdate(state, ds, nodes, groupByNode(claim(), targetNodeName), hash);
    }
  }
  const pods = claim();
  const current = getStored<DaemonSet>(state, 'daemonsets', key) ?? ds;
  const status = daemonSetStatus(state, current, nodes, groupByNode(pods, targetNodeName), hash);
  if (!sameData(status, current.status)) apiUpdate(state, { ...current, status }, { subresource: 'status' });
  requeueForMinReady(state, ds, key, pods);
}

/** The DaemonSet controller. */
export const daemonSetController: Controller = {
  name: QUEUE,
  enqueue(state, ev) {
    if (ev.resource === 'daemonsets') return [ev.key];
    if (ev.resource === 'pods') return daemonSetsForPod(state, ev);
    if (ev.resource === 'nodes') return nodeChanged(ev) ? allDaemonSets(state) : [];
    return [];
  },
  reconcile: syncDaemonSet,
};
