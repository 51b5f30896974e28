// bash's `test` and `[` builtins (builtins/test.def, test.c): unary file and string tests,
// string and integer comparisons, `!`, with bash's error texts and status 2 for misuse.
// `-a`/`-o` and parentheses are not modelled.
import type { CommandContext, CommandSpec } from '../types.js';
import { resolvePath, statPath } from '../fs.js';

type Verdict = boolean | { error: string };

function unary(ctx: CommandContext, op: string, arg: string): Verdict | undefined {
  const e = (): ReturnType<typeof statPath> => statPath(ctx, resolvePath(ctx.shell, arg));
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-e': return e() !== undefined;
    case '-f': return e()?.type === 'file';
    case '-d': return e()?.type === 'dir';
    case '-s': { const f = e(); return f?.type === 'file' && f.content.length > 0; }
    case '-r': case '-w': return e() !== undefined;
    default: return undefined;
  }
}

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b, '-ne': (a, b) => a !== b, '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b, '-gt': (a, b) => a > b, '-ge': (a, b) => a >= b,
};

function binary(a: string, op: string, b: string): Verdict | undefined {
  if (op === '=' || op === '==') return a === b;
  if (op === '!=') return a !== b;
  const f = INT_OPS[op];
  if (!f) return undefined;
  for (const x of [a, b]) if (!/^\s*[-+]?\d+\s*$/.test(x)) return { error: `${x}: integer expression expected` };
  return f(Number(a), Number(b));
}

/** Evaluates test's arguments by their count, as POSIX specifies for up to four arguments. */
export function evaluate(ctx: CommandContext, args: string[]): Verdict {
  if (args.length === 0) return false;
  if (args[0] === '!' ) {
    const r = evaluate(ctx, args.slice(1));
    return typeof r === 'boolean' ? !r : r;
  }
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) return unary(ctx, args[0]!, args[1]!) ?? { error: `${args[0]}: unary operator expected` };
  if (args.length === 3) return binary(args[0]!, args[1]!, args[2]!) ?? { error: `${args[1]}: binary operator expected` };
  return { error: 'too many arguments' };
}

function runTest(ctx: CommandContext, name: string): number {
  let args = ctx.args;
  if (name === '[') {
    if (args[args.length - 1] !== ']') { ctx.stderr("bash: [: missing `]'\n"); return 2; }
    args = args.slice(0, -1);
  }
  const r = evaluate(ctx, args);
  if (typeof r !== 'boolean') { ctx.stderr(`bash: ${name}: ${r.error}\n`); return 2; }
  return r ? 0 : 1;
}

/** `test` and `[`. */
export const TEST_COMMANDS: CommandSpec[] = [
  { name: 'test', usage: 'test EXPR', summary: 'evaluate a condition (-f -d -e -z -n = != -eq -lt ...)', where: 'any', group: 'shell', run: (ctx) => runTest(ctx, 'test') },
  { name: '[', usage: '[ EXPR ]', summary: 'evaluate a condition, like test', where: 'any', group: 'shell', run: (ctx) => runTest(ctx, '[') },
];
