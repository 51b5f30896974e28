// ipset membership as `-m set --match-set NAME dir,dir` tests it (kernel net/netfilter/ipset/
// ip_set_hash_ipport.c and friends, xt_set.c): each direction flag picks the packet's source or
// destination address or port for one dimension of the set; missing flags mean dst. Entries are
// written as ipset prints them (`10.96.0.1,tcp:443`, `10.244.0.2,udp:53,10.244.0.2`, `30080`).
import type { NfPacket } from '../types.js';
import type { AddrSpec, NfIpSet } from './types.js';
import { parseAddrSpec } from './addr.js';

interface SetIndex {
  keys: Set<string>;
  /** hash:ip,port,net and hash:net: the networks, by the `ip,proto:port` part ('' for hash:net). */
  nets: Map<string, AddrSpec[]>;
}

const memo = new WeakMap<readonly string[], SetIndex>();

/** `10.96.0.1,443` means tcp, as ipset reads it. */
function normalisePort(part: string): string {
  return part.includes(':') ? part : `tcp:${part}`;
}

function portRange(member: string): string[] {
  const [a, b] = member.split('-').map(Number);
  if (b === undefined || !(b >= a!) || b - a! > 65535) return [member];
  return Array.from({ length: b - a! + 1 }, (_, i) => String(a! + i));
}

function addNet(index: SetIndex, key: string, cidr: string): void {
  const spec = parseAddrSpec(cidr, false);
  if (!spec) return;
  const list = index.nets.get(key) ?? [];
  list.push(spec);
  index.nets.set(key, list);
}

function indexOf(set: NfIpSet): SetIndex {
  const cached = memo.get(set.members);
  if (cached) return cached;
  const index: SetIndex = { keys: new Set(), nets: new Map() };
  for (const member of set.members) {
    const parts = member.split(',');
    if (set.type === 'bitmap:port') portRange(member).forEach((p) => index.keys.add(p));
    else if (set.type === 'hash:net') addNet(index, '', member);
    else if (set.type === 'hash:ip,port,net') addNet(index, `${parts[0]},${normalisePort(parts[1] ?? '')}`, parts[2] ?? '');
    else if (parts.length >= 2) index.keys.add([parts[0], normalisePort(parts[1]!), ...parts.slice(2)].join(','));
    else index.keys.add(member.replace(/\/32$/, ''));
  }
  memo.set(set.members, index);
  return index;
}

function within(nets: AddrSpec[] | undefined, ip: number): boolean {
  return !!nets?.some((n) => ((ip & n.mask) >>> 0) === n.base);
}

/** True when the packet, seen through the direction flags, is an element of the set. */
export function inIpSet(set: NfIpSet, dirs: ('src' | 'dst')[], packet: NfPacket, ipInt: (ip: string) => number): boolean {
  const dir = (i: number): 'src' | 'dst' => dirs[i] ?? 'dst';
  const addr = (i: number): string => (dir(i) === 'src' ? packet.src : packet.dst);
  const port = (i: number): number => (dir(i) === 'src' ? packet.sport : packet.dport);
  const index = indexOf(set);
  const ipPort = `${addr(0)},${packet.proto}:${port(1)}`;
  switch (set.type) {
    case 'hash:ip': return index.keys.has(addr(0));
    case 'hash:net': return within(index.nets.get(''), ipInt(addr(0)));
    case 'hash:ip,port': return index.keys.has(ipPort);
    case 'hash:ip,port,ip': return index.keys.has(`${ipPort},${addr(2)}`);
    case 'hash:ip,port,net': return within(index.nets.get(ipPort), ipInt(addr(2)));
    case 'bitmap:port': return index.keys.has(String(port(0)));
    default: return false;
  }
}
