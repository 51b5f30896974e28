// Strategic merge patch as the API server applies it (`kubectl patch`, the default type, and
// `kubectl apply`): k8s.io/apimachinery pkg/util/strategicpatch/patch.go (mergeMap, mergeSlice), with
// the patchStrategy/patchMergeKey struct tags of k8s.io/api core/v1 and metav1 written out as tables.
// Leaves out the reordering by $setElementOrder (accepted and dropped) and the Go struct round trip.
import type { JsonObject, JsonValue, PatchFailure, PatchResult } from './patch.js';
import { depthFailure, getOwn, goJsonKind, isJsonObject, patchFailure, setOwn, toJson } from './patch.js';

/** How one field merges: lists with `merge` merge (by mergeKey for lists of maps), others replace. */
export interface FieldMeta {
  readonly merge?: true;
  readonly mergeKey?: string;
  readonly fields?: Schema;
}
/** The patch metadata of one Go struct: field name to how it merges. */
export type Schema = Readonly<Record<string, FieldMeta>>;

const byKey = (mergeKey: string, fields?: Schema): FieldMeta => ({ merge: true, mergeKey, fields });
const struct = (fields: Schema): FieldMeta => ({ fields });
const MERGED_SCALARS: FieldMeta = { merge: true };

const OBJECT_META = struct({ ownerReferences: byKey('uid'), finalizers: MERGED_SCALARS });
const CONTAINER: Schema = { ports: byKey('containerPort'), env: byKey('name'), volumeMounts: byKey('mountPath'), volumeDevices: byKey('devicePath') };
// tolerations carry no patchStrategy tag, so a patch replaces them whole.
const POD_SPEC = struct({
  containers: byKey('name', CONTAINER), initContainers: byKey('name', CONTAINER), ephemeralContainers: byKey('name', CONTAINER),
  volumes: byKey('name'), imagePullSecrets: byKey('name'), hostAliases: byKey('ip'),
  topologySpreadConstraints: byKey('topologyKey'), schedulingGates: byKey('name'), resourceClaims: byKey('name'),
});
const CONDITIONS = struct({ conditions: byKey('type') });
const WORKLOAD: Schema = { metadata: OBJECT_META, spec: struct({ template: struct({ metadata: OBJECT_META, spec: POD_SPEC }) }), status: CONDITIONS };

/** The patch metadata of each kind the lab models, from the struct tags of k8s.io/api. */
export const STRATEGIC_MERGE_SCHEMAS: Readonly<Record<string, Schema>> = {
  Pod: { metadata: OBJECT_META, spec: POD_SPEC, status: struct({ conditions: byKey('type'), podIPs: byKey('ip'), hostIPs: byKey('ip') }) },
  Deployment: WORKLOAD,
  ReplicaSet: WORKLOAD,
  DaemonSet: WORKLOAD,
  // ServicePort's merge key is `port` alone, although the list map key is port+protocol.
  Service: { metadata: OBJECT_META, spec: struct({ ports: byKey('port') }), status: CONDITIONS },
  Node: { metadata: OBJECT_META, spec: struct({ podCIDRs: MERGED_SCALARS }), status: struct({ conditions: byKey('type'), addresses: byKey('type') }) },
  // Namespace spec.finalizers has no tag (replaced); metadata.finalizers merges.
  Namespace: { metadata: OBJECT_META, status: CONDITIONS },
  ConfigMap: { metadata: OBJECT_META },
  Endpoints: { metadata: OBJECT_META },
  EndpointSlice: { metadata: OBJECT_META },
};

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';
/** A map whose patch says `$patch: delete`: the key goes. */
const DROP = Symbol('drop');

/** A failure travelling up through the recursive merge, never thrown. */
class MergeError {
  constructor(readonly failure: PatchFailure) {}
}
type Merged<T> = T | MergeError;
const fail = (reason: PatchFailure['reason'], detail: string) => new MergeError(patchFailure(reason, detail));

/** Go's %v of a decoded JSON value, as the library's errors print it: `map[k:v ...]` with sorted keys, `[a b]`, `<nil>`. */
function goFormat(v: JsonValue): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (!isJsonObject(v)) return String(v);
  return `map[${Object.keys(v).sort().map((k) => `${k}:${goFormat(v[k]!)}`).join(' ')}]`;
}

const unknown = (detail: string) => fail('Unknown', detail);
const noMergeKey = (m: JsonValue, key: string) => unknown(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);

/** Applies a strategic merge patch to an object of the given kind, as StrategicMergeMapPatch does. */
export function applyStrategicMergePatch(target: unknown, patch: unknown, kind: string): PatchResult {
  const deep = depthFailure(target, patch);
  if (deep) return deep;
  if (!Object.hasOwn(STRATEGIC_MERGE_SCHEMAS, kind)) return patchFailure('BadRequest', 'strategic merge patch format is not supported');
  const doc = toJson(target), p = toJson(patch);
  if (!isJsonObject(doc)) return patchFailure('BadRequest', 'invalid JSON document');
  if (p === null) return { ok: true, value: doc };
  if (!isJsonObject(p)) return patchFailure('BadRequest', `json: cannot unmarshal ${goJsonKind(p)} into Go value of type map[string]interface {}`);
  const merged = mergeMap(doc, p, STRATEGIC_MERGE_SCHEMAS[kind]!);
  if (merged instanceof MergeError) return merged.failure;
  return { ok: true, value: merged === DROP ? {} : merged };
}

/** mergeMap: merges patch into orig (a private copy, changed in place). */
function mergeMap(orig: JsonObject, patch: JsonObject, schema: Schema): Merged<JsonObject | typeof DROP> {
  const directive = getOwn(patch, PATCH);
  if (directive === 'replace') return adopt(withoutKey(patch, PATCH)) as JsonObject;
  // The library returns an empty map; the Go struct round trip then omits it, so the key goes.
  if (directive === 'delete') return DROP;
  if (directive !== undefined) return unknown(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
  const retained = applyRetainKeys(orig, patch);
  if (retained) return retained;
  for (const [k, pv] of Object.entries(patch)) {
    const err = mergeField(orig, k, pv, schema);
    if (err) return err;
  }
  return orig;
}

function mergeField(out: JsonObject, k: string, pv: JsonValue, schema: Schema): MergeError | undefined {
  if (k === RETAIN_KEYS) return undefined;
  // $setElementOrder/<list> only reorders; we check its form and drop it.
  if (k.startsWith(SET_ELEMENT_ORDER)) return directiveKey(k, SET_ELEMENT_ORDER) ? undefined : fail('BadRequest', 'invalid patch format of setElementOrder list');
  if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) return deleteFromPrimitiveList(out, k, pv);
  const cur = getOwn(out, k);
  const meta = Object.hasOwn(schema, k) ? schema[k] : undefined;
  let next: Merged<JsonValue | typeof DROP>;
  if (pv === null) next = DROP;
  else if (isJsonObject(cur) && isJsonObject(pv)) next = mergeMap(cur, pv, meta?.fields ?? {});
  else if (Array.isArray(cur) && Array.isArray(pv)) next = mergeList(cur, pv, meta);
  else next = adopt(pv) ?? DROP;
  if (next instanceof MergeError) return next;
  if (next === DROP) delete out[k];
  else setOwn(out, k, next);
  return undefined;
}

/** The field named by a `<prefix>/<field>` key (extractKey), or undefined when the key is malformed. */
function directiveKey(k: string, prefix: string): string | undefined {
  const slash = k.indexOf('/');
  return slash >= 0 && k.slice(0, slash) === prefix ? k.slice(slash + 1) : undefined;
}

/** `$deleteFromPrimitiveList/<field>: [..]` removes those values from a list of scalars; null removes the field. */
function deleteFromPrimitiveList(out: JsonObject, k: string, pv: JsonValue): MergeError | undefined {
  const name = directiveKey(k, DELETE_FROM_PRIMITIVE_LIST);
  if (name === undefined) return fail('BadRequest', 'invalid patch format of primitive list');
  const cur = getOwn(out, name);
  if (pv === null) delete out[name];
  else if (Array.isArray(cur) && Array.isArray(pv)) setOwn(out, name, cur.filter((x) => !pv.includes(x)));
  return undefined;
}

/** `$retainKeys`: every patched key must be listed, and unlisted keys of the original are cleared. */
function applyRetainKeys(orig: JsonObject, patch: JsonObject): MergeError | undefined {
  const keys = getOwn(patch, RETAIN_KEYS);
  if (keys === undefined) return undefined;
  const bad = fail('BadRequest', 'invalid patch format of retainKeys');
  if (!Array.isArray(keys)) return bad;
  for (const [k, v] of Object.entries(patch)) {
    const directive = k === RETAIN_KEYS || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER);
    if (v !== null && !directive && !keys.includes(k)) return bad;
  }
  for (const k of Object.keys(orig)) if (!keys.includes(k)) delete orig[k];
  return undefined;
}

function withoutKey(o: JsonObject, key: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (k !== key) setOwn(out, k, v);
  return out;
}

/**
 * A patch value taken as is (discardNullValuesFromPatch + removeDirectives): nulls dropped from maps,
 * maps carrying `$patch` dropped, directive keys stripped. Undefined means "keep nothing".
 */
function adopt(v: JsonValue): JsonValue | undefined {
  if (Array.isArray(v)) return v.map(adopt).filter((x): x is JsonValue => x !== undefined);
  if (!isJsonObject(v)) return v;
  if (getOwn(v, PATCH) !== undefined && getOwn(v, PATCH) !== null) return undefined;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || k === PATCH || k === RETAIN_KEYS || k.startsWith(SET_ELEMENT_ORDER) || k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue;
    const kept = adopt(x);
    if (kept !== undefined) setOwn(out, k, kept);
  }
  return out;
}

type ElementKind = 'map' | 'list' | 'null' | 'string' | 'number' | 'boolean';
const kindOf = (v: JsonValue): ElementKind => (Array.isArray(v) ? 'list' : v === null ? 'null' : isJsonObject(v) ? 'map' : (typeof v as ElementKind));

/** mergeSliceHandler: lists without a merge strategy are replaced; others merge by scalar or by merge key. */
function mergeList(cur: JsonValue[], pv: JsonValue[], meta: FieldMeta | undefined): Merged<JsonValue[]> {
  if (!meta?.merge) return adopt(pv) as JsonValue[];
  if (cur.length === 0 && pv.length === 0) return cur;
  const kinds = new Set([...cur, ...pv].map(kindOf));
  if (kinds.size > 1) return unknown(`list element types are not identical: ${goFormat([cur, pv])}`);
  if (kinds.has('list')) return fail('Invalid', 'lists of lists are not supported');
  if (!kinds.has('map')) return orderLikeServer([...new Set([...cur, ...pv])], pv, cur, (x) => x);
  if (!meta.mergeKey) return unknown('cannot merge lists without merge key');
  return mergeMapList(cur as JsonObject[], pv as JsonObject[], meta.mergeKey, meta.fields ?? {});
}

/** mergeSliceWithSpecialElements + mergeSliceWithoutSpecialElements for a list of maps. */
function mergeMapList(cur: JsonObject[], pv: JsonObject[], key: string, fields: Schema): Merged<JsonValue[]> {
  let base = cur;
  let replace = false;
  const plain: JsonObject[] = [];
  for (const item of pv) {
    const directive = getOwn(item, PATCH);
    if (directive === undefined) plain.push(item);
    else if (directive === 'replace') replace = true;
    else if (directive === 'delete') {
      const value = getOwn(item, key);
      if (value === undefined) return noMergeKey(item, key);
      base = base.filter((x) => getOwn(x, key) !== value);
    } else if (directive === 'merge') return unknown('merging lists cannot yet be specified in the patch');
    else return unknown(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(item)}`);
  }
  if (replace) return plain.map((x) => adopt(x) as JsonObject);
  const merged: JsonObject[] = [...base];
  for (const item of plain) {
    const value = getOwn(item, key);
    if (value === undefined) return noMergeKey(item, key);
    const at = merged.findIndex((x) => getOwn(x, key) === value);
    const next = at < 0 ? (adopt(item) as JsonObject) : mergeMap(merged[at]!, item, fields);
    if (next instanceof MergeError) return next;
    if (at < 0) merged.push(next as JsonObject);
  }
  const keyless = merged.find((x) => getOwn(x, key) === undefined);
  if (keyless) return noMergeKey(keyless, key);
  return orderLikeServer(merged, plain, base, (x) => getOwn(x as JsonObject, key));
}

/**
 * normalizeElementOrder + mergeSortedSlice: patched items in patch order, the others in server order,
 * interleaved by server position; an item new to the server goes before the rest (so it is prepended).
 */
function orderLikeServer(merged: JsonValue[], patchOrder: JsonValue[], serverOrder: JsonValue[], id: (v: JsonValue) => unknown): JsonValue[] {
  const indexIn = (list: JsonValue[], v: JsonValue) => list.findIndex((x) => id(x) === id(v));
  const byIndexIn = (list: JsonValue[]) => (a: JsonValue, b: JsonValue) => indexIn(list, a) - indexIn(list, b);
  const patched = merged.filter((v) => indexIn(patchOrder, v) >= 0).sort(byIndexIn(patchOrder));
  const serverOnly = merged.filter((v) => indexIn(patchOrder, v) < 0).sort(byIndexIn(serverOrder));
  const out: JsonValue[] = [];
  let i = 0, j = 0;
  while (i < serverOnly.length || j < patched.length) {
    if (j >= patched.length) out.push(serverOnly[i++]!);
    else if (i >= serverOnly.length) out.push(patched[j++]!);
    else {
      const li = indexIn(serverOrder, serverOnly[i]!), ri = indexIn(serverOrder, patched[j]!);
      out.push(li >= 0 && ri >= 0 && li < ri ? serverOnly[i++]! : patched[j++]!);
    }
  }
  return out;
}
