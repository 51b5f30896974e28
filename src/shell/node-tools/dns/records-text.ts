// Resource records as text, the way bind's libdns prints them (lib/dns/rdata/*/totext, the column
// rules of lib/dns/masterdump.c indent()) and as the tools name owners (dns_name_format drops the
// final dot). Shared by dig, host and both nslookups.
import type { DnsRecord, DnsType } from '../../../sim/dns/types.js';
import { fqdn } from '../../../sim/dns/types.js';

/** An owner name as dns_name_format and ns_rr_name print it: no final dot. */
export function nameText(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}

/** The presentation form of a record's data (targets keep their final dot). */
export function rdataText(rec: DnsRecord): string {
  switch (rec.type) {
    case 'A':
    case 'AAAA':
      return rec.address;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return fqdn(rec.target);
    case 'SRV':
      return `${rec.priority} ${rec.weight} ${rec.port} ${fqdn(rec.target)}`;
    case 'MX':
      return `${rec.preference} ${fqdn(rec.target)}`;
    case 'TXT':
      return `"${rec.text}"`;
    case 'SOA':
      return `${fqdn(rec.mname)} ${fqdn(rec.rname)} ${rec.serial} ${rec.refresh} ${rec.retry} ${rec.expire} ${rec.minimum}`;
    default: {
      const never: never = rec;
      return never;
    }
  }
}

/** masterdump.c indent(): tabs (8 wide) up to a column, or one space when the text already reaches it. */
function indent(current: number, to: number): { text: string; to: number } {
  const target = to < current + 1 ? current + 1 : to;
  const tabs = Math.max(0, Math.floor(target / 8) - Math.floor(current / 8));
  const from = tabs > 0 ? Math.floor(target / 8) * 8 : current;
  return { text: '\t'.repeat(tabs) + ' '.repeat(target - from), to: target };
}

/**
 * Joins fields at the given columns as masterdump.c does: its column counter starts after any
 * `;` prefix and jumps to each stop, whatever the tabs look like on screen.
 */
function columns(prefix: string, fields: string[], stops: number[]): string {
  let line = prefix + fields[0]!;
  let current = fields[0]!.length;
  for (let i = 1; i < fields.length; i++) {
    const step = indent(current, stops[i - 1]!);
    line += step.text + fields[i]!;
    current = step.to + fields[i]!.length;
  }
  return line;
}

/** A record line of dig's sections: owner, TTL at column 24, class at 32, type at 40, data at 48. */
export function digRecordLine(rec: DnsRecord): string {
  return columns('', [fqdn(rec.name), String(rec.ttl), 'IN', rec.type, rdataText(rec)], [24, 32, 40, 48]);
}

/** A line of dig's QUESTION SECTION: `;name`, class at column 32, type at 40. */
export function digQuestionLine(name: string, type: DnsType): string {
  return columns(';', [fqdn(name), 'IN', type], [32, 40]);
}
