// `kubectl --help` and `kubectl <verb> --help` in kubectl's layout (templates in
// k8s.io/kubectl/pkg/util/templates): the sectioned command list, then per verb the description,
// Examples:, Options:, Usage: and the footer lines.
import type { FlagSpec } from './flags.js';
import type { KubectlVerb } from './verb.js';

/** kubectl's root command groups and their order (kubectl pkg/cmd/cmd.go); verbs outside them are "Other Commands". */
const ROOT_GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
];

/**
 * cobra pads command names to the longest name among all of the parent's subcommands (at least
 * 11), counting the ones the lab leaves out; these are real kubectl's widths where they differ.
 */
const REAL_PADDING: Record<string, number> = { kubectl: 13, 'kubectl create': 19, 'kubectl set': 14, 'kubectl config': 15, 'kubectl create service': 12 };

function padding(path: string, names: string[]): number {
  return REAL_PADDING[path] ?? Math.max(11, ...names.map((n) => n.length));
}

function commandLine(v: KubectlVerb, width: number): string {
  return `  ${v.name.padEnd(width)}   ${v.short}`;
}

/** `kubectl` with no arguments or `--help`. */
export function kubectlHelp(verbs: KubectlVerb[]): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  const width = padding('kubectl', verbs.map((v) => v.name));
  const grouped = new Set(ROOT_GROUPS.flatMap(([, names]) => names));
  const groups: [string, KubectlVerb[]][] = ROOT_GROUPS.map(([title, names]) => [title, names.flatMap((n) => verbs.filter((v) => v.name === n))]);
  groups.push(['Other Commands', verbs.filter((v) => !grouped.has(v.name)).sort((a, b) => (a.name < b.name ? -1 : 1))]);
  for (const [title, inGroup] of groups) {
    if (inGroup.length === 0) continue;
    lines.push(`${title}:`, ...inGroup.map((v) => commandLine(v, width)), '');
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}

/** Levenshtein distance, case-insensitive, as cobra's suggestions use it. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[y.length]!;
}

/** cobra's "Did you mean this?" block for an unknown command (distance ≤ 2 or a prefix), in kubectl's registration order. */
export function suggestionsFor(verbs: KubectlVerb[], typed: string): string {
  const order = ROOT_GROUPS.flatMap(([, names]) => names);
  const rank = (v: KubectlVerb): number => (order.includes(v.name) ? order.indexOf(v.name) : order.length);
  const found = verbs.filter((v) => distance(typed, v.name) <= 2 || v.name.toLowerCase().startsWith(typed.toLowerCase())).sort((a, b) => rank(a) - rank(b));
  return found.length ? `\n\nDid you mean this?\n${found.map((v) => `\t${v.name}\n`).join('')}` : '';
}

function flagLine(f: FlagSpec): string {
  const name = f.short ? `-${f.short}, --${f.long}` : `--${f.long}`;
  const def = f.default === undefined ? (f.type === 'bool' ? 'false' : f.type === 'stringArray' ? '[]' : f.type === 'int' ? '0' : "''") : Array.isArray(f.default) ? `[${f.default.join(',')}]` : typeof f.default === 'string' ? `'${f.default}'` : String(f.default);
  return `    ${name}=${def}:\n\t${f.help}\n`;
}

/** `kubectl <verb> --help`: description, Aliases, Examples, subcommands, Options, Usage and tips (MainUsageTemplate's order). */
export function verbHelp(verb: KubectlVerb, path: string): string {
  const parts = [verb.long.trimEnd(), ''];
  if (verb.aliases?.length) parts.push('Aliases:', [verb.name, ...verb.aliases].join(', '), '');
  if (verb.examples.trim()) parts.push('Examples:', verb.examples.trimEnd(), '');
  const subs = [...(verb.subcommands ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (subs.length) {
    const width = padding(`kubectl ${path}`, subs.map((s) => s.name));
    parts.push('Available Commands:', ...subs.map((s) => commandLine(s, width)), '');
  }
  if (verb.flags.length) parts.push('Options:', verb.flags.map(flagLine).join('\n'));
  parts.push('Usage:', `  ${verb.usage}`, '');
  if (subs.length) parts.push(`Use "kubectl ${path} <command> --help" for more information about a given command.`);
  parts.push(`Use "kubectl options" for a list of global command-line options (applies to all commands).`);
  return `${parts.join('\n')}\n`;
}
