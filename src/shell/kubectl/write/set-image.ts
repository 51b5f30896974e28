// `kubectl set image` (kubectl pkg/cmd/set/set_image.go): NAME=IMAGE pairs (`*` for every
// container) written into a pod template or a pod, printing `image updated`.
import { apiGet, apiUpdate, isApiError } from '../../../sim/index.js';
import type { Container, KubeObject } from '../../../sim/types.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { afterWrite, dryRunOf, fail, failApi, printSuccess, DRY_RUN_FLAG, OUTPUT_FLAG } from './common.js';
import { resolveTargets, type Target } from './targets.js';
import { subcommandHelp } from './create.js';
import { filenameFlags, helpFor } from './verb-base.js';

/** The containers of a pod or a workload's template, or undefined for other kinds. */
function podSpecOf(obj: KubeObject): { containers: Container[]; initContainers?: Container[] } | undefined {
  const spec = (obj as { spec?: Record<string, unknown> }).spec;
  if (obj.kind === 'Pod') return spec as never;
  return (spec?.['template'] as { spec?: never } | undefined)?.spec;
}

function setOne(k: KubectlContext, t: Target, images: [string, string][]): number {
  const live = apiGet(k.sim, t.info.kind, t.namespace, t.name);
  if (isApiError(live)) return failApi(k, live);
  const obj = JSON.parse(JSON.stringify(live)) as KubeObject;
  const ps = podSpecOf(obj);
  if (!ps) return fail(k, `error: ${t.name} the object is not a pod or does not have a pod template: *v1.${t.info.kind}`);
  const all = [...ps.containers, ...(ps.initContainers ?? [])];
  for (const [name, image] of images) {
    const hits = name === '*' ? all : all.filter((c) => c.name === name);
    if (hits.length === 0) return fail(k, `error: unable to find container named "${name}"`);
    for (const c of hits) c.image = image;
  }
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  if (dry !== 'client') {
    const r = apiUpdate(k.sim, obj, { dryRun: dry === 'server' });
    if (isApiError(r)) return failApi(k, r);
    afterWrite(k);
  }
  printSuccess(k, t.info, t.name, 'image updated', dry);
  return 0;
}

function runSetImage(k: KubectlContext): number {
  const args = k.flags.args;
  const at = args.findIndex((a) => a.includes('='));
  const resources = at < 0 ? args : args.slice(0, at);
  const pairs = (at < 0 ? [] : args.slice(at)).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]);
  if (resources.length === 0 && !k.flags.set.has('filename')) return fail(k, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (pairs.length === 0) return fail(k, 'at least one image update is required');
  if (pairs.some(([n]) => n === '*') && pairs.length > 1) return fail(k, 'all containers are already specified by *, but saw more than one container_name=container_image pairs');
  const resolved = resolveTargets(k, resources);
  if (!resolved.ok) return fail(k, resolved.error);
  return resolved.targets.reduce((s, t) => Math.max(s, setOne(k, t, pairs)), 0);
}

/** `kubectl set image`. */
export const SET_IMAGE_VERB: KubectlVerb = {
  ...helpFor('set image'),
  flags: [...filenameFlags('get from a server').slice(0, 2), { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." }, { long: 'all', type: 'bool', help: 'Select all resources, in the namespace of the specified resource types' }, DRY_RUN_FLAG, OUTPUT_FLAG],
  run: runSetImage,
};

/** `kubectl set` (only `set image` in the lab). */
export const SET_VERB: KubectlVerb = {
  name: 'set',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  examples: '',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [SET_IMAGE_VERB],
  run: (k) => subcommandHelp(k, SET_VERB),
};
