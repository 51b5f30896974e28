// awk's runtime (POSIX awk; mawk on Ubuntu nodes): records split by FS (-F), fields $0..$NF,
// NR/NF/FS/OFS, numeric-or-string comparison, print with OFS, printf, and -v assignments.
// The parser lives in awk-parse.ts; what it leaves out (arrays, loops) is reported as a syntax error.
import type { CommandContext, CommandSpec } from '../types.js';
import { getopt, toLines } from './opts.js';
import { readInputs } from './inputs.js';
import { compilePosix } from './regex.js';
import { parseAwk, type Expr, type Rule, type Stmt } from './awk-parse.js';
import { formatPrintf } from './printf.js';

type Val = string | number;

interface Env { vars: Record<string, Val>; fields: string[]; out: string[]; next: boolean }

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function num(v: Val): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(v);
  return m ? Number(m[0]) : 0;
}

/** awk's number-to-string conversion: integers as integers, otherwise CONVFMT %.6g. */
export function str(v: Val): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

function splitRecord(env: Env, line: string): void {
  const fs = str(env.vars['FS'] ?? ' ');
  const rest = fs === ' ' ? line.trim().split(/[ \t\n]+/).filter((f) => f !== '') : fs.length === 1 ? line.split(fs) : line.split(compilePosix(fs, true) ?? fs);
  env.fields = [line, ...(line === '' ? [] : rest)];
  env.vars['NF'] = env.fields.length - 1;
}

function compare(a: Val, b: Val, op: string): boolean {
  const numeric = (typeof a === 'number' || NUMERIC.test(a)) && (typeof b === 'number' || NUMERIC.test(b));
  const x = numeric ? num(a) : str(a);
  const y = numeric ? num(b) : str(b);
  switch (op) {
    case '<': return x < y; case '<=': return x <= y; case '>': return x > y;
    case '>=': return x >= y; case '==': return x === y; default: return x !== y;
  }
}

function match(env: Env, s: Val, re: Expr): boolean {
  const src = re.k === 're' ? re.v : str(evalExpr(env, re));
  return compilePosix(src, true)?.test(str(s)) ?? false;
}

function setTarget(env: Env, target: Expr, v: Val): Val {
  if (target.k === 'var') { env.vars[target.name] = v; return v; }
  if (target.k === 'field') {
    const i = num(evalExpr(env, target.e));
    while (env.fields.length <= i) env.fields.push('');
    env.fields[i] = str(v);
    if (i === 0) splitRecord(env, str(v));
    else { env.vars['NF'] = env.fields.length - 1; env.fields[0] = env.fields.slice(1).join(str(env.vars['OFS'] ?? ' ')); }
  }
  return v;
}

function arith(op: string, a: number, b: number): number {
  switch (op) { case '+': return a + b; case '-': return a - b; case '*': return a * b; case '/': return a / b; case '%': return a % b; default: return a ** b; }
}

function evalExpr(env: Env, e: Expr): Val {
  switch (e.k) {
    case 'num': case 'str': return e.v;
    case 're': return match(env, env.fields[0] ?? '', e) ? 1 : 0;
    case 'var': return env.vars[e.name] ?? '';
    case 'field': return env.fields[num(evalExpr(env, e.e))] ?? '';
    case 'not': return truthy(evalExpr(env, e.e)) ? 0 : 1;
    case 'neg': return -num(evalExpr(env, e.e));
    case 'assign': {
      const v = evalExpr(env, e.e);
      return setTarget(env, e.target, e.op === '=' ? v : arith(e.op[0]!, num(evalExpr(env, e.target)), num(v)));
    }
    case 'incr': {
      const old = num(evalExpr(env, e.target));
      const v = e.op === '++' ? old + 1 : old - 1;
      setTarget(env, e.target, v);
      return e.pre ? v : old;
    }
    case 'call': return call(env, e.name, e.args.map((a) => evalExpr(env, a)));
    case 'bin': return binop(env, e);
    default: { const never: never = e; return never; }
  }
}

function binop(env: Env, e: Expr & { k: 'bin' }): Val {
  if (e.op === '&&') return truthy(evalExpr(env, e.a)) && truthy(evalExpr(env, e.b)) ? 1 : 0;
  if (e.op === '||') return truthy(evalExpr(env, e.a)) || truthy(evalExpr(env, e.b)) ? 1 : 0;
  const a = evalExpr(env, e.a);
  if (e.op === '~' || e.op === '!~') return match(env, a, e.b) === (e.op === '~') ? 1 : 0;
  const b = evalExpr(env, e.b);
  if (e.op === 'concat') return str(a) + str(b);
  if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return compare(a, b, e.op) ? 1 : 0;
  return arith(e.op, num(a), num(b));
}

function call(env: Env, name: string, args: Val[]): Val {
  const s = str(args[0] ?? env.fields[0] ?? '');
  switch (name) {
    case 'length': return [...s].length;
    case 'toupper': return s.toUpperCase();
    case 'tolower': return s.toLowerCase();
    case 'substr': { const from = Math.max(1, Math.round(num(args[1] ?? 1))); return [...s].slice(from - 1, args[2] === undefined ? undefined : from - 1 + Math.round(num(args[2]))).join(''); }
    case 'int': return Math.trunc(num(args[0] ?? 0));
    default: throw new Error(`function ${name} never defined`);
  }
}

function truthy(v: Val): boolean {
  return typeof v === 'number' ? v !== 0 : NUMERIC.test(v) ? num(v) !== 0 : v !== '';
}

function exec(env: Env, stmts: Stmt[]): void {
  for (const s of stmts) {
    if (env.next) return;
    switch (s.k) {
      case 'print': env.out.push((s.args.length ? s.args.map((a) => str(evalExpr(env, a))).join(str(env.vars['OFS'] ?? ' ')) : env.fields[0] ?? '') + '\n'); break;
      case 'printf': { const [f, ...rest] = s.args.map((a) => evalExpr(env, a)); env.out.push(formatPrintf(str(f ?? ''), rest.map(str))); break; }
      case 'expr': evalExpr(env, s.e); break;
      case 'if': exec(env, truthy(evalExpr(env, s.cond)) ? s.then : s.else); break;
      case 'next': env.next = true; return;
      default: { const never: never = s; return never; }
    }
  }
}

function runRules(env: Env, rules: Rule[], lines: string[]): void {
  for (const r of rules) if (r.when === 'BEGIN') exec(env, r.action ?? []);
  const main = rules.filter((r) => r.when === 'line');
  lines.forEach((line, i) => {
    if (main.length === 0) return;
    env.vars['NR'] = i + 1;
    splitRecord(env, line);
    env.next = false;
    for (const r of main) {
      if (r.pattern && !truthy(evalExpr(env, r.pattern))) continue;
      if (r.action) exec(env, r.action);
      else env.out.push((env.fields[0] ?? '') + '\n');
      if (env.next) break;
    }
  });
  env.next = false;
  for (const r of rules) if (r.when === 'END') exec(env, r.action ?? []);
}

function runAwk(ctx: CommandContext): number {
  const r = getopt(ctx.args.slice(0, programIndex(ctx.args)), { flags: '', withArg: 'Fvf' });
  if (!r.ok) {
    const bad = /'(.+)'$/.exec(r.error)?.[1] ?? '';
    ctx.stderr(`awk: not an option: ${bad.startsWith('-') ? bad : '-' + bad}\n`);
    return 2;
  }
  const rest = ctx.args.slice(programIndex(ctx.args));
  if (rest.length === 0) { ctx.stderr('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n'); return 2; }
  const vars: Record<string, Val> = { FS: ' ', OFS: ' ', NR: 0, NF: 0 };
  const fs = r.opts.filter((o) => o.c === 'F').pop()?.arg;
  if (fs !== undefined) vars['FS'] = fs === 't' || fs === '\\t' ? '\t' : fs;
  for (const o of r.opts.filter((x) => x.c === 'v')) { const [k, ...v] = o.arg!.split('='); vars[k!] = v.join('='); }
  let rules: Rule[];
  try { rules = parseAwk(rest[0]!); } catch (e) { ctx.stderr(`awk: line 1: ${(e as Error).message}\n`); return 2; }
  const { inputs, failed } = readInputs(ctx, rest.slice(1), (f) => `awk: cannot open ${f} (No such file or directory)`);
  const env: Env = { vars, fields: [''], out: [], next: false };
  try { runRules(env, rules, inputs.flatMap((i) => toLines(i.text))); } catch (e) { ctx.stdout(env.out.join('')); ctx.stderr(`awk: run time error: ${(e as Error).message}\n`); return 2; }
  ctx.stdout(env.out.join(''));
  return failed ? 2 : 0;
}

function programIndex(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a === '-') return i;
    if (a === '-F' || a === '-v' || a === '-f') i++;
  }
  return args.length;
}

/** awk. */
export const AWK_COMMAND: CommandSpec = {
  name: 'awk', usage: "awk [-F SEP] [-v VAR=VALUE] 'PROGRAM' [FILE...]", summary: 'scan lines and print fields ($1, $NF, NR, /re/ patterns)', where: 'any', group: 'text', run: runAwk,
};
