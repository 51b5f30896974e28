// IP and CIDR field checks as apimachinery's pkg/util/validation/ip.go (IsValidIPForLegacyField,
// IsValidCIDRForLegacyField) and core validation's ValidateNonSpecialIP. "Sloppy" parsing accepts
// IPv4 octets with leading zeros unless strict validation (the StrictIPCIDRValidation gate, off
// in v1.34) is asked for. Left out: the warnings for non-canonical forms.
import ipaddr from 'ipaddr.js';
import { invalid, type FieldError } from '../errors.js';

const IPV4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

/** The family of a parsable address, or undefined when netutils.ParseIPSloppy would reject it. */
export function ipFamilyOf(value: string): 'IPv4' | 'IPv6' | undefined {
  const m = IPV4.exec(value);
  if (m) return m.slice(1).every((o) => Number(o) <= 255) ? 'IPv4' : undefined;
  if (value.includes('%') || !ipaddr.IPv6.isValid(value)) return undefined;
  return 'IPv6';
}

/** The octets of an IPv4 address, or of the IPv4 address inside an IPv4-mapped IPv6 one. */
function ipv4Octets(value: string): number[] | undefined {
  const m = IPV4.exec(value);
  if (m) return m.slice(1).map(Number);
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address().octets : undefined;
}

/** IsValidIPForLegacyField: one cause when the value is no IP; with strict, leading zeros and IPv4-mapped IPv6 too. */
export function validateIP(path: string, value: string, strict = false): FieldError[] {
  const family = ipFamilyOf(value);
  if (!family) return [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  if (!strict) return [];
  const errs: FieldError[] = [];
  if (family === 'IPv4' && value.split('.').some((o) => o.length > 1 && o.startsWith('0'))) {
    errs.push(invalid(path, value, 'must not have leading 0s'));
  }
  if (family === 'IPv6' && ipaddr.IPv6.parse(value).isIPv4MappedAddress()) {
    errs.push(invalid(path, value, 'must not be an IPv4-mapped IPv6 address'));
  }
  return errs;
}

/** ValidateNonSpecialIP: external IPs may not be unspecified, loopback or link-local. */
export function validateNonSpecialIP(path: string, value: string): FieldError[] {
  const family = ipFamilyOf(value);
  if (!family) return [invalid(path, value, 'must be a valid IP address')];
  const o = ipv4Octets(value);
  const v6 = o ? undefined : ipaddr.IPv6.parse(value).parts;
  const errs: FieldError[] = [];
  const unspecified = o ? o.every((b) => b === 0) : v6!.every((p) => p === 0);
  const loopback = o ? o[0] === 127 : v6!.slice(0, 7).every((p) => p === 0) && v6![7] === 1;
  const linkLocal = o ? o[0] === 169 && o[1] === 254 : (v6![0]! & 0xffc0) === 0xfe80;
  const linkLocalMulticast = o ? o[0] === 224 && o[1] === 0 && o[2] === 0 : (v6![0]! & 0xff0f) === 0xff02;
  if (unspecified) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocal) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast) errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/** IsValidCIDRForLegacyField (non-strict): an address of either family and a prefix length that fits it. */
export function validateCIDR(path: string, value: string): FieldError[] {
  const [addr, prefix, ...rest] = value.split('/');
  const family = addr === undefined ? undefined : ipFamilyOf(addr);
  const bits = Number(prefix);
  const ok = family !== undefined && rest.length === 0 && /^\d+$/.test(prefix ?? '') && bits <= (family === 'IPv4' ? 32 : 128);
  return ok ? [] : [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}
