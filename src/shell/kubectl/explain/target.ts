// What `kubectl explain RESOURCE[.field...]` asks for (k8s.io/kubectl pkg/explain/explain.go
// SplitAndParseResourceRequest[WithMatchingPrefix] and pkg/cmd/explain Run): the resource, the field path,
// and the group/version/kind whose schema answers it, with each of kubectl's errors as a value.
import { resolveResourceName, type ResourceInfo } from '../../../sim/index.js';
import type { GroupVersionKind } from './openapi.js';

/**
 * An error as kubectl's CheckErr prints it: `error: ` before the text, except for the RESTMapper's
 * NoResourceMatchError, which CheckErr prints bare (`the server doesn't have a resource type "foo"`).
 */
export interface ExplainError {
  error: string;
  bare?: boolean;
}

/** A resolved request, or its error. */
export type Target = { ok: true; gvk: GroupVersionKind; fields: string[]; info: ResourceInfo } | ({ ok: false } & ExplainError);

/** The group/versions a kubeadm v1.34 API server serves with default settings (its /openapi/v3 paths). */
const SERVED_GROUP_VERSIONS = new Set([
  'v1', 'admissionregistration.k8s.io/v1', 'apiextensions.k8s.io/v1', 'apiregistration.k8s.io/v1', 'apps/v1',
  'authentication.k8s.io/v1', 'authorization.k8s.io/v1', 'autoscaling/v1', 'autoscaling/v2', 'batch/v1',
  'certificates.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1', 'networking.k8s.io/v1', 'node.k8s.io/v1', 'policy/v1',
  'rbac.authorization.k8s.io/v1', 'resource.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1',
]);

const NOT_A_FIELD = 'invalid jsonpath syntax, first node must be field node';

/**
 * The field nodes of `{.<text>}` as kubectl's jsonPathParse reads them (trailing dot dropped), or undefined
 * when a node is not a plain field (`..` recursion, `[i]` indexes and the like).
 */
function fieldNodes(text: string): string[] | undefined {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  const nodes = trimmed.split('.');
  return nodes.every((n) => /^[^[\]{}()$*@?'" ]+$/.test(n)) ? nodes : undefined;
}

/** schema.ParseGroupVersion: "v1", "apps/v1", "/v1"; more than one slash is an error. */
export function parseGroupVersion(text: string): { group: string; version: string } | string {
  if (text === '' || text === '/') return { group: '', version: '' };
  const parts = text.split('/');
  if (parts.length === 1) return { group: '', version: text };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return `unexpected GroupVersion string: ${text}`;
}

/** Resource and field path; with --api-version the group prefix is not stripped (SplitAndParseResourceRequest). */
export function splitRequest(arg: string, withApiVersion: boolean): { info: ResourceInfo; fields: string[] } | ExplainError {
  const nodes = fieldNodes(arg);
  if (!nodes || nodes.length === 0) return { error: NOT_A_FIELD };
  const info = resolveResourceName(nodes[0]!);
  if (!info) return { error: `the server doesn't have a resource type "${nodes[0]}"`, bare: true };
  const groupResource = info.group ? `${info.resource}.${info.group}` : info.resource;
  if (withApiVersion || !arg.startsWith(groupResource)) return { info, fields: nodes.slice(1) };
  const suffix = arg.slice(groupResource.length);
  if (suffix === '' || suffix === '.') return { info, fields: [] };
  const rest = fieldNodes(suffix.startsWith('.') ? `x${suffix}` : suffix);
  return rest ? { info, fields: rest.slice(1) } : { error: NOT_A_FIELD };
}

/** GroupVersionResource.String(): "apps/v1, Resource=deployments", "/v1, Resource=services". */
function gvrString(group: string, version: string, resource: string): string {
  return `${group}/${version}, Resource=${resource}`;
}

/** Resolves the argument and --api-version to the kind to explain, as kubectl explain's Run does before rendering. */
export function explainTarget(arg: string, apiVersion: string): Target {
  const split = splitRequest(arg, apiVersion !== '');
  if ('error' in split) return { ok: false, ...split };
  const { info, fields } = split;
  let group = info.group;
  let version = info.version;
  if (apiVersion !== '') {
    const gv = parseGroupVersion(apiVersion);
    if (typeof gv === 'string') return { ok: false, error: gv };
    ({ group, version } = gv);
  }
  const gv = group ? `${group}/${version}` : version;
  if (!SERVED_GROUP_VERSIONS.has(gv)) return { ok: false, error: `couldn't find resource for "${gvrString(group, version, info.resource)}"` };
  if (group !== info.group || version !== info.version) return { ok: false, error: `GVR (${gvrString(group, version, info.resource)}) not found in OpenAPI schema` };
  return { ok: true, gvk: { group, version, kind: info.kind }, fields, info };
}
