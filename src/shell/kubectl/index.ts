// kubectl's root command (kubectl pkg/cmd/cmd.go): finds the verb, answers --help, parses flags
// with pflag's messages, works out the namespace, and runs the verb against the simulation.
import type { CommandContext, CommandSpec } from '../types.js';
import { parseFlags, str, type FlagSpec } from './flags.js';
import type { KubectlVerb } from './verb.js';
import { READ_VERBS } from './verbs-read.js';
import { WRITE_VERBS } from './verbs-write.js';
import { kubectlHelp, suggestionsFor, verbHelp } from './help.js';
import { OUTPUT_FLAG } from './write/common.js';
import { OBJECT_FORMATS, outputFormatError } from './output-format.js';

/** Every kubectl verb the lab knows. */
export function kubectlVerbs(): KubectlVerb[] {
  return [...READ_VERBS, ...WRITE_VERBS];
}

/** Finds a verb (or subcommand) by name or alias. */
export function findVerb(verbs: KubectlVerb[], name: string): KubectlVerb | undefined {
  return verbs.find((v) => v.name === name || v.aliases?.includes(name));
}

const HELP_FLAG: FlagSpec = { long: 'help', short: 'h', type: 'bool', help: 'help for this command' };

/** kubectl's global flags that take a value (`-n dev`), which the search for the verb must step over. */
const GLOBAL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--as-group', '-v', '--v', '--request-timeout', '--token', '--cache-dir']);

/** Where the verb is: the first word that is neither a flag nor the value of a global flag before it. */
function verbIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (GLOBAL_VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return -1;
}

/** Runs `kubectl <args>` (args without the word kubectl). */
export function runKubectl(ctx: CommandContext): number {
  const verbs = kubectlVerbs();
  const firstAt = verbIndex(ctx.args);
  const first = firstAt < 0 ? undefined : ctx.args[firstAt];
  if (first === undefined) {
    if (ctx.args.length === 0 || ctx.args.some((a) => a === '-h' || a === '--help')) {
      ctx.stdout(kubectlHelp(verbs));
      return 0;
    }
  }
  const at = firstAt;
  const top = first === undefined ? undefined : findVerb(verbs, first);
  if (!top) {
    const typed = first ?? ctx.args[0]!;
    ctx.stderr(`error: unknown command "${typed}" for "kubectl"${first === undefined ? '' : suggestionsFor(verbs, typed)}\n`.replace(/\n\n$/, '\n'));
    return 1;
  }
  let verb: KubectlVerb = top;
  let rest = [...ctx.args.slice(0, at), ...ctx.args.slice(at + 1)];
  let path = verb.name;
  for (;;) {
    const subs: KubectlVerb[] = verb.subcommands ?? [];
    const i = verbIndex(rest);
    const sub = i < 0 ? undefined : rest[i];
    const found = sub === undefined ? undefined : findVerb(subs, sub);
    if (!found || sub === undefined) break;
    rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
    verb = found;
    path = `${path} ${found.name}`;
  }
  const parsed = parseFlags(rest, [...verb.flags, HELP_FLAG]);
  if (!parsed.ok) {
    ctx.stderr(`error: ${parsed.error}\nSee 'kubectl ${path} --help' for usage.\n`);
    return 1;
  }
  if (parsed.flags.values['help'] === true) {
    ctx.stdout(verbHelp(verb, path));
    return 0;
  }
  const formatError = verb.flags.includes(OUTPUT_FLAG) ? outputFormatError(str(parsed.flags, 'output'), OBJECT_FORMATS, ['json', 'yaml', 'name']) : undefined;
  if (formatError) {
    ctx.stderr(`error: ${formatError}\n`);
    return 1;
  }
  const explicitNs = parsed.flags.set.has('namespace');
  const namespace = explicitNs ? str(parsed.flags, 'namespace') : (ctx.shell.vars['__KUBE_NAMESPACE'] ?? 'default');
  return verb.run({ ...ctx, verb: path, flags: parsed.flags, namespace, namespaceExplicit: explicitNs });
}

/** The kubectl entry of the command table. */
export const KUBECTL_COMMAND: CommandSpec = {
  name: 'kubectl',
  aliases: ['k'],
  usage: 'kubectl [command] [TYPE] [NAME] [flags]',
  summary: 'control the simulated Kubernetes cluster',
  where: 'node',
  group: 'kubernetes',
  run: runKubectl,
};
