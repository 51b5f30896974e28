// kubectl explain (k8s.io/kubectl pkg/cmd/explain/explain.go): validates the arguments, resolves the resource
// and field path, and renders the schema with the OpenAPI v3 "plaintext" template, or with the older OpenAPI v2
// printer for `-o plaintext-openapiv2`. Errors print as cmdutil.CheckErr prints them.
import { bool, str, type FlagSpec } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { explainTarget, parseGroupVersion, splitRequest } from './target.js';
import { renderExplain, type Rendered } from './render.js';
import { renderExplainV2 } from './render-v2.js';

const PLAINTEXT = 'plaintext';
const PLAINTEXT_OPENAPIV2 = 'plaintext-openapiv2';

/** cmdutil.SuggestAPIResources("kubectl"). */
const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

/** Flags in cobra's listing order (sorted by name). */
const FLAGS: FlagSpec[] = [
  { long: 'api-version', type: 'string', help: 'Get different explanations for particular API version (API group/version)' },
  { long: 'output', short: 'o', type: 'string', default: PLAINTEXT, help: 'Format in which to render the schema (plaintext, plaintext-openapiv2)' },
  { long: 'recursive', type: 'bool', help: 'Print the fields of fields (Currently only 1 level deep)' },
];

/** ExplainOptions.Validate: exactly one argument. The messages end in a newline of their own, as kubectl's do. */
function validate(args: string[]): string | undefined {
  if (args.length === 0) return `You must specify the type of resource to explain. ${SUGGEST_API_RESOURCES}\n`;
  if (args.length > 1) return 'We accept only this format: explain RESOURCE\n';
  return undefined;
}

/** cmdutil.CheckErr: `error: ` unless the message has it (or is a bare one), a newline unless it ends in one; exit 1. */
function fail(k: KubectlContext, message: string, bare = false): number {
  const text = bare || message.startsWith('error: ') ? message : `error: ${message}`;
  k.stderr(`${text}${text.endsWith('\n') ? '' : '\n'}`);
  return 1;
}

/** Prints what the renderer wrote before any error, then the error. */
function print(k: KubectlContext, rendered: Rendered): number {
  k.stdout(rendered.stdout);
  return rendered.error ? fail(k, rendered.error) : 0;
}

/** ExplainOptions.renderOpenAPIV2: the kind from the resource, its version from --api-version if given. */
function runOpenAPIV2(k: KubectlContext, arg: string, apiVersion: string): number {
  const request = splitRequest(arg, apiVersion !== '');
  if ('error' in request) return fail(k, request.error, request.bare);
  let { group, version } = request.info;
  if (apiVersion !== '') {
    const gv = parseGroupVersion(apiVersion);
    if (typeof gv === 'string') return fail(k, gv);
    ({ group, version } = gv);
  }
  return print(k, renderExplainV2({ group, version, kind: request.info.kind }, request.fields, bool(k.flags, 'recursive')));
}

/** ExplainOptions.Validate and Run. */
function runExplain(k: KubectlContext): number {
  const invalid = validate(k.flags.args);
  if (invalid) return fail(k, invalid);
  const [arg, apiVersion, format] = [k.flags.args[0]!, str(k.flags, 'api-version'), str(k.flags, 'output')];
  if (format === PLAINTEXT_OPENAPIV2) return runOpenAPIV2(k, arg, apiVersion);
  const target = explainTarget(arg, apiVersion);
  if (!target.ok) return fail(k, target.error, target.bare);
  if (format !== PLAINTEXT) return fail(k, `unrecognized format: ${format}`);
  return print(k, renderExplain(target.gvk, target.fields, bool(k.flags, 'recursive')));
}

/** The explain verb. */
export const EXPLAIN_VERB: KubectlVerb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  long: [
    'Describe fields and structure of various resources.',
    '',
    ' This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:',
    '',
    '        <type>.<fieldName>[.<fieldName>]',
    '        ',
    ' Information about each field is retrieved from the server in OpenAPI format.',
    '',
    SUGGEST_API_RESOURCES,
  ].join('\n'),
  examples: [
    '  # Get the documentation of the resource and its fields',
    '  kubectl explain pods',
    '  ',
    '  # Get all the fields in the resource',
    '  kubectl explain pods --recursive',
    '  ',
    '  # Get the explanation for deployment in supported api versions',
    '  kubectl explain deployments --api-version=apps/v1',
    '  ',
    '  # Get the documentation of a specific field of a resource',
    '  kubectl explain pods.spec.containers',
    '  ',
    '  # Get the documentation of resources in different format',
    '  kubectl explain deployment --output=plaintext-openapiv2',
  ].join('\n'),
  flags: FLAGS,
  section: 'Basic Commands (Intermediate)',
  run: runExplain,
};
