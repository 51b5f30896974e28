// busybox's nslookup applet in both its forms (networking/nslookup.c): up to 1.28 it asks libc
// (getaddrinfo, then getnameinfo for every address); from 1.29 it sends its own A and AAAA queries
// for each search domain and prints each reply in turn. Replies are taken in the order sent.
import { isIP } from '../../../sim/net.js';
import { reverseName } from '../../../sim/dns/names.js';
import { searchCandidates, searchNames, withinTimeout, type TransportResult } from '../../../sim/dns/resolver.js';
import { DNS_TYPES, type DnsResponse, type DnsType } from '../../../sim/dns/types.js';
import type { CommandContext } from '../../types.js';
import type { DnsEnv } from './env.js';
import { nameText } from './records-text.js';
import { nslookupSection } from './nslookup-bind.js';

/** busybox's own wait for replies (G.default_timeout). */
const BUSYBOX_TIMEOUT_MS = 5000;

/** A reply as busybox 1.29+ parse_reply prints it: rdata names lose their final dot. */
function parseReply(r: DnsResponse): string[] {
  const lines = r.authoritative ? [] : ['Non-authoritative answer:'];
  return [...lines, ...nslookupSection(r.answer, true).map((l) => l.replace(/\.$/, ''))];
}

/** The queries busybox 1.29+ sends: PTR for an address, else each type for each search domain (or the name as-is when it has a dot). */
function busyboxQueries(name: string, types: DnsType[], env: DnsEnv): { name: string; type: DnsType }[] {
  if (isIP(name) && types.length === 0) return [{ name: reverseName(name).replace(/\.$/, ''), type: 'PTR' }];
  const names = name.includes('.') || env.conf.search.length === 0 ? [name] : env.conf.search.map((d) => `${name}.${d}`);
  return (types.length ? types : ['A', 'AAAA'] as DnsType[]).flatMap((type) => names.map((n) => ({ name: n, type })));
}

/** busybox 1.29 and later: `nslookup [-type=T] NAME [SERVER]`; exit 1 when any reply was not NOERROR. */
export function runBusyboxNslookup(ctx: CommandContext, env: DnsEnv): number {
  const types: DnsType[] = [];
  const words = ctx.args.filter((a) => !a.startsWith('-'));
  for (const a of ctx.args.filter((x) => x.startsWith('-'))) {
    const m = /^-(?:type|querytype)=(.*)$/i.exec(a);
    const t = m?.[1]?.toUpperCase();
    if (!t || !(DNS_TYPES as readonly string[]).includes(t)) return usage(ctx, t ? `nslookup: invalid query type "${m![1]}"\n` : undefined);
    types.push(t as DnsType);
  }
  const [name, serverArg] = words;
  if (!name || words.length > 2) return usage(ctx);
  const server = serverArg ?? env.conf.nameservers[0] ?? '127.0.0.1';
  const queries = busyboxQueries(name, types, env);
  const results = queries.map((q) => withinTimeout(env.transport(server, { name: `${q.name}.`, type: q.type }), BUSYBOX_TIMEOUT_MS));
  if (!results.some((r) => r.kind === 'answer')) {
    if (results.some((r) => r.kind === 'refused')) ctx.stderr('nslookup: read: Connection refused\nnslookup: read: Connection refused\n');
    ctx.stdout(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const out = [`Server:\t\t${server}`, `Address:\t${server}:53`, ''];
  let status = 0;
  results.forEach((r: TransportResult, i) => {
    if (r.kind !== 'answer') return;
    if (r.response.rcode !== 'NOERROR') status = 1;
    out.push(...(r.response.rcode === 'NOERROR' ? parseReply(r.response) : [`** server can't find ${queries[i]!.name}: ${r.response.rcode}`]), '');
  });
  const missing = queries.filter((_, i) => results[i]!.kind !== 'answer');
  if (missing.length) out.push(...missing.map((q) => `*** Can't find ${q.name}: No answer`), '');
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return status;
}

/** An address as busybox 1.28 prints it: `Address N: IP NAME`, the name from a reverse lookup when there is one. */
function addressLine(env: DnsEnv, server: string, n: number, ip: string): string {
  const r = withinTimeout(env.transport(server, { name: reverseName(ip), type: 'PTR' }), BUSYBOX_TIMEOUT_MS);
  const ptr = r.kind === 'answer' ? r.response.answer.find((a) => a.type === 'PTR') : undefined;
  return ptr && ptr.type === 'PTR' ? `Address ${n}: ${ip} ${nameText(ptr.target)}` : `Address ${n}: ${ip}`;
}

/** busybox 1.28: `nslookup NAME [SERVER]` through libc; `can't resolve` on stderr and exit 1 on failure. */
export function runOldBusyboxNslookup(ctx: CommandContext, env: DnsEnv): number {
  const [name, serverArg] = ctx.args;
  if (!name || name.startsWith('-') || ctx.args.length > 2) return usage(ctx);
  const server = serverArg ?? env.conf.nameservers[0] ?? '127.0.0.1';
  const out = [`${'Server:'.padEnd(10)} ${server}`, addressLine(env, server, 1, server), ''];
  const ips = isIP(name) ? [name] : resolveAddresses(env, server, name);
  if (ips.length === 0) {
    ctx.stdout(out.map((l) => `${l}\n`).join(''));
    ctx.stderr(`nslookup: can't resolve '${name}'\n`);
    return 1;
  }
  out.push(`${'Name:'.padEnd(10)} ${name}`, ...ips.map((ip, i) => addressLine(env, server, i + 1, ip)));
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return 0;
}

/** getaddrinfo(AF_UNSPEC) through the search list: the A then AAAA addresses of the first name that has any. */
function resolveAddresses(env: DnsEnv, server: string, name: string): string[] {
  let ips: string[] = [];
  searchNames(searchCandidates(name, env.conf, 'glibc'), 'glibc', (fqdn) => {
    const replies = (['A', 'AAAA'] as const).map((type) => withinTimeout(env.transport(server, { name: fqdn, type }), BUSYBOX_TIMEOUT_MS));
    const found = replies.flatMap((r) => (r.kind === 'answer' ? r.response.answer.flatMap((a) => (a.type === 'A' || a.type === 'AAAA' ? [a.address] : [])) : []));
    if (found.length) ips = found;
    if (found.length) return 'found';
    if (replies.some((r) => r.kind !== 'answer')) return 'unreachable';
    return replies.some((r) => r.kind === 'answer' && r.response.rcode === 'SERVFAIL') ? 'servfail' : 'nxdomain';
  });
  return ips;
}

function usage(ctx: CommandContext, prefix = ''): number {
  ctx.stderr(`${prefix}BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,srv,ptr,any\n`);
  return 1;
}
