// Each match as the kernel tests it (net/ipv4/netfilter/ip_tables.c ip_packet_match for the header
// part, then net/netfilter/xt_*.c in rule order, stopping at the first that fails). Side effects
// happen only when a match is reached, as in the kernel: xt_statistic draws a random number,
// xt_recent records or reaps addresses. What a reached statistic or recent match saw goes to `notes`.
import type { NfPacket } from '../types.js';
import { inIpSet } from './ipset.js';
import { intIp, ipInt } from './addr.js';
import type { NfContext, NfMatch } from './types.js';

/** The packet and the host as the matches of one traversal see them. */
export interface MatchEnv {
  ctx: NfContext;
  packet: NfPacket;
  /** The packet's addresses as integers (kept in step with `packet`). */
  src: number;
  dst: number;
  local: Set<string>;
  ctstates: string[];
  /** What the reached statistic/recent matches saw, for the hop of the rule if it matches. */
  notes: string[];
}

function isLocal(env: MatchEnv, ip: string, n: number): boolean {
  return env.local.has(ip) || n >>> 24 === 127;
}

function ifaceMatches(name: string, actual: string | undefined): boolean {
  if (!actual) return false;
  return name.endsWith('+') ? actual.startsWith(name.slice(0, -1)) : actual === name;
}

/** Shortest rendering of a draw that still shows which side of the probability it fell. */
export function drawText(r: number, p: number): string {
  for (let d = 2; d < 12; d++) {
    const shown = Number(r.toFixed(d));
    if (shown < p === r < p) return String(shown);
  }
  return String(r);
}

function statistic(m: Extract<NfMatch, { kind: 'statistic' }>, env: MatchEnv): boolean {
  const r = env.ctx.random();
  const hit = r < m.probability;
  if (hit !== m.invert) env.notes.push(`probability ${m.text} (drew ${drawText(r, m.probability)})`);
  return hit !== m.invert;
}

function recent(m: Extract<NfMatch, { kind: 'recent' }>, env: MatchEnv): boolean {
  const addr = m.side === 'rsource' ? env.src : env.dst;
  const key = intIp((addr & ipInt(m.mask)) >>> 0);
  const list = env.ctx.recent[m.name] ?? {};
  const now = env.ctx.now;
  const last = list[key];
  let hit = last !== undefined;
  if (m.mode === 'set') {
    (env.ctx.recent[m.name] ??= list)[key] = now;
    hit = true;
    env.notes.push(`recent: ${key} recorded in ${m.name}`);
  } else if (m.mode === 'remove') {
    delete list[key];
  } else if (last !== undefined) {
    const since = now - m.seconds * 1000;
    hit = !m.seconds || last >= since;
    if (hit) env.notes.push(`recent: ${key} is in ${m.name}, last seen ${Math.floor((now - last) / 1000)} s ago${m.seconds ? ` (within ${m.seconds} s)` : ''}`);
    if (m.reap && last < since) delete list[key];
    if (m.mode === 'update' && hit) list[key] = now;
  }
  return hit !== m.invert;
}

function portsMatch(m: Extract<NfMatch, { kind: 'ports' }>, p: NfPacket): boolean {
  if (p.proto !== m.module) return false;
  const ok = (spec: typeof m.sport, port: number): boolean => !spec || (port >= spec.from && port <= spec.to) !== spec.invert;
  return ok(m.sport, p.sport) && ok(m.dport, p.dport);
}

function addrtype(m: Extract<NfMatch, { kind: 'addrtype' }>, env: MatchEnv): boolean {
  const src = !m.src || isLocal(env, env.packet.src, env.src) !== m.src.invert;
  return src && (!m.dst || isLocal(env, env.packet.dst, env.dst) !== m.dst.invert);
}

function setMatch(m: Extract<NfMatch, { kind: 'set' }>, env: MatchEnv): boolean {
  const set = env.ctx.ipsets?.find((s) => s.name === m.name);
  return !!set && inIpSet(set, m.dirs, env.packet, ipInt) !== m.invert;
}

const PROTO_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

/** xt_ipvs: the packet belongs to an IPVS connection whose virtual service has these protocol, address and port. */
function ipvsMatch(m: Extract<NfMatch, { kind: 'ipvs' }>, env: MatchEnv): boolean {
  if (!env.ctx.ipvsVirtual?.(env.packet)) return false;
  if (m.vproto !== undefined && PROTO_NUMBERS[env.packet.proto] !== m.vproto) return false;
  if (m.vaddr && (((env.dst & m.vaddr.mask) >>> 0) === m.vaddr.base) === m.vaddr.invert) return false;
  return m.vport === undefined || env.packet.dport === m.vport;
}

/** Tests one match against the packet, with the side effects the kernel's match would have. */
export function matchOne(m: NfMatch, env: MatchEnv): boolean {
  switch (m.kind) {
    case 'src': return (((env.src & m.addr.mask) >>> 0) === m.addr.base) !== m.addr.invert;
    case 'dst': return (((env.dst & m.addr.mask) >>> 0) === m.addr.base) !== m.addr.invert;
    case 'proto': return (m.proto === 'all' || m.proto === env.packet.proto) !== m.invert;
    case 'iface': return ifaceMatches(m.name, m.dir === 'in' ? env.ctx.inInterface : env.ctx.outInterface) !== m.invert;
    case 'comment':
    case 'nfacct':
      return true;
    case 'ports': return portsMatch(m, env.packet);
    case 'addrtype': return addrtype(m, env);
    case 'statistic': return statistic(m, env);
    case 'recent': return recent(m, env);
    case 'mark': return (((env.packet.mark & m.mask) >>> 0) === m.value) !== m.invert;
    case 'conntrack': return m.states.some((s) => env.ctstates.includes(s)) !== m.invert;
    case 'set': return setMatch(m, env);
    case 'physdev': return !!env.ctx.bridged !== m.invert;
    case 'ipvs': return ipvsMatch(m, env);
    default: {
      const never: never = m;
      return never;
    }
  }
}

/** True when every match holds, tested left to right and stopping at the first that fails. */
export function matchAll(matches: NfMatch[], env: MatchEnv): boolean {
  for (const m of matches) if (!matchOne(m, env)) return false;
  return true;
}
