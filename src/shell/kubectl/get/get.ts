// kubectl get (kubectl pkg/cmd/get/get.go): resolves TYPE, TYPE/NAME and comma lists, lists or
// fetches through the API with label and field selectors, and prints server-style tables through
// the tabwriter, or objects as yaml, json, names, JSONPath or custom columns. Left out: go-template.
import type { KubeObject } from '../../../sim/types.js';
import { sortObjects } from './sort.js';
import { GET_FORMATS, outputFormatError } from '../output-format.js';
import { apiGet, apiList, isApiError, lookupKind, resolveResourceName, type ResourceInfo } from '../../../sim/index.js';
import { formatLabels } from '../../../sim/api-server/selectors.js';
import { bool, list, str, type FlagSpec } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { apiErrorText } from '../errors.js';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import { TABLES } from './columns.js';
import { kindRef } from '../write/common.js';
import { printObjects, toYaml } from '../write/print.js';
import { evalPath, parseJsonPath, renderJsonPath } from '../../printers/jsonpath.js';

const ALL_KINDS = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet'];
/** The warning the API server sends with every v1 Endpoints read since v1.33. */
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

const FLAGS: FlagSpec[] = [
  { long: 'output', short: 'o', type: 'string', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
  { long: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
  { long: 'field-selector', type: 'string', help: 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.' },
  { long: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { long: 'show-labels', type: 'bool', help: 'When printing, show all labels as the last column (default hide labels column)' },
  { long: 'no-headers', type: 'bool', help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { long: 'watch', short: 'w', type: 'bool', help: 'After listing/getting the requested object, watch for changes.' },
  { long: 'sort-by', type: 'string', help: 'If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. \'{.metadata.name}\'). The field in the API resource specified by this JSONPath expression must be an integer or a string.' },
  { long: 'label-columns', short: 'L', type: 'stringArray', help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
];

interface Group {
  info: ResourceInfo;
  names: string[];
}

/** Parses the TYPE / NAME arguments into groups, or returns kubectl's error. */
function parseTargets(args: string[]): Group[] | string {
  const groups: Group[] = [];
  const add = (typeText: string, name?: string): string | undefined => {
    const kinds = typeText === 'all' ? ALL_KINDS.map((k) => lookupKind(k)!) : [resolveResourceName(typeText)];
    for (const info of kinds) {
      if (!info) return `error: the server doesn't have a resource type "${typeText}"`;
      let g = groups.find((x) => x.info === info);
      if (!g) groups.push((g = { info, names: [] }));
      if (name) g.names.push(name);
    }
    return undefined;
  };
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const [t, n] = a.split('/', 2);
      if (!n) return `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`;
      const err = add(t!, n);
      if (err) return err;
    }
    return groups;
  }
  for (const t of args[0]!.split(',').filter((x) => x)) {
    const err = add(t);
    if (err) return err;
  }
  for (const n of args.slice(1)) for (const g of groups) g.names.push(n);
  return groups;
}

/** Fetches one group's objects; prints NotFound errors for missing names. */
function fetchGroup(k: KubectlContext, g: Group): KubeObject[] | undefined {
  const allNs = bool(k.flags, 'all-namespaces');
  if (g.names.length > 0) {
    const found: KubeObject[] = [];
    for (const name of g.names) {
      const r = apiGet(k.sim, g.info.kind, k.namespace, name);
      if (isApiError(r)) k.stderr(`${apiErrorText(r)}\n`);
      else found.push(r);
    }
    return found;
  }
  const r = apiList(k.sim, g.info.kind, { namespace: allNs ? undefined : k.namespace, labelSelector: str(k.flags, 'selector'), fieldSelector: str(k.flags, 'field-selector') });
  if (!isApiError(r)) return r;
  const gv = g.info.group ? `${g.info.group}/${g.info.version}` : g.info.version;
  k.stderr(`Error from server (BadRequest): Unable to find "${g.info.group ? gv : `/${gv}`}, Resource=${g.info.resource}" that match label selector "${str(k.flags, 'selector')}", field selector "${str(k.flags, 'field-selector')}": ${r.message}\n`);
  return undefined;
}

/** The table text of one group. */
function groupTable(k: KubectlContext, g: Group, objs: KubeObject[], withKind: boolean): string {
  const table = TABLES[g.info.kind]!;
  const wide = str(k.flags, 'output') === 'wide';
  const allNs = bool(k.flags, 'all-namespaces') && g.info.namespaced;
  const labelCols = list(k.flags, 'label-columns').flatMap((l) => l.split(',')).filter((l) => l);
  const headers = [...(allNs ? ['NAMESPACE'] : []), ...table.headers, ...(wide ? table.wide : []), ...labelCols.map((l) => l.split('/').pop()!.toUpperCase()), ...(bool(k.flags, 'show-labels') ? ['LABELS'] : [])];
  const rows = objs.map((o) => {
    const [cells, wideCells] = table.row(o, k.sim);
    if (withKind) cells[0] = `${kindRef(g.info)}/${cells[0]}`;
    return [...(allNs ? [o.metadata.namespace ?? ''] : []), ...cells, ...(wide ? wideCells : []), ...labelCols.map((l) => o.metadata.labels?.[l] ?? ''),
      ...(bool(k.flags, 'show-labels') ? [formatLabels(o.metadata.labels)] : [])];
  });
  const lines = [...(bool(k.flags, 'no-headers') ? [] : [headers]), ...rows].map((r) => r.map((c) => c.replace(/[\n\r\f].*/s, '...')).join('\t'));
  return tabwrite(`${lines.join('\n')}\n`, GET_TABWRITER);
}

function printStructured(k: KubectlContext, objs: KubeObject[], single: boolean, output: string): number {
  if (output === 'name' || single) {
    printObjects(k, objs, output);
    return 0;
  }
  const listObj = { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
  k.stdout(output === 'yaml' ? toYaml(listObj) : `${JSON.stringify(listObj, sortKeys, 4)}\n`);
  return 0;
}

function sortKeys(_k: string, v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((key) => [key, (v as Record<string, unknown>)[key]]));
}

function noneMessage(k: KubectlContext, groups: Group[]): string {
  const allNs = bool(k.flags, 'all-namespaces');
  return !allNs && groups.every((g) => g.info.namespaced) ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n';
}

/** `-o jsonpath=TEMPLATE`: the template against the object, or a List of them. */
function printJsonPath(k: KubectlContext, template: string, objs: KubeObject[], single: boolean): number {
  const pieces = parseJsonPath(template);
  if (typeof pieces === 'string') {
    k.stderr(`error: error parsing jsonpath ${template}, ${pieces}\n`);
    return 1;
  }
  const data = single ? objs[0] : { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
  k.stdout(renderJsonPath(pieces, data));
  return 0;
}

/** `-o custom-columns=HEADER:.path,...`: one column per spec, `<none>` where the path finds nothing. */
function printCustomColumns(k: KubectlContext, spec: string, objs: KubeObject[]): number {
  const cols = spec.split(',').map((c) => c.split(':'));
  if (cols.some((c) => c.length !== 2 || !c[0])) {
    k.stderr(`error: custom-columns format expects HEADER:JSONPATH pairs, got "${spec}"\n`);
    return 1;
  }
  const rows = objs.map((o) => cols.map(([, path]) => {
    const vals = evalPath(o, path!.replace(/^\{|\}$/g, '').replace(/^([^.[])/, '.$1'));
    return vals.length ? vals.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',') : '<none>';
  }).join('\t'));
  const header = bool(k.flags, 'no-headers') ? [] : [cols.map((c) => c[0]).join('\t')];
  k.stdout(tabwrite(`${[...header, ...rows].join('\n')}\n`, GET_TABWRITER));
  return 0;
}

/** Runs kubectl get. */
function runGet(k: KubectlContext): number {
  if (k.flags.args.length === 0) {
    k.stderr('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n');
    return 1;
  }
  const output = str(k.flags, 'output');
  const template = /^(jsonpath|custom-columns)=/.test(output) ? output.slice(output.indexOf('=') + 1) : undefined;
  const formatError = outputFormatError(output, GET_FORMATS, ['json', 'yaml', 'name', 'wide', 'jsonpath', 'custom-columns']);
  if (formatError) {
    k.stderr(`error: ${formatError}\n`);
    return 1;
  }
  const groups = parseTargets(k.flags.args);
  if (typeof groups === 'string') {
    k.stderr(`${groups}\n`);
    return 1;
  }
  if (groups.some((g) => g.info.kind === 'Endpoints')) k.stderr(ENDPOINTS_WARNING, 'warning');
  const named = groups.some((g) => g.names.length > 0);
  const fetched = groups.map((g) => ({ g, objs: fetchGroup(k, g) }));
  let failed = fetched.some((f) => f.objs === undefined) || (named && fetched.reduce((n, f) => n + (f.objs?.length ?? 0), 0) < groups.reduce((n, g) => n + g.names.length, 0));
  const sorted = fetched.filter((f) => (f.objs?.length ?? 0) > 0).map((f) => ({ g: f.g, objs: sortObjects(f.objs!, str(k.flags, 'sort-by')) }));
  const sortError = sorted.find((p) => !Array.isArray(p.objs))?.objs as { error: string } | undefined;
  if (sortError) {
    k.stderr(`error: ${sortError.error}\n`);
    return 1;
  }
  const present = sorted as { g: Group; objs: KubeObject[] }[];
  if (template !== undefined) {
    const all = present.flatMap((p) => p.objs);
    const single = named && all.length === 1 && groups.length === 1 && groups[0]!.names.length === 1;
    const r = output.startsWith('jsonpath=') ? printJsonPath(k, template, all, single) : printCustomColumns(k, template, all);
    if (r !== 0) return r;
  } else if (output === 'yaml' || output === 'json' || output === 'name') {
    const all = present.flatMap((p) => p.objs);
    if (all.length > 0) printStructured(k, all, named && all.length === 1 && groups.length === 1 && groups[0]!.names.length === 1, output);
  } else {
    const withKind = groups.length > 1;
    k.stdout(present.map((p) => groupTable(k, p.g, p.objs, withKind)).join('\n'));
  }
  if (present.length === 0 && !named && !failed) k.stderr(noneMessage(k, groups));
  if (fetched.some((f) => f.objs === undefined)) failed = true;
  return failed ? 1 : 0;
}

/** The get verb. */
export const GET_VERB: KubectlVerb = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  long: 'Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace unless you pass --all-namespaces.\n\n By specifying the output as \'template\' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples: '  # List all pods in ps output format\n  kubectl get pods\n  \n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n  \n  # List a single pod in JSON output format\n  kubectl get -o json pod web-pod-13je7\n  \n  # List all replication controllers and services together in ps output format\n  kubectl get rc,services\n  \n  # List one or more resources by their type and names\n  kubectl get rc/web service/frontend pods/web-pod-13je7',
  flags: FLAGS,
  run: runGet,
};
