// A node's connection-tracking table (kernel net/netfilter/nf_conntrack_core.c and the per-protocol
// state machines' timeouts), and kube-proxy's UDP clean-up of it (kubernetes pkg/proxy/conntrack/
// cleanup.go CleanStaleEntries). Only the NAT-relevant part is kept: tuples, state, timeout, the
// ASSURED/UNREPLIED flags; no counters, zones, labels or expectations. `conntrack -L` rendering
// lives in conntrack-list.ts.
import type { SyncInput } from '../kube-proxy/types.js';
import type { ConntrackEntry, NfPacket, NodeKernel } from './types.js';

export { conntrackList, type ConntrackListOptions, type ConntrackListing } from './conntrack-list.js';

/** One direction of a flow. */
export interface CtTuple {
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

/** Timeouts in seconds (the `net.netfilter.nf_conntrack_*_timeout*` sysctls). */
export interface CtTimeouts {
  tcpSynSent: number;
  tcpSynRecv: number;
  tcpEstablished: number;
  tcpFinWait: number;
  tcpCloseWait: number;
  tcpLastAck: number;
  tcpTimeWait: number;
  tcpClose: number;
  udpUnreplied: number;
  udpStream: number;
  icmp: number;
}

/** The kernel's defaults (nf_conntrack_proto_tcp.c tcp_timeouts, _udp.c since 5.0, _icmp.c). */
export const KERNEL_CT_TIMEOUTS: CtTimeouts = {
  tcpSynSent: 120, tcpSynRecv: 60, tcpEstablished: 432000, tcpFinWait: 120, tcpCloseWait: 60,
  tcpLastAck: 30, tcpTimeWait: 120, tcpClose: 10, udpUnreplied: 30, udpStream: 120, icmp: 30,
};

/** What a node has after kube-proxy starts: established 86400 s and close_wait 3600 s (KubeProxyConntrackConfiguration defaults). */
export const KUBE_PROXY_CT_TIMEOUTS: CtTimeouts = { ...KERNEL_CT_TIMEOUTS, tcpEstablished: 86400, tcpCloseWait: 3600 };

/** Where a flow is: a TCP state, or for UDP/ICMP whether replies came (STREAM: still talking after 2 s). */
export type CtPhase = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'CLOSE_WAIT' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSE' | 'UNREPLIED' | 'REPLIED' | 'STREAM';

interface PhaseInfo {
  timeout: keyof CtTimeouts;
  assured: boolean;
  unreplied: boolean;
}

function phaseInfo(proto: NfPacket['proto'], phase: CtPhase): PhaseInfo {
  const udpish = proto === 'icmp' ? 'icmp' : 'udpUnreplied';
  switch (phase) {
    case 'SYN_SENT': return { timeout: 'tcpSynSent', assured: false, unreplied: true };
    case 'SYN_RECV': return { timeout: 'tcpSynRecv', assured: false, unreplied: false };
    case 'ESTABLISHED': return { timeout: 'tcpEstablished', assured: true, unreplied: false };
    case 'FIN_WAIT': return { timeout: 'tcpFinWait', assured: true, unreplied: false };
    case 'CLOSE_WAIT': return { timeout: 'tcpCloseWait', assured: true, unreplied: false };
    case 'LAST_ACK': return { timeout: 'tcpLastAck', assured: true, unreplied: false };
    case 'TIME_WAIT': return { timeout: 'tcpTimeWait', assured: true, unreplied: false };
    case 'CLOSE': return { timeout: 'tcpClose', assured: false, unreplied: false };
    case 'UNREPLIED': return { timeout: udpish, assured: false, unreplied: true };
    // The first reply refreshes with the unreplied timeout; IPS_SEEN_REPLY is set only after it.
    case 'REPLIED': return { timeout: udpish, assured: false, unreplied: false };
    case 'STREAM': return { timeout: proto === 'icmp' ? 'icmp' : 'udpStream', assured: true, unreplied: false };
    default: {
      const never: never = phase;
      return never;
    }
  }
}

const sameTuple = (e: ConntrackEntry, t: Pick<NfPacket, 'proto'> & CtTuple): boolean =>
  e.proto === t.proto && e.src === t.src && e.sport === t.sport && e.dst === t.dst && e.dport === t.dport;

/** The flow a packet belongs to, in its original or reply direction (expired entries skipped when `now` is given). */
export function ctLookup(kernel: NodeKernel, packet: Pick<NfPacket, 'proto'> & CtTuple, now?: number): { entry: ConntrackEntry; direction: 'original' | 'reply' } | undefined {
  for (const entry of kernel.conntrack) {
    if (now !== undefined && entry.expires <= now) continue;
    if (sameTuple(entry, packet)) return { entry, direction: 'original' };
    const r = entry;
    if (r.proto === packet.proto && r.replySrc === packet.src && r.replySport === packet.sport && r.replyDst === packet.dst && r.replyDport === packet.dport) return { entry, direction: 'reply' };
  }
  return undefined;
}

/** Records (or refreshes) a flow: the original tuple as the first packet had it, the reply tuple after NAT. */
export function ctInsert(kernel: NodeKernel, original: Pick<NfPacket, 'proto'> & CtTuple, reply: CtTuple, now: number, timeouts: CtTimeouts = KUBE_PROXY_CT_TIMEOUTS, phase?: CtPhase): ConntrackEntry {
  const p = phase ?? (original.proto === 'tcp' || original.proto === 'sctp' ? 'ESTABLISHED' : 'REPLIED');
  const info = phaseInfo(original.proto, p);
  const stateful = original.proto === 'tcp' || original.proto === 'sctp';
  const fields = {
    replySrc: reply.src, replySport: reply.sport, replyDst: reply.dst, replyDport: reply.dport,
    state: stateful ? p : '', expires: now + timeouts[info.timeout] * 1000, assured: info.assured,
  };
  const existing = kernel.conntrack.find((e) => sameTuple(e, original));
  const entry: ConntrackEntry = existing ?? { proto: original.proto, src: original.src, sport: original.sport, dst: original.dst, dport: original.dport, ...fields, mark: 0, id: kernel.nextId++ };
  Object.assign(entry, fields);
  if (info.unreplied) entry.unreplied = true;
  else delete entry.unreplied;
  if (!existing) kernel.conntrack.push(entry);
  return entry;
}

/** Drops the entries whose timeout has run out; returns how many went. */
export function ctExpire(kernel: NodeKernel, now: number): number {
  const before = kernel.conntrack.length;
  kernel.conntrack = kernel.conntrack.filter((e) => e.expires > now);
  return before - kernel.conntrack.length;
}

/** kube-proxy's CleanStaleEntries: UDP flows to a service IP or NodePort whose reply source is no serving endpoint. */
export function ctDeleteUdpStale(kernel: NodeKernel, input: Pick<SyncInput, 'services' | 'endpoints'>): number {
  const byIP = new Map<string, Set<string>>();
  const byNodePort = new Map<number, Set<string>>();
  for (const svc of input.services) {
    if (svc.protocol !== 'UDP') continue;
    const ips = new Set((input.endpoints[svc.name] ?? []).filter((e) => e.serving).map((e) => e.ip));
    for (const ip of [svc.clusterIP, ...svc.loadBalancerIPs, ...svc.externalIPs]) byIP.set(ip, ips);
    if (svc.nodePort) byNodePort.set(svc.nodePort, ips);
  }
  // Like ClearEntries with filterForNAT / filterForPortNAT: (orig dst, reply src) and (orig dport, reply src) pairs.
  const natFilters = new Set<string>();
  const portFilters = new Set<string>();
  for (const e of kernel.conntrack) {
    if (e.proto !== 'udp') continue;
    if (byIP.has(e.dst) && !byIP.get(e.dst)!.has(e.replySrc)) natFilters.add(`${e.dst} ${e.replySrc}`);
    if (byNodePort.has(e.dport) && !byNodePort.get(e.dport)!.has(e.replySrc)) portFilters.add(`${e.dport} ${e.replySrc}`);
  }
  const before = kernel.conntrack.length;
  kernel.conntrack = kernel.conntrack.filter((e) => e.proto !== 'udp' || !(natFilters.has(`${e.dst} ${e.replySrc}`) || portFilters.has(`${e.dport} ${e.replySrc}`)));
  return before - kernel.conntrack.length;
}
