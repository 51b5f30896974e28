// The printf formatting shared by awk and the shell's printf (coreutils printf.c, bash
// builtins/printf.def): %s %d %i %f %x %o %c %% with flags, width and precision, and backslash
// escapes in the format. %b, %q and `*` widths are not modelled.
import type { CommandContext, CommandSpec } from '../types.js';
import { OUTPUT_LIMIT } from '../bash/io.js';
import { echoEscapes } from './builtins.js';

/** An integer conversion's value as C's intmax_t holds it: truncated, clamped to 64 bits (two's complement for %x and %o). */
function intText(n: number, radix: number): string {
  const max = 2n ** 63n - 1n;
  const i = !Number.isFinite(n) || Math.abs(n) >= 2 ** 63 ? (n < 0 ? -max - 1n : max) : BigInt(Math.trunc(n));
  return radix === 10 ? i.toString() : BigInt.asUintN(64, i).toString(radix);
}

/** A floating conversion: glibc prints inf, and JavaScript stops at 100 digits, past which the digits are zeros here. */
function floatText(n: number, conv: string, prec: number): string {
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  const p = Math.min(prec, 100);
  const zeros = '0'.repeat(prec - p);
  if (conv === 'f') return n.toFixed(p) + zeros;
  if (conv === 'e') return n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2').replace('e', `${zeros}e`);
  return String(Number(n.toPrecision(Math.max(1, p))));
}

function one(spec: string, conv: string, arg: string | undefined): string {
  const m = /^([-+ 0#]*)(\d*)(?:\.(\d+))?$/.exec(spec)!;
  const flags = m[1]!;
  // Output past the shell's cap is cut anyway; a wider field would only exhaust memory.
  const width = Math.min(Number(m[2] || 0), OUTPUT_LIMIT + 1);
  const prec = m[3] === undefined ? undefined : Math.min(Number(m[3]), OUTPUT_LIMIT + 1);
  const n = Number(arg ?? 0) || 0;
  let s: string;
  switch (conv) {
    case 'd': case 'i': s = intText(n, 10); break;
    case 'f': case 'e': s = floatText(n, conv, prec ?? 6); break;
    case 'g': s = floatText(n, conv, prec || 6); break;
    case 'x': s = intText(n, 16); break;
    case 'o': s = intText(n, 8); break;
    case 'c': s = (arg ?? '').slice(0, 1); break;
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
    let size = out.length;
    out += fmt.replace(/%([-+ 0#]*\d*(?:\.\d+)?)([sdifxocegb%])/g, (_, spec: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[i++];
      const text = size > OUTPUT_LIMIT ? '' : one(spec, conv === 'b' ? 's' : conv, arg);
      size += text.length;
      return text;
    });
    if (i === start || out.length > OUTPUT_LIMIT) break;
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
