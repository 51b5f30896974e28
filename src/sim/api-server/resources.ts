// The kinds the lab's API server serves, as discovery (`kubectl api-resources`) describes them:
// plural resource name, API group and version, short names, and whether objects live in a namespace.

/** A served resource type. */
export interface ResourceInfo {
  kind: Kind;
  resource: string;
  singular: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
}

/** The kinds the lab models. */
export type Kind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'ConfigMap'
  | 'Event'
  | 'Deployment'
  | 'ReplicaSet'
  | 'DaemonSet';

/** Every served resource, in `kubectl api-resources` order (core group first, then by group). */
export const RESOURCES: readonly ResourceInfo[] = [
  { kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'] },
  { kind: 'Endpoints', resource: 'endpoints', singular: 'endpoints', group: '', version: 'v1', namespaced: true, shortNames: ['ep'] },
  { kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'] },
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'] },
  { kind: 'Node', resource: 'nodes', singular: 'node', group: '', version: 'v1', namespaced: false, shortNames: ['no'] },
  { kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'] },
  { kind: 'Service', resource: 'services', singular: 'service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'] },
  { kind: 'DaemonSet', resource: 'daemonsets', singular: 'daemonset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['ds'] },
  { kind: 'Deployment', resource: 'deployments', singular: 'deployment', group: 'apps', version: 'v1', namespaced: true, shortNames: ['deploy'] },
  { kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['rs'] },
  { kind: 'EndpointSlice', resource: 'endpointslices', singular: 'endpointslice', group: 'discovery.k8s.io', version: 'v1', namespaced: true, shortNames: [] },
];

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

/** The resource info of a kind. */
export function resourceOf(kind: Kind): ResourceInfo {
  return byKind.get(kind)!;
}

/** The resource info for a kind name, if the lab serves it. */
export function lookupKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind as Kind);
}

/** The apiVersion string of a resource: "v1" or "apps/v1". */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/**
 * Finds a resource by what a user types: plural, singular, short name, Kind, or `<name>.<group>`
 * (case-insensitive), as kubectl's RESTMapper does for `kubectl get svc`.
 */
export function resolveResourceName(text: string): ResourceInfo | undefined {
  const t = text.toLowerCase();
  const dot = t.indexOf('.');
  const [base, group] = dot >= 0 ? [t.slice(0, dot), t.slice(dot + 1)] : [t, undefined];
  return RESOURCES.find(
    (r) =>
      (group === undefined || r.group === group || `${r.version}.${r.group}` === group || (r.group === '' && group === 'v1')) &&
      (r.resource === base || r.singular === base || r.kind.toLowerCase() === base || r.shortNames.includes(base)),
  );
}
