// coreutils head and tail (head.c, tail.c): -n N, the obsolete -N form, tail -n +N (from line N),
// -c N bytes, and the "==> FILE <==" headers when given several files. tail -f is not modelled.
import type { CommandContext, CommandSpec } from '../types.js';
import { getopt, has, optArg, toLines, usageError } from './opts.js';
import { readInputs } from './inputs.js';

function takeLines(text: string, count: string, tail: boolean): string {
  const lines = toLines(text);
  const n = Math.abs(Number(count.replace(/^\+/, '')));
  let start = 0;
  let end = lines.length;
  if (tail) start = count.startsWith('+') ? Math.max(0, n - 1) : Math.max(0, lines.length - n);
  else end = count.startsWith('-') ? Math.max(0, lines.length - n) : Math.min(n, lines.length);
  if (start >= end) return '';
  const partialLast = end === lines.length && !text.endsWith('\n');
  return lines.slice(start, end).join('\n') + (partialLast ? '' : '\n');
}

function runHeadTail(ctx: CommandContext, tool: 'head' | 'tail'): number {
  const args = ctx.args.map((a, i) => (/^-\d+$/.test(a) && !['-n', '-c'].includes(ctx.args[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
  const r = getopt(args, { flags: 'qvfF', withArg: 'nc', long: { lines: 'n', bytes: 'c', quiet: 'q', follow: 'f' } });
  if (!r.ok) return usageError(ctx, tool, r.error, 1);
  const count = optArg(r, 'n') ?? '10';
  if (!/^[-+]?\d+$/.test(count)) {
    ctx.stderr(`${tool}: invalid number of lines: ‘${count}’\n`);
    return 1;
  }
  const { inputs, failed } = readInputs(ctx, r.operands, (f, e) => `${tool}: cannot open '${f}' for reading: ${e}`);
  const headers = (inputs.length > 1 || has(r, 'v')) && !has(r, 'q');
  inputs.forEach((input, i) => {
    if (headers) ctx.stdout(`${i ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    const bytes = optArg(r, 'c');
    if (bytes !== undefined && /^\d+$/.test(bytes)) ctx.stdout(tool === 'head' ? input.text.slice(0, Number(bytes)) : input.text.slice(-Number(bytes) || input.text.length));
    else ctx.stdout(takeLines(input.text, count, tool === 'tail'));
  });
  return failed ? 1 : 0;
}

/** head and tail. */
export const HEAD_TAIL_COMMANDS: CommandSpec[] = [
  { name: 'head', usage: 'head [-n N | -N] [FILE...]', summary: 'print the first lines (10 by default)', where: 'any', group: 'text', run: (ctx) => runHeadTail(ctx, 'head') },
  { name: 'tail', usage: 'tail [-n N | -N | -n +N] [FILE...]', summary: 'print the last lines (10 by default), or from line N on', where: 'any', group: 'text', run: (ctx) => runHeadTail(ctx, 'tail') },
];
