// coreutils sort and uniq (sort.c, uniq.c): -n -r -u -f -k N[,M] -t SEP with GNU's key rules
// (without -t a field keeps its leading blanks) and the whole-line last-resort comparison;
// uniq -c with its "%7d " counts, -d, -u, -i. Byte (C locale) order; no -h, -V or -M.
import type { CommandContext, CommandSpec } from '../types.js';
import { fromLines, getopt, has, optArg, toLines, usageError } from './opts.js';
import { plainError, readInputs } from './inputs.js';

function fields(line: string, sep: string | undefined): string[] {
  if (sep !== undefined) return line.split(sep);
  return line.match(/\s*\S+/g) ?? [line];
}

function keyOf(line: string, key: string | undefined, sep: string | undefined): string {
  if (!key) return line;
  const m = /^(\d+)(?:\.\d+)?[a-z]*(?:,(\d+)(?:\.\d+)?[a-z]*)?$/.exec(key);
  if (!m) return line;
  const f = fields(line, sep);
  const from = Number(m[1]) - 1;
  const to = m[2] === undefined ? f.length : Number(m[2]);
  return f.slice(from, to).join(sep ?? '');
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function runSort(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'nrufbsV', withArg: 'kto', long: { numeric: 'n', reverse: 'r', unique: 'u', key: 'k' } });
  if (!r.ok) return usageError(ctx, 'sort', r.error, 2);
  const { inputs, failed } = readInputs(ctx, r.operands, (f, e) => `sort: cannot read: ${f}: ${e}`);
  if (failed) return 2;
  const sep = optArg(r, 't');
  const key = optArg(r, 'k');
  const fold = (s: string): string => (has(r, 'f') ? s.toUpperCase() : s);
  const byKey = (a: string, b: string): number => {
    const ka = keyOf(a, key, sep);
    const kb = keyOf(b, key, sep);
    return has(r, 'n') ? numeric(ka) - numeric(kb) : cmp(fold(ka.replace(has(r, 'b') ? /^\s+/ : /^$/, '')), fold(kb.replace(has(r, 'b') ? /^\s+/ : /^$/, '')));
  };
  const sign = has(r, 'r') ? -1 : 1;
  const lines = inputs.flatMap((i) => toLines(i.text));
  lines.sort((a, b) => sign * (byKey(a, b) || (has(r, 'u') || has(r, 's') ? 0 : cmp(a, b))));
  const out = has(r, 'u') ? lines.filter((l, i) => i === 0 || byKey(lines[i - 1]!, l) !== 0) : lines;
  ctx.stdout(fromLines(out));
  return 0;
}

function runUniq(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (!r.ok) return usageError(ctx, 'uniq', r.error, 1);
  const { inputs, failed } = readInputs(ctx, r.operands.slice(0, 1), plainError('uniq'));
  if (failed) return 1;
  const same = (a: string, b: string): boolean => (has(r, 'i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const line of toLines(inputs[0]?.text ?? '')) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, line)) g.n++;
    else groups.push({ line, n: 1 });
  }
  const kept = groups.filter((g) => (!has(r, 'd') || g.n > 1) && (!has(r, 'u') || g.n === 1));
  ctx.stdout(fromLines(kept.map((g) => (has(r, 'c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
  return 0;
}

/** sort and uniq. */
export const SORT_COMMANDS: CommandSpec[] = [
  { name: 'sort', usage: 'sort [-nruf] [-k N[,M]] [-t SEP] [FILE...]', summary: 'sort lines', where: 'any', group: 'text', run: runSort },
  { name: 'uniq', usage: 'uniq [-cdu] [FILE]', summary: 'drop (or count) adjacent repeated lines', where: 'any', group: 'text', run: runUniq },
];
