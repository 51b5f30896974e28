// Which objects a command names, as cli-runtime's resource.Builder resolves them
// (ResourceTypeOrNameArgs, LabelSelectorParam, SelectAllParam, FilenameParam) with its errors.
import { apiList, isApiError, resolveResourceName, type ResourceInfo } from '../../../sim/index.js';
import { bool, list, str } from '../flags.js';
import { loadManifests } from '../manifest.js';
import type { KubectlContext } from '../verb.js';
import { placeItems, nameOf } from './objects.js';

/** One object a command acts on; `source` is the manifest file when it came from `-f`. */
export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source?: string;
}

/** The targets, or an error text (kubectl's, without `error: `); `selected` is true for `-l`/`--all`. */
export type TargetResult = { ok: true; targets: Target[]; selected: boolean } | { ok: false; error: string };

/** The message kubectl's builder gives when nothing names a resource. */
export const NO_RESOURCES_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function unknownType(t: string): TargetResult {
  return { ok: false, error: `the server doesn't have a resource type "${t}"` };
}

function fromFiles(k: KubectlContext, files: string[]): TargetResult {
  const loaded = loadManifests(k, files, bool(k.flags, 'recursive'));
  if (!loaded.ok) return loaded;
  const placed = placeItems(k, loaded.items);
  if ('error' in placed) return { ok: false, error: placed.error };
  return { ok: true, selected: false, targets: placed.items.map((i) => ({ info: i.info, namespace: i.obj.metadata.namespace, name: nameOf(i.obj), source: i.source })) };
}

function fromSlashArgs(k: KubectlContext, args: string[]): TargetResult {
  const targets: Target[] = [];
  for (const a of args) {
    const slash = a.indexOf('/');
    if (slash < 0) return { ok: false, error: `arguments in resource/name form must have a single resource and name` };
    const info = resolveResourceName(a.slice(0, slash));
    if (!info) return unknownType(a.slice(0, slash));
    targets.push({ info, namespace: info.namespaced ? k.namespace : undefined, name: a.slice(slash + 1) });
  }
  return { ok: true, selected: false, targets };
}

function fromSelection(k: KubectlContext, info: ResourceInfo, all: boolean): TargetResult {
  const selector = str(k.flags, 'selector');
  const objs = apiList(k.sim, info.kind, { namespace: bool(k.flags, 'all-namespaces') ? undefined : k.namespace, labelSelector: all ? undefined : selector, fieldSelector: str(k.flags, 'field-selector') || undefined });
  if (isApiError(objs)) return { ok: false, error: objs.message };
  return { ok: true, selected: true, targets: objs.map((o) => ({ info, namespace: o.metadata.namespace, name: o.metadata.name ?? '' })) };
}

/** Joins per-type selections (`kubectl delete deploy,svc -l app=web`), stopping at the first error. */
function joinResults(results: TargetResult[]): TargetResult {
  const targets: Target[] = [];
  for (const r of results) {
    if (!r.ok) return r;
    targets.push(...r.targets);
  }
  return { ok: true, selected: true, targets };
}

/** Resolves `-f`, `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SEL` and `TYPE --all`. */
export function resolveTargets(k: KubectlContext, args: string[]): TargetResult {
  const files = list(k.flags, 'filename');
  if (files.length > 0) return fromFiles(k, files);
  if (args.length === 0) return { ok: false, error: NO_RESOURCES_MESSAGE };
  if (args[0]!.includes('/')) return fromSlashArgs(k, args);
  const infos: ResourceInfo[] = [];
  for (const type of args[0]!.split(',').filter(Boolean)) {
    const info = resolveResourceName(type);
    if (!info) return unknownType(type);
    infos.push(info);
  }
  const names = args.slice(1);
  if (names.some((n) => n.includes('/'))) return { ok: false, error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
  const all = bool(k.flags, 'all');
  if (names.length === 0 && (all || str(k.flags, 'selector') !== '')) return joinResults(infos.map((info) => fromSelection(k, info, all)));
  if (names.length === 0) return { ok: false, error: 'resource(s) were provided, but no name was specified' };
  return { ok: true, selected: false, targets: infos.flatMap((info) => names.map((name) => ({ info, namespace: info.namespaced ? k.namespace : undefined, name }))) };
}
