// bind9's host (bin/dig/host.c printmessage, say_message): one line per record, A then AAAA and
// MX for the name the CNAME chain ends at, `Host X not found: 3(NXDOMAIN)`, `has no T record`
// with -t. Left out: -v/-d verbose output, -l zone transfers, -C SOA checks.
import { isIP } from '../../../sim/net.js';
import { reverseName } from '../../../sim/dns/names.js';
import { DNS_TYPES, RCODE_VALUES, type DnsRecord, type DnsType } from '../../../sim/dns/types.js';
import type { CommandContext } from '../../types.js';
import { bindLookup, chaseCnames } from './bind-lookup.js';
import type { DnsEnv } from './env.js';
import { nameText, rdataText } from './records-text.js';

/** The phrase host prints for a record type (host.c rtypes), else `has T record`. */
function phrase(type: DnsType): string {
  const known: Partial<Record<DnsType, string>> = {
    A: 'has address', NS: 'name server', CNAME: 'is an alias for', PTR: 'domain name pointer',
    MX: 'mail is handled by', TXT: 'descriptive text', AAAA: 'has IPv6 address',
  };
  return known[type] ?? `has ${type} record`;
}

/** One answer record as host prints it. */
export function hostLine(r: DnsRecord): string {
  return `${nameText(r.name)} ${phrase(r.type)} ${rdataText(r)}`;
}

/** Runs `host [-t TYPE] NAME [SERVER]`; exit 1 when a lookup failed or no server answered. */
export function runHost(ctx: CommandContext, env: DnsEnv): number {
  let type: DnsType | undefined;
  const words: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '-t') {
      const v = (ctx.args[++i] ?? '').toUpperCase();
      if (!(DNS_TYPES as readonly string[]).includes(v)) {
        ctx.stderr(`host: invalid type: ${ctx.args[i] ?? ''}\n`);
        return 1;
      }
      type = v as DnsType;
    } else if (!a.startsWith('-')) words.push(a);
  }
  const [name, serverArg] = words;
  if (!name) {
    ctx.stderr('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const server = serverArg ?? env.conf.nameservers[0] ?? '127.0.0.1';
  const out: string[] = serverArg ? ['Using domain server:', `Name: ${serverArg}`, `Address: ${server}#53`, 'Aliases: ', ''] : [];
  const defaults = type === undefined;
  const lookups: { name: string; type: DnsType; search: boolean }[] = isIP(name)
    ? [{ name: reverseName(name), type: 'PTR', search: false }] : [{ name, type: type ?? 'A', search: true }];
  let error = 0;
  for (let i = 0; i < lookups.length; i++) {
    const l = lookups[i]!;
    const res = bindLookup(env, l.name, l.type, { search: l.search, tries: 2, server, checkRa: false, sayServfail: false });
    out.push(...res.lines);
    if (!res.reply) {
      out.push(';; no servers could be reached');
      error = 1;
      break;
    }
    const r = res.reply.response;
    if (r.rcode !== 'NOERROR') {
      const shown = r.rcode === 'NXDOMAIN' ? l.name : nameText(r.question.name);
      out.push(`Host ${shown} not found: ${RCODE_VALUES[r.rcode]}(${r.rcode})`);
      error = 1;
      continue;
    }
    out.push(...r.answer.map(hostLine));
    if (!defaults && r.answer.length === 0) out.push(`${nameText(r.question.name)} has no ${l.type} record`);
    if (defaults && l.type === 'A') {
      const chased = nameText(chaseCnames(r, r.question.name));
      lookups.push({ name: `${chased}.`, type: 'AAAA', search: false }, { name: `${chased}.`, type: 'MX', search: false });
    }
  }
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return error;
}
