// The JSON merge patch (RFC 7386) the API server applies for `kubectl patch --type merge`:
// gopkg.in/evanphx/json-patch.v4 merge.go, called from k8s.io/apiserver pkg/endpoints/handlers/patch.go
// (applyJSPatch), plus the JSON values and failures that json-patch.ts and strategic-merge.ts share.
// Pure functions over plain JSON; leaves out byte-level number formatting.

/** A JSON value as the API server decodes it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. */
export interface JsonObject { [key: string]: JsonValue }

/** A failed patch as the Status the API server returns: reason, code, message, and the library's own text when the server hides it. */
export interface PatchFailure {
  ok: false;
  reason: 'BadRequest' | 'Invalid' | 'Unknown' | 'RequestEntityTooLarge';
  code: 400 | 413 | 422 | 500;
  message: string;
  /** The patch library's error; the server logs it but answers 422 with REJECTED_MESSAGE only. */
  cause?: string;
}
/** The result of applying or computing a patch. */
export type PatchResult = { ok: true; value: JsonValue } | PatchFailure;

/** How deep objects and patches may nest before we refuse them (the real decoder allows 10000). */
export const MAX_PATCH_DEPTH = 100;
/** NewGenericServerResponse(422) text: all a client sees when a JSON patch fails to apply. */
export const REJECTED_MESSAGE = 'the server rejected our request due to an error in our request';
const CODES = { BadRequest: 400, RequestEntityTooLarge: 413, Invalid: 422, Unknown: 500 } as const;

/** A failure value; `Invalid` always carries the generic 422 message and keeps the detail as cause. */
export function patchFailure(reason: PatchFailure['reason'], detail: string): PatchFailure {
  if (reason === 'Invalid') return { ok: false, reason, code: CODES[reason], message: REJECTED_MESSAGE, cause: detail };
  return { ok: false, reason, code: CODES[reason], message: detail };
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property or undefined, so `__proto__` or `constructor` are ordinary keys. */
export function getOwn(o: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Sets an own data property, never a prototype (`__proto__` stays ordinary data, as JSON.parse makes it). */
export function setOwn(o: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A fresh JSON copy: undefined, functions and symbols are dropped from objects and become null elsewhere. */
export function toJson(x: unknown): JsonValue {
  if (x === null || typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number') return x;
  if (Array.isArray(x)) return Array.from(x as unknown[], toJson);
  if (typeof x !== 'object') return null;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(x)) {
    if (v !== undefined && typeof v !== 'function' && typeof v !== 'symbol') setOwn(out, k, toJson(v));
  }
  return out;
}

/** A failure when any input nests deeper than MAX_PATCH_DEPTH (checked without recursion), else undefined. */
export function depthFailure(...inputs: unknown[]): PatchFailure | undefined {
  const stack: [unknown, number][] = inputs.map((x) => [x, 0]);
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_PATCH_DEPTH) return patchFailure('BadRequest', `JSON nests deeper than ${MAX_PATCH_DEPTH} levels`);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Structural equality of JSON values: objects by keys in any order, arrays in order (no recursion). */
export function deepEqual(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const xk = Object.keys(x), yk = Object.keys(y);
    if (xk.length !== yk.length) return false;
    for (const k of xk) {
      if (!Object.hasOwn(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

/** RFC 7386 as evanphx MergePatch applies it: null deletes, objects merge, anything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): PatchResult {
  const deep = depthFailure(target, patch);
  if (deep) return deep;
  const doc = toJson(target), p = toJson(patch);
  if (doc === null) return patchFailure('Unknown', 'Invalid JSON Document');
  if (Array.isArray(p)) return { ok: true, value: pruneNulls(p) };
  if (!isJsonObject(p)) return patchFailure('BadRequest', 'Invalid JSON Patch');
  return { ok: true, value: isJsonObject(doc) ? mergeObjects(doc, p) : pruneNulls(p) };
}

function mergeObjects(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    const cur = getOwn(doc, k);
    if (v === null) delete doc[k];
    else if (isJsonObject(cur) && isJsonObject(v)) setOwn(doc, k, mergeObjects(cur, v));
    // merge.go prunes nulls from a new value, but not from a non-object replacing an object.
    else setOwn(doc, k, isJsonObject(cur) ? v : pruneNulls(v));
  }
  return doc;
}

function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isJsonObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) setOwn(out, k, pruneNulls(x));
  return out;
}

/** The JSON merge patch that turns original into modified; `{}` when they are equal. */
export function computeMergePatch(original: unknown, modified: unknown): PatchResult {
  const deep = depthFailure(original, modified);
  if (deep) return deep;
  const o = toJson(original), m = toJson(modified);
  if (deepEqual(o, m)) return { ok: true, value: {} };
  return { ok: true, value: isJsonObject(o) && isJsonObject(m) ? diffObjects(o, m) : m };
}

function diffObjects(o: JsonObject, m: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o)) if (!Object.hasOwn(m, k)) setOwn(out, k, null);
  for (const [k, mv] of Object.entries(m)) {
    const ov = getOwn(o, k);
    if (ov !== undefined && deepEqual(ov, mv)) continue;
    setOwn(out, k, isJsonObject(ov) && isJsonObject(mv) ? diffObjects(ov, mv) : mv);
  }
  return out;
}

/** The Go kind name encoding/json uses in "cannot unmarshal <kind> into Go value of type T". */
export function goJsonKind(v: JsonValue): string {
  if (Array.isArray(v)) return 'array';
  if (v === null || typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}
