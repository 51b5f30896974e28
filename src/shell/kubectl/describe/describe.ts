// kubectl describe (kubectl pkg/cmd/describe/describe.go): exact name, else every object whose name
// starts with it, each described and followed by a blank line; NotFound when nothing matches.
import type { ConfigMap, DaemonSet, Deployment, EndpointSlice, Endpoints, KubeObject, Namespace, Node, Pod, ReplicaSet, Service } from '../../../sim/types.js';
import { apiGet, apiList, isApiError, resolveResourceName, type Kind, type ResourceInfo } from '../../../sim/index.js';
import type { SimState } from '../../../sim/state.js';
import { str, bool, type FlagSpec } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { apiErrorText } from '../errors.js';
import { ENDPOINTS_WARNING } from '../get/get.js';
import { describeService } from './service.js';
import { describePod } from './pod.js';
import { describeDeployment } from './deployment.js';
import { describeReplicaSet } from './replicaset.js';
import { describeDaemonSet } from './daemonset.js';
import { describeConfigMap } from './configmap.js';
import { describeEndpoints } from './endpoints.js';
import { describeEndpointSlice } from './endpointslice.js';
import { describeNamespace } from './namespace.js';
import { describeNode } from './node.js';
import { annotationLines, finish, labelLines } from './common.js';

const FLAGS: FlagSpec[] = [
  { long: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  { long: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { long: 'show-events', type: 'bool', default: true, help: 'If true, display events related to the described object.' },
];

/** The generic describe used for kinds without their own describer: metadata and events. */
function describeGeneric(state: SimState, obj: KubeObject): string {
  const lines = [`Name:\t${obj.metadata.name}`];
  if (obj.metadata.namespace) lines.push(`Namespace:\t${obj.metadata.namespace}`);
  lines.push(...labelLines('Labels', obj.metadata.labels), ...annotationLines(obj.metadata.annotations));
  return finish(state, obj, lines);
}

/** The describer kubectl picks for the kind (DescriberFor); Event has none of its own. */
function describeOne(state: SimState, obj: KubeObject): string {
  const kind = obj.kind as Kind;
  switch (kind) {
    case 'Service': return describeService(state, obj as Service);
    case 'Pod': return describePod(state, obj as Pod);
    case 'Deployment': return describeDeployment(state, obj as Deployment);
    case 'ReplicaSet': return describeReplicaSet(state, obj as ReplicaSet);
    case 'DaemonSet': return describeDaemonSet(state, obj as DaemonSet);
    case 'ConfigMap': return describeConfigMap(state, obj as ConfigMap);
    case 'Endpoints': return describeEndpoints(state, obj as Endpoints);
    case 'EndpointSlice': return describeEndpointSlice(state, obj as EndpointSlice);
    case 'Namespace': return describeNamespace(state, obj as Namespace);
    case 'Node': return describeNode(state, obj as Node);
    case 'Event': return describeGeneric(state, obj);
    default: { const never: never = kind; return never; }
  }
}

function targets(k: KubectlContext): { info: ResourceInfo; name?: string }[] | string {
  const args = k.flags.args;
  if (args.length === 0) return 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';
  const out: { info: ResourceInfo; name?: string }[] = [];
  const pairs = args[0]!.includes('/') ? args.map((a) => a.split('/', 2) as [string, string]) : (args.length > 1 ? args.slice(1).map((n) => [args[0]!, n] as [string, string]) : [[args[0]!, ''] as [string, string]]);
  for (const [t, n] of pairs) {
    const info = resolveResourceName(t);
    if (!info) return `the server doesn't have a resource type "${t}"`;
    out.push({ info, name: n || undefined });
  }
  return out;
}

function runDescribe(k: KubectlContext): number {
  const ts = targets(k);
  if (typeof ts === 'string') {
    k.stderr(`error: ${ts}\n`);
    return 1;
  }
  let status = 0;
  const texts: string[] = [];
  if (ts.some((t) => t.info.kind === 'Endpoints')) k.stderr(ENDPOINTS_WARNING, 'warning');
  for (const t of ts) {
    const exact = t.name ? apiGet(k.sim, t.info.kind, k.namespace, t.name) : undefined;
    let objs: KubeObject[];
    if (exact && !isApiError(exact)) objs = [exact];
    else {
      const listed = apiList(k.sim, t.info.kind, { namespace: bool(k.flags, 'all-namespaces') ? undefined : k.namespace, labelSelector: str(k.flags, 'selector') });
      objs = isApiError(listed) ? [] : listed.filter((o) => !t.name || (o.metadata.name ?? '').startsWith(t.name));
      if (objs.length === 0 && exact && isApiError(exact)) {
        k.stderr(`${apiErrorText(exact)}\n`);
        status = 1;
        continue;
      }
      if (objs.length === 0) {
        k.stderr(t.info.namespaced ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n');
        continue;
      }
    }
    texts.push(...objs.map((o) => describeOne(k.sim, o)));
  }
  if (texts.length) k.stdout(texts.join("\n"));
  return status;
}

/** The describe verb. */
export const DESCRIBE_VERB: KubectlVerb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples: '  # Describe a node\n  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n  \n  # Describe a pod\n  kubectl describe pods/nginx\n  \n  # Describe pods by label name=myLabel\n  kubectl describe pods -l name=myLabel',
  flags: FLAGS,
  run: runDescribe,
};
