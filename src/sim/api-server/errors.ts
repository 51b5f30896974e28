// API errors as values, shaped like metav1.Status (apimachinery pkg/api/errors/errors.go) and
// field errors as field.Error (pkg/util/validation/field/errors.go). kubectl later renders them;
// here they carry exactly the text the real API server would put in them.

/** A StatusReason the lab can return. */
export type StatusReason =
  | 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'Forbidden' | 'InternalError' | 'MethodNotAllowed' | 'Unknown' | 'RequestEntityTooLarge';

/** One field error (field.Error): path, type and the rendered detail. */
export interface FieldError {
  field: string;
  type: FieldErrorType;
  /** The value part as the API server renders it ("80", "\"Web_1\"", "[\"10.96.0.10\"]"), or undefined when not shown. */
  value?: string;
  detail?: string;
}

/** field.ErrorType strings. */
export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Not found'
  | 'Too long'
  | 'Too many'
  | 'Internal error';

/** An API error as a value: what a real API server returns as a failed Status. */
export interface ApiError {
  reason: StatusReason;
  code: number;
  message: string;
  details?: { kind?: string; group?: string; name?: string; causes?: FieldError[] };
}

/** True for ApiError values (results of API calls are either an object or an ApiError). */
export function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && 'reason' in x && 'code' in x && 'message' in x && !('kind' in x);
}

/** Renders a value as the 1.34 API server does in field errors: numbers and bools bare, strings Go-quoted, the rest JSON. */
export function renderValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goQuote(v);
  return JSON.stringify(v) ?? 'null';
}

const GO_ESCAPES = new Map([
  ['"', '\\"'], ['\\', '\\\\'], ['\x07', '\\a'], ['\b', '\\b'], ['\f', '\\f'], ['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t'], ['\v', '\\v'],
]);

/** Go's %q (strconv.Quote): printable characters kept, control characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const hex = cp.toString(16);
    if (GO_ESCAPES.has(ch)) out += GO_ESCAPES.get(ch)!;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex.padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${hex.padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}


/** The text of one field error: `<field>: <Type>[: <value>][: <detail>]`. */
export function fieldErrorText(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** field.Required. */
export const required = (field: string, detail?: string): FieldError => ({ field, type: 'Required value', detail });
/** field.Invalid. */
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ field, type: 'Invalid value', value: renderValue(value), detail });
/** field.Forbidden. */
export const forbidden = (field: string, detail: string): FieldError => ({ field, type: 'Forbidden', detail });
/** field.Duplicate. */
export const duplicate = (field: string, value: unknown): FieldError => ({ field, type: 'Duplicate value', value: renderValue(value) });
/** field.TooLong (value never shown). */
export const tooLong = (field: string, max: number): FieldError => ({ field, type: 'Too long', detail: `may not be more than ${max} bytes` });
/** field.NotSupported: lists the supported values, each quoted. */
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  field,
  type: 'Unsupported value',
  value: renderValue(value),
  detail: `supported values: ${supported.map((s) => goQuote(s)).join(', ')}`,
});

/** NewNotFound: `<resource>[.<group>] "<name>" not found`. */
export function notFoundError(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return { reason: 'NotFound', code: 404, message: `${qualified} "${name}" not found`, details: { name, group, kind: resource } };
}

/** NewAlreadyExists: `<resource>[.<group>] "<name>" already exists`. */
export function alreadyExistsError(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return { reason: 'AlreadyExists', code: 409, message: `${qualified} "${name}" already exists`, details: { name, group, kind: resource } };
}

/** NewInvalid: `<Kind>[.<group>] "<name>" is invalid: <causes>` (several causes as "[a, b]"). */
export function invalidError(kind: string, group: string, name: string, causes: FieldError[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const texts = dedupe(causes.map(fieldErrorText));
  const agg = texts.length === 1 ? texts[0]! : `[${texts.join(', ')}]`;
  return { reason: 'Invalid', code: 422, message: `${qualified} "${name}" is invalid: ${agg}`, details: { kind, group, name, causes } };
}

/** NewConflict: `Operation cannot be fulfilled on <resource> "<name>": <detail>`. */
export function conflictError(resource: string, group: string, name: string, detail: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return { reason: 'Conflict', code: 409, message: `Operation cannot be fulfilled on ${qualified} "${name}": ${detail}`, details: { name, group, kind: resource } };
}

/** NewBadRequest. */
export function badRequestError(message: string): ApiError {
  return { reason: 'BadRequest', code: 400, message };
}

/** NewForbidden: `<resource> "<name>" is forbidden: <detail>`. */
export function forbiddenError(resource: string, group: string, name: string, detail: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return { reason: 'Forbidden', code: 403, message: `${qualified} "${name}" is forbidden: ${detail}`, details: { name, group, kind: resource } };
}

/** NewInternalError: `Internal error occurred: <detail>`. */
export function internalError(detail: string): ApiError {
  return { reason: 'InternalError', code: 500, message: `Internal error occurred: ${detail}` };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
