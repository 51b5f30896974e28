// The API server's storage layer (etcd behind k8s.io/apiserver's generic registry): objects keyed
// by resource and `namespace/name`, a cluster-wide resourceVersion counter, and a watch event
// for every write. Validation and defaulting live above, in registry.ts.
import type { SimState } from '../state.js';
import type { KubeObject } from '../types.js';
import { indexedKeys, keysSelectingAny, keysWithLabels, reindex, type IndexName } from './indexer.js';

/** The store key of an object: `ns/name` for namespaced objects, `name` otherwise. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** The store key of an object from its own metadata. */
export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}

/** The bucket of one resource, created on first use. */
function bucket(state: SimState, resource: string): Record<string, KubeObject> {
  return (state.objects[resource] ??= {});
}

/** One stored object, or undefined. Callers must not mutate what they get. */
export function getStored<T extends KubeObject = KubeObject>(state: SimState, resource: string, key: string): T | undefined {
  return state.objects[resource]?.[key] as T | undefined;
}

/**
 * Sorted names per namespace, per bucket: a cache kept beside the state (never inside it), so
 * listing does not sort on every call. A bucket the cache has not seen (a cloned or restored
 * state) is indexed afresh; writeStored and removeStored keep a seen bucket's index current.
 */
const sortedIndex = new WeakMap<Record<string, KubeObject>, Map<string, string[]>>();

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

function indexOf(b: Record<string, KubeObject>): Map<string, string[]> {
  let idx = sortedIndex.get(b);
  if (!idx) {
    idx = new Map();
    for (const key of Object.keys(b)) {
      const [ns, name] = splitKey(key);
      let names = idx.get(ns);
      if (!names) idx.set(ns, (names = []));
      names.push(name);
    }
    for (const names of idx.values()) names.sort(compareKeys);
    sortedIndex.set(b, idx);
  }
  return idx;
}

/** Binary search: the position of `name` in a sorted list, or where it would go. */
function position(names: string[], name: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[mid]! < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexAdd(b: Record<string, KubeObject>, key: string): void {
  const idx = sortedIndex.get(b);
  if (!idx) return;
  const [ns, name] = splitKey(key);
  let names = idx.get(ns);
  if (!names) idx.set(ns, (names = []));
  names.splice(position(names, name), 0, name);
}

function indexRemove(b: Record<string, KubeObject>, key: string): void {
  const names = sortedIndex.get(b)?.get(splitKey(key)[0]);
  if (!names) return;
  const name = splitKey(key)[1];
  const i = position(names, name);
  if (names[i] === name) names.splice(i, 1);
}

/** How many objects of a resource are stored (from the namespace index: no scan of the bucket). */
export function countStored(state: SimState, resource: string): number {
  const all = state.objects[resource];
  if (!all) return 0;
  let n = 0;
  for (const names of indexOf(all).values()) n += names.length;
  return n;
}

/**
 * The stored objects of a resource (optionally one namespace) in etcd key order:
 * by namespace, then by name, which is the order `kubectl get` prints.
 */
export function listStored<T extends KubeObject = KubeObject>(state: SimState, resource: string, namespace?: string): T[] {
  const all = state.objects[resource];
  if (!all) return [];
  const idx = indexOf(all);
  const namespaces = namespace === undefined ? [...idx.keys()].sort(compareKeys) : [namespace];
  const out: T[] = [];
  for (const ns of namespaces) {
    for (const name of idx.get(ns) ?? []) out.push(all[ns ? `${ns}/${name}` : name] as T);
  }
  return out;
}

/** etcd orders keys bytewise; `ns/name` keys sort by namespace then name that way. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes an object (new or replacing), stamps the next resourceVersion and queues the watch event. */
export function writeStored(state: SimState, resource: string, obj: KubeObject): KubeObject {
  const key = keyOf(obj);
  const b = bucket(state, resource);
  const old = b[key];
  state.resourceVersion += 1;
  const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(state.resourceVersion) } };
  b[key] = stored;
  if (!old) indexAdd(b, key);
  reindex(b, key, old, stored);
  state.pending.push({ type: old ? 'MODIFIED' : 'ADDED', resource, key, object: stored, oldObject: old });
  return stored;
}

/** Removes an object and queues its DELETED event; returns what was removed. */
export function removeStored(state: SimState, resource: string, key: string): KubeObject | undefined {
  const b = bucket(state, resource);
  const old = b[key];
  if (!old) return undefined;
  delete b[key];
  indexRemove(b, key);
  reindex(b, key, old, undefined);
  state.resourceVersion += 1;
  state.pending.push({ type: 'DELETED', resource, key, object: old });
  return old;
}

/** Objects filed under `value` in a secondary index ("owner": controller uid, "node": spec.nodeName), in key order. */
export function listByIndex<T extends KubeObject = KubeObject>(state: SimState, resource: string, index: IndexName, value: string): T[] {
  const b = state.objects[resource];
  return indexedKeys(b, index, value).map((k) => b![k] as T);
}

/** Objects of one namespace carrying every label in `selector` (equality AND), in key order; none for an empty selector. */
export function listByLabels<T extends KubeObject = KubeObject>(state: SimState, resource: string, namespace: string, selector: Record<string, string>): T[] {
  const b = state.objects[resource];
  return keysWithLabels(b, namespace, selector).map((k) => b![k] as T);
}

/** A deep copy of a plain JSON-like value (objects, arrays, primitives): what the API server decodes from a request. */
export function cloneObject<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => cloneObject(v)) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = cloneObject((value as Record<string, unknown>)[k]);
  return out as T;
}

/** Services of a namespace whose selector shares at least one label with `labels` (candidates to select a pod), in key order. */
export function listSelectingAny<T extends KubeObject = KubeObject>(state: SimState, resource: string, namespace: string, labels: Record<string, string>): T[] {
  const b = state.objects[resource];
  return keysSelectingAny(b, namespace, labels).map((k) => b![k] as T);
}
