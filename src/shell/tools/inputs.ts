// How coreutils text tools read their operands: each FILE in turn, `-` or no operand meaning
// standard input, and a per-tool error line for a file that cannot be read (cat, grep and wc
// print `tool: FILE: error`; head and tail say "cannot open 'FILE' for reading").
import type { CommandContext } from '../types.js';
import { readFile } from '../fs.js';

/** One input of a text tool: its name as given ('-' for stdin) and its text. */
export interface Input { name: string; text: string }

/** How a tool words a read error. */
export type ErrorStyle = (file: string, error: string) => string;

/** `tool: FILE: error`, as cat, grep, wc, uniq and cut print it. */
export const plainError = (tool: string): ErrorStyle => (file, error) => `${tool}: ${file}: ${error}`;

/** Reads every operand (or stdin when none); unreadable files are reported and skipped. */
export function readInputs(ctx: CommandContext, files: string[], style: ErrorStyle): { inputs: Input[]; failed: boolean } {
  const inputs: Input[] = [];
  let failed = false;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') { inputs.push({ name: '-', text: ctx.stdin ?? '' }); continue; }
    const r = readFile(ctx, f);
    if (r.ok) inputs.push({ name: f, text: r.content });
    else {
      const msg = style(f, r.error);
      if (msg) ctx.stderr(msg + '\n');
      failed = true;
    }
  }
  return { inputs, failed };
}
