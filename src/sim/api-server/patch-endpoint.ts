// PATCH in the API server (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go): read
// the stored object, apply a JSON merge, JSON or strategic merge patch to it, then run the result
// through the same update path as PUT (defaulting, allocation, validation, storage).
import type { SimState } from '../state.js';
import type { KubeObject } from '../types.js';
import { lookupKind, type Kind } from './resources.js';
import { getStored, objectKey } from './store.js';
import { apiUpdate, type ApiResult, type WriteOptions } from './registry.js';
import { applyMergePatch, type PatchResult } from './patch.js';
import { applyJsonPatch } from './json-patch.js';
import { applyStrategicMergePatch } from './strategic-merge.js';
import { notFoundError, type ApiError } from './errors.js';

/** The patch types of `kubectl patch --type`. */
export type PatchType = 'strategic' | 'merge' | 'json';

/** Turns a failed patch into the API error the server returns. */
function patchError(r: Extract<PatchResult, { ok: false }>): ApiError {
  return { reason: r.reason, code: r.code, message: r.message };
}

/** Patches an object (PATCH); `patch` is the parsed JSON body. A patch that changes nothing writes nothing. */
export function apiPatch(
  state: SimState,
  kind: Kind,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: unknown,
  opts: WriteOptions & { subresource?: 'status' } = {},
): ApiResult {
  const info = lookupKind(kind)!;
  const ns = info.namespaced ? namespace || 'default' : undefined;
  const current = getStored(state, info.resource, objectKey(ns, name));
  if (!current) return notFoundError(info.resource, info.group, name);
  const result =
    type === 'merge' ? applyMergePatch(current, patch)
      : type === 'json' ? applyJsonPatch(current, patch)
        : applyStrategicMergePatch(current, patch, kind);
  if (!result.ok) return patchError(result);
  const patched = result.value as KubeObject;
  if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) {
    return { reason: 'BadRequest', code: 400, message: 'the patch did not produce an object' };
  }
  // The URL names the object: a patch cannot move it to another name, namespace or kind.
  const fixed: KubeObject = {
    ...patched,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: { ...(patched.metadata ?? {}), name, namespace: ns, resourceVersion: current.metadata.resourceVersion },
  };
  if (!ns) delete fixed.metadata.namespace;
  return apiUpdate(state, fixed, { ...opts, namespace: ns });
}
