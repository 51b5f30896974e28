// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label/label.go, annotate/annotate.go):
// KEY=VAL adds, KEY- removes, --overwrite guards existing values; a merge patch is sent and the
// line says labeled / unlabeled / not labeled (updateDataChangeMsg) or annotated.
import { apiGet, isApiError } from '../../../sim/index.js';
import { apiPatch } from '../../../sim/api-server/patch-endpoint.js';
import { deepEqual } from '../../../sim/api-server/patch.js';
import { bool, str } from '../flags.js';
import type { FlagSpec } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { afterWrite, dryRunOf, fail, failApi, printSuccess } from './common.js';
import { resolveTargets, type Target } from './targets.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './common.js';
import { filenameFlags, helpFor } from './verb-base.js';

type Field = 'labels' | 'annotations';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** parseLabels: `k=v` sets, `k-` removes; an error text for a malformed spec. */
function parseSpecs(field: Field, specs: string[]): { set: Record<string, string>; remove: string[] } | string {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = field === 'labels' ? spec.split('=') : [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
      if (parts.length !== 2) return `invalid label spec: ${spec}`;
      if (field === 'labels' && parts[1]!.length > 63) return `invalid label value: "${spec}": must be no more than 63 characters`;
      if (field === 'labels' && !LABEL_VALUE.test(parts[1]!)) return `invalid label value: "${spec}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
      set[parts[0]!] = parts[1]!;
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return field === 'labels' ? `unknown label spec: ${spec}` : `invalid annotation format: ${spec}`;
  }
  if (remove.some((r) => r in set)) return field === 'labels' ? 'can not both modify and remove a label in the same command' : 'can not both modify and remove an annotation in the same command';
  return { set, remove };
}

function conflicts(field: Field, current: Record<string, string>, set: Record<string, string>): string | undefined {
  const found = Object.entries(set).filter(([key, v]) => key in current && current[key] !== v);
  if (found.length === 0) return undefined;
  if (field === 'labels') return found.map(([key]) => `'${key}' already has a value (${current[key]}), and --overwrite is false`).join('\n');
  return `--overwrite is false but found the following declared annotation(s): ${found.map(([key]) => `'${key}' already has a value (${current[key]})`).join('; ')}`;
}

function updateOne(k: KubectlContext, field: Field, t: Target, set: Record<string, string>, remove: string[]): boolean {
  const live = apiGet(k.sim, t.info.kind, t.namespace, t.name);
  if (isApiError(live)) return failApi(k, live) === 0;
  const current = { ...(live.metadata[field] ?? {}) };
  const conflict = bool(k.flags, 'overwrite') ? undefined : conflicts(field, current, set);
  if (conflict) return fail(k, conflict) === 0;
  const next = { ...current, ...set };
  for (const r of remove) {
    if (field === 'labels' && !(r in next)) k.stdout(`label "${r}" not found.\n`);
    delete next[r];
  }
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error) === 0;
  const changed = !deepEqual(next, current);
  if (changed && dry !== 'client') {
    const patch = { metadata: { [field]: Object.fromEntries([...Object.entries(set), ...remove.map((r) => [r, null])]) } };
    const r = apiPatch(k.sim, t.info.kind, t.namespace, t.name, 'merge', patch, { dryRun: dry === 'server' });
    if (isApiError(r)) return failApi(k, r) === 0;
    afterWrite(k);
  }
  const shorter = JSON.stringify(next).length < JSON.stringify(current).length;
  const msg = field === 'annotations' ? 'annotated' : !changed ? 'not labeled' : !bool(k.flags, 'overwrite') && shorter ? 'unlabeled' : 'labeled';
  printSuccess(k, t.info, t.name, msg, dry);
  return true;
}

function runMetaVerb(k: KubectlContext, field: Field): number {
  const args = k.flags.args;
  const at = args.findIndex((a) => a.includes('=') || a.endsWith('-'));
  const resources = at < 0 ? args : args.slice(0, at);
  const specs = at < 0 ? [] : args.slice(at);
  if (resources.length === 0 && !k.flags.set.has('filename')) return fail(k, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (specs.length === 0) return fail(k, `at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const parsed = parseSpecs(field, specs);
  if (typeof parsed === 'string') return fail(k, parsed);
  if (bool(k.flags, 'all') && str(k.flags, 'selector') !== '') return fail(k, 'cannot set --all and --selector at the same time');
  const resolved = resolveTargets(k, resources);
  if (!resolved.ok) return fail(k, resolved.error);
  let ok = true;
  for (const t of resolved.targets) ok = updateOne(k, field, t, parsed.set, parsed.remove) && ok;
  return ok ? 0 : 1;
}

function metaFlags(what: string): FlagSpec[] {
  return [
    ...filenameFlags(`update the ${what}`).slice(0, 2),
    { long: 'overwrite', type: 'bool', help: `If true, allow ${what} to be overwritten, otherwise reject ${what} updates that overwrite existing ${what}.` },
    { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { long: 'all', type: 'bool', help: 'Select all resources, in the namespace of the specified resource types' },
    { long: 'all-namespaces', short: 'A', type: 'bool', help: 'If true, check the specified action in all namespaces.' },
    { long: 'field-selector', type: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    DRY_RUN_FLAG, OUTPUT_FLAG,
  ];
}

/** `kubectl label`. */
export const LABEL_VERB: KubectlVerb = { ...helpFor('label'), flags: metaFlags('labels'), run: (k) => runMetaVerb(k, 'labels') };

/** `kubectl annotate`. */
export const ANNOTATE_VERB: KubectlVerb = { ...helpFor('annotate'), flags: metaFlags('annotations'), run: (k) => runMetaVerb(k, 'annotations') };
