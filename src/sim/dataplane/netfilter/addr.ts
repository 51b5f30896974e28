// IPv4 addresses as the kernel compares them: 32-bit integers, and `addr/prefix` as base and mask
// (iptables prints `-s`/`-d` as network/prefix; ipset members likewise). Hand-rolled rather than
// through ipaddr.js because rules are parsed by the ten thousand and packets matched by the million.
import type { AddrSpec } from './types.js';

/** A dotted quad as an unsigned 32-bit integer, NaN for anything else. */
export function ipInt(ip: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return NaN;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else return NaN;
  }
  if (dots !== 3 || digits === 0 || part > 255 || n > 0xffffff) return NaN;
  return n * 256 + part;
}

/** The dotted quad of an unsigned 32-bit integer. */
export function intIp(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Parses `10.96.0.1/32`, `10.244.0.0/16` or a bare address into base and mask. */
export function parseAddrSpec(text: string, invert: boolean): AddrSpec | undefined {
  const slash = text.indexOf('/');
  const ip = ipInt(slash < 0 ? text : text.slice(0, slash));
  const prefixText = slash < 0 ? '32' : text.slice(slash + 1);
  const prefix = /^[0-9]{1,2}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (Number.isNaN(ip) || !(prefix >= 0 && prefix <= 32)) return undefined;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { invert, cidr: text, base: (ip & mask) >>> 0, mask };
}
