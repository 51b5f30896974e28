// `kubectl scale` and `kubectl patch` (kubectl pkg/cmd/scale/scale.go, patch/patch.go): scale
// writes spec.replicas (with --current-replicas as a precondition) and prints `scaled`; patch sends
// -p as a strategic, merge or JSON patch and prints `patched` or `patched (no change)`.
import { apiGet, isApiError } from '../../../sim/index.js';
import { apiPatch, type PatchType } from '../../../sim/api-server/patch-endpoint.js';
import { deepEqual } from '../../../sim/api-server/patch.js';
import { int, str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { afterWrite, dryRunOf, fail, failApi, printSuccess, DRY_RUN_FLAG, OUTPUT_FLAG, type DryRun } from './common.js';
import { parseDocument } from './manifest-parse.js';
import { resolveTargets, type Target } from './targets.js';
import { filenameFlags, helpFor } from './verb-base.js';

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

function runScale(k: KubectlContext): number {
  const replicas = int(k.flags, 'replicas') ?? -1;
  if (replicas < 0) return fail(k, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = int(k.flags, 'current-replicas') ?? -1;
  if (current < -1) return fail(k, 'The --current-replicas must specify an integer of -1 or greater');
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  if (resolved.targets.length === 0) return fail(k, 'no objects passed to scale');
  let ok = true;
  for (const t of resolved.targets) ok = scaleOne(k, t, replicas, current, dry) && ok;
  return ok ? 0 : 1;
}

/** Scales one target; false when it failed (the error is printed). */
function scaleOne(k: KubectlContext, t: Target, replicas: number, current: number, dry: DryRun): boolean {
  const live = apiGet(k.sim, t.info.kind, t.namespace, t.name);
  if (isApiError(live)) return failApi(k, live) === 0;
  if (!SCALABLE.has(t.info.kind)) return failApi(k, { reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' }) === 0;
  const have = (live as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
  if (current >= 0 && have !== current) return fail(k, `Expected replicas to be ${current}, was ${have}`) === 0;
  if (dry !== 'client') {
    const r = apiPatch(k.sim, t.info.kind, t.namespace, t.name, 'merge', { spec: { replicas } }, { dryRun: dry === 'server' });
    if (isApiError(r)) return failApi(k, r) === 0;
    afterWrite(k);
  }
  printSuccess(k, t.info, t.name, 'scaled', dry);
  return true;
}

/** `kubectl scale`. */
export const SCALE_VERB: KubectlVerb = {
  ...helpFor('scale'),
  flags: [
    ...filenameFlags('set a new size').slice(0, 2),
    { long: 'replicas', type: 'int', default: -1, help: 'The new desired number of replicas. Required.' },
    { long: 'current-replicas', type: 'int', default: -1, help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { long: 'resource-version', type: 'string', help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { long: 'all', type: 'bool', help: 'Select all resources in the namespace of the specified resource types' },
    { long: 'timeout', type: 'string', default: '0s', help: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    DRY_RUN_FLAG, OUTPUT_FLAG,
  ],
  run: runScale,
};

function runPatch(k: KubectlContext): number {
  const type = str(k.flags, 'type') as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type)) return fail(k, `--type must be one of [json merge strategic], not "${type}"`);
  const text = str(k.flags, 'patch');
  if (text === '') return fail(k, 'must specify --patch or --patch-file containing the contents of the patch');
  const parsed = parseDocument(text);
  if (!parsed.ok) return fail(k, `unable to parse "${text}": yaml: ${parsed.error}`);
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  let ok = true;
  for (const t of resolved.targets) {
    const before = apiGet(k.sim, t.info.kind, t.namespace, t.name);
    const r = apiPatch(k.sim, t.info.kind, t.namespace, t.name, type, parsed.value, { dryRun: dry !== 'none' });
    if (isApiError(r)) {
      ok = false;
      failApi(k, r);
      continue;
    }
    if (dry === 'none') afterWrite(k);
    printSuccess(k, t.info, t.name, deepEqual(before, r) ? 'patched (no change)' : 'patched', dry);
  }
  return ok ? 0 : 1;
}

/** `kubectl patch`. */
export const PATCH_VERB: KubectlVerb = {
  ...helpFor('patch'),
  flags: [
    ...filenameFlags('update').slice(0, 2),
    { long: 'patch', short: 'p', type: 'string', help: 'The patch to be applied to the resource JSON file.' },
    { long: 'type', type: 'string', default: 'strategic', help: 'The type of patch being provided; one of [json merge strategic]' },
    DRY_RUN_FLAG, OUTPUT_FLAG,
  ],
  run: runPatch,
};
