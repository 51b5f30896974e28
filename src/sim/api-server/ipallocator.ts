// The ClusterIP allocator of kube-apiserver (pkg/registry/core/service/ipallocator, the 1.33+
// IPAddress-backed allocator with the KEP-3070 static/dynamic split): random start in the upper
// band, walk forward to the first free address, lower band only when the upper one is full.
import { randInt } from '../rng.js';
import { cidrContains, intToIp, ipToInt, parseCidr, type Cidr } from '../net.js';
import type { SimState } from '../state.js';

/** The outcome of an allocation: the address, or the reason (the text after "failed to allocate IP <ip>: "). */
export type IPAllocation = { ok: true; ip: string } | { ok: false; reason: string; full?: boolean };

/** calculateRangeOffset: how many addresses at the bottom of the range are kept for explicit picks. */
export function clusterIPStaticBand(c: Cidr): number {
  if (c.size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(c.size / 16)), 256);
}

function serviceCidr(state: SimState): Cidr {
  return parseCidr(state.config.serviceCIDR)!;
}

/** Reserves an explicitly requested ClusterIP for `owner` (`ns/name`). */
export function allocateSpecificIP(state: SimState, ip: string, owner: string): IPAllocation {
  const c = serviceCidr(state);
  const n = ipToInt(ip);
  if (!cidrContains(c, ip) || n === c.base || n === c.base + c.size - 1) {
    return { ok: false, reason: 'the provided network does not match the current range' };
  }
  if (state.alloc.serviceIPs[ip] !== undefined) return { ok: false, reason: 'provided IP is already allocated' };
  state.alloc.serviceIPs[ip] = owner;
  return { ok: true, ip };
}

/** Picks a free ClusterIP at random for `owner`, as a Service without spec.clusterIP gets. */
export function allocateNextIP(state: SimState, owner: string): IPAllocation {
  const c = serviceCidr(state);
  const usable = c.size - 2;
  const offset = clusterIPStaticBand(c);
  const upper = scanBand(state, c.base + 1 + offset, usable - offset);
  const ip = upper ?? scanBand(state, c.base + 1, offset);
  if (ip === undefined) return { ok: false, reason: 'range is full', full: true };
  state.alloc.serviceIPs[ip] = owner;
  return { ok: true, ip };
}

/** Random start inside [first, first+count), then forward with wrap-around, to the first free address. */
function scanBand(state: SimState, first: number, count: number): string | undefined {
  if (count <= 0) return undefined;
  const start = randInt(state.rng, count);
  for (let i = 0; i < count; i++) {
    const ip = intToIp(first + ((start + i) % count));
    if (state.alloc.serviceIPs[ip] === undefined) return ip;
  }
  return undefined;
}

/** Returns a ClusterIP to the pool (on Service delete or a change to ExternalName). */
export function releaseIP(state: SimState, ip: string): void {
  delete state.alloc.serviceIPs[ip];
}
