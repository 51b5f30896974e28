// coreutils wc (wc.c): lines, words, bytes (-l -w -c, -m chars) in that order, right-aligned to
// a width computed as GNU does: the digits of the total size of regular files, 7 when standard
// input is among the inputs, no padding for a single count of a single input; "total" for several.
import type { CommandContext, CommandSpec } from '../types.js';
import { getopt, has, usageError } from './opts.js';
import { plainError, readInputs } from './inputs.js';
import { utf8Length } from './ls-format.js';

type Counts = number[];

function count(text: string, which: string[]): Counts {
  return which.map((c) => {
    switch (c) {
      case 'l': return (text.match(/\n/g) ?? []).length;
      case 'w': return text.split(/\s+/).filter((w) => w !== '').length;
      case 'm': return [...text].length;
      default: return utf8Length(text);
    }
  });
}

function runWc(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (!r.ok) return usageError(ctx, 'wc', r.error, 1);
  const picked = ['l', 'w', 'm', 'c'].filter((c) => has(r, c));
  const which = picked.length ? picked : ['l', 'w', 'c'];
  const { inputs, failed } = readInputs(ctx, r.operands, plainError('wc'));
  const rows = inputs.map((i) => ({ name: i.name === '-' && r.operands.length === 0 ? '' : i.name, counts: count(i.text, which) }));
  if (rows.length > 1) rows.push({ name: 'total', counts: which.map((_, k) => rows.reduce((s, x) => s + x.counts[k]!, 0)) });
  const stdinUsed = inputs.some((i) => i.name === '-');
  const regularBytes = inputs.filter((i) => i.name !== '-').reduce((s, i) => s + utf8Length(i.text), 0);
  const width = inputs.length + (failed ? 1 : 0) === 1 && which.length === 1 ? 1 : Math.max(String(regularBytes).length, stdinUsed ? 7 : 1);
  for (const row of rows) {
    const nums = row.counts.map((n) => String(n).padStart(width)).join(' ');
    ctx.stdout(row.name ? `${nums} ${row.name}\n` : `${nums}\n`);
  }
  return failed ? 1 : 0;
}

/** wc. */
export const WC_COMMAND: CommandSpec = {
  name: 'wc', usage: 'wc [-lwc] [FILE...]', summary: 'count lines, words and bytes', where: 'any', group: 'text', run: runWc,
};
