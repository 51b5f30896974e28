// bash's execution of compound commands (execute_cmd.c execute_for_command,
// execute_while_or_until, execute_if_command). Loops stop after MAX_ITERATIONS with a notice,
// since a lab line must end: `while true; do ...; done` cannot run forever here.
import type { Compound } from './compound.js';
import { expandFields } from './expand.js';
import type { Fds } from './io.js';
import { expanderFor } from './params.js';
import { applyRedirs, commitFiles } from './redirect.js';
import { runList, runNestedLine, type Exec } from './exec.js';

/** The most iterations one loop may run. */
export const MAX_ITERATIONS = 1000;

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
        if (i >= MAX_ITERATIONS) { stopped(fds); break; }
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
    if (i >= MAX_ITERATIONS) { stopped(fds); break; }
    if ((runList(ex, cmd.cond, fds) === 0) === cmd.until) break;
    status = runList(ex, cmd.body, fds);
    if (ex.exit) break;
  }
  return status;
}

function stopped(fds: Fds): void {
  fds.err.write(`k8s-svc-lab: loop stopped after ${MAX_ITERATIONS} iterations\n`, 'warning');
}
