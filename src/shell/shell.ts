// The lab's bash: the one entry point that turns a typed or scripted line into output lines,
// as an interactive bash (or a container's busybox sh) would print them. It parses, runs,
// records history and `$?`, and reports when a line needs more input (bash's PS2 prompt).
import type { SimState } from '../sim/state.js';
import { HISTORY_LIMIT } from './state.js';
import { currentHost, type OutLine, type ShellHost, type ShellState } from './types.js';
import { parse } from './bash/parser.js';
import { newExec, runList } from './bash/exec.js';
import { getCwd } from './fs.js';
/** Splits a script into its top-level commands for `k8s-svc-lab run --echo` (see bash/split.ts). */
export { splitScript } from './bash/split.js';

/** What running a line produced: output lines, the status, and what the UI should do next. */
export interface RunResult {
  lines: OutLine[];
  status: number;
  /** The line is not finished: an open quote, here-document or continuation (interactive only). */
  incomplete?: 'quote' | 'heredoc' | 'continuation';
  /** `clear` ran: the UI clears the pane. */
  clear?: boolean;
  /** The last shell was left with `exit`: the session ends. */
  exit?: boolean;
}

/** The lab a line runs in. */
export interface Lab { sim: SimState; shell: ShellState; host: ShellHost }

/** Runs a whole command line (or several lines) in the lab's shell. */
export function runLine(lab: Lab, text: string, mode: 'script' | 'interactive'): RunResult {
  const { shell } = lab;
  let parsed = parse(text);
  if (!parsed.ok && parsed.incomplete === 'continuation' && mode === 'script' && /\\$/.test(text)) parsed = parse(text.slice(0, -1));
  const open = parsed.ok ? (parsed.openHeredoc ? 'heredoc' : undefined) : parsed.incomplete;
  if (mode === 'interactive' && open) return { lines: [], status: shell.lastStatus, incomplete: open };
  recordHistory(shell, text);
  const ex = newExec(lab, mode);
  const name = shellName(shell);
  if (!parsed.ok) {
    const error = parsed.error || 'syntax error: unexpected end of file';
    ex.term.err.write(`${name}: ${name === 'sh' ? ashSyntaxError(error) : error}\n`, 'error');
    shell.lastStatus = 2;
    ex.term.err.flush();
    return { lines: ex.lines, status: 2 };
  }
  for (const w of parsed.warnings) ex.term.err.write(`${w.replace(/^bash:/, `${name}:`)}\n`, 'warning');
  const status = runList(ex, parsed.list, { stdin: undefined, out: ex.term.out, err: ex.term.err });
  ex.term.out.flush();
  ex.term.err.flush();
  shell.lastStatus = status;
  const result: RunResult = { lines: ex.lines, status };
  if (ex.clear) result.clear = true;
  if (ex.exit) result.exit = true;
  return result;
}

function shellName(shell: ShellState): string {
  const h = currentHost(shell);
  return h.kind === 'pod' && h.shell !== 'bash' ? 'sh' : 'bash';
}

/** The text busybox ash (parser.c raise_error_unexpected_syntax) prints for bash's syntax error. */
function ashSyntaxError(error: string): string {
  const near = /^syntax error near unexpected token `(.*)'$/.exec(error);
  if (near) return near[1] === 'newline' ? 'syntax error: unexpected newline' : `syntax error: unexpected "${near[1]}"`;
  if (/^unexpected EOF while looking for matching `["'`]'$/.test(error)) return 'syntax error: unterminated quoted string';
  return error.startsWith('syntax error') ? error : 'syntax error: unexpected end of file';
}

function recordHistory(shell: ShellState, text: string): void {
  const line = text.replace(/\n+$/, '');
  if (line.trim() === '') return;
  shell.history.push(line);
  if (shell.history.length > HISTORY_LIMIT) shell.history.splice(0, shell.history.length - HISTORY_LIMIT);
}

/** The prompt bash (PS1 `\u@\h:\w\$ `) or busybox sh (`\w # `) shows on the current host. */
export function prompt(shell: ShellState): string {
  const h = currentHost(shell);
  const cwd = getCwd(shell);
  if (h.kind === 'pod') return h.shell === 'bash' ? `root@${h.pod}:${cwd}# ` : `${cwd} # `;
  const home = shell.vars['HOME'] ?? '/root';
  const shown = cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
  return h.node === 'laptop' ? `learner@laptop:${shown}$ ` : `root@${h.node}:${shown}# `;
}
