// `kubectl rollout status|restart|history|undo` (kubectl pkg/cmd/rollout/*.go with
// polymorphichelpers' ObjectRestarter, HistoryViewer and Rollbacker for Deployments): restart sets
// the restartedAt template annotation; history and undo read the ReplicaSets' revision annotations.
import { apiList, apiUpdate, isApiError } from '../../../sim/index.js';
import { apiPatch } from '../../../sim/api-server/patch-endpoint.js';
import { formatTimestamp } from '../../../sim/clock.js';
import { deepEqual } from '../../../sim/api-server/patch.js';
import { apiGet } from '../../../sim/index.js';
import type { Deployment, ReplicaSet } from '../../../sim/types.js';
import { int } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { afterWrite, fail, failApi, kindRef, printSuccess } from './common.js';
import { subcommandHelp } from './create.js';
import { watchRollout } from './rollout-status.js';
import { resolveTargets, type Target } from './targets.js';
import { filenameFlags, helpFor } from './verb-base.js';

const REVISION = 'deployment.kubernetes.io/revision';

/** Resolves the targets and runs `each` on them; returns the worst status. */
function forTargets(k: KubectlContext, each: (t: Target) => number): number {
  if (k.flags.args.length === 0 && !k.flags.set.has('filename')) return fail(k, 'required resource not specified');
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  return resolved.targets.reduce((s, t) => Math.max(s, each(t)), 0);
}

/** The ReplicaSets a Deployment owns, by revision. */
function history(k: KubectlContext, d: Deployment): Map<number, ReplicaSet> {
  const all = apiList<ReplicaSet>(k.sim, 'ReplicaSet', { namespace: d.metadata.namespace });
  const out = new Map<number, ReplicaSet>();
  if (isApiError(all)) return out;
  for (const rs of all) {
    if (!rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid)) continue;
    const rev = Number(rs.metadata.annotations?.[REVISION] ?? '0');
    if (rev > 0) out.set(rev, rs);
  }
  return out;
}

function restart(k: KubectlContext, t: Target): number {
  if (!['Deployment', 'DaemonSet'].includes(t.info.kind)) return fail(k, `${kindRef(t.info)} "${t.name}" restarting is not supported`);
  const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': formatTimestamp(k.sim.now) } } } } };
  const r = apiPatch(k.sim, t.info.kind, t.namespace, t.name, 'strategic', patch);
  if (isApiError(r)) return failApi(k, r);
  afterWrite(k);
  printSuccess(k, t.info, t.name, 'restarted');
  return 0;
}

function showHistory(k: KubectlContext, t: Target): number {
  const d = apiGet<Deployment>(k.sim, 'Deployment', t.namespace, t.name);
  if (isApiError(d)) return failApi(k, d);
  const revs = [...history(k, d).entries()].sort((a, b) => a[0] - b[0]);
  if (revs.length === 0) {
    k.stdout('No rollout history found.\n');
    return 0;
  }
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revs.map(([r, rs]) => [String(r), rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>'])];
  const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  k.stdout(`${kindRef(t.info)}/${t.name} \n${rows.map((r) => `${r[0]!.padEnd(width)}${r[1]}`).join('\n')}\n\n`);
  return 0;
}

function undo(k: KubectlContext, t: Target): number {
  const d = apiGet<Deployment>(k.sim, 'Deployment', t.namespace, t.name);
  if (isApiError(d)) return failApi(k, d);
  const revs = history(k, d);
  if (revs.size === 0) return fail(k, `no rollout history found for deployment "${t.name}"`);
  const to = int(k.flags, 'to-revision') ?? 0;
  const sorted = [...revs.keys()].sort((a, b) => b - a);
  if (to === 0 && sorted.length < 2) return fail(k, 'no last revision to roll back to');
  const target = to === 0 ? sorted[1]! : to;
  const rs = revs.get(target);
  if (!rs) return fail(k, `unable to find specified revision ${target} in history`);
  const template = JSON.parse(JSON.stringify(rs.spec.template)) as Deployment['spec']['template'];
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  if (deepEqual(template, d.spec.template)) {
    printSuccess(k, t.info, t.name, `skipped rollback (current template already matches revision ${target})`);
    return 0;
  }
  const r = apiUpdate(k.sim, { ...d, spec: { ...d.spec, template } });
  if (isApiError(r)) return failApi(k, r);
  afterWrite(k);
  printSuccess(k, t.info, t.name, 'rolled back');
  return 0;
}

const sub = (path: string, flags: KubectlVerb['flags'], each: (k: KubectlContext, t: Target) => number): KubectlVerb => ({
  ...helpFor(path), flags: [...filenameFlags('get from a server').slice(0, 2), ...flags], run: (k) => forTargets(k, (t) => each(k, t)),
});

/** `kubectl rollout` and its subcommands. */
export const ROLLOUT_VERB: KubectlVerb = {
  ...helpFor('rollout'),
  flags: [],
  subcommands: [
    sub('rollout history', [{ long: 'revision', type: 'int', default: 0, help: 'See the details, including podTemplate of the revision specified' }], showHistory),
    sub('rollout restart', [], restart),
    sub('rollout status', [
      { long: 'watch', short: 'w', type: 'bool', default: true, help: "Watch the status of the rollout until it's done." },
      { long: 'revision', type: 'int', default: 0, help: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
      { long: 'timeout', type: 'string', default: '0s', help: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    ], watchRollout),
    sub('rollout undo', [{ long: 'to-revision', type: 'int', default: 0, help: 'The revision to rollback to. Default to 0 (last revision).' }], undo),
  ],
  run: (k) => subcommandHelp(k, ROLLOUT_VERB),
};
