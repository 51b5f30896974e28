// The generic registry of k8s.io/apiserver (pkg/registry/generic/registry/store.go): create,
// update, delete, get and list with the real order of steps (namespace check, generateName,
// defaulting, allocation, validation, storage) and the real API errors. Errors are values.
import { formatTimestamp } from '../clock.js';
import { randString, randUuid } from '../rng.js';
import type { SimState } from '../state.js';
import type { KubeObject } from '../types.js';
import { lookupKind, apiVersionOf, type Kind, type ResourceInfo } from './resources.js';
import { cloneObject, getStored, objectKey, writeStored } from './store.js';
import { strategyFor } from './strategies.js';
import { deepEqual } from './patch.js';
import { decodeObject, type FieldValidation } from './decode.js';
import { limitError } from './limits.js';
import {
  alreadyExistsError, badRequestError, conflictError, forbiddenError, invalidError, isApiError, notFoundError, required, type ApiError,
} from './errors.js';

/** The result of an API call: the object, or an API error. */
export type ApiResult<T extends KubeObject = KubeObject> = T | ApiError;

/** Options of a write. */
export interface WriteOptions {
  /** The namespace of the request (kubectl's -n); objects without one land there. */
  namespace?: string;
  /** Validate and allocate but store nothing (`--dry-run=server`). */
  dryRun?: boolean;
  /** What unknown fields do (kubectl's --validate); Strict when absent. */
  fieldValidation?: FieldValidation;
  /** Collects the warnings the response carries (its Warning headers). */
  warnings?: string[];
}

/** Finds the served resource of an object's kind and apiVersion. */
export function resourceForObject(obj: KubeObject): ResourceInfo | ApiError {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return badRequestError('the request body is not a JSON object');
  const info = lookupKind(obj.kind);
  if (!info || apiVersionOf(info) !== obj.apiVersion) {
    return badRequestError(`no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
  }
  return info;
}

/** Checks that a namespace exists and accepts new objects. */
function namespaceError(state: SimState, info: ResourceInfo, ns: string, name: string): ApiError | undefined {
  const nsObj = getStored(state, 'namespaces', ns);
  if (!nsObj) return notFoundError('namespaces', '', ns);
  if ((nsObj.status as { phase?: string } | undefined)?.phase === 'Terminating') {
    return forbiddenError(info.resource, info.group, name, `unable to create new content in namespace ${ns} because it is being terminated`);
  }
  return undefined;
}

/** Fills metadata.name from generateName, retrying on collisions as the registry does. */
function assignName(state: SimState, info: ResourceInfo, obj: KubeObject): void {
  const m = obj.metadata;
  if (m.name || !m.generateName) return;
  for (let i = 0; i < 8; i++) {
    const candidate = `${m.generateName.slice(0, 58)}${randString(state.rng, 5)}`;
    if (!getStored(state, info.resource, objectKey(m.namespace, candidate))) {
      m.name = candidate;
      return;
    }
  }
}

/** Creates an object (POST), with defaulting, allocation and validation. */
export function apiCreate<T extends KubeObject>(state: SimState, input: T, opts: WriteOptions = {}): ApiResult<T> {
  const info = resourceForObject(input);
  if ('reason' in info) return info;
  const obj = decodeObject(info, input, opts.fieldValidation, opts.warnings);
  if (isApiError(obj)) return obj;
  const m = obj.metadata;
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const) delete m[k];
  if (info.namespaced) {
    if (opts.namespace && m.namespace && opts.namespace !== m.namespace) {
      return badRequestError('the namespace of the provided object does not match the namespace sent on the request');
    }
    m.namespace = m.namespace || opts.namespace || 'default';
  } else delete m.namespace;
  const strategy = strategyFor(info.kind);
  if (strategy.resetStatusOnCreate) delete obj.status;
  assignName(state, info, obj);
  if (!m.name) return invalidError(info.kind, info.group, '', [required('metadata.name', 'name or generateName is required')]);
  if (info.namespaced) {
    const nsErr = namespaceError(state, info, m.namespace!, m.name);
    if (nsErr) return nsErr;
  }
  strategy.defaults(obj, state);
  const txn = strategy.allocate?.(state, obj, undefined);
  if (txn?.error) return txn.error;
  const causes = strategy.validate(obj, state);
  if (causes.length > 0) {
    txn?.rollback();
    return invalidError(info.kind, info.group, m.name, causes);
  }
  if (getStored(state, info.resource, objectKey(m.namespace, m.name))) {
    txn?.rollback();
    return alreadyExistsError(info.resource, info.group, m.name);
  }
  const tooMany = limitError(state, info, m.name);
  if (tooMany) {
    txn?.rollback();
    return tooMany;
  }
  m.uid = randUuid(state.rng);
  m.creationTimestamp = formatTimestamp(state.now);
  if (strategy.generation) m.generation = 1;
  if (opts.dryRun) {
    txn?.rollback();
    return obj as T;
  }
  txn?.commit();
  return writeStored(state, info.resource, obj) as T;
}

/** Options of an update. */
export interface UpdateOptions extends WriteOptions {
  /** `status` writes only the status (what controllers and the kubelet do). */
  subresource?: 'status';
}

/** Replaces an object (PUT), keeping what clients may not change and checking resourceVersion. */
export function apiUpdate<T extends KubeObject>(state: SimState, input: T, opts: UpdateOptions = {}): ApiResult<T> {
  const info = resourceForObject(input);
  if ('reason' in info) return info;
  const decoded = opts.subresource === 'status' ? (cloneObject(input) as KubeObject) : decodeObject(info, input, opts.fieldValidation, opts.warnings);
  if (isApiError(decoded)) return decoded;
  const ns = info.namespaced ? decoded.metadata?.namespace || opts.namespace || 'default' : undefined;
  const name = decoded.metadata?.name ?? '';
  const old = getStored(state, info.resource, objectKey(ns, name));
  if (!old) return notFoundError(info.resource, info.group, name);
  const rv = decoded.metadata?.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) {
    return conflictError(info.resource, info.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const strategy = strategyFor(info.kind);
  const obj = buildUpdated(decoded, old, strategy.statusSubresource, opts.subresource);
  if (opts.subresource !== 'status') strategy.defaults(obj, state, old);
  const txn = opts.subresource === 'status' ? undefined : strategy.allocate?.(state, obj, old);
  if (txn?.error) return txn.error;
  const causes = opts.subresource === 'status' ? [] : strategy.validateUpdate(obj, old, state);
  if (causes.length > 0) {
    txn?.rollback();
    return invalidError(info.kind, info.group, name, causes);
  }
  if (deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...old, metadata: { ...old.metadata, resourceVersion: undefined } })) {
    txn?.rollback();
    return old as T;
  }
  if (strategy.generation && specChanged(obj, old)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
  if (opts.dryRun) {
    txn?.rollback();
    return obj as T;
  }
  txn?.commit();
  return writeStored(state, info.resource, obj) as T;
}

/** The object to store: client fields from `input`, server-owned metadata (and status or spec) from `old`. */
function buildUpdated(input: KubeObject, old: KubeObject, statusSub: boolean, sub: 'status' | undefined): KubeObject {
  const keep = { uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, namespace: old.metadata.namespace, name: old.metadata.name };
  if (sub === 'status') return { ...old, status: input.status, metadata: { ...old.metadata } };
  const obj: KubeObject = { ...input, metadata: { ...input.metadata, ...keep } };
  for (const k of ['generation', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
    if (old.metadata[k] === undefined) delete obj.metadata[k];
    else obj.metadata[k] = old.metadata[k] as never;
  }
  if (statusSub) {
    if (old.status === undefined) delete obj.status;
    else obj.status = old.status;
  }
  return obj;
}

function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): Record<string, unknown> => {
    const { metadata: _m, status: _s, ...rest } = o;
    return rest;
  };
  return !deepEqual(strip(a), strip(b));
}

/** Reads one object (GET). */
export function apiGet<T extends KubeObject = KubeObject>(state: SimState, kind: Kind, namespace: string | undefined, name: string): ApiResult<T> {
  const info = lookupKind(kind)!;
  const obj = getStored<T>(state, info.resource, objectKey(info.namespaced ? namespace || 'default' : undefined, name));
  return obj ?? notFoundError(info.resource, info.group, name);
}
