// The tail every generator shares (kubectl pkg/cmd/create/create.go CreateSubcommandOptions.Run,
// expose.go, run.go): optional --save-config annotation, --dry-run, the create call, and printing
// the `created` line or the object; generator errors are wrapped as `failed to create ...`.
import { apiCreate, isApiError, lookupKind } from '../../../sim/index.js';
import type { KubeObject } from '../../../sim/types.js';
import { bool, str } from '../flags.js';
import type { KubectlContext } from '../verb.js';
import { withLastApplied } from './apply-merge.js';
import { afterWrite, dryRunOf, fail, failApi, printSuccess } from './common.js';
import { isObjectOutput, printObjects } from './print.js';

/** How a generator reports a failed create: wrapped in `failed to create <what>: ` or raw. */
export interface SubmitOptions {
  wrap?: string;
  /** The word of the success line (`created`, `exposed`). */
  op?: string;
  /** Print nothing on success (`kubectl run -i`, which attaches instead). */
  quiet?: boolean;
}

/** Creates a generated object (or prints it for --dry-run=client); returns the exit status. */
export function submitGenerated(k: KubectlContext, obj: KubeObject, opts: SubmitOptions = {}): number {
  const dry = dryRunOf(k);
  if (typeof dry === 'object') return fail(k, dry.error);
  const info = lookupKind(obj.kind)!;
  const output = str(k.flags, 'output');
  let sent = bool(k.flags, 'save-config') ? withLastApplied(obj) : obj;
  if (k.namespaceExplicit && info.namespaced) sent = { ...sent, metadata: { ...sent.metadata, namespace: k.namespace } };
  let result: KubeObject = sent;
  if (dry !== 'client') {
    const r = apiCreate(k.sim, sent, { namespace: k.namespace, dryRun: dry === 'server' });
    if (isApiError(r)) return opts.wrap ? fail(k, `failed to create ${opts.wrap}: ${r.message}`) : failApi(k, r);
    result = r;
    if (dry === 'none') afterWrite(k);
  }
  if (opts.quiet) return 0;
  if (isObjectOutput(output)) printObjects(k, [result], output);
  else printSuccess(k, info, result.metadata.name ?? '', opts.op ?? 'created', dry);
  return 0;
}

/** `exactly one NAME is required, got N` as cmdutil.UsageErrorf prints it. */
export function nameArg(k: KubectlContext): string | number {
  const n = k.flags.args.length;
  if (n !== 1) return fail(k, `exactly one NAME is required, got ${n}\nSee 'kubectl ${k.verb} -h' for help and examples`);
  return k.flags.args[0]!;
}
