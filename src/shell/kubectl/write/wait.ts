// `kubectl wait` (kubectl pkg/cmd/wait/wait.go, condition.go, delete.go): --for=condition=X[=V]
// or --for=delete; in the lab the watch is the simulated clock, advanced a second at a time up
// to --timeout (30s by default), printing `<kind>/<name> condition met`.
import { advance, apiGet, isApiError, settle } from '../../../sim/index.js';
import { str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail, failApi, printSuccess } from './common.js';
import { MAX_TIMEOUT_SECONDS, timeoutFlag } from './rollout-status.js';
import { resolveTargets, type Target } from './targets.js';
import { filenameFlags, helpFor } from './verb-base.js';

type Condition = { kind: 'delete' } | { kind: 'condition'; type: string; value: string };

/** conditionFuncFor: parses --for. */
function parseFor(text: string): Condition | string {
  if (text.toLowerCase() === 'delete') return { kind: 'delete' };
  if (text.toLowerCase().startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return { kind: 'condition', type: eq < 0 ? rest : rest.slice(0, eq), value: eq < 0 ? 'true' : rest.slice(eq + 1) };
  }
  return `unrecognized condition: "${text}"`;
}

function met(k: KubectlContext, t: Target, c: Condition): boolean | 'gone' {
  const obj = apiGet(k.sim, t.info.kind, t.namespace, t.name);
  if (isApiError(obj)) return c.kind === 'delete' ? true : 'gone';
  if (c.kind === 'delete') return false;
  const conds = ((obj as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions) ?? [];
  return conds.some((x) => x.type.toLowerCase() === c.type.toLowerCase() && x.status.toLowerCase() === c.value.toLowerCase());
}

function waitOne(k: KubectlContext, t: Target, c: Condition, timeout: number): number {
  for (let s = 0; ; s++) {
    const m = met(k, t, c);
    if (m === true) {
      printSuccess(k, t.info, t.name, 'condition met');
      return 0;
    }
    if (m === 'gone' && s === 0) {
      const err = apiGet(k.sim, t.info.kind, t.namespace, t.name);
      return isApiError(err) ? failApi(k, err) : 1;
    }
    if (s >= timeout) return fail(k, `timed out waiting for the condition on ${t.info.resource}/${t.name}`);
    advance(k.sim, 1000);
    settle(k.sim);
  }
}

function runWait(k: KubectlContext): number {
  const c = parseFor(str(k.flags, 'for'));
  if (typeof c === 'string') return fail(k, c);
  const given = timeoutFlag(k);
  if (typeof given === 'string') return fail(k, given);
  // kubectl waits a week for a negative timeout; the lab runs the clock no longer than that either.
  const timeout = given < 0 ? MAX_TIMEOUT_SECONDS : Math.min(given, MAX_TIMEOUT_SECONDS);
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  if (resolved.targets.length === 0) return fail(k, 'no matching resources found');
  return resolved.targets.reduce((s, t) => Math.max(s, waitOne(k, t, c, timeout)), 0);
}

/** `kubectl wait`. */
export const WAIT_VERB: KubectlVerb = {
  ...helpFor('wait'),
  flags: [
    ...filenameFlags('identify the resource').slice(0, 2),
    { long: 'for', type: 'string', help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { long: 'timeout', type: 'string', default: '30s', help: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { long: 'all', type: 'bool', help: 'Select all resources in the namespace of the specified resource types' },
    { long: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  ],
  run: runWait,
};
