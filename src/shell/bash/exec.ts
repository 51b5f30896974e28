// bash's executor (execute_cmd.c execute_command_internal, execute_pipeline): and-or lists,
// pipelines whose stages run one after another over a buffer, and simple commands looked up in
// the lab's one command table. No job control: `&` runs a command in the foreground.
import type { SimState } from '../../sim/state.js';
import type { OutLine, ShellHost, ShellState } from '../types.js';
import type { AndOr, Command, Pipeline, SimpleCommand } from './parser.js';
import { parse } from './parser.js';
import { BufferSink, TermSink, type Fds } from './io.js';
import { expandFields, expandOne } from './expand.js';
import { applyRedirs, commitFiles } from './redirect.js';
import { runCommand } from './command.js';
import { expanderFor } from './params.js';
import { runCompound } from './loops.js';

/** The deepest command substitutions and nested lines may go. */
export const MAX_NESTING = 16;

/** A running command line: the lab, the terminal streams, and what the line asks of the UI. */
export interface Exec {
  lab: { sim: SimState; shell: ShellState; host: ShellHost };
  mode: 'script' | 'interactive';
  lines: OutLine[];
  term: { out: TermSink; err: TermSink };
  depth: number;
  clear: boolean;
  exit: boolean;
  /** The simulated time when the line started (its loops stop once an hour of it has passed). */
  startedAt: number;
}

/** Starts the execution of one command line. */
export function newExec(lab: Exec['lab'], mode: Exec['mode']): Exec {
  const lines: OutLine[] = [];
  return { lab, mode, lines, term: { out: new TermSink(lines, 'stdout'), err: new TermSink(lines, 'stderr', 'error') }, depth: 0, clear: false, exit: false, startedAt: lab.sim.now };
}

/** Runs and-or lists in order; returns the last status. */
export function runList(ex: Exec, list: AndOr[], fds: Fds): number {
  let status = ex.lab.shell.lastStatus;
  for (const ao of list) {
    status = runPipeline(ex, ao.first, fds);
    for (const { op, pipeline } of ao.rest) {
      if ((op === '&&') === (status === 0)) status = runPipeline(ex, pipeline, fds);
    }
    if (ex.exit) break;
  }
  return status;
}

function runPipeline(ex: Exec, p: Pipeline, fds: Fds): number {
  let stdin = fds.stdin;
  let status = 0;
  const shell = ex.lab.shell;
  p.cmds.forEach((cmd, i) => {
    const last = i === p.cmds.length - 1;
    const out = last ? fds.out : new BufferSink();
    // Each stage of a real pipeline is a subshell: its variables and cwd do not outlive it.
    const saved = p.cmds.length > 1 ? { vars: { ...shell.vars }, exported: { ...shell.exported }, cwd: { ...shell.cwd } } : undefined;
    status = runStage(ex, cmd, { stdin, out, err: fds.err, input: i === 0 ? fds.input : undefined });
    if (saved) restoreSubshell(shell, saved);
    if (!last) stdin = (out as BufferSink).text;
  });
  if (p.negate) status = status === 0 ? 1 : 0;
  ex.lab.shell.lastStatus = status;
  return status;
}

/** Undoes a pipeline stage's shell changes, keeping the lab's own `__` state (kubeconfig stand-ins live in files in reality). */
function restoreSubshell(shell: ShellState, saved: Pick<ShellState, 'vars' | 'exported' | 'cwd'>): void {
  for (const [k, v] of Object.entries(shell.vars)) if (k.startsWith('__')) saved.vars[k] = v;
  Object.assign(shell, saved);
}

function runStage(ex: Exec, cmd: Command, fds: Fds): number {
  return cmd.k === 'simple' ? runSimple(ex, cmd, fds) : runCompound(ex, cmd, fds);
}

function runSimple(ex: Exec, cmd: SimpleCommand, fds: Fds): number {
  const xp = expanderFor(ex, fds.err, (src) => substitute(ex, src, fds));
  const argv = cmd.words.flatMap((w) => expandFields(xp, w));
  if (xp.failed) return 1;
  const redir = applyRedirs(ex, xp, cmd.redirs, fds);
  if (!redir.ok) return 1;
  const { shell } = ex.lab;
  const values = cmd.assigns.map((a) => [a.name, (a.append ? shell.vars[a.name] ?? '' : '') + expandOne(xp, a.value)] as const);
  if (argv.length === 0) {
    for (const [k, v] of values) shell.vars[k] = v;
    commitFiles(ex, redir.files);
    return 0;
  }
  const saved = values.map(([k]) => [k, shell.vars[k], shell.exported[k]] as const);
  for (const [k, v] of values) { shell.vars[k] = v; shell.exported[k] = true; }
  const status = runCommand(ex, argv, redir.fds);
  for (const [k, v, e] of saved) {
    if (v === undefined) delete shell.vars[k]; else shell.vars[k] = v;
    if (e === undefined) delete shell.exported[k]; else shell.exported[k] = e;
  }
  commitFiles(ex, redir.files);
  return status;
}

/** Runs a command line nested in the current one (command substitution, `watch`, `xargs`). */
export function runNestedLine(ex: Exec, src: string, fds: Fds): { status: number; stdout: string } {
  const shell = ex.lab.shell;
  if (ex.depth >= MAX_NESTING) {
    fds.err.write(`bash: command substitution nested too deeply (maximum ${MAX_NESTING} levels)\n`, 'error');
    return { status: 1, stdout: '' };
  }
  const parsed = parse(src);
  if (!parsed.ok) {
    fds.err.write(`bash: command substitution: line 1: ${parsed.error || 'unexpected end of file'}\n`, 'error');
    return { status: 2, stdout: '' };
  }
  const out = new BufferSink();
  ex.depth++;
  const saved = shell.lastStatus;
  try {
    const status = runList(ex, parsed.list, { stdin: fds.stdin, out, err: fds.err });
    return { status, stdout: out.text };
  } finally {
    ex.depth--;
    shell.lastStatus = saved;
  }
}

function substitute(ex: Exec, src: string, fds: Fds): string {
  return runNestedLine(ex, src, { stdin: undefined, out: fds.out, err: fds.err }).stdout;
}
