// Helpers shared by kubectl's write verbs (kubectl pkg/cmd/util: GetDryRunStrategy, the
// printers' "<kind>[.<group>]/<name> <operation>" success lines, checkErr's error texts).
import { isApiError, settle, type ApiError, type ResourceInfo } from '../../../sim/index.js';
import type { KubectlContext } from '../verb.js';
import { str } from '../flags.js';
import type { FlagSpec } from '../flags.js';
import { apiErrorText, clientErrorText } from '../errors.js';
import type { FieldValidation } from '../../../sim/api-server/decode.js';

/** `--dry-run` as kubectl parses it. */
export type DryRun = 'none' | 'client' | 'server';

/** The `--dry-run` flag (NoOptDefVal "unchanged", which means client). */
export const DRY_RUN_FLAG: FlagSpec = {
  long: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged',
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

/** The `-o/--output` flag of mutating verbs. */
export const OUTPUT_FLAG: FlagSpec = { long: 'output', short: 'o', type: 'string', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' };

/** Reads `--dry-run`; an error text for a bad value. */
export function dryRunOf(k: KubectlContext): DryRun | { error: string } {
  const v = str(k.flags, 'dry-run');
  if (v === '' || v === 'none') return 'none';
  if (v === 'client' || v === 'unchanged') return 'client';
  if (v === 'server') return 'server';
  return { error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".` };
}

/** The fieldValidation a write sends, from `--validate`. */
export type { FieldValidation };

/** Reads `--validate` as cmdutil.GetValidationDirective does: a Go bool, strict, warn or ignore. */
export function fieldValidationOf(k: KubectlContext): FieldValidation | { error: string } {
  const v = str(k.flags, 'validate');
  if (/^(1|t|T|TRUE|true|True|strict)$/.test(v)) return 'Strict';
  if (/^(0|f|F|FALSE|false|False|ignore)$/.test(v)) return 'Ignore';
  if (v === 'warn') return 'Warn';
  return { error: `invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)` };
}

/** Prints the warnings a response carried, as client-go's warning handler does. */
export function printWarnings(k: KubectlContext, warnings: string[]): void {
  for (const w of warnings.splice(0)) k.stderr(`Warning: ${w}\n`, 'warning');
}

/** `deployment.apps` or `service`: the kind as success lines name it. */
export function kindRef(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

/** The suffix a dry run adds to a success line. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** Prints `<kind>/<name> <op>` (or `<kind>/<name>` with `-o name`). */
export function printSuccess(k: KubectlContext, info: ResourceInfo, name: string, op: string, dry: DryRun = 'none'): void {
  if (str(k.flags, 'output') === 'name') k.stdout(`${kindRef(info)}/${name}\n`);
  else k.stdout(`${kindRef(info)}/${name} ${op}${dryRunSuffix(dry)}\n`);
}

/** Prints an API error (with the file as source when given) and returns 1. */
export function failApi(k: KubectlContext, err: ApiError, source?: Parameters<typeof apiErrorText>[1]): number {
  k.stderr(`${apiErrorText(err, source)}\n`);
  return 1;
}

/** Prints a client-side error and returns 1. */
export function fail(k: KubectlContext, text: string): number {
  k.stderr(`${clientErrorText(text)}\n`);
  return 1;
}

/** Lets the controllers react after a write, as a real cluster does in the background. */
export function afterWrite(k: KubectlContext): void {
  settle(k.sim);
}

export { isApiError };
