// A packet through `table ip kube-proxy` at one netfilter hook, as the kernel's nf_tables runs it:
// every base chain on the hook in priority order, rules top to bottom, jump/goto/return, verdict
// maps, `numgen random` from the injected draw, dnat/masquerade ending the chain with accept, and
// the affinity sets updated in place (ctx.affinity is the kernel's dynamic set contents).
// Routing, conntrack and the NAT-only-on-the-first-packet rule stay with the caller.
import type { Hop, NfPacket } from '../../dataplane/types.js';
import { cidrContains, parseCidr } from '../../net.js';
import type { NftChain, NftTable } from '../types.js';
import { elementKey } from './elements.js';
import { parseRule, type NftMatch, type NftStatement } from './parse.js';

/** The netfilter hooks kube-proxy's base chains sit on. */
export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** What the evaluator needs besides the table and the packet. */
export interface NftContext {
  random(): number;
  now: number;
  localAddresses: string[];
  /** Affinity set name → source IP → expiry (ms); `update @set` writes here. */
  affinity: Record<string, Record<string, number>>;
  /** The node, for the hops. */
  host?: string;
  /** Conntrack state of the packet's connection (`ct state new` matches only 'new'); default 'new'. */
  ctState?: 'new' | 'established';
}

/** The outcome at one hook. */
export interface NftResult {
  verdict: 'accept' | 'drop' | 'reject';
  packet: NfPacket;
  masquerade: boolean;
  hops: Hop[];
}

const PRIORITIES: Record<string, number> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };

function hookOf(c: NftChain): { hook: string; priority: number } | undefined {
  const m = /^type \w+ hook (\w+) priority (\w+|-?\d+)(?: ([+-]) (\d+))?;/.exec(c.hook ?? '');
  if (!m) return undefined;
  const base = PRIORITIES[m[2]!] ?? Number(m[2]);
  return { hook: m[1]!, priority: base + (m[3] === '-' ? -Number(m[4]) : m[3] === '+' ? Number(m[4]) : 0) };
}

function addrMatches(value: string, ip: string): boolean {
  const c = value.includes('/') ? parseCidr(value) : undefined;
  return c ? cidrContains(c, ip) : value === ip;
}

function isLocal(ip: string, ctx: NftContext): boolean {
  return ip.startsWith('127.') || ip === '::1' || ctx.localAddresses.includes(ip);
}

function inSet(t: NftTable, name: string, ip: string, ctx: NftContext): boolean {
  const set = t.sets.find((s) => s.name === name);
  if (set?.timeout) return (ctx.affinity[name]?.[ip] ?? -1) > ctx.now;
  return (set?.elements ?? []).some((e) => elementKey(e) === ip);
}

function matches(t: NftTable, m: NftMatch, p: NfPacket, ctx: NftContext): boolean {
  switch (m.kind) {
    case 'ctNew': return (ctx.ctState ?? 'new') === 'new';
    case 'addr': return m.values.some((v) => addrMatches(v, m.field === 'saddr' ? p.src : p.dst)) !== m.negate;
    case 'inSet': return inSet(t, m.set, m.field === 'saddr' ? p.src : p.dst, ctx) !== m.negate;
    case 'dport': return p.proto === m.proto && p.dport === m.port;
    case 'l4proto': return p.proto === m.proto;
    case 'fibLocal': return isLocal(m.field === 'saddr' ? p.src : p.dst, ctx);
    case 'mark': return ((p.mark & m.mask) === m.value) !== m.negate;
    default: { const never: never = m; return never; }
  }
}

/** The verdict a map holds for the packet's key, if any. */
function vmapLookup(t: NftTable, st: Extract<NftStatement, { kind: 'vmap' }>, p: NfPacket): { key: string; verdict?: string } {
  const key = st.key === 'proto.port' ? `${p.proto} . ${p.dport}` : `${p.dst} . ${p.proto} . ${p.dport}`;
  const el = t.sets.find((s) => s.name === st.map)?.elements.find((e) => elementKey(e) === key);
  return { key, verdict: el?.slice(el.indexOf(' : ') + 3) };
}

interface Frame { chain: NftChain; i: number }
type Step = { next: 'continue' } | { next: 'jump' | 'goto'; chain: string } | { next: 'return' } | { next: 'end'; verdict: NftResult['verdict'] };

function verdictStep(v: string): Step {
  const m = /^(jump|goto) (\S+)$/.exec(v);
  if (m) return { next: m[1] as 'jump', chain: m[2]! };
  return v === 'drop' || v === 'reject' ? { next: 'end', verdict: v } : { next: 'end', verdict: 'accept' };
}

/** Runs one statement; returns what happens next and the words for the hop (undefined: no hop). */
function execute(t: NftTable, st: NftStatement, s: { packet: NfPacket; masquerade: boolean }, ctx: NftContext): { step: Step; detail?: string } {
  const p = s.packet;
  switch (st.kind) {
    case 'verdict': return st.verdict === 'return' ? { step: { next: 'return' }, detail: 'return' } : { step: { next: 'end', verdict: st.verdict }, detail: st.verdict === 'reject' ? 'reject: ICMP port unreachable' : st.verdict };
    case 'jump':
    case 'goto': return { step: { next: st.kind, chain: st.chain }, detail: `${st.kind} ${st.chain}` };
    case 'vmap': {
      const { key, verdict } = vmapLookup(t, st, p);
      return verdict ? { step: verdictStep(verdict), detail: `@${st.map}: ${key} → ${verdict}` } : { step: { next: 'continue' } };
    }
    case 'numgen': {
      const n = Math.min(st.mod - 1, Math.floor(ctx.random() * st.mod));
      const chain = st.targets[n]!;
      return { step: { next: 'goto', chain }, detail: `numgen random mod ${st.mod} → ${n} → goto ${chain}` };
    }
    case 'markOr':
    case 'markXor':
      s.packet = { ...p, mark: (st.kind === 'markOr' ? p.mark | st.value : p.mark ^ st.value) >>> 0 };
      return { step: { next: 'continue' }, detail: `mark set to 0x${s.packet.mark.toString(16).padStart(8, '0')}` };
    case 'masquerade':
      s.masquerade = true;
      return { step: { next: 'end', verdict: 'accept' }, detail: 'masquerade: source NAT to the outgoing interface\'s address' };
    case 'dnat':
      s.packet = { ...p, dst: st.ip, dport: st.port };
      return { step: { next: 'end', verdict: 'accept' }, detail: `DNAT to ${st.ip}:${st.port}` };
    case 'update': {
      const timeout = t.sets.find((x) => x.name === st.set)?.timeout ?? 0;
      (ctx.affinity[st.set] ??= {})[p.src] = ctx.now + timeout * 1000;
      return { step: { next: 'continue' }, detail: `${p.src} added to @${st.set}` };
    }
    default: { const never: never = st; return never; }
  }
}

function runBaseChain(t: NftTable, base: NftChain, s: { packet: NfPacket; masquerade: boolean }, ctx: NftContext, hops: Hop[]): NftResult['verdict'] {
  const stack: Frame[] = [{ chain: base, i: 0 }];
  for (let guard = 0; stack.length > 0 && guard < 10_000; guard++) {
    const f = stack[stack.length - 1]!;
    if (f.i >= f.chain.rules.length) {
      stack.pop();
      continue;
    }
    const text = f.chain.rules[f.i]!;
    const index = f.i + 1;
    f.i++;
    const r = parseRule(text);
    if ('error' in r || !r.matches.every((m) => matches(t, m, s.packet, ctx))) continue;
    const { step, detail } = execute(t, r.statement, s, ctx);
    if (detail) hops.push({ host: ctx.host ?? '', kind: 'nft', table: `${t.family ?? 'ip'} kube-proxy`, chain: f.chain.name, index, rule: text, detail, packet: { ...s.packet } });
    const target = 'chain' in step ? t.chains.find((c) => c.name === step.chain) : undefined;
    switch (step.next) {
      case 'continue': break;
      case 'return': stack.pop(); break;
      case 'jump': if (target) stack.push({ chain: target, i: 0 }); break;
      case 'goto': if (target) stack[stack.length - 1] = { chain: target, i: 0 }; break;
      case 'end': return step.verdict;
      default: { const never: never = step; return never; }
    }
  }
  return 'accept';
}

/** Runs the packet through every base chain of the table on `hook`. */
export function nftEvaluate(table: NftTable, hook: NftHook, packet: NfPacket, ctx: NftContext): NftResult {
  const bases = table.chains.flatMap((c) => {
    const h = hookOf(c);
    return h && h.hook === hook ? [{ c, priority: h.priority }] : [];
  }).sort((a, b) => a.priority - b.priority);
  const state = { packet: { ...packet }, masquerade: false };
  const hops: Hop[] = [];
  for (const { c } of bases) {
    const verdict = runBaseChain(table, c, state, ctx, hops);
    if (verdict !== 'accept') return { verdict, packet: state.packet, masquerade: state.masquerade, hops };
  }
  return { verdict: 'accept', packet: state.packet, masquerade: state.masquerade, hops };
}
