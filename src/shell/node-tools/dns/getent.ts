// getent hosts (glibc nss/getent.c hosts_keys, print_hosts; musl-utils' NetBSD getent): /etc/hosts
// first, then DNS through the C library's search list; IPv6 before IPv4 as gethostbyname2 is
// called. Only the hosts database is modelled.
import { isIP } from '../../../sim/net.js';
import { reverseName } from '../../../sim/dns/names.js';
import { searchCandidates, searchNames, withinTimeout, type StubFlavor } from '../../../sim/dns/resolver.js';
import type { CommandContext } from '../../types.js';
import { readFile } from '../../fs.js';
import { chaseCnames } from './bind-lookup.js';
import type { DnsEnv } from './env.js';
import { nameText } from './records-text.js';

/** A host entry: addresses, the canonical name and its aliases (struct hostent). */
interface HostEnt { addrs: string[]; name: string; aliases: string[] }

/** glibc waits 5 s, then 10 s for the same query, so a late reply still counts (res_send.c send_dg). */
const GLIBC_WINDOW_MS = 15_000;

function etcHosts(ctx: CommandContext): { ip: string; names: string[] }[] {
  const file = readFile(ctx, '/etc/hosts');
  if (!file.ok) return [];
  return file.content.split('\n').map((l) => l.replace(/#.*$/, '').trim().split(/\s+/)).filter((w) => w.length > 1 && isIP(w[0]!))
    .map(([ip, ...names]) => ({ ip: ip!, names }));
}

/** files, then dns: the entry for a name or an address. */
function lookupKey(ctx: CommandContext, env: DnsEnv, flavor: StubFlavor, key: string): HostEnt | undefined {
  const hosts = etcHosts(ctx);
  if (isIP(key)) {
    const line = hosts.find((h) => h.ip === key);
    if (line) return { addrs: [key], name: line.names[0]!, aliases: line.names.slice(1) };
    const r = withinTimeout(env.transport(env.conf.nameservers[0] ?? '', { name: reverseName(key), type: 'PTR' }), GLIBC_WINDOW_MS);
    const ptr = r.kind === 'answer' ? r.response.answer.find((a) => a.type === 'PTR') : undefined;
    return ptr && ptr.type === 'PTR' ? { addrs: [key], name: nameText(ptr.target), aliases: [] } : undefined;
  }
  for (const family of ['AAAA', 'A'] as const) {
    const line = hosts.find((h) => h.ip.includes(':') === (family === 'AAAA') && h.names.some((n) => n.toLowerCase() === key.toLowerCase()));
    if (line) return { addrs: [line.ip], name: line.names[0]!, aliases: line.names.slice(1) };
    const ent = dnsLookup(env, flavor, key, family);
    if (ent) return ent;
  }
  return undefined;
}

function dnsLookup(env: DnsEnv, flavor: StubFlavor, key: string, type: 'A' | 'AAAA'): HostEnt | undefined {
  let ent: HostEnt | undefined;
  searchNames(searchCandidates(key, env.conf, flavor), flavor, (fqdn) => {
    const r = withinTimeout(env.transport(env.conf.nameservers[0] ?? '', { name: fqdn, type }), flavor === 'glibc' ? GLIBC_WINDOW_MS : 5000);
    if (r.kind !== 'answer') return 'unreachable';
    const res = r.response;
    const addrs = res.answer.flatMap((a) => (a.type === type ? [a.address] : []));
    if (addrs.length) {
      const aliases = res.answer.flatMap((a) => (a.type === 'CNAME' ? [nameText(a.name)] : []));
      ent = { addrs, name: nameText(chaseCnames(res, res.question.name)), aliases };
      return 'found';
    }
    return res.rcode === 'NXDOMAIN' ? 'nxdomain' : res.rcode === 'SERVFAIL' ? 'servfail' : 'nodata';
  });
  return ent;
}

/** Runs `getent hosts [KEY...]`: exit 2 when a key is not found, 1 for an unknown database. */
export function runGetent(ctx: CommandContext, env: DnsEnv, flavor: StubFlavor): number {
  const [db, ...keys] = ctx.args;
  if (db !== 'hosts') {
    ctx.stderr(db === undefined ? 'getent: wrong number of arguments\nTry `getent --help\' or `getent --usage\' for more information.\n'
      : `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
    return 1;
  }
  const format = (ip: string, e: HostEnt): string => (flavor === 'glibc'
    ? `${ip.padEnd(15)} ${[e.name, ...e.aliases].join(' ')}` : `${ip.padEnd(16)}  ${[e.name, ...e.aliases].join(' ')}`);
  if (keys.length === 0) {
    ctx.stdout(etcHosts(ctx).map((h) => `${format(h.ip, { addrs: [h.ip], name: h.names[0]!, aliases: h.names.slice(1) })}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    const ent = lookupKey(ctx, env, flavor, key);
    if (!ent) status = 2;
    else ctx.stdout((flavor === 'glibc' ? ent.addrs : ent.addrs.slice(0, 1)).map((ip) => `${format(ip, ent)}\n`).join(''));
  }
  return status;
}
