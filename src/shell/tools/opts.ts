// GNU getopt_long as coreutils uses it: clustered short options (`-inE`), option arguments
// attached or separate (`-A2`, `-A 2`), permutation (options after operands), `--` and the
// texts getopt prints for a bad option. Long options are mapped onto short letters.
import type { CommandContext } from '../types.js';

/** The options a tool accepts: flag letters, letters taking an argument, long names → letter. */
export interface OptSpec { flags: string; withArg?: string; long?: Record<string, string> }

/** One option as given. */
export interface Opt { c: string; arg?: string }

/** Parsed options and operands, or getopt's complaint. */
export type OptResult = { ok: true; opts: Opt[]; operands: string[] } | { ok: false; error: string };

/** Parses argv as GNU getopt_long does (with permutation). */
export function getopt(args: string[], spec: OptSpec): OptResult {
  const opts: Opt[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const [name, value] = splitLong(a.slice(2));
      const c = spec.long?.[name];
      if (c === undefined) return { ok: false, error: `unrecognized option '${a}'` };
      if (!(spec.withArg ?? '').includes(c)) { opts.push({ c }); continue; }
      const arg = value ?? args[++i];
      if (arg === undefined) return { ok: false, error: `option '--${name}' requires an argument` };
      opts.push({ c, arg });
      continue;
    }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ((spec.withArg ?? '').includes(c)) {
        const arg = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (arg === undefined) return { ok: false, error: `option requires an argument -- '${c}'` };
        opts.push({ c, arg });
        break;
      }
      if (!spec.flags.includes(c)) return { ok: false, error: `invalid option -- '${c}'` };
      opts.push({ c });
    }
  }
  return { ok: true, opts, operands };
}

function splitLong(s: string): [string, string | undefined] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)];
}

/** Whether a flag letter was given. */
export function has(r: { opts: Opt[] }, c: string): boolean {
  return r.opts.some((o) => o.c === c);
}

/** The last argument given to an option letter. */
export function optArg(r: { opts: Opt[] }, c: string): string | undefined {
  return r.opts.filter((o) => o.c === c).pop()?.arg;
}

/** Prints `tool: message`, an optional usage line and coreutils' "Try 'tool --help'" hint; returns status. */
export function usageError(ctx: CommandContext, tool: string, message: string, status: number, usage?: string): number {
  ctx.stderr(`${tool}: ${message}\n${usage ? usage + '\n' : ''}Try '${tool} --help' for more information.\n`);
  return status;
}

/** Splits text into lines as line-oriented tools see them (a final newline ends the last line). */
export function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Joins lines back into text, each ended by a newline. */
export function fromLines(lines: string[]): string {
  return lines.length ? lines.join('\n') + '\n' : '';
}
