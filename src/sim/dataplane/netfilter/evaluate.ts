// One packet through one table at one hook, the way the kernel walks x_tables (net/ipv4/netfilter/
// ip_tables.c ipt_do_table): rules in order; a jump pushes a return point, a goto does not;
// RETURN or the end of a user chain pops; the end of a built-in chain (or a RETURN with nothing to
// pop) applies its policy. Every matched rule and every applied policy becomes a hop. Left out:
// counters, and the load-time loop check (a depth cap stands in for it and drops the packet).
import type { IptablesTable } from '../../kube-proxy/types.js';
import type { Hop, NfPacket } from '../types.js';
import { parseChain } from './parse.js';
import { matchAll, type MatchEnv } from './match.js';
import { ipInt } from './addr.js';
import type { NfContext, NfResult, NfRule, NfTarget, ParsedRule } from './types.js';

/** More chain entries than any sane rule set needs for one packet: past this it is a jump loop. */
export const MAX_CHAIN_ENTRIES = 1000;

const EMPTY: string[] = [];

interface Frame {
  chain: string;
  index: number;
}

interface Walk {
  table: IptablesTable;
  hook: string;
  env: MatchEnv;
  hops: Hop[];
  masquerade: boolean;
  redirectPort?: number;
  errors: string[];
  stack: Frame[];
  chain: string;
  index: number;
  entries: number;
}

type Step = { done: NfResult['verdict'] } | undefined;

function hop(w: Walk, kind: Hop['kind'], chain: string, index: number, rule: string, detail: string): void {
  w.hops.push({ host: w.env.ctx.host, kind, table: w.table.name, chain, index, rule, detail, packet: { ...w.env.packet } });
}

function policy(w: Walk): Step {
  const verdict = w.table.builtins.find(([name]) => name === w.hook)?.[1] ?? 'ACCEPT';
  const count = (w.table.chains[w.hook] ?? EMPTY).length;
  hop(w, 'policy', w.hook, count + 1, `-P ${w.hook} ${verdict}`, `end of built-in chain ${w.hook}: policy ${verdict}`);
  return { done: verdict === 'DROP' ? 'DROP' : 'ACCEPT' };
}

/** Leaves the current chain (RETURN or its end): back to the caller, or the hook's policy. */
function leave(w: Walk): Step {
  const frame = w.stack.pop();
  if (!frame) return policy(w);
  w.chain = frame.chain;
  w.index = frame.index;
  return undefined;
}

function enter(w: Walk, chain: string, push: boolean): string {
  if (!w.table.chains[chain]) {
    w.errors.push(`${w.chain}: jump to missing chain ${chain}`);
    return `${push ? 'jump' : 'goto'} to missing chain ${chain}: ignored`;
  }
  if (push) w.stack.push({ chain: w.chain, index: w.index });
  w.chain = chain;
  w.index = 0;
  w.entries++;
  return `${push ? 'jump to' : 'goto'} ${chain}`;
}

function rewrite(w: Walk, p: Partial<NfPacket>): void {
  Object.assign(w.env.packet, p);
  w.env.src = ipInt(w.env.packet.src);
  w.env.dst = ipInt(w.env.packet.dst);
}

/** Applies a matched rule's target: a description for the hop, and a verdict if it ends the walk. */
function apply(w: Walk, t: NfTarget): [string, Step] {
  const p = w.env.packet;
  switch (t.kind) {
    case 'none': return ['no target: continue with the next rule', undefined];
    case 'jump': return [enter(w, t.chain, true), undefined];
    case 'goto': return [enter(w, t.chain, false), undefined];
    case 'RETURN': return [w.stack.length ? `RETURN to ${w.stack[w.stack.length - 1]!.chain}` : `RETURN from built-in chain ${w.hook}`, { done: 'ACCEPT' }];
    case 'ACCEPT':
    case 'DROP':
      return [t.kind, { done: t.kind }];
    case 'REJECT': return [`REJECT with ${t.with}`, { done: 'REJECT' }];
    case 'DNAT':
      rewrite(w, { dst: t.ip, dport: t.port ?? p.dport });
      return [`DNAT to ${t.ip}:${p.dport}`, { done: 'ACCEPT' }];
    case 'SNAT':
      rewrite(w, { src: t.ip, sport: t.port ?? p.sport });
      return [`SNAT to ${t.ip}:${p.sport}`, { done: 'ACCEPT' }];
    case 'MARK': {
      const before = p.mark;
      p.mark = ((p.mark & ~t.mask) ^ t.value) >>> 0;
      return [`mark 0x${before.toString(16)} → 0x${p.mark.toString(16)}`, undefined];
    }
    case 'MASQUERADE':
      w.masquerade = true;
      return ['MASQUERADE: the source becomes the outgoing interface\'s address', { done: 'ACCEPT' }];
    case 'REDIRECT': {
      const ctx = w.env.ctx;
      const to = w.hook === 'OUTPUT' ? '127.0.0.1' : ctx.inAddress ?? ctx.localAddresses[0] ?? '127.0.0.1';
      rewrite(w, { dst: to, dport: t.port });
      w.redirectPort = t.port;
      return [`REDIRECT to ${to}:${t.port}`, { done: 'ACCEPT' }];
    }
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** Runs one matched rule; a RETURN is turned into leaving the chain. */
function fire(w: Walk, rule: NfRule, index: number): Step {
  const chain = w.chain;
  const [what, step] = apply(w, rule.target);
  const detail = w.env.notes.length ? `${w.env.notes.join('; ')}: ${what}` : what;
  hop(w, 'rule', chain, index, rule.line, detail);
  if (rule.target.kind === 'RETURN') return leave(w);
  return step;
}

function loopDrop(w: Walk): Step {
  w.hops.push({ host: w.env.ctx.host, kind: 'drop', table: w.table.name, chain: w.chain, detail: `more than ${MAX_CHAIN_ENTRIES} chain entries: a jump loop (iptables-restore would refuse this rule set); dropped`, packet: { ...w.env.packet } });
  w.errors.push(`jump loop through ${w.chain}`);
  return { done: 'DROP' };
}

function run(w: Walk): NfResult['verdict'] {
  for (;;) {
    if (w.entries > MAX_CHAIN_ENTRIES) return loopDrop(w)!.done;
    const rules = parseChain(w.table.chains[w.chain] ?? EMPTY);
    let step: Step;
    if (w.index >= rules.length) step = leave(w);
    else {
      const rule = rules[w.index]!;
      w.index++;
      step = tryRule(w, rule, w.index);
    }
    if (step) return step.done;
  }
}

function tryRule(w: Walk, parsed: ParsedRule, index: number): Step {
  if (!parsed.ok) {
    w.errors.push(`${w.chain} rule ${index}: ${parsed.error}: ${parsed.line}`);
    return undefined;
  }
  w.env.notes = [];
  return matchAll(parsed.rule.matches, w.env) ? fire(w, parsed.rule, index) : undefined;
}

/** Sends a packet through `table` starting at the built-in chain `hookChain`. */
export function traverse(table: IptablesTable, hookChain: string, packet: NfPacket, ctx: NfContext): NfResult {
  const p = { ...packet };
  const ctstates = Array.isArray(ctx.ctstate) ? ctx.ctstate : [ctx.ctstate];
  const env: MatchEnv = { ctx, packet: p, src: ipInt(p.src), dst: ipInt(p.dst), local: new Set(ctx.localAddresses), ctstates, notes: [] };
  const w: Walk = { table, hook: hookChain, env, hops: [], masquerade: false, errors: [], stack: [], chain: hookChain, index: 0, entries: 0 };
  const verdict = run(w);
  const result: NfResult = { verdict, packet: { ...p }, masquerade: w.masquerade, hops: w.hops };
  if (w.redirectPort !== undefined) result.redirectPort = w.redirectPort;
  if (w.errors.length) result.errors = w.errors;
  return result;
}
