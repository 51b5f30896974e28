// kubectl's -o checks (cli-runtime genericclioptions.PrintFlags, NoCompatiblePrinterError): an
// unknown format lists every format kubectl accepts, sorted. Formats kubectl has but the lab does
// not print (Go templates, files) get a clear message naming the ones it does.

const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'template', 'templatefile'];

/** The formats `kubectl get` accepts. */
export const GET_FORMATS = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS, 'custom-columns', 'custom-columns-file', 'wide'];

/** The formats the object-printing verbs (create, apply, expose, run, ...) accept. */
export const OBJECT_FORMATS = ['json', 'yaml', 'name', ...TEMPLATE_FORMATS];

/** The format's name: `jsonpath={.a}` → `jsonpath`. */
function formatName(output: string): string {
  const eq = output.indexOf('=');
  return eq < 0 ? output : output.slice(0, eq);
}

/** Checks `-o`; returns the error text (without `error: `) or undefined when the lab prints it. */
export function outputFormatError(output: string, accepted: string[], printed: string[]): string | undefined {
  if (output === '') return undefined;
  const name = formatName(output);
  const withArg = output.includes('=');
  const known = accepted.includes(name) && (withArg ? name !== 'json' && name !== 'yaml' && name !== 'name' && name !== 'wide' : true);
  if (!known) return `unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...accepted].sort().join(',')}`;
  if (name === 'custom-columns' && !withArg) return 'custom-columns format specified but no custom columns given';
  if (TEMPLATE_FORMATS.includes(name) && !withArg && printed.includes(name)) return 'template format specified but no template given';
  if (!printed.includes(name)) return `the lab does not print -o ${name}; it prints ${printed.join(', ')}`;
  return undefined;
}
