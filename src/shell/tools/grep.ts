// GNU grep (src/grep.c): patterns as BRE, ERE (-E) or fixed strings (-F); -i -v -w -x -c -o -n -l
// -h/-H -q -A/-B/-C with `--` group separators; `file:` prefixes with several files; exit 0 on a
// match, 1 on none, 2 on error. Colour and binary-file detection are left out.
import type { CommandContext, CommandSpec } from '../types.js';
import { getopt, has, optArg, toLines, type Opt } from './opts.js';
import { plainError, readInputs } from './inputs.js';
import { compiledNow, compilePosix, posixToJs } from './regex.js';

const GREP_USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

interface GrepOpts { invert: boolean; count: boolean; only: boolean; number: boolean; names: boolean; list: boolean; quiet: boolean; before: number; after: number }

function grepError(ctx: CommandContext, msg: string): number {
  ctx.stderr(`grep: ${msg}\n${GREP_USAGE}\nTry 'grep --help' for more information.\n`);
  return 2;
}

function buildRegex(r: { opts: Opt[] }, patterns: string[]): RegExp | string {
  const fixed = has(r, 'F');
  const ext = has(r, 'E');
  const srcs = patterns.flatMap((p) => p.split('\n')).map((p) => (fixed ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : p));
  const parts: string[] = [];
  for (const s of srcs) {
    const re = fixed ? s : compilePosix(s, ext)?.source;
    if (re === undefined) return tooBig(posixToJs(s, ext)) ? TOO_BIG : ext ? 'Unmatched ( or \\(' : 'Unmatched [, [^, [:, [., or [=';
    parts.push(has(r, 'x') ? `^(?:${re})$` : has(r, 'w') ? `(?<![A-Za-z0-9_])(?:${re})(?![A-Za-z0-9_])` : `(?:${re})`);
  }
  try { return compiledNow(new RegExp(parts.join('|'), has(r, 'i') || has(r, 'y') ? 'gi' : 'g')); } catch { return tooBig(parts.join('|')) ? TOO_BIG : 'Invalid regular expression'; }
}

/** glibc regcomp's REG_ESIZE text, for a pattern JavaScript can parse but not compile. */
const TOO_BIG = 'Regular expression too big';

function tooBig(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function grepText(ctx: CommandContext, re: RegExp, lines: string[], prefix: string, o: GrepOpts): number {
  const hits = lines.map((l) => { re.lastIndex = 0; return re.test(l) !== o.invert; });
  const n = hits.filter(Boolean).length;
  if (o.quiet) return n;
  if (o.list) { if (n) ctx.stdout(prefix.slice(0, -1) + '\n'); return n; }
  if (o.count) { ctx.stdout(`${prefix}${n}\n`); return n; }
  let last = -1;
  lines.forEach((line, i) => {
    const ctxHit = hits.slice(Math.max(0, i - o.after), i + 1).some(Boolean) || hits.slice(i, i + o.before + 1).some(Boolean);
    if (!hits[i] && !(ctxHit && (o.before || o.after))) return;
    if ((o.before || o.after) && last >= 0 && i > last + 1) ctx.stdout('--\n');
    last = i;
    const sep = hits[i] ? ':' : '-';
    const head = `${prefix ? prefix.slice(0, -1) + sep : ''}${o.number ? `${i + 1}${sep}` : ''}`;
    if (o.only && hits[i] && !o.invert) {
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout(`${head}${m[0]}\n`);
    } else if (!o.only) ctx.stdout(`${head}${line}\n`);
  });
  return n;
}

function runGrep(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'ivEFwxconlLhHqsyrRZz', withArg: 'ABCem', long: { 'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', count: 'c', color: 'Z', colour: 'Z', 'line-number': 'n', quiet: 'q', 'only-matching': 'o', regexp: 'e', 'word-regexp': 'w' } });
  if (!r.ok) return grepError(ctx, r.error);
  const explicit = r.opts.filter((o) => o.c === 'e').map((o) => o.arg!);
  const operands = [...r.operands];
  if (explicit.length === 0 && operands.length === 0) {
    ctx.stderr(`${GREP_USAGE}\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  const patterns = explicit.length ? explicit : [operands.shift()!];
  const re = buildRegex(r, patterns);
  if (typeof re === 'string') { ctx.stderr(`grep: ${re}\n`); return 2; }
  const num = (c: string): number => Number(optArg(r, c) ?? optArg(r, 'C') ?? 0) || 0;
  const o: GrepOpts = { invert: has(r, 'v'), count: has(r, 'c'), only: has(r, 'o'), number: has(r, 'n'), names: false, list: has(r, 'l'), quiet: has(r, 'q'), before: num('B'), after: num('A') };
  const { inputs, failed } = readInputs(ctx, operands, has(r, 's') ? () => '' : plainError('grep'));
  const showNames = (operands.length > 1 || has(r, 'H')) && !has(r, 'h');
  let matched = 0;
  for (const input of inputs) {
    const name = input.name === '-' ? '(standard input)' : input.name;
    matched += grepText(ctx, re, toLines(input.text), showNames || o.list ? `${name}:` : '', o);
    if (o.quiet && matched) return 0;
  }
  return failed && !o.quiet ? 2 : matched ? 0 : 1;
}

/** grep. */
export const GREP_COMMAND: CommandSpec = {
  name: 'grep', usage: 'grep [-ivEFwxconlq] [-A N] [-B N] [-C N] [-e PATTERN] PATTERN [FILE...]',
  summary: 'print lines that match a pattern', where: 'any', group: 'text', run: runGrep,
};
