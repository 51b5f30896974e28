// `kubectl create -f` (kubectl pkg/cmd/create/create.go): create every object of the manifests,
// `error when creating "<file>"` on failures (continuing with the rest), --save-config, --dry-run,
// and the generator subcommands (deployment, service, namespace, configmap).
import { apiCreate, isApiError } from '../../../sim/index.js';
import { bool, list, str } from '../flags.js';
import { verbHelp } from '../help.js';
import { loadManifests, type ManifestItem } from '../manifest.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { withLastApplied } from './apply-merge.js';
import { afterWrite, dryRunOf, fail, failApi, fieldValidationOf, printSuccess, printWarnings, type DryRun, type FieldValidation } from './common.js';
import { CREATE_DEPLOYMENT_VERB } from './create-deployment.js';
import { CREATE_CONFIGMAP_VERB, CREATE_NAMESPACE_VERB } from './create-namespace.js';
import { CREATE_SERVICE_VERB } from './create-service.js';
import { nameOf, placeItems } from './objects.js';
import { isObjectOutput, printObjects } from './print.js';
import { filenameFlags, helpFor, WRITE_FLAGS } from './verb-base.js';

/** A parent command run without a subcommand prints its help on stderr and fails (cmdutil.DefaultSubCommandRun). */
export function subcommandHelp(k: KubectlContext, verb: KubectlVerb): number {
  if (k.flags.args.length > 0) return fail(k, `unknown command [${k.flags.args.map((a) => JSON.stringify(a)).join(' ')}]\nSee 'kubectl ${k.verb} -h' for help and examples`);
  k.stderr(verbHelp(verb, k.verb), 'plain');
  return 1;
}

function createOne(k: KubectlContext, item: ManifestItem, dry: DryRun, fieldValidation: FieldValidation): boolean {
  const obj = bool(k.flags, 'save-config') ? withLastApplied(item.obj) : item.obj;
  let result = obj;
  if (dry !== 'client') {
    const warnings: string[] = [];
    const r = apiCreate(k.sim, obj, { namespace: obj.metadata.namespace, dryRun: dry === 'server', fieldValidation, warnings });
    printWarnings(k, warnings);
    if (isApiError(r)) return failApi(k, r, { file: item.source, action: 'creating' }) === 0;
    result = r;
    if (dry === 'none') afterWrite(k);
  }
  const output = str(k.flags, 'output');
  if (isObjectOutput(output)) printObjects(k, [result], output);
  else printSuccess(k, item.info, nameOf(result), 'created', dry);
  return true;
}

function runCreate(k: KubectlContext): number {
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const validation = fieldValidationOf(k);
  if (typeof validation === 'object') return fail(k, validation.error);
  const files = list(k.flags, 'filename');
  if (files.length === 0) return fail(k, 'must specify one of -f and -k');
  const loaded = loadManifests(k, files, bool(k.flags, 'recursive'));
  if (!loaded.ok) return fail(k, loaded.error);
  const placed = placeItems(k, loaded.items);
  if ('error' in placed) return fail(k, placed.error);
  let ok = true;
  for (const item of placed.items) ok = createOne(k, item, dry, validation) && ok;
  return ok ? 0 : 1;
}

/** `kubectl create`. */
export const CREATE_VERB: KubectlVerb = {
  ...helpFor('create'),
  flags: [...filenameFlags('use to create the resource'), { long: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' }, { long: 'edit', type: 'bool', help: 'Edit the API resource before creating' }, ...WRITE_FLAGS],
  subcommands: [CREATE_CONFIGMAP_VERB, CREATE_DEPLOYMENT_VERB, CREATE_NAMESPACE_VERB, CREATE_SERVICE_VERB],
  run: runCreate,
};
