// The scheduler's cache (pkg/scheduler/backend/cache): one NodeInfo per node, rebuilt only for
// the nodes whose pods changed, so a scheduling cycle does not read every pod in the cluster.
// Kept beside the state (never inside it); a state the cache has not seen is read afresh.
import type { SimState } from '../state.js';
import type { Node, Pod } from '../types.js';
import { listByIndex, listStored } from '../api-server/store.js';
import { nodeInfos, type NodeInfo } from './scheduler-plugins.js';

interface SchedulerCache {
  infos: Map<string, NodeInfo>;
  dirty: Set<string>;
}

const caches = new WeakMap<SimState, SchedulerCache>();

/** Marks a node's NodeInfo stale (a pod on it was added, changed, bound or removed). */
export function invalidateNode(state: SimState, nodeName: string | undefined): void {
  if (nodeName) caches.get(state)?.dirty.add(nodeName);
}

/** The NodeInfo of every node, in node order, from the cache where it is still current. */
export function cachedNodeInfos(state: SimState): NodeInfo[] {
  let cache = caches.get(state);
  if (!cache) caches.set(state, (cache = { infos: new Map(), dirty: new Set() }));
  return listStored<Node>(state, 'nodes').map((node) => {
    const name = node.metadata.name!;
    let info = cache.infos.get(name);
    if (!info || info.node !== node || cache.dirty.has(name)) {
      info = nodeInfos([node], listByIndex<Pod>(state, 'pods', 'node', name))[0]!;
      cache.infos.set(name, info);
      cache.dirty.delete(name);
    }
    return info;
  });
}
