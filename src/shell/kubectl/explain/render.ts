// kubectl explain's "plaintext" template (k8s.io/kubectl pkg/explain/v2/templates/plaintext.tmpl) as functions,
// one per named template: output, fieldList, fieldDetail, description, typeGuess and extractEnum. Each keeps
// the template's whitespace, ref resolution and cycle history exactly; Go's truthiness is isTruthy.
import { isTruthy, mapValues, resolveRef, schemaForKind, type GroupVersionKind, type OpenApiSchema } from './openapi.js';
import { indent, wrap } from './wordwrap.js';

/** What rendering printed before it stopped, and the error (a template `throw`) if it stopped early. */
export interface Rendered {
  stdout: string;
  error?: string;
}

/** The template's `or (resolveRef $ref) $schema`. */
function resolved(schema: OpenApiSchema): OpenApiSchema {
  const target = resolveRef(schema.$ref);
  return isTruthy(target) ? target : schema;
}

/** The "typeGuess" template: `string`, `[]ServicePort`, `map[string]string`, `IntOrString`, `Object`. */
function typeGuess(schema: OpenApiSchema): string {
  if (isTruthy(schema.items)) return `[]${typeGuess(schema.items)}`;
  const values = mapValues(schema);
  if (values) return `map[string]${typeGuess(values)}`;
  if (schema.allOf?.length === 1 && !isTruthy(schema.properties)) return typeGuess(schema.allOf[0]!);
  if (schema.$ref) {
    const target = resolveRef(schema.$ref);
    if (!isTruthy(target) || !target.type || target.type === 'object') return schema.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return target.type;
  }
  return schema.type === 'object' ? 'Object' : schema.type || 'Object';
}

/** The "extractEnum" template: `ENUM:` and one value a line (long view), or `enum: a, b, c, d, ....` (list view). */
function extractEnum(schema: OpenApiSchema, longView: boolean, limit: number, indentAmount = 0): string {
  const values = schema.enum ?? [];
  if (values.length === 0) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (const [i, value] of values.entries()) {
    if (limit > -1 && i >= limit) return `${out}, ....`;
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += value === '' ? '""' : String(value);
  }
  return out;
}

/** The "description" template: the schema's description, then those of its allOf, items and map values. */
function description(schema: OpenApiSchema): string {
  const s = resolved(schema);
  let out = s.description ? `${s.description}\n` : '';
  for (const sub of s.allOf ?? []) out += description(sub);
  if (isTruthy(s.items)) out += description(s.items);
  const values = mapValues(s);
  if (values) out += description(values);
  return out;
}

/** The "fieldDetail" template: `name\t<type> -required-`, its enum line, and unless short its wrapped description. */
function fieldDetail(name: string, parent: OpenApiSchema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = parent.properties![name]!;
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += `${extractEnum(field, false, 4, indentAmount)}\n`;
  if (!short) out += `${indent(indentAmount + 2, wrap(78 - indentAmount, field.description || '<no description>'))}\n\n`;
  return out;
}

/** The "fieldList" template: every field of the schema (and, recursively, of their types), refs seen on the path skipped. */
function fieldList(schema: OpenApiSchema, level: number, history: ReadonlySet<string>, recursive: boolean): string {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const s = resolved(schema);
  let out = '';
  for (const name of Object.keys(s.properties ?? {}).sort()) {
    out += fieldDetail(name, s, recursive, level);
    if (recursive) out += fieldList(s.properties![name]!, level + 1, next, recursive);
  }
  for (const sub of s.allOf ?? []) out += fieldList(sub, level, next, recursive);
  if (isTruthy(s.items)) out += fieldList(s.items, level, next, recursive);
  const values = mapValues(s);
  if (values) out += fieldList(values, level, next, recursive);
  return out;
}

/** The "output" template: follows the field path, then prints FIELD:, DESCRIPTION: and FIELDS:; '' when a field is missing. */
function output(schema: OpenApiSchema, history: ReadonlySet<string>, path: readonly string[], recursive: boolean): string {
  const ref = schema.$ref ?? '';
  const next = new Set(history).add(ref);
  const s = resolved(schema);
  if (path.length === 0) {
    const fields = fieldList(s, 1, new Set(), recursive);
    return `DESCRIPTION:\n${indent(4, wrap(76, description(s) || '<empty>'))}\n${fields ? `FIELDS:\n${fields}` : ''}`;
  }
  if (ref && history.has(ref)) return '';
  const first = path[0]!;
  const sub = isTruthy(s.properties) && Object.hasOwn(s.properties, first) ? s.properties[first] : undefined;
  if (isTruthy(sub)) {
    const header = path.length === 1 ? `FIELD: ${first} <${typeGuess(sub)}>\n${extractEnum(sub, true, -1)}\n\n` : '';
    return header + output(sub, new Set(), path.slice(1), recursive);
  }
  if (isTruthy(s.items)) return output(s.items, next, path, recursive);
  const values = mapValues(s);
  if (values) return output(values, next, path, recursive);
  for (const alt of s.allOf ?? []) {
    const text = output(alt, next, path, recursive);
    if (text) return text;
  }
  return '';
}

/** The whole template for one kind: the GROUP/KIND/VERSION header, then the explanation of the field path. */
export function renderExplain(gvk: GroupVersionKind, path: readonly string[], recursive: boolean): Rendered {
  const header = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schema = schemaForKind(gvk);
  if (!schema) return { stdout: header, error: `error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema` };
  const body = output(schema, new Set(), path, recursive);
  // text/template writes as it goes, so the header is already out when the template throws.
  if (!body) return { stdout: header, error: `error: field "${path[path.length - 1]}" does not exist` };
  return { stdout: `${header}${body}\n` };
}
