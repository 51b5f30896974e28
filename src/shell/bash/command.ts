// bash's command search and execution (execute_cmd.c execute_disk_command, search_for_command):
// the lab's command table stands in for PATH, with bash's and busybox sh's "not found" texts.
// A command that throws is a lab bug: it is reported, never allowed to take the session down.
import { findCommand } from '../command-table.js';
import { currentHost, type CommandContext, type CommandSpec, type Host } from '../types.js';
import type { Exec } from './exec.js';
import { runNestedLine } from './exec.js';
import type { Fds } from './io.js';

/** The exit status of a command that threw: EX_SOFTWARE from sysexits.h. */
export const INTERNAL_ERROR_STATUS = 70;

/** Whether the command exists on this host (node-only tools are not inside containers). */
export function availableOn(spec: CommandSpec, host: Host): boolean {
  return spec.where === 'any' || spec.where === host.kind;
}

/** Runs argv[0] from the command table with the given descriptors; returns its exit status. */
export function runCommand(ex: Exec, argv: string[], fds: Fds): number {
  const name = argv[0]!;
  const host = currentHost(ex.lab.shell);
  const spec = findCommand(name);
  if (!spec && name === 'exit') return exitBuiltin(ex, argv);
  if (!spec || !availableOn(spec, host) || spec.availableIn?.(ex.lab) === false) return notFound(name, host, fds);
  ex.term.out.newCommand();
  ex.term.err.newCommand();
  const ctx: CommandContext = {
    ...ex.lab,
    mode: ex.mode,
    args: argv.slice(1),
    stdin: fds.input ? fds.input.rest : fds.stdin,
    readLine: lineReader(fds),
    stdout: (t) => fds.out.write(t, 'plain'),
    stderr: (t, tone = 'error') => fds.err.write(t, tone),
    runNested: (line) => runNestedLine(ex, line, { stdin: undefined, out: fds.out, err: fds.err }),
    isatty: fds.out === ex.term.out,
    signal: (what) => { if (what === 'clear') ex.clear = true; else ex.exit = true; },
  };
  let status: number;
  try {
    status = spec.run(ctx);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    fds.err.write(`k8s-svc-lab: internal error in ${name}: ${msg}\n`, 'error');
    status = INTERNAL_ERROR_STATUS;
  }
  if (fds.input && readsAllStdin(spec, ctx.args)) fds.input.rest = '';
  if (fds.out.truncated || fds.err.truncated) {
    ex.term.out.flush();
    ex.term.err.write(`k8s-svc-lab: output of ${name} cut off at 1 MB\n`, 'warning');
  }
  return status;
}

/** Whether a command drains its standard input (so a `while read` loop around it sees the end). */
function readsAllStdin(spec: CommandSpec, args: string[]): boolean {
  return spec.group === 'text' || spec.name === 'cat' || spec.name === 'xargs' || args.includes('-');
}

/** `read`'s view of stdin: a loop's shared input, or this command's own input consumed in order. */
function lineReader(fds: Fds): () => string | undefined {
  const input = fds.input ?? { rest: fds.stdin ?? '' };
  return () => {
    if (input.rest === '') return undefined;
    const nl = input.rest.indexOf('\n');
    const line = nl < 0 ? input.rest : input.rest.slice(0, nl + 1);
    input.rest = input.rest.slice(line.length);
    return line;
  };
}

function notFound(name: string, host: Host, fds: Fds): number {
  const sh = host.kind === 'pod' && host.shell !== 'bash';
  if (name.includes('/')) {
    fds.err.write(`${sh ? 'sh' : 'bash'}: ${name}: No such file or directory\n`, 'error');
    return 127;
  }
  fds.err.write(sh ? `sh: ${name}: not found\n` : `bash: ${name}: command not found\n`, 'error');
  return 127;
}

/** `exit` when no host command provides it: leave the container or node, or end the session. */
function exitBuiltin(ex: Exec, argv: string[]): number {
  const shell = ex.lab.shell;
  const n = Number(argv[1] ?? shell.lastStatus);
  if (shell.hosts.length > 1) shell.hosts.pop();
  else ex.exit = true;
  return Number.isInteger(n) ? n & 255 : 2;
}
