// `kubectl replace -f` and `kubectl edit` (kubectl pkg/cmd/replace/replace.go, edit/edit.go):
// replace PUTs each manifest object over the live one (`replaced`); edit opens the object in the
// learner's editor through the host hook and refuses in scripts with the lab's own message.
import { apiGet, apiUpdate, isApiError } from '../../../sim/index.js';
import { bool, list } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { decodeFile, loadManifests } from '../manifest.js';
import { afterWrite, dryRunOf, fail, failApi, printSuccess } from './common.js';
import { nameOf, placeItems } from './objects.js';
import { toYaml } from './print.js';
import { resolveTargets } from './targets.js';
import { filenameFlags, helpFor, WRITE_FLAGS } from './verb-base.js';

function runReplace(k: KubectlContext): number {
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const files = list(k.flags, 'filename');
  if (files.length === 0) return fail(k, 'must specify --filename to replace');
  const loaded = loadManifests(k, files, bool(k.flags, 'recursive'));
  if (!loaded.ok) return fail(k, loaded.error);
  const placed = placeItems(k, loaded.items);
  if ('error' in placed) return fail(k, placed.error);
  let status = 0;
  for (const item of placed.items) {
    if (dry !== 'client') {
      const r = apiUpdate(k.sim, item.obj, { namespace: item.obj.metadata.namespace, dryRun: dry === 'server' });
      if (isApiError(r)) {
        // AddSourceToErr("replacing", ...): Invalid errors print without the source, like every verb's.
        if (r.reason === 'Invalid') status = failApi(k, r);
        else {
          k.stderr(`Error from server (${r.reason}): error when replacing "${item.source}": ${r.message}\n`);
          status = 1;
        }
        continue;
      }
      afterWrite(k);
    }
    printSuccess(k, item.info, nameOf(item.obj), 'replaced', dry);
  }
  return status;
}

/** `kubectl replace`. */
export const REPLACE_VERB: KubectlVerb = { ...helpFor('replace'), flags: [...filenameFlags('replace'), { long: 'force', type: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' }, ...WRITE_FLAGS], run: runReplace };

function runEdit(k: KubectlContext): number {
  if (k.mode === 'script' || !k.host.edit) return fail(k, 'kubectl edit needs an interactive terminal; in scripts use kubectl apply -f or kubectl patch');
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  let status = 0;
  for (const t of resolved.targets) {
    const live = apiGet(k.sim, t.info.kind, t.namespace, t.name);
    if (isApiError(live)) {
      status = failApi(k, live);
      continue;
    }
    const edited = k.host.edit(`${t.info.resource}-${t.name}.yaml`, toYaml(live));
    if (edited === undefined || edited === toYaml(live)) {
      k.stdout('Edit cancelled, no changes made.\n');
      continue;
    }
    const decoded = decodeFile('edited file', edited);
    if (!decoded.ok || decoded.items.length !== 1) {
      status = fail(k, decoded.ok ? 'the edited file must hold exactly one object' : decoded.error);
      continue;
    }
    const r = apiUpdate(k.sim, decoded.items[0]!.obj, { namespace: t.namespace });
    if (isApiError(r)) status = failApi(k, r);
    else {
      afterWrite(k);
      printSuccess(k, t.info, t.name, 'edited');
    }
  }
  return status;
}

/** `kubectl edit`. */
export const EDIT_VERB: KubectlVerb = { ...helpFor('edit'), flags: [...filenameFlags('use to edit the resource').slice(0, 2), { long: 'output', short: 'o', type: 'string', help: 'Output format.' }, { long: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation.' }], run: runEdit };
