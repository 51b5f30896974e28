// DELETE in the generic registry (store.go Delete with rest.BeforeDelete): graceful deletion for
// pods bound to a node (deletionTimestamp set, the kubelet finishes the job), namespaces that go
// Terminating until the namespace controller empties them, immediate removal for everything else.
import { formatTimestamp } from '../clock.js';
import type { SimState } from '../state.js';
import type { KubeObject, Pod } from '../types.js';
import { lookupKind, type Kind } from './resources.js';
import { getStored, objectKey, removeStored, writeStored } from './store.js';
import { strategyFor } from './strategies.js';
import { forbiddenError, notFoundError } from './errors.js';
import type { ApiResult } from './registry.js';

/** The namespaces kube-apiserver refuses to delete (pkg/registry/core/namespace/storage). */
export const PROTECTED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Options of a delete, as metav1.DeleteOptions. */
export interface DeleteOptions {
  /** Seconds the object gets to stop; 0 removes at once (`--grace-period=0 --force`, `--now` is 1). */
  gracePeriodSeconds?: number;
  /** What happens to dependents: Background (kubectl's default), Foreground, Orphan. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
}

/** Deletes an object; returns it as it stands after the call (with deletionTimestamp when graceful). */
export function apiDelete(state: SimState, kind: Kind, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult {
  const info = lookupKind(kind)!;
  const key = objectKey(info.namespaced ? namespace || 'default' : undefined, name);
  const obj = getStored(state, info.resource, key);
  if (!obj) return notFoundError(info.resource, info.group, name);
  if (kind === 'Namespace') return deleteNamespace(state, obj, opts);
  if (kind === 'Pod' && isGraceful(obj as Pod, opts)) return startGracefulDelete(state, obj as Pod, opts);
  if (opts.dryRun) return obj;
  if (opts.propagationPolicy === 'Orphan') orphanDependents(state, obj);
  return removeObject(state, info.resource, kind, key) ?? obj;
}

/** Removes an object from storage now and frees what it held (the final step of every delete). */
export function removeObject(state: SimState, resource: string, kind: Kind, key: string): KubeObject | undefined {
  const removed = removeStored(state, resource, key);
  if (removed) strategyFor(kind).release?.(state, removed);
  return removed;
}

function isGraceful(pod: Pod, opts: DeleteOptions): boolean {
  const phase = pod.status?.phase;
  return Boolean(pod.spec.nodeName) && opts.gracePeriodSeconds !== 0 && phase !== 'Succeeded' && phase !== 'Failed';
}

function startGracefulDelete(state: SimState, pod: Pod, opts: DeleteOptions): ApiResult {
  const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const m = pod.metadata;
  if (m.deletionTimestamp && (m.deletionGracePeriodSeconds ?? 0) <= grace) return pod;
  if (opts.dryRun) return pod;
  const updated: Pod = {
    ...pod,
    metadata: { ...m, deletionTimestamp: formatTimestamp(state.now + grace * 1000), deletionGracePeriodSeconds: grace },
  };
  return writeStored(state, 'pods', updated);
}

function deleteNamespace(state: SimState, ns: KubeObject, opts: DeleteOptions): ApiResult {
  const name = ns.metadata.name!;
  if (PROTECTED_NAMESPACES.includes(name)) return forbiddenError('namespaces', '', name, 'this namespace may not be deleted');
  if (ns.metadata.deletionTimestamp || opts.dryRun) return ns;
  const updated: KubeObject = {
    ...ns,
    metadata: { ...ns.metadata, deletionTimestamp: formatTimestamp(state.now) },
    status: { phase: 'Terminating' },
  };
  return writeStored(state, 'namespaces', updated);
}

/** Orphan propagation: dependents lose their owner reference instead of being collected. */
function orphanDependents(state: SimState, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  for (const [resource, bucket] of Object.entries(state.objects)) {
    for (const dep of Object.values(bucket)) {
      const refs = dep.metadata.ownerReferences;
      if (!refs?.some((r) => r.uid === uid)) continue;
      const rest = refs.filter((r) => r.uid !== uid);
      const metadata = { ...dep.metadata, ownerReferences: rest.length ? rest : undefined };
      if (!rest.length) delete metadata.ownerReferences;
      writeStored(state, resource, { ...dep, metadata });
    }
  }
}
