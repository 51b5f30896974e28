// `-o yaml|json|name` for the write verbs (kubectl's printers.YAMLPrinter/JSONPrinter/NamePrinter
// via genericclioptions.PrintFlags). A stand-in until src/shell/printers/output.ts lands: keys are
// sorted as Go's unstructured marshalling does, 2-space YAML with unindented sequences, 4-space JSON.
import * as yaml from 'js-yaml';
import { lookupKind } from '../../../sim/index.js';
import type { KubeObject } from '../../../sim/types.js';
import type { KubectlContext } from '../verb.js';
import { str } from '../flags.js';
import { kindRef, printSuccess, type DryRun } from './common.js';

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort().map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** Plain scalars go-yaml v2 would read as something other than a string (YAML 1.1 resolution). */
const YAML11_NON_STRING = /^(|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*)|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.?[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+|\d{4}-\d\d?-\d\d?([Tt ].*)?)$/;

/** go-yaml's choice: double quotes for strings that would resolve to another type, else single quotes when plain is impossible. */
const goQuoting = (l: { node: { value: string; tag: string }; style: number }): void => {
  if (l.node.tag.endsWith(':str') && l.style !== yaml.SCALAR_STYLE.LITERAL_BLOCK && YAML11_NON_STRING.test(l.node.value)) l.style = yaml.SCALAR_STYLE.DOUBLE_QUOTED;
};

/** One object as `-o yaml` prints it. */
export function toYaml(obj: unknown): string {
  return yaml.dump(sortDeep(obj), {
    schema: yaml.YAML11_SCHEMA, seqNoIndent: true, lineWidth: -1, quoteStyle: 'single', noRefs: true,
    scalarStyleRules: [...Object.values(yaml.DEFAULT_SCALAR_STYLE_RULES), goQuoting],
  });
}

/** True for the output formats the write verbs print objects with. */
export function isObjectOutput(output: string): boolean {
  return output === 'yaml' || output === 'json';
}

/** Prints objects as `-o yaml|json|name` does; several are joined by `---` (yaml) or a List (json). */
export function printObjects(k: KubectlContext, objs: KubeObject[], output: string): void {
  if (output === 'name') {
    for (const o of objs) {
      const info = lookupKind(o.kind);
      k.stdout(`${info ? kindRef(info) : o.kind.toLowerCase()}/${o.metadata?.name ?? ''}\n`);
    }
    return;
  }
  if (output === 'json') {
    const body = objs.length === 1 ? objs[0] : { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } };
    k.stdout(`${JSON.stringify(sortDeep(body), null, 4)}\n`);
    return;
  }
  k.stdout(objs.map(toYaml).join('---\n'));
}

/** Reports one written object: the object itself for `-o yaml|json`, else the success line. */
export function report(k: KubectlContext, obj: KubeObject, op: string, dry: DryRun): void {
  const output = str(k.flags, 'output');
  const info = lookupKind(obj.kind);
  if (isObjectOutput(output) || !info) printObjects(k, [obj], isObjectOutput(output) ? output : 'yaml');
  else printSuccess(k, info, obj.metadata?.name ?? '', op, dry);
}
