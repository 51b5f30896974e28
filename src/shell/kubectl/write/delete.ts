// `kubectl delete` (kubectl pkg/cmd/delete/delete.go, delete_flags.go): by name, TYPE/NAME, -f,
// -l or --all; grace period, --now, --force, --cascade; 1.34's "deleted from <ns> namespace" line;
// --wait, which in script mode advances the simulated clock until the objects are gone (bounded).
import { advance, apiDelete, apiGet, isApiError, settle, type DeleteOptions } from '../../../sim/index.js';
import { bool, int, str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { dryRunOf, fail, failApi, kindRef, type DryRun } from './common.js';
import { resolveTargets, type Target } from './targets.js';
import { DELETE_FLAGS } from './delete-flags.js';
import { helpFor } from './verb-base.js';

/** Longest the lab lets `--wait` run the clock, in simulated seconds. */
const MAX_WAIT_SECONDS = 600;

interface DeletePlan {
  grace: number;
  force: boolean;
  policy: NonNullable<DeleteOptions['propagationPolicy']>;
  dry: DryRun;
}

/** Reads the delete flags as DeleteFlags.ToOptions and Complete do; an error text when they conflict. */
function planOf(k: KubectlContext): DeletePlan | string {
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return dry.error;
  const force = bool(k.flags, 'force');
  let grace = int(k.flags, 'grace-period') ?? -1;
  if (bool(k.flags, 'now')) {
    if (grace !== -1) return '--now and --grace-period cannot be specified together';
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (grace > 0 && force) return '--force and --grace-period greater than 0 cannot be specified together';
  const cascade = str(k.flags, 'cascade');
  const policies: Record<string, DeletePlan['policy']> = { background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan' };
  const policy = policies[cascade];
  if (!policy) return `invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`;
  return { grace, force, policy, dry };
}

/** The line PrintObj writes for one deleted object. */
function deletedLine(k: KubectlContext, t: Target, plan: DeletePlan): string {
  if (str(k.flags, 'output') === 'name') return `${kindRef(t.info)}/${t.name}`;
  let op = plan.grace === 0 ? 'force deleted' : 'deleted';
  if (t.info.namespaced) op = `${op} from ${t.namespace} namespace`;
  if (plan.dry === 'client') op = `${op} (dry run)`;
  if (plan.dry === 'server') op = `${op} (server dry run)`;
  return `${kindRef(t.info)} "${t.name}" ${op}`;
}

/** Deletes one target; false when the server refused. */
function deleteOne(k: KubectlContext, t: Target, plan: DeletePlan): boolean {
  if (plan.dry === 'client') {
    k.stdout(`${deletedLine(k, t, plan)}\n`);
    return true;
  }
  const opts: DeleteOptions = { propagationPolicy: plan.policy, dryRun: plan.dry === 'server' };
  if (plan.grace >= 0) opts.gracePeriodSeconds = plan.grace;
  const r = apiDelete(k.sim, t.info.kind, t.namespace, t.name, opts);
  if (isApiError(r) && r.reason === 'NotFound' && ignoreNotFound(k)) return true;
  if (isApiError(r)) return failApi(k, r, t.source ? { file: t.source, action: 'deleting' } : undefined) === 0;
  k.stdout(`${deletedLine(k, t, plan)}\n`);
  settle(k.sim);
  return true;
}

/** --ignore-not-found, which defaults to true with --all, -l and --field-selector. */
function ignoreNotFound(k: KubectlContext): boolean {
  if (k.flags.set.has('ignore-not-found')) return bool(k.flags, 'ignore-not-found');
  return bool(k.flags, 'all') || str(k.flags, 'selector') !== '' || str(k.flags, 'field-selector') !== '';
}

/** `--wait`: runs the simulated clock until every deleted object is gone, at most MAX_WAIT_SECONDS. */
function waitUntilGone(k: KubectlContext, deleted: Target[]): void {
  for (let s = 0; s < MAX_WAIT_SECONDS; s++) {
    if (deleted.every((t) => isApiError(apiGet(k.sim, t.info.kind, t.namespace, t.name)))) return;
    advance(k.sim, 1000);
    settle(k.sim);
  }
}

/** Runs `kubectl delete`. */
function runDelete(k: KubectlContext): number {
  const plan = planOf(k);
  if (typeof plan === 'string') return fail(k, plan);
  if (bool(k.flags, 'all') && str(k.flags, 'selector') !== '') return fail(k, 'cannot set --all and --selector at the same time');
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  if (plan.force && plan.grace === 0) k.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n', 'warning');
  let ok = true;
  let warned = false;
  const deleted: Target[] = [];
  for (const t of resolved.targets) {
    if (!t.info.namespaced && k.namespaceExplicit && !warned) {
      k.stderr('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n', 'warning');
      warned = true;
    }
    if (deleteOne(k, t, plan)) deleted.push(t);
    else ok = false;
  }
  if (resolved.targets.length === 0) k.stdout('No resources found\n');
  if (bool(k.flags, 'wait') && plan.dry === 'none' && deleted.length > 0) waitUntilGone(k, deleted);
  return ok ? 0 : 1;
}

/** `kubectl delete`. */
export const DELETE_VERB: KubectlVerb = { ...helpFor('delete'), flags: DELETE_FLAGS, run: runDelete };
