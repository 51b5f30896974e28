// The slice of an OpenAPI v3 document that kubectl explain reads (k8s.io/kubectl pkg/explain/v2): component
// schemas, `$ref` resolution (funcs.go resolveRef) and the search for the schema of a group/version/kind
// (plaintext.tmpl "schema"). Our schema store holds refs as bare component names.
import { SCHEMAS } from './schemas.js';

/** A group/version/kind as `x-kubernetes-group-version-kind` lists it. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** One OpenAPI v3 schema object, limited to the keys the plaintext template reads. */
export interface OpenApiSchema {
  description?: string;
  type?: string;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  allOf?: OpenApiSchema[];
  $ref?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  enum?: (string | number | boolean)[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

/** The schema a `$ref` names, or undefined when the store does not hold it (a ref the template cannot resolve). */
export function resolveRef(ref: string | undefined): OpenApiSchema | undefined {
  if (!ref) return undefined;
  return Object.hasOwn(SCHEMAS, ref) ? SCHEMAS[ref] : undefined;
}

/** The schema's map-value schema when `additionalProperties` is a schema (the template skips the boolean form). */
export function mapValues(schema: OpenApiSchema): OpenApiSchema | undefined {
  const ap = schema.additionalProperties;
  return typeof ap === 'object' && isTruthy(ap) ? ap : undefined;
}

/** Go template truthiness of a map-valued field: present and non-empty. */
export function isTruthy(value: object | undefined): value is object {
  return value !== undefined && Object.keys(value).length > 0;
}

/** The first component schema, in name order, whose `x-kubernetes-group-version-kind` lists the kind. */
export function schemaForKind(gvk: GroupVersionKind): OpenApiSchema | undefined {
  const names = Object.keys(SCHEMAS).sort();
  for (const name of names) {
    const listed = SCHEMAS[name]!['x-kubernetes-group-version-kind'] ?? [];
    if (listed.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) return SCHEMAS[name];
  }
  return undefined;
}
