// The JSON patch (RFC 6902) the API server applies for `kubectl patch --type json`:
// gopkg.in/evanphx/json-patch.v4 patch.go (Patch.Apply), called from k8s.io/apiserver
// pkg/endpoints/handlers/patch.go (applyJSPatch), which answers any apply error with a bare 422.
// Keeps the v4 quirks (replace of a missing object key adds it; negative array indexes).
import { goQuote } from './errors.js';
import type { JsonObject, JsonValue, PatchResult, PatchFailure } from './patch.js';
import { deepEqual, depthFailure, getOwn, goJsonKind, isJsonObject, patchFailure, setOwn, toJson } from './patch.js';

/** apiserver maxJSONPatchOperations. */
const MAX_JSON_PATCH_OPERATIONS = 10000;

/** RFC 6902 as evanphx/json-patch v4 applies it, with its quirks (replace of a missing object key adds it). */
export function applyJsonPatch(target: unknown, ops: unknown): PatchResult {
  const deep = depthFailure(target, ops);
  if (deep) return deep;
  const decoded = decodeOps(toJson(ops));
  if (!Array.isArray(decoded)) return decoded;
  const root = toJson(target);
  if (root === null || typeof root !== 'object') {
    return patchFailure('Invalid', `json: cannot unmarshal ${goJsonKind(root)} into Go value of type jsonpatch.partialDoc`);
  }
  const doc: Doc = { root };
  for (const op of decoded) {
    const kind = op === null ? undefined : getOwn(op, 'op');
    const apply = typeof kind === 'string' && Object.hasOwn(OPERATIONS, kind) ? OPERATIONS[kind as OpKind] : undefined;
    const err = apply && op ? apply(doc, op) : `Unexpected kind: ${typeof kind === 'string' ? kind : 'unknown'}`;
    if (err !== undefined) return patchFailure('Invalid', err);
    const tooDeep = depthFailure(doc.root);
    if (tooDeep) return tooDeep;
  }
  return { ok: true, value: doc.root };
}

function decodeOps(ops: JsonValue): (JsonObject | null)[] | PatchFailure {
  if (ops === null) return [];
  if (!Array.isArray(ops)) return patchFailure('BadRequest', `json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`);
  const bad = ops.find((op) => op !== null && !isJsonObject(op));
  if (bad !== undefined) return patchFailure('BadRequest', `json: cannot unmarshal ${goJsonKind(bad)} into Go value of type jsonpatch.Operation`);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    return patchFailure('RequestEntityTooLarge', `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  return ops as (JsonObject | null)[];
}

type Container = JsonObject | JsonValue[];
interface Doc { root: Container }
interface Location { c: Container; key: string }
type OpKind = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
const MISSING = 'missing value';

/** strconv.Atoi: the number, or Go's error text. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : `strconv.Atoi: parsing ${goQuote(s)}: value out of range`;
}

const invalidIndex = (i: number) => `Unable to access invalid index: ${i}: invalid index referenced`;

/** An array index as partialArray.get resolves it (negative counts from the end), or an error. */
function arrayIndex(a: JsonValue[], key: string): number | { error: string } {
  const i = atoi(key);
  if (typeof i === 'string') return { error: i };
  if (i < -a.length) return { error: invalidIndex(i) };
  const j = i < 0 ? i + a.length : i;
  return j >= a.length ? { error: invalidIndex(j) } : j;
}

/** container.get: an object never fails (a missing key reads as nil); an array checks the index. */
function getChild(c: Container, key: string): { value?: JsonValue; error?: string } {
  if (!Array.isArray(c)) return { value: getOwn(c, key) };
  const i = arrayIndex(c, key);
  return typeof i === 'number' ? { value: c[i] } : i;
}

function addChild(c: Container, key: string, value: JsonValue): string | undefined {
  if (!Array.isArray(c)) setOwn(c, key, value);
  else if (key === '-') c.push(value);
  else return insertAt(c, key, value);
  return undefined;
}

function insertAt(c: JsonValue[], key: string, value: JsonValue): string | undefined {
  const i = atoi(key);
  if (typeof i === 'string') return `value was not a proper array index: '${key}': ${i}`;
  if (i > c.length || i < -(c.length + 1)) return invalidIndex(i);
  c.splice(i < 0 ? i + c.length + 1 : i, 0, value);
  return undefined;
}

function removeChild(c: Container, key: string): string | undefined {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) return `Unable to remove nonexistent key: ${key}: ${MISSING}`;
    delete c[key];
    return undefined;
  }
  const i = atoi(key);
  if (typeof i === 'string') return i;
  if (i >= c.length || i < -c.length) return invalidIndex(i);
  c.splice(i < 0 ? i + c.length : i, 1);
  return undefined;
}

/** findObject: walks every segment but the last; null, scalars and bad indexes make the path missing. */
function locate(doc: Doc, path: string): Location | undefined {
  const segments = path.split('/').map((s) => s.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~')));
  if (segments.length < 2) return undefined;
  let c: Container = doc.root;
  for (const part of segments.slice(1, -1)) {
    const next = getChild(c, part).value;
    if (next === undefined || next === null || typeof next !== 'object') return undefined;
    c = next;
  }
  return { c, key: segments[segments.length - 1]! };
}

/** Operation.Path/From: the string, or the error text Go gives. */
function field(op: JsonObject, name: 'path' | 'from'): string | { error: string } {
  const v = getOwn(op, name);
  if (v === undefined || v === null) return { error: name === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}` };
  return typeof v === 'string' ? v : { error: `json: cannot unmarshal ${goJsonKind(v)} into Go value of type string` };
}

const OPERATIONS: Record<OpKind, (doc: Doc, op: JsonObject) => string | undefined> = {
  add(doc, op) {
    const path = field(op, 'path');
    if (typeof path !== 'string') return `add operation failed to decode path: ${MISSING}`;
    const at = locate(doc, path);
    if (!at) return `add operation does not apply: doc is missing path: "${path}": ${MISSING}`;
    const err = addChild(at.c, at.key, getOwn(op, 'value') ?? null);
    return err && `error in add for path: '${path}': ${err}`;
  },
  remove(doc, op) {
    const path = field(op, 'path');
    if (typeof path !== 'string') return `remove operation failed to decode path: ${MISSING}`;
    const at = locate(doc, path);
    if (!at) return `remove operation does not apply: doc is missing path: "${path}": ${MISSING}`;
    const err = removeChild(at.c, at.key);
    return err && `error in remove for path: '${path}': ${err}`;
  },
  replace(doc, op) {
    const path = field(op, 'path');
    if (typeof path !== 'string') return `replace operation failed to decode path: ${path.error}`;
    const value = getOwn(op, 'value') ?? null;
    if (path === '') {
      // patch.go wraps a nil error here, which Go prints as %!w(<nil>).
      if (value === null || typeof value !== 'object') return 'replace operation value must be object or array: %!w(<nil>)';
      doc.root = value;
      return undefined;
    }
    const at = locate(doc, path);
    if (!at) return `replace operation does not apply: doc is missing path: ${path}: ${MISSING}`;
    if (getChild(at.c, at.key).error) return `replace operation does not apply: doc is missing key: ${path}: ${MISSING}`;
    if (Array.isArray(at.c)) at.c[arrayIndex(at.c, at.key) as number] = value;
    else setOwn(at.c, at.key, value);
    return undefined;
  },
  move(doc, op) {
    const from = field(op, 'from');
    if (typeof from !== 'string') return `move operation failed to decode from: ${from.error}`;
    const src = locate(doc, from);
    if (!src) return `move operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
    const got = getChild(src.c, src.key);
    const err = got.error ?? removeChild(src.c, src.key);
    if (err) return `error in move for path: '${src.key}': ${err}`;
    const path = field(op, 'path');
    if (typeof path !== 'string') return `move operation failed to decode path: ${path.error}`;
    const dst = locate(doc, path);
    if (!dst) return `move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
    const added = addChild(dst.c, dst.key, got.value ?? null);
    return added && `error in move for path: '${path}': ${added}`;
  },
  copy(doc, op) {
    const from = field(op, 'from');
    if (typeof from !== 'string') return `copy operation failed to decode from: ${from.error}`;
    const src = locate(doc, from);
    if (!src) return `copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`;
    const got = getChild(src.c, src.key);
    if (got.error) return `error in copy for from: '${from}': ${got.error}`;
    const path = field(op, 'path');
    if (typeof path !== 'string') return `copy operation failed to decode path: ${MISSING}`;
    const dst = locate(doc, path);
    if (!dst) return `copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`;
    const added = addChild(dst.c, dst.key, toJson(got.value ?? null));
    return added && `error while adding value during copy: ${added}`;
  },
  test(doc, op) {
    const path = field(op, 'path');
    if (typeof path !== 'string') return `test operation failed to decode path: ${path.error}`;
    const expected = getOwn(op, 'value') ?? null;
    const failed = `testing value ${path} failed: test failed`;
    if (path === '') return deepEqual(doc.root, expected) ? undefined : failed;
    const at = locate(doc, path);
    if (!at) return `test operation does not apply: is missing path: ${path}: ${MISSING}`;
    const got = getChild(at.c, at.key);
    if (got.error) return `error in test for path: '${path}': ${got.error}`;
    // A missing key and null are both nil to the library, and nil only equals nil.
    const actual = got.value ?? null;
    if (actual === null || expected === null) return actual === expected ? undefined : failed;
    return deepEqual(actual, expected) ? undefined : failed;
  },
};
