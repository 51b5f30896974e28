// Decoding a request body into the kind's Go type, as the API server's serializer does with
// strict field validation (the default kubectl sends): values that cannot unmarshal into the
// field's type are a BadRequest with encoding/json's text; unknown fields are a strict decoding
// error. The result is a fresh copy with JSON nulls resolved the way Go leaves zero values.
import type { KubeObject } from '../types.js';
import type { ResourceInfo } from './resources.js';
import { badRequestError, type ApiError } from './errors.js';
import { KIND_SCHEMAS, goTypeName, type FieldType } from './schema.js';

/** Deeper than this is refused before decoding (the real server caps nesting too). */
const MAX_DEPTH = 64;

interface Walk {
  typeError?: string;
  unknown: string[];
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : 'string';
}

function typeError(w: Walk, v: unknown, struct: string, path: string, f: FieldType): undefined {
  w.typeError ??= `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${path} of type ${goTypeName(f)}`;
  return undefined;
}

function intFits(v: number, f: FieldType): boolean {
  if (!Number.isInteger(v)) return false;
  return f.t === 'int32' ? v >= -2147483648 && v <= 2147483647 : Number.isSafeInteger(v);
}

/** Decodes one value; `goPath` is Go's dotted path (no indices), `fieldPath` the strict-error path (with indices). */
function decodeValue(w: Walk, v: unknown, f: FieldType, ctx: { struct: string; goPath: string; fieldPath: string; depth: number }): unknown {
  if (ctx.depth > MAX_DEPTH) {
    w.typeError ??= `json: exceeded max depth`;
    return undefined;
  }
  if (v === null) return zeroOf(f);
  switch (f.t) {
    case 'string':
    case 'time':
      return typeof v === 'string' ? v : typeError(w, v, ctx.struct, ctx.goPath, f);
    case 'int32':
    case 'int64':
      return typeof v === 'number' && intFits(v, f) ? v : typeError(w, v, ctx.struct, ctx.goPath, f);
    case 'float':
      return typeof v === 'number' ? v : typeError(w, v, ctx.struct, ctx.goPath, f);
    case 'bool':
      return typeof v === 'boolean' ? v : typeError(w, v, ctx.struct, ctx.goPath, f);
    case 'intstr':
    case 'quantity':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : typeError(w, v, ctx.struct, ctx.goPath, f);
    case 'any':
      return copyJson(v, ctx.depth);
    case 'slice':
      if (!Array.isArray(v)) return typeError(w, v, ctx.struct, ctx.goPath, f);
      return v.map((item, i) => decodeValue(w, item, f.of, { ...ctx, fieldPath: `${ctx.fieldPath}[${i}]`, depth: ctx.depth + 1 }));
    case 'map':
      if (typeof v !== 'object' || Array.isArray(v)) return typeError(w, v, ctx.struct, ctx.goPath, f);
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, decodeValue(w, x, f.of, { ...ctx, goPath: `${ctx.goPath}.${k}`, fieldPath: `${ctx.fieldPath}.${k}`, depth: ctx.depth + 1 })]));
    case 'struct':
      return decodeStruct(w, v, f, ctx);
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** Structs whose slices have no omitempty, so a null stays null (EndpointSlice endpoints and ports). */
const NULL_KEPT = new Set(['EndpointSlice']);

function decodeStruct(w: Walk, v: unknown, f: Extract<FieldType, { t: 'struct' }>, ctx: { struct: string; goPath: string; fieldPath: string; depth: number }): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return typeError(w, v, ctx.struct, ctx.goPath, f);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (x === null && NULL_KEPT.has(f.name)) {
      out[k] = null;
      continue;
    }
    const field = Object.hasOwn(f.fields, k) ? f.fields[k] : undefined;
    const fieldPath = ctx.fieldPath ? `${ctx.fieldPath}.${k}` : k;
    if (!field) {
      w.unknown.push(fieldPath);
      continue;
    }
    const goPath = ctx.goPath ? `${ctx.goPath}.${k}` : k;
    const decoded = decodeValue(w, x, field, { struct: f.name, goPath, fieldPath, depth: ctx.depth + 1 });
    if (decoded !== undefined && x !== null) out[k] = decoded;
  }
  return out;
}

/** Go's zero value for a null inside a list or map. */
function zeroOf(f: FieldType): unknown {
  switch (f.t) {
    case 'string': case 'time': case 'intstr': return f.t === 'intstr' ? 0 : '';
    case 'int32': case 'int64': case 'float': return 0;
    case 'bool': return false;
    case 'struct': return {};
    case 'quantity': case 'any': case 'slice': case 'map': return null;
    default: {
      const never: never = f;
      return never;
    }
  }
}

function copyJson(v: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => copyJson(x, depth + 1));
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, copyJson(x, depth + 1)]));
}

/** The request's fieldValidation: unknown fields fail the request, become warnings, or are dropped. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/**
 * Decodes a request body for a kind: the object (a fresh copy) or the API server's BadRequest.
 * With Warn, each unknown field is added to `warnings` (the create handler's addStrictDecodingWarnings).
 */
export function decodeObject(info: ResourceInfo, body: unknown, validation: FieldValidation = 'Strict', warnings?: string[]): KubeObject | ApiError {
  const schema = KIND_SCHEMAS[info.kind];
  const prefix = `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: `;
  if (!schema) return badRequestError(`${prefix}no schema`);
  const w: Walk = { unknown: [] };
  const decoded = decodeValue(w, body, schema, { struct: info.kind, goPath: '', fieldPath: '', depth: 0 });
  if (w.typeError) return badRequestError(`${prefix}${w.typeError}`);
  const unknown = w.unknown.map((u) => `unknown field "${u}"`);
  if (unknown.length > 0 && validation === 'Strict') return badRequestError(`${prefix}strict decoding error: ${unknown.join(', ')}`);
  if (validation === 'Warn') warnings?.push(...unknown);
  const obj = decoded as KubeObject;
  obj.metadata ??= {};
  fillValueStructs(obj);
  return obj;
}

/** Kinds whose `spec` is a value (not a pointer) in Go, so an absent spec decodes as an empty one. */
const VALUE_SPEC = new Set(['Service', 'Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Namespace', 'Node']);
const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet']);

/** Go's value-typed structs exist even when the JSON left them out: spec, and a workload's template and its spec. */
function fillValueStructs(obj: KubeObject): void {
  if (!VALUE_SPEC.has(obj.kind)) return;
  const spec = ((obj as { spec?: Record<string, unknown> }).spec ??= {});
  if (obj.kind === 'Node') (obj as { status?: unknown }).status ??= {};
  if (!WORKLOADS.has(obj.kind)) return;
  const template = (spec['template'] ??= {}) as Record<string, unknown>;
  template['spec'] ??= {};
}
