// IPv4 address arithmetic for the allocators and the cluster configuration.
// Parsing and validation go through ipaddr.js; ranges are handled as 32-bit integers.
import ipaddr from 'ipaddr.js';

/** An IPv4 CIDR as integers: the network address, the prefix length and the number of addresses. */
export interface Cidr {
  text: string;
  base: number;
  prefix: number;
  size: number;
}

/** True when s is a dotted-quad IPv4 address in its canonical four-part form. */
export function isIPv4(s: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(s);
}

/** True when s parses as an IPv4 or IPv6 address. */
export function isIP(s: string): boolean {
  return ipaddr.isValid(s) && (ipaddr.IPv6.isValid(s) || isIPv4(s));
}

/** The 32-bit unsigned integer of an IPv4 address (which must be valid). */
export function ipToInt(ip: string): number {
  const b = ipaddr.IPv4.parse(ip).octets;
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** The dotted-quad form of a 32-bit unsigned integer. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses an IPv4 CIDR; undefined when it is not one or when host bits are set. */
export function parseCidr(text: string): Cidr | undefined {
  if (!ipaddr.isValidCIDR(text)) return undefined;
  const [addr, prefix] = ipaddr.parseCIDR(text);
  if (addr.kind() !== 'ipv4' || !isIPv4(text.split('/')[0]!)) return undefined;
  const base = ipToInt(addr.toString());
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return undefined;
  return { text, base, prefix, size };
}

/** True when ip (a valid IPv4) lies inside the CIDR. */
export function cidrContains(c: Cidr, ip: string): boolean {
  if (!isIPv4(ip)) return false;
  const n = ipToInt(ip);
  return n >= c.base && n < c.base + c.size;
}

/** The addresses two CIDRs share, as a first-last pair, or undefined when they are disjoint. */
export function cidrOverlap(a: Cidr, b: Cidr): { first: string; last: string } | undefined {
  const first = Math.max(a.base, b.base);
  const last = Math.min(a.base + a.size, b.base + b.size) - 1;
  return first <= last ? { first: intToIp(first), last: intToIp(last) } : undefined;
}

/** The i-th subnet of the given prefix length inside a CIDR (the node-IPAM carving). */
export function subnet(c: Cidr, prefix: number, i: number): string {
  return `${intToIp(c.base + i * 2 ** (32 - prefix))}/${prefix}`;
}
