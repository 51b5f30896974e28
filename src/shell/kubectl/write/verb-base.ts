// The cobra.Command fields every write verb shares (Use, Short, Long, Example) looked up from
// the extracted kubectl texts, plus the flags several verbs register the same way
// (cmdutil.AddFilenameOptionFlags, AddDryRunFlag, AddValidateFlags).
import type { FlagSpec } from '../flags.js';
import type { KubectlVerb } from '../verb.js';
import { HELP_TEXTS } from './help-texts.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './common.js';

/** Name and help texts of the command at `path` (e.g. `create deployment`). */
export function helpFor(path: string): Pick<KubectlVerb, 'name' | 'short' | 'long' | 'examples' | 'usage'> {
  const h = HELP_TEXTS[path]!;
  return { name: path.split(' ').pop()!, short: h.short, long: h.long, examples: h.examples, usage: h.usage };
}

/** `-f`, `-R` (and `-k`, which the lab does not support). */
export function filenameFlags(what: string): FlagSpec[] {
  return [
    { long: 'filename', short: 'f', type: 'stringArray', help: `The files that contain the configurations to ${what}.` },
    { long: 'recursive', short: 'R', type: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { long: 'kustomize', short: 'k', type: 'string', help: `Process a kustomization directory. This flag can't be used together with -f or -R.` },
  ];
}

/** `--validate`, whose default `strict` asks the server for strict field validation. */
export const VALIDATE_FLAG: FlagSpec = {
  long: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict',
  help: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

/** The flags of a verb that writes objects and can print them. */
export const WRITE_FLAGS: FlagSpec[] = [DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG,
  { long: 'field-manager', type: 'string', help: 'Name of the manager used to track field ownership.' }];
