// coreutils seq (seq.c): `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST` with integer
// or decimal steps and -s SEP / -w. Output is capped like any command's; formats (-f) are left out.
import type { CommandContext, CommandSpec } from '../types.js';
import { getopt, has, optArg, usageError } from './opts.js';

/** The most numbers one seq prints; beyond it the shell's output cap would cut it anyway. */
const MAX_NUMBERS = 200_000;

function runSeq(ctx: CommandContext): number {
  const args = ctx.args.map((a) => (/^-\d/.test(a) ? `\uE000${a}` : a));
  const r = getopt(args, { flags: 'w', withArg: 's', long: { separator: 's', 'equal-width': 'w' } });
  if (!r.ok) return usageError(ctx, 'seq', r.error, 1);
  const ops = r.operands.map((a) => a.replace(/^\uE000/, ''));
  if (ops.length === 0 || ops.length > 3) return usageError(ctx, 'seq', ops.length ? `extra operand ‘${ops[3]}’` : 'missing operand', 1);
  for (const o of ops) if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(o)) return usageError(ctx, 'seq', `invalid floating point argument: ‘${o}’`, 1);
  const nums = ops.map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if (step === 0) return usageError(ctx, 'seq', `invalid Zero increment value: ‘${ops[1]}’`, 1);
  const decimals = Math.max(...ops.map((o) => (o.includes('.') ? o.split('.')[1]!.length : 0)));
  const out: string[] = [];
  for (let i = 0, v = first; (step > 0 ? v <= last + 1e-9 : v >= last - 1e-9) && i < MAX_NUMBERS; i++, v = first + i * step) out.push(v.toFixed(decimals));
  const width = out.reduce((w, s) => Math.max(w, s.length), 0);
  const shown = has(r, 'w') ? out.map((s) => s.padStart(width, '0')) : out;
  if (shown.length) ctx.stdout(shown.join(optArg(r, 's') ?? '\n') + '\n');
  return 0;
}

/** seq. */
export const SEQ_COMMAND: CommandSpec = {
  name: 'seq', usage: 'seq [FIRST [STEP]] LAST', summary: 'print a sequence of numbers', where: 'any', group: 'text', run: runSeq,
};
