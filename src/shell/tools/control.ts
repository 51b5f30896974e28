// Commands that run time or other commands: coreutils sleep, procps-ng watch, findutils xargs
// and bash's help builtin. sleep advances the simulated clock instead of waiting; watch in the
// lab runs its command once under the header watch draws (no refresh loop, no clock column).
import type { CommandContext, CommandSpec } from '../types.js';
import { advance } from '../../sim/settle.js';
import { findCommand, commandTable } from '../command-table.js';
import { availableOn } from '../bash/command.js';
import { currentHost } from '../types.js';
import { getopt, has, optArg, usageError } from './opts.js';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The most one sleep moves the clock: a week (every periodic sync on the way runs, so a year takes real seconds). */
const MAX_SLEEP_MS = 7 * 86_400_000;

function runSleep(ctx: CommandContext): number {
  if (ctx.args.length === 0) return usageError(ctx, 'sleep', 'missing operand', 1);
  let ms = 0;
  for (const a of ctx.args) {
    // xstrtod's numbers: decimals with an exponent, and inf / infinity.
    const m = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)([smhd]?)$/.exec(a);
    if (!m) return usageError(ctx, 'sleep', `invalid time interval ‘${a}’`, 1);
    ms += (/^i/i.test(m[1]!) ? Infinity : Number(m[1])) * UNIT_MS[m[2]!]!;
  }
  advance(ctx.sim, Math.round(Math.min(ms, MAX_SLEEP_MS)));
  if (ms > MAX_SLEEP_MS) ctx.stderr('k8s-svc-lab: sleep stopped after 7 days of simulated time\n', 'warning');
  return 0;
}

/** Quotes a word for the shell so that it reaches a nested command unchanged. */
export function shellQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function runWatch(ctx: CommandContext): number {
  const r = getopt(ctx.args.slice(0, firstOperand(ctx.args)), { flags: 'tdbgecx', withArg: 'n', long: { interval: 'n', 'no-title': 't' } });
  if (!r.ok) return usageError(ctx, 'watch', r.error, 1);
  const rest = ctx.args.slice(firstOperand(ctx.args));
  if (rest.length === 0) {
    ctx.stderr('Error: no command given\n\nUsage:\n watch [options] command\n');
    return 1;
  }
  const n = Number(optArg(r, 'n') ?? '2');
  const secs = Number.isFinite(n) && n >= 0.1 ? n : 0.1;
  const line = rest.join(' ');
  if (!has(r, 't')) ctx.stdout(`Every ${secs.toFixed(1)}s: ${line}\n\n`);
  const out = ctx.runNested(line);
  ctx.stdout(out.stdout);
  return 0;
}

/** The index of watch's command: the first word that is not an option or an option's argument. */
function firstOperand(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return i + 1;
    if (!a.startsWith('-')) return i;
    if (a === '-n' || a === '--interval') i++;
  }
  return args.length;
}

function runXargs(ctx: CommandContext): number {
  const at = ctx.args.findIndex((a, i) => !a.startsWith('-') && !['-n', '-I'].includes(ctx.args[i - 1] ?? ''));
  const opts = at < 0 ? ctx.args : ctx.args.slice(0, at);
  const r = getopt(opts, { flags: 'rt0', withArg: 'nI' });
  if (!r.ok) return usageError(ctx, 'xargs', r.error, 1);
  const cmd = at < 0 ? ['echo'] : ctx.args.slice(at);
  const items = (ctx.stdin ?? '').match(/'[^']*'|"[^"]*"|\S+/g)?.map((w) => w.replace(/^(['"])(.*)\1$/s, '$2')) ?? [];
  const repl = optArg(r, 'I');
  const per = repl !== undefined ? 1 : Number(optArg(r, 'n') ?? items.length) || items.length;
  if (items.length === 0 && (has(r, 'r') || repl !== undefined)) return 0;
  let status = 0;
  for (let i = 0; i === 0 || i < items.length; i += per) {
    const chunk = items.slice(i, i + per);
    const words = repl !== undefined ? cmd.map((w) => w.split(repl).join(chunk[0] ?? '')) : [...cmd, ...chunk];
    const out = ctx.runNested(words.map(shellQuote).join(' '));
    ctx.stdout(out.stdout);
    if (out.status !== 0) status = out.status === 127 ? 127 : 123;
    if (items.length === 0) break;
  }
  return status;
}

function runHelp(ctx: CommandContext): number {
  if (ctx.args.length > 0) {
    let status = 0;
    for (const a of ctx.args) {
      const spec = findCommand(a);
      if (!spec) { ctx.stderr(`bash: help: no help topics match \`${a}'.  Try \`help help' or \`man -k ${a}' or \`info ${a}'.\n`); status = 1; continue; }
      ctx.stdout(`${spec.name}: ${spec.usage}\n    ${spec.summary}\n`);
    }
    return status;
  }
  const host = currentHost(ctx.shell);
  const table = commandTable().filter((c) => availableOn(c, host));
  const width = Math.min(48, Math.max(...table.map((c) => c.usage.length)) + 2);
  for (const group of ['shell', 'files', 'text', 'kubernetes', 'node', 'lab'] as const) {
    const specs = table.filter((c) => c.group === group);
    if (specs.length === 0) continue;
    ctx.stdout(`${group}:\n`);
    for (const c of specs) ctx.stdout(`  ${c.usage.padEnd(width - 1)} ${c.summary}\n`);
  }
  return 0;
}

/** sleep, watch, xargs and help. */
export const CONTROL_COMMANDS: CommandSpec[] = [
  { name: 'sleep', usage: 'sleep N[smhd]...', summary: 'let simulated time pass (pods start, kube-proxy syncs)', where: 'any', group: 'shell', run: runSleep },
  { name: 'watch', usage: 'watch [-n SECS] [-t] COMMAND...', summary: 'run a command and show its output under a header', where: 'any', group: 'shell', run: runWatch },
  { name: 'xargs', usage: 'xargs [-n N] [-I STR] [-r] [COMMAND [ARG...]]', summary: 'run a command with arguments read from standard input', where: 'any', group: 'shell', run: runXargs },
  { name: 'help', usage: 'help [COMMAND...]', summary: 'list the lab\'s commands, or show how to use one', where: 'any', group: 'shell', run: runHelp },
];
