// The shape of a kubectl subcommand (a cobra.Command in kubectl's pkg/cmd/<verb>): its help
// texts, its flags, and what it does with the parsed flags against the simulated API server.
import type { CommandContext } from '../types.js';
import type { FlagSpec, ParsedFlags } from './flags.js';

/** What a verb runs with: the command context, its parsed flags and the request namespace. */
export interface KubectlContext extends CommandContext {
  verb: string;
  flags: ParsedFlags;
  /** `-n` when given, else the kubeconfig context's namespace (default). */
  namespace: string;
  /** True when `-n/--namespace` was given explicitly. */
  namespaceExplicit: boolean;
}

/** A kubectl subcommand. */
export interface KubectlVerb {
  name: string;
  aliases?: string[];
  /** The one-line summary `kubectl --help` lists. */
  short: string;
  /** The Usage: line, e.g. "kubectl get [(-o|--output=)json|yaml|name|go-template|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]". */
  usage: string;
  /** The description paragraph(s) and the Examples: block of `kubectl <verb> --help`. */
  long: string;
  examples: string;
  flags: FlagSpec[];
  /** Subcommands (`kubectl create deployment`, `kubectl rollout status`, `kubectl config view`). */
  subcommands?: KubectlVerb[];
  /** Unused: `kubectl --help` groups verbs by kubectl's own table (help.ts ROOT_GROUPS). */
  section?: string;
  run(k: KubectlContext): number;
}
