// The shell's plain-data state and the contract every command follows. The shell turns text
// into commands run against the simulation; it knows nothing of the terminal or the host's files
// (the app layer injects what it needs: reading the learner's own files, an editor).
import type { SimState } from '../sim/state.js';
import type { Hop } from '../sim/dataplane/types.js';

/** How a line of output should look; the UI maps tones to colours, script mode prints plain text. */
export type Tone = 'plain' | 'error' | 'warning' | 'hint' | 'muted';

/** One line the terminal pane shows. */
export interface OutLine {
  text: string;
  tone: Tone;
  stream: 'stdout' | 'stderr';
}

/** Where the prompt is: a node (`root@node01:~#`) or a container entered with `kubectl exec -it`. */
export type Host =
  | { kind: 'node'; node: string }
  | { kind: 'pod'; namespace: string; pod: string; container: string; node: string; shell: string };

/** A file or directory of the lab's in-memory file systems. */
export type FileEntry = { type: 'file'; content: string } | { type: 'dir' };

/** The shell's state: plain data, saved and restored with the simulation. */
export interface ShellState {
  /** The host stack: [0] is controlplane; `ssh` pushes, `exit` pops. */
  hosts: Host[];
  /** Working directory per host key (see hostKey). */
  cwd: Record<string, string>;
  /** Shell and exported variables. */
  vars: Record<string, string>;
  /** Names of exported variables. */
  exported: Record<string, true>;
  /** The in-memory file system of each host key, by absolute path. */
  files: Record<string, Record<string, FileEntry>>;
  /** Commands entered, oldest first (capped). */
  history: string[];
  /** `$?`. */
  lastStatus: number;
  /** The hops of the last `trace`, and when it ran (simulated ms): the NAT pane lights them up. */
  lastTrace?: { at: number; hops: Hop[] };
}

/** What the app layer lends the shell: the learner's real files (read-only) and an editor hook. */
export interface ShellHost {
  /** Reads a file of the real working directory, or undefined when it does not exist or is not readable. */
  readRealFile?(path: string): string | undefined;
  /** Lists a real directory's file names, or undefined. */
  listRealDir?(path: string): string[] | undefined;
  /** Opens text in the learner's editor (TUI only); undefined in script mode. */
  edit?(name: string, text: string): string | undefined;
}

/** Everything a running command may touch. */
export interface CommandContext {
  sim: SimState;
  shell: ShellState;
  host: ShellHost;
  /** 'script' for `k8s-svc-lab run`, 'interactive' for the TUI. */
  mode: 'script' | 'interactive';
  /** The words after the command name, expanded. */
  args: string[];
  /** Piped or redirected input; undefined when none (a command reading stdin then sees no input). */
  stdin: string | undefined;
  /** Writes to standard output (text may hold several lines; a trailing newline ends a line). */
  stdout(text: string): void;
  /** Writes to standard error (tone 'error' unless told, 'warning' for kubectl warnings). */
  stderr(text: string, tone?: Tone): void;
  /** Runs another command line in the same shell (for `watch`, `$(...)` helpers); returns its status and stdout. */
  runNested(line: string): { status: number; stdout: string };
  /** Asks the shell to clear the screen or end the session (set by the shell; absent in bare test contexts). */
  signal?(what: 'clear' | 'exit'): void;
  /** True when stdout is the terminal pane rather than a pipe or file (`ls` lays out columns then). */
  isatty?: boolean;
  /** Takes the next line of standard input (with its newline), shared across a loop's commands, as `read` needs; undefined at end of input. */
  readLine?(): string | undefined;
}

/** A command of the one command table: from it derive parsing, help, completion and lesson restrictions. */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** One usage line, e.g. "grep [-ivEwcon] [-A N] [-B N] [-C N] PATTERN [FILE...]". */
  usage: string;
  /** One sentence for `help`. */
  summary: string;
  /** Where the command exists: on nodes, inside containers, or both. */
  where: 'node' | 'pod' | 'any';
  /** Whether the current host has it at all (a container image without curl); absent means it does. */
  availableIn?(ctx: Pick<CommandContext, 'sim' | 'shell'>): boolean;
  /** The help section it belongs to. */
  group: 'shell' | 'text' | 'files' | 'kubernetes' | 'node' | 'lab';
  /** Completions for the word being typed, given the words before it. */
  complete?(ctx: Pick<CommandContext, 'sim' | 'shell'>, words: string[], partial: string): string[];
  /** Runs the command; returns the exit status. Must not throw for any input. */
  run(ctx: CommandContext): number;
}

/** The key of a host for per-host state: "node/controlplane" or "pod/default/web-1/web". */
export function hostKey(h: Host): string {
  return h.kind === 'node' ? `node/${h.node}` : `pod/${h.namespace}/${h.pod}/${h.container}`;
}

/** The host the prompt is on. */
export function currentHost(shell: ShellState): Host {
  return shell.hosts[shell.hosts.length - 1]!;
}
