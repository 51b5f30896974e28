// `kubectl apply -f` (kubectl pkg/cmd/apply/apply.go): create with the last-applied annotation
// when the object is new, else a three-way merge against the live object, printing
// created / configured / unchanged per object. Left out: --prune, --server-side, --force.
import { apiCreate, apiGet, apiUpdate, isApiError } from '../../../sim/index.js';
import { deepEqual } from '../../../sim/api-server/patch.js';
import type { KubeObject } from '../../../sim/types.js';
import { bool, list } from '../flags.js';
import { loadManifests, type ManifestItem } from '../manifest.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { lastAppliedOf, threeWay, withLastApplied } from './apply-merge.js';
import { afterWrite, dryRunOf, fail, failApi, fieldValidationOf, printWarnings, type DryRun, type FieldValidation } from './common.js';
import { report } from './print.js';
import { filenameFlags, helpFor, WRITE_FLAGS } from './verb-base.js';
import { nameOf, placeItems } from './objects.js';

/** cli-runtime's Info.String(): the mapping and the object's name and namespace. */
function infoString(item: ManifestItem): string {
  const gv = `${item.info.group}/${item.info.version}`;
  return `Resource: "${gv}, Resource=${item.info.resource}", GroupVersionKind: "${gv}, Kind=${item.info.kind}"\nName: "${nameOf(item.obj)}", Namespace: "${item.obj.metadata.namespace ?? ''}"`;
}

/** Applies one object; returns false when it failed (the error is printed). */
function applyOne(k: KubectlContext, item: ManifestItem, dry: DryRun, fieldValidation: FieldValidation): boolean {
  const warnings: string[] = [];
  const obj = withLastApplied(item.obj);
  const name = nameOf(obj);
  if (name === '') return fail(k, `error when retrieving current configuration of:\n${infoString(item)}\nfrom server for: "${item.source}": resource name may not be empty`) === 0;
  const live = apiGet(k.sim, item.info.kind, obj.metadata.namespace, name);
  if (isApiError(live)) {
    if (live.reason !== 'NotFound') return failApi(k, live, { file: item.source, action: 'retrieving current configuration of' }) === 0;
    let created: KubeObject = obj;
    if (dry !== 'client') {
      const r = apiCreate(k.sim, obj, { namespace: obj.metadata.namespace, dryRun: dry === 'server', fieldValidation, warnings });
      printWarnings(k, warnings);
      if (isApiError(r)) return failApi(k, r, { file: item.source, action: 'creating' }) === 0;
      created = r;
    }
    report(k, created, 'created', dry);
    return true;
  }
  let last = lastAppliedOf(live);
  if (last === undefined) {
    k.stderr(`Warning: resource ${item.info.resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`, 'warning');
    last = {};
  }
  const desired = threeWay(last, obj, live) as KubeObject;
  if (deepEqual(desired, live)) {
    report(k, live, 'unchanged', dry);
    return true;
  }
  let updated: KubeObject = desired;
  if (dry !== 'client') {
    const r = apiUpdate(k.sim, desired, { namespace: obj.metadata.namespace, dryRun: dry === 'server', fieldValidation, warnings });
    printWarnings(k, warnings);
    if (isApiError(r)) return failApi(k, r, { file: item.source, action: 'patching' }) === 0;
    updated = r;
  }
  report(k, updated, 'configured', dry);
  return true;
}

/** Runs `kubectl apply`. */
function runApply(k: KubectlContext): number {
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const validation = fieldValidationOf(k);
  if (typeof validation === 'object') return fail(k, validation.error);
  const files = list(k.flags, 'filename');
  if (files.length === 0) return fail(k, 'error: must specify one of -f and -k');
  const loaded = loadManifests(k, files, bool(k.flags, 'recursive'));
  if (!loaded.ok) return fail(k, loaded.error);
  const placed = placeItems(k, loaded.items);
  if ('error' in placed) return fail(k, placed.error);
  if (placed.items.length === 0) return fail(k, 'error: no objects passed to apply');
  let ok = true;
  for (const item of placed.items) {
    ok = applyOne(k, item, dry, validation) && ok;
    if (dry !== 'client') afterWrite(k);
  }
  return ok ? 0 : 1;
}

/** `kubectl apply`. */
export const APPLY_VERB: KubectlVerb = {
  ...helpFor('apply'),
  flags: [...filenameFlags('apply'), ...WRITE_FLAGS, { long: 'server-side', type: 'bool', help: 'If true, apply runs in the server instead of the client.' }, { long: 'force', type: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' }],
  run: runApply,
};
