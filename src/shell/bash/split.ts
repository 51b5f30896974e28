// How bash reads a script file (input.c, parse.y shell_getc): one complete command at a time,
// reading further lines while a quote, a here-document or a `\`/`|`/`&&` continuation is open.
// Used by `k8s-svc-lab run --echo` to echo each command before its output.
import { parse } from './parser.js';

/** A top-level command of a script and the line it starts on (1-based). */
export interface ScriptCommand { source: string; startLine: number }

/** The most lines one command may span before it is cut off as a command of its own. */
const MAX_COMMAND_LINES = 100_000;

/** Splits a script into its top-level complete commands (heredoc bodies and continuations included). */
export function splitScript(text: string): ScriptCommand[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: ScriptCommand[] = [];
  let start = 0;
  let chunk: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    chunk.push(lines[i]!);
    const source = chunk.join('\n');
    if (i < lines.length - 1 && chunk.length < MAX_COMMAND_LINES && needsMore(source)) continue;
    if (hasCommand(source)) out.push({ source, startLine: start + 1 });
    chunk = [];
    start = i + 1;
  }
  return out;
}

function needsMore(source: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(source)) return true;
  const p = parse(source);
  if (!p.ok) return p.incomplete !== undefined;
  return p.openHeredoc;
}

function hasCommand(source: string): boolean {
  const p = parse(source);
  return !p.ok || p.list.length > 0;
}
