// coreutils cut, tr (cut.c, tr.c) and util-linux column -t: field and character lists
// (N, N-M, N-, -M), tr's sets with ranges, escapes and [:classes:], -d and -s, and column's
// table layout with two spaces between columns. tr -c and column's JSON output are left out.
import type { CommandContext, CommandSpec } from '../types.js';
import { fromLines, getopt, has, optArg, toLines, usageError } from './opts.js';
import { plainError, readInputs } from './inputs.js';

function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return undefined;
    const from = m[1] ? Number(m[1]) : 1;
    ranges.push([from, m[2] ? (m[3] ? Number(m[3]) : Infinity) : from]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

function runCut(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 's', withArg: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b' } });
  if (!r.ok) return usageError(ctx, 'cut', r.error, 1);
  const spec = optArg(r, 'f') ?? optArg(r, 'c') ?? optArg(r, 'b');
  if (spec === undefined) return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields', 1);
  const pick = parseList(spec);
  if (!pick) return usageError(ctx, 'cut', `invalid field value ‘${spec}’`, 1);
  const delim = optArg(r, 'd') ?? '\t';
  if (delim.length !== 1) return usageError(ctx, 'cut', 'the delimiter must be a single character', 1);
  const { inputs, failed } = readInputs(ctx, r.operands, plainError('cut'));
  const byField = optArg(r, 'f') !== undefined;
  const out: string[] = [];
  for (const line of inputs.flatMap((i) => toLines(i.text))) {
    if (!byField) { out.push([...line].filter((_, i) => pick(i + 1)).join('')); continue; }
    if (!line.includes(delim)) { if (!has(r, 's')) out.push(line); continue; }
    out.push(line.split(delim).filter((_, i) => pick(i + 1)).join(delim));
  }
  ctx.stdout(fromLines(out));
  return failed ? 1 : 0;
}

const TR_CLASSES: Record<string, string> = { lower: 'a-z', upper: 'A-Z', digit: '0-9', alpha: 'a-zA-Z', alnum: 'a-zA-Z0-9', space: ' \t\n\r\f\v', blank: ' \t' };

/** Expands a tr set (ranges, escapes, classes) into its characters in order. */
export function expandSet(set: string): string[] {
  const s = set.replace(/\[:([a-z]+):\]/g, (m, c: string) => TR_CLASSES[c] ?? m);
  const chars: string[] = [];
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' };
  const list = [...s];
  for (let i = 0; i < list.length; i++) {
    let c = list[i]!;
    if (c === '\\' && i + 1 < list.length) c = esc[list[++i]!] ?? list[i]!;
    if (list[i + 1] === '-' && i + 2 < list.length) {
      const end = list[i + 2]!.codePointAt(0)!;
      for (let k = c.codePointAt(0)!; k <= end; k++) chars.push(String.fromCodePoint(k));
      i += 2;
    } else chars.push(c);
  }
  return chars;
}

function runTr(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'dsc', long: { delete: 'd', 'squeeze-repeats': 's' } });
  if (!r.ok) return usageError(ctx, 'tr', r.error, 1);
  const [a, b] = r.operands;
  if (a === undefined) return usageError(ctx, 'tr', 'missing operand', 1);
  const del = has(r, 'd');
  if (b === undefined && !del && !has(r, 's')) return usageError(ctx, 'tr', `missing operand after ‘${a}’\nTwo strings must be given when translating.`, 1);
  const set1 = expandSet(a);
  const set2 = b === undefined ? [] : expandSet(b);
  let out = '';
  for (const c of ctx.stdin ?? '') {
    const i = set1.indexOf(c);
    if (del && i >= 0) continue;
    out += !del && set2.length && i >= 0 ? set2[Math.min(i, set2.length - 1)]! : c;
  }
  if (has(r, 's')) {
    const sq = new Set(del || !set2.length ? (del ? set2 : set1) : set2);
    out = [...out].filter((c, i, all) => !(i > 0 && c === all[i - 1] && sq.has(c))).join('');
  }
  ctx.stdout(out);
  return 0;
}

function runColumn(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 't', withArg: 'so', long: { table: 't', separator: 's', 'output-separator': 'o' } });
  if (!r.ok) return usageError(ctx, 'column', r.error, 1);
  const { inputs, failed } = readInputs(ctx, r.operands, (f, e) => `column: cannot open ${f}: ${e}`);
  const lines = inputs.flatMap((i) => toLines(i.text)).filter((l) => l.trim() !== '');
  const sep = optArg(r, 's');
  const rows = lines.map((l) => (sep ? l.split(new RegExp(`[${sep.replace(/[\]\\^-]/g, '\\$&')}]+`)) : l.trim().split(/\s+/)));
  if (!has(r, 't')) { ctx.stdout(fromLines(lines)); return failed ? 1 : 0; }
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length); });
  const osep = optArg(r, 'o') ?? '  ';
  ctx.stdout(fromLines(rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join(osep))));
  return failed ? 1 : 0;
}

/** cut, tr and column. */
export const CUT_TR_COMMANDS: CommandSpec[] = [
  { name: 'cut', usage: 'cut -d SEP -f LIST | -c LIST [FILE...]', summary: 'print selected fields or characters of each line', where: 'any', group: 'text', run: runCut },
  { name: 'tr', usage: 'tr [-ds] SET1 [SET2]', summary: 'translate, delete or squeeze characters', where: 'any', group: 'text', run: runTr },
  { name: 'column', usage: 'column -t [-s SEP] [FILE...]', summary: 'line text up in a table', where: 'any', group: 'text', run: runColumn },
];
