// The DNS wire format (RFC 1035 4.1, RFC 6891 for OPT) as miekg/dns packs it, so a client can print
// the real `MSG SIZE rcvd`. CoreDNS sends small UDP replies uncompressed (coredns request/request.go
// Scrub compresses only above 1480 bytes), so names are written in full. Left out: decoding.
import { isIP } from '../net.js';
import ipaddr from 'ipaddr.js';
import { fqdn, RCODE_VALUES, TYPE_VALUES, type DnsRecord, type DnsResponse } from './types.js';

/** The OPT pseudo-record a message carries (EDNS0): the advertised UDP size and its options. */
export interface Edns {
  udpSize: number;
  /** EDNS options as [code, data]; 10 is COOKIE (RFC 7873). */
  options: [number, Uint8Array][];
}

/** The EDNS0 option code of a DNS cookie. */
export const EDNS_COOKIE = 10;

const u16 = (n: number): number[] => [(n >>> 8) & 255, n & 255];
const u32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** A domain name as length-prefixed labels ending in the root label, never compressed. */
export function encodeName(name: string): number[] {
  const out: number[] = [];
  for (const label of fqdn(name).split('.').filter((l) => l !== '')) {
    const bytes = [...new TextEncoder().encode(label)];
    out.push(bytes.length, ...bytes);
  }
  out.push(0);
  return out;
}

function addressBytes(address: string): number[] {
  return isIP(address) ? [...ipaddr.parse(address).toByteArray()] : [];
}

function rdata(rec: DnsRecord): number[] {
  switch (rec.type) {
    case 'A':
    case 'AAAA':
      return addressBytes(rec.address);
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return encodeName(rec.target);
    case 'SRV':
      return [...u16(rec.priority), ...u16(rec.weight), ...u16(rec.port), ...encodeName(rec.target)];
    case 'MX':
      return [...u16(rec.preference), ...encodeName(rec.target)];
    case 'TXT': {
      const bytes = [...new TextEncoder().encode(rec.text)];
      return [bytes.length, ...bytes];
    }
    case 'SOA':
      return [...encodeName(rec.mname), ...encodeName(rec.rname), ...u32(rec.serial), ...u32(rec.refresh), ...u32(rec.retry), ...u32(rec.expire), ...u32(rec.minimum)];
    default: {
      const never: never = rec;
      return never;
    }
  }
}

/** One resource record in wire form (class IN). */
export function encodeRecord(rec: DnsRecord): number[] {
  const data = rdata(rec);
  return [...encodeName(rec.name), ...u16(TYPE_VALUES[rec.type]), ...u16(1), ...u32(rec.ttl), ...u16(data.length), ...data];
}

function encodeOpt(edns: Edns): number[] {
  const opts = edns.options.flatMap(([code, data]) => [...u16(code), ...u16(data.length), ...data]);
  return [0, ...u16(41), ...u16(edns.udpSize), ...u32(0), ...u16(opts.length), ...opts];
}

function flags(r: DnsResponse, recursionDesired: boolean): number {
  return 0x8000 | (r.authoritative ? 0x0400 : 0) | (recursionDesired ? 0x0100 : 0) | (r.recursionAvailable ? 0x0080 : 0) | RCODE_VALUES[r.rcode];
}

/** A whole reply in wire form, with the OPT record the server adds when the query had one. */
export function encodeResponse(r: DnsResponse, id: number, recursionDesired: boolean, edns?: Edns): Uint8Array {
  const extra = r.additional.length + (edns ? 1 : 0);
  const bytes = [
    ...u16(id), ...u16(flags(r, recursionDesired)), ...u16(1), ...u16(r.answer.length), ...u16(r.authority.length), ...u16(extra),
    ...encodeName(r.question.name), ...u16(TYPE_VALUES[r.question.type]), ...u16(1),
    ...[...r.answer, ...r.authority, ...r.additional].flatMap(encodeRecord),
    ...(edns ? encodeOpt(edns) : []),
  ];
  return Uint8Array.from(bytes);
}

/** The size in bytes of a query for a name, as res_mkquery or dig builds it. */
export function querySize(name: string, edns?: Edns): number {
  return 12 + encodeName(name).length + 4 + (edns ? encodeOpt(edns).length : 0);
}
