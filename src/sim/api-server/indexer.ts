// Secondary indexes over the store, as client-go's cache.Indexer gives informers (by namespace
// and label, by controller owner, by node): controllers look up the few objects they need instead
// of scanning every pod. A cache kept beside the state, never inside it; store.ts keeps it current.
import type { KubeObject } from '../types.js';

type Bucket = Record<string, KubeObject>;
type Index = Map<string, Set<string>>;

/** Sorted key lists handed out by indexedKeys, dropped when their entry changes. */
const sortedCache = new WeakMap<Set<string>, string[]>();

/** The index functions: each maps an object to the values it is filed under. */
const INDEXERS = {
  /** `ns\0key=value` for every label. */
  labels: (o: KubeObject): string[] => Object.entries(o.metadata.labels ?? {}).map(([k, v]) => `${o.metadata.namespace ?? ''}\u0000${k}=${v}`),
  /** `ns\0key=value` for every entry of a Service's spec.selector (which Services may select a pod). */
  selector: (o: KubeObject): string[] =>
    o.kind === 'Service' ? Object.entries((o.spec as { selector?: Record<string, string> }).selector ?? {}).map(([k, v]) => `${o.metadata.namespace ?? ''}\u0000${k}=${v}`) : [],
  /** The uid of the controlling owner. */
  owner: (o: KubeObject): string[] => {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller);
    return ref ? [ref.uid] : [];
  },
  /** A pod's IP in its own network namespace (hostNetwork pods share their node's). */
  podIP: (o: KubeObject): string[] => {
    const pod = o as { spec?: { hostNetwork?: boolean }; status?: { podIP?: string } };
    return o.kind === 'Pod' && !pod.spec?.hostNetwork && pod.status?.podIP ? [pod.status.podIP] : [];
  },
  /** The node a pod is bound to. */
  node: (o: KubeObject): string[] => {
    const n = (o.spec as { nodeName?: string } | undefined)?.nodeName;
    return n ? [n] : [];
  },
} as const;

/** The name of an index. */
export type IndexName = keyof typeof INDEXERS;

const caches = new WeakMap<Bucket, Map<IndexName, Index>>();

function file(index: Index, values: string[], key: string): void {
  for (const v of values) {
    let keys = index.get(v);
    if (!keys) index.set(v, (keys = new Set()));
    if (!keys.has(key)) {
      keys.add(key);
      sortedCache.delete(keys);
    }
  }
}

function unfile(index: Index, values: string[], key: string): void {
  for (const v of values) {
    const keys = index.get(v);
    if (keys?.delete(key)) sortedCache.delete(keys);
  }
}

/** The index of a bucket, built from its objects the first time it is asked for. */
function indexOf(bucket: Bucket, name: IndexName): Index {
  let perBucket = caches.get(bucket);
  if (!perBucket) caches.set(bucket, (perBucket = new Map()));
  let index = perBucket.get(name);
  if (!index) {
    index = new Map();
    for (const [key, obj] of Object.entries(bucket)) file(index, INDEXERS[name](obj), key);
    perBucket.set(name, index);
  }
  return index;
}

/** Keeps the built indexes of a bucket current after a write (old undefined: added; obj undefined: removed). */
export function reindex(bucket: Bucket, key: string, old: KubeObject | undefined, obj: KubeObject | undefined): void {
  const perBucket = caches.get(bucket);
  if (!perBucket) return;
  for (const [name, index] of perBucket) {
    const before = old ? INDEXERS[name](old) : [];
    const after = obj ? INDEXERS[name](obj) : [];
    unfile(index, before.filter((v) => !after.includes(v)), key);
    file(index, after.filter((v) => !before.includes(v)), key);
  }
}

/** Store keys filed under `value` in an index, sorted (etcd key order). */
export function indexedKeys(bucket: Bucket | undefined, name: IndexName, value: string): string[] {
  if (!bucket) return [];
  const keys = indexOf(bucket, name).get(value);
  if (!keys) return [];
  let sorted = sortedCache.get(keys);
  if (!sorted) sortedCache.set(keys, (sorted = [...keys].sort()));
  return sorted;
}

/**
 * Keys of the objects in `namespace` that carry every label of `selector` (a Service selector or
 * a matchLabels), by intersecting from the label with the fewest objects. Sorted.
 */
export function keysWithLabels(bucket: Bucket | undefined, namespace: string, selector: Record<string, string>): string[] {
  const pairs = Object.entries(selector);
  if (!bucket || pairs.length === 0) return [];
  const index = indexOf(bucket, 'labels');
  const sets = pairs.map(([k, v]) => index.get(`${namespace}\u0000${k}=${v}`) ?? new Set<string>());
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return [...smallest!].filter((key) => rest.every((s) => s.has(key))).sort();
}

/** Keys of the objects whose "selector" index holds any label of `labels` in `namespace`: the Services that may select a pod. Sorted. */
export function keysSelectingAny(bucket: Bucket | undefined, namespace: string, labels: Record<string, string>): string[] {
  if (!bucket) return [];
  const index = indexOf(bucket, 'selector');
  const out = new Set<string>();
  for (const [k, v] of Object.entries(labels)) for (const key of index.get(`${namespace}\u0000${k}=${v}`) ?? []) out.add(key);
  return [...out].sort();
}
