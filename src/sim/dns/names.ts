// Name helpers shared by CoreDNS and the stub resolvers: zone matching (coredns plugin/normalize.go
// Zones.Matches), reverse names (coredns plugin/pkg/dnsutil/reverse.go) and label splitting
// (miekg/dns SplitDomainName). Escaped dots inside labels are not supported.
import ipaddr from 'ipaddr.js';
import { isIP } from '../net.js';
import { canonicalName } from './types.js';

/** The labels of a name, without the root: "web.default.svc." gives ["web", "default", "svc"]. */
export function labelsOf(name: string): string[] {
  return canonicalName(name).split('.').filter((l) => l !== '');
}

/** True when `name` is `zone` or lies below it (miekg/dns IsSubDomain, case-insensitive). */
export function isSubdomain(zone: string, name: string): boolean {
  const z = canonicalName(zone);
  const n = canonicalName(name);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** The longest of `zones` that contains `name`, or undefined (coredns plugin.Zones.Matches). */
export function matchZone(zones: string[], name: string): string | undefined {
  let best: string | undefined;
  for (const z of zones) {
    if (isSubdomain(z, name) && (!best || z.length > best.length)) best = z;
  }
  return best;
}

/** The reverse-lookup name of an address: 10.96.0.10 gives "10.0.96.10.in-addr.arpa." (RFC 1035 3.5, RFC 3596 2.5). */
export function reverseName(ip: string): string {
  const addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv4') return `${addr.toByteArray().reverse().join('.')}.in-addr.arpa.`;
  const nibbles = addr.toByteArray().flatMap((b) => [b >> 4, b & 15]).map((n) => n.toString(16));
  return `${nibbles.reverse().join('.')}.ip6.arpa.`;
}

/** The address a reverse name stands for, or '' when it is not a complete one (dnsutil.ExtractAddressFromReverse). */
export function addressFromReverse(name: string): string {
  const labels = labelsOf(name);
  if (labels.slice(-2).join('.') === 'in-addr.arpa' && labels.length === 6) {
    const ip = labels.slice(0, 4).reverse().join('.');
    return isIP(ip) ? ip : '';
  }
  if (labels.slice(-2).join('.') === 'ip6.arpa' && labels.length === 34) {
    const hex = labels.slice(0, 32).reverse().join('');
    if (!/^[0-9a-f]{32}$/.test(hex)) return '';
    return ipaddr.parse(hex.match(/.{4}/g)!.join(':')).toString();
  }
  return '';
}

/** True when a string is an IPv4 or IPv6 address, as an argument to nslookup or host would be. */
export function looksLikeAddress(s: string): boolean {
  return isIP(s);
}
