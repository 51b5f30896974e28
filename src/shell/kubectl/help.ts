// `kubectl --help` and `kubectl <verb> --help` in kubectl's layout (templates in
// k8s.io/kubectl/pkg/util/templates): the sectioned command list, then per verb the description,
// Examples:, Options:, Usage: and the footer lines.
import type { FlagSpec } from './flags.js';
import type { KubectlVerb } from './verb.js';

const SECTIONS: KubectlVerb['section'][] = [
  'Basic Commands (Beginner)', 'Basic Commands (Intermediate)', 'Deploy Commands', 'Cluster Management Commands',
  'Troubleshooting and Debugging Commands', 'Advanced Commands', 'Settings Commands', 'Other Commands',
];

/** `kubectl` with no arguments or `--help`. */
export function kubectlHelp(verbs: KubectlVerb[]): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  for (const section of SECTIONS) {
    const inSection = verbs.filter((v) => v.section === section);
    if (inSection.length === 0) continue;
    lines.push(`${section}:`);
    const width = Math.max(...inSection.map((v) => v.name.length)) + 3;
    for (const v of inSection) lines.push(`  ${v.name.padEnd(width)}${v.short}`);
    lines.push('');
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}

function flagLine(f: FlagSpec): string {
  const name = f.short ? `-${f.short}, --${f.long}` : `--${f.long}`;
  const def = f.default === undefined ? (f.type === 'bool' ? 'false' : f.type === 'stringArray' ? '[]' : f.type === 'int' ? '0' : "''") : Array.isArray(f.default) ? `[${f.default.join(',')}]` : typeof f.default === 'string' ? `'${f.default}'` : String(f.default);
  return `    ${name}=${def}:\n\t${f.help}\n`;
}

/** `kubectl <verb> --help`. */
export function verbHelp(verb: KubectlVerb, path: string): string {
  const parts = [verb.long.trimEnd(), ''];
  if (verb.subcommands?.length) {
    parts.push('Available Commands:');
    const width = Math.max(...verb.subcommands.map((s) => s.name.length)) + 3;
    for (const s of verb.subcommands) parts.push(`  ${s.name.padEnd(width)}${s.short}`);
    parts.push('');
  }
  if (verb.examples.trim()) parts.push('Examples:', verb.examples.trimEnd(), '');
  if (verb.flags.length) parts.push('Options:', verb.flags.map(flagLine).join('\n'));
  parts.push('Usage:', `  ${verb.usage}`, '');
  parts.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`);
  void path;
  return `${parts.join('\n')}\n`;
}
