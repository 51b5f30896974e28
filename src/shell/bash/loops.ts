// bash's execution of compound commands (execute_cmd.c execute_for_command,
// execute_while_or_until, execute_if_command). Loops stop after MAX_ITERATIONS, once their
// output is being cut off, or a simulated hour into the line, with a notice, since a lab line
// must end: `while true; do ...; done` cannot run forever here.
import type { Compound } from './compound.js';
import { expandFields } from './expand.js';
import type { Fds } from './io.js';
import { expanderFor } from './params.js';
import { applyRedirs, commitFiles } from './redirect.js';
import { runList, runNestedLine, type Exec } from './exec.js';

/** The most iterations one loop may run. */
export const MAX_ITERATIONS = 1000;

/** The most simulated time a line's loops may let pass: an hour (each pass of the clock costs real time). */
export const MAX_LOOP_CLOCK_MS = 3_600_000;

/** Runs a compound command with its redirections; returns its status. */
export function runCompound(ex: Exec, cmd: Compound, inherited: Fds): number {
  const xp = expanderFor(ex, inherited.err, (src) => runNestedLine(ex, src, { stdin: undefined, out: inherited.out, err: inherited.err }).stdout);
  const redir = applyRedirs(ex, xp, cmd.redirs, inherited);
  if (!redir.ok) return 1;
  const fds = redir.fds;
  if (fds.stdin !== undefined && !fds.input) fds.input = { rest: fds.stdin };
  let status = 0;
  switch (cmd.k) {
    case 'for': {
      const items = (cmd.items ?? []).flatMap((w) => expandFields(xp, w));
      for (const [i, item] of items.entries()) {
        if (mustStop(ex, fds, i)) break;
        ex.lab.shell.vars[cmd.name] = item;
        status = runList(ex, cmd.body, fds);
        if (ex.exit) break;
      }
      break;
    }
    case 'while':
      status = runWhile(ex, cmd, fds);
      break;
    case 'if': {
      const branch = cmd.branches.find((b) => runList(ex, b.cond, fds) === 0);
      const body = branch?.body ?? cmd.otherwise;
      status = body ? runList(ex, body, fds) : 0;
      break;
    }
    case 'group':
      status = runList(ex, cmd.body, fds);
      break;
    default: { const never: never = cmd; return never; }
  }
  commitFiles(ex, redir.files);
  return status;
}

function runWhile(ex: Exec, cmd: Compound & { k: 'while' }, fds: Fds): number {
  let status = 0;
  for (let i = 0; ; i++) {
    if (mustStop(ex, fds, i)) break;
    if ((runList(ex, cmd.cond, fds) === 0) === cmd.until) break;
    status = runList(ex, cmd.body, fds);
    if (ex.exit) break;
  }
  return status;
}

/** Whether the lab ends a loop before this iteration (with a notice): at the iteration limit, once its output is being cut off, or a week into the line. */
function mustStop(ex: Exec, fds: Fds, iteration: number): boolean {
  const why = iteration >= MAX_ITERATIONS ? `${MAX_ITERATIONS} iterations`
    : fds.out.full ? 'its output was cut off'
      : ex.lab.sim.now - ex.startedAt >= MAX_LOOP_CLOCK_MS ? 'an hour of simulated time' : undefined;
  if (why) fds.err.write(`k8s-svc-lab: loop stopped after ${why}\n`, 'warning');
  return why !== undefined;
}
