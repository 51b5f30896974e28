// The printf formatting shared by awk and the shell's printf (coreutils printf.c, bash
// builtins/printf.def): %s %d %i %f %x %o %c %% with flags, width and precision, and backslash
// escapes in the format. %b, %q and `*` widths are not modelled.
import type { CommandContext, CommandSpec } from '../types.js';
import { echoEscapes } from './builtins.js';

function one(spec: string, conv: string, arg: string | undefined): string {
  const m = /^([-+ 0#]*)(\d*)(?:\.(\d+))?$/.exec(spec)!;
  const flags = m[1]!;
  const width = Number(m[2] || 0);
  const prec = m[3] === undefined ? undefined : Number(m[3]);
  const n = Number(arg ?? 0) || 0;
  let s: string;
  switch (conv) {
    case 'd': case 'i': s = String(Math.trunc(n)); break;
    case 'f': s = n.toFixed(prec ?? 6); break;
    case 'x': s = Math.trunc(n).toString(16); break;
    case 'o': s = Math.trunc(n).toString(8); break;
    case 'c': s = (arg ?? '').slice(0, 1); break;
    case 'e': s = n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); break;
    case 'g': s = String(Number(n.toPrecision(prec || 6))); break;
    default: s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec);
  }
  if ('dif'.includes(conv) && flags.includes('+') && n >= 0) s = '+' + s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && 'difxoeg'.includes(conv)) return s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
  return s.padStart(width);
}

/** Formats like printf(3): each conversion consumes an argument; the format repeats while arguments remain. */
export function formatPrintf(format: string, args: string[]): string {
  const fmt = echoEscapes(format).text;
  let out = '';
  let i = 0;
  do {
    const start = i;
    out += fmt.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([sdifxocegb%])/g, (_, spec: string, conv: string) => (conv === '%' ? '%' : one(spec, conv === 'b' ? 's' : conv, args[i++])));
    if (i === start) break;
  } while (i < args.length);
  return out;
}

/** printf, the shell's. */
export const PRINTF_COMMAND: CommandSpec = {
  name: 'printf', usage: 'printf FORMAT [ARG...]', summary: 'format and print arguments', where: 'any', group: 'shell',
  run: (ctx: CommandContext) => {
    if (ctx.args.length === 0) { ctx.stderr('printf: usage: printf [-v var] format [arguments]\n'); return 2; }
    ctx.stdout(formatPrintf(ctx.args[0]!, ctx.args.slice(1)));
    return 0;
  },
};
