// dig from bind9 9.18 (bin/dig/dig.c printmessage, received; dighost.c): the banner, header,
// OPT PSEUDOSECTION with the cookie CoreDNS echoes, sections in masterdump columns, and the
// statistics with MSG SIZE from the wire format. Left out: +trace, +tcp, +multiline, batch files.
import { createHash } from 'node:crypto';
import { utcFields } from '../../../sim/clock.js';
import { isIP } from '../../../sim/net.js';
import { reverseName } from '../../../sim/dns/names.js';
import { DNS_TYPES, type DnsResponse, type DnsType } from '../../../sim/dns/types.js';
import { EDNS_COOKIE, encodeResponse } from '../../../sim/dns/wire.js';
import type { CommandContext } from '../../types.js';
import { bindLookup } from './bind-lookup.js';
import type { DnsEnv } from './env.js';
import { digQuestionLine, digRecordLine, rdataText } from './records-text.js';

interface DigArgs { name: string; type: DnsType; server?: string; short: boolean; search: boolean; tries: number }

/** Parses dig's arguments: `@server`, `-t TYPE`, `-x ADDR`, a bare TYPE or IN, `+short`, `+[no]search`, `+tries=N`. */
export function parseDigArgs(args: string[]): DigArgs | { error: string } {
  const out: DigArgs = { name: '', type: 'A', short: false, search: false, tries: 3 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const upper = a.toUpperCase();
    if (a.startsWith('@')) out.server = a.slice(1);
    else if (a === '-t' || a === '-x') {
      const v = args[++i];
      if (v === undefined) return { error: `dig: option requires an argument -- '${a.slice(1)}'` };
      if (a === '-x') [out.name, out.type] = [isIP(v) ? reverseName(v) : v, 'PTR'];
      else if ((DNS_TYPES as readonly string[]).includes(v.toUpperCase())) out.type = v.toUpperCase() as DnsType;
      else return { error: `dig: invalid type: ${v}` };
    } else if (a === '+short') out.short = true;
    else if (a === '+search' || a === '+nosearch') out.search = a === '+search';
    else if (/^\+tries=\d+$/.test(a)) out.tries = Math.max(1, Number(a.slice(7)));
    else if (a.startsWith('+')) continue;
    else if ((DNS_TYPES as readonly string[]).includes(upper) && out.name !== '') out.type = upper as DnsType;
    else if (upper === 'IN') continue;
    else out.name = a;
  }
  if (out.name === '') [out.name, out.type] = ['.', 'NS'];
  return out;
}

/** A deterministic stand-in for dig's random query ID and client cookie, from the clock and the question. */
function idAndCookie(env: DnsEnv, name: string, type: DnsType): { id: number; cookie: Uint8Array } {
  const h = createHash('sha256').update(`${env.now} ${name} ${type}`).digest();
  return { id: h.readUInt16BE(0), cookie: new Uint8Array(h.subarray(2, 10)) };
}

/** The WHEN line: strftime "%a %b %d %H:%M:%S %Z %Y" in the nodes' UTC. */
export function digWhen(ms: number): string {
  const f = utcFields(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][f.weekday]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][f.m - 1]!;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${month} ${p(f.d)} ${p(f.h)}:${p(f.mi)}:${p(f.s)} UTC ${f.y}`;
}

function flagsText(r: DnsResponse): string {
  return ['qr', r.authoritative ? 'aa' : '', 'rd', r.recursionAvailable ? 'ra' : ''].filter((f) => f !== '').join(' ');
}

/** The full dig report of one reply. */
function fullReport(env: DnsEnv, r: DnsResponse, server: string, id: number, cookie: Uint8Array): string[] {
  const hex = Buffer.from(cookie).toString('hex');
  const echoed = r.ednsUdpSize === undefined;
  const size = encodeResponse(r, id, true, { udpSize: r.ednsUdpSize ?? 1232, options: echoed ? [[EDNS_COOKIE, cookie]] : [] }).length;
  const local = /(^|\.)local\.$/i.test(r.question.name);
  const lines = [';; Got answer:'];
  if (local) lines.push(';; WARNING: .local is reserved for Multicast DNS', ';; You are currently testing what happens when an mDNS query is leaked to DNS');
  lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}`);
  lines.push(`;; flags: ${flagsText(r)}; QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}`);
  if (!r.recursionAvailable) lines.push(';; WARNING: recursion requested but not available');
  lines.push('', ';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:; udp: ${r.ednsUdpSize ?? 1232}`);
  if (echoed) lines.push(`; COOKIE: ${hex} (echoed)`);
  lines.push(';; QUESTION SECTION:', digQuestionLine(r.question.name, r.question.type), '');
  const sections: [string, typeof r.answer][] = [['ANSWER', r.answer], ['AUTHORITY', r.authority], ['ADDITIONAL', r.additional]];
  for (const [title, recs] of sections) if (recs.length) lines.push(`;; ${title} SECTION:`, ...recs.map(digRecordLine), '');
  lines.push(`;; Query time: ${r.delayMs} msec`, `;; SERVER: ${server}#53(${server}) (UDP)`, `;; WHEN: ${digWhen(env.now)}`, `;; MSG SIZE  rcvd: ${size}`, '');
  return lines;
}

/** Runs dig; exit 0 for any reply, 9 when no server answered, 1 for a usage error. */
export function runDig(ctx: CommandContext, env: DnsEnv, version: string): number {
  const args = parseDigArgs(ctx.args);
  if ('error' in args) {
    ctx.stderr(`${args.error}\n`);
    return 1;
  }
  const server = args.server ?? env.conf.nameservers[0] ?? '127.0.0.1';
  const banner = ['', `; <<>> DiG ${version} <<>> ${ctx.args.join(' ')}`, ...(args.server ? ['; (1 server found)'] : []), ';; global options: +cmd'];
  const result = bindLookup(env, args.name, args.type, { search: args.search, tries: args.tries, server, checkRa: false, sayServfail: false });
  const out = [...result.lines];
  if (!result.reply) out.push(...(args.short ? [] : banner), ';; no servers could be reached');
  else if (args.short) out.push(...result.reply.response.answer.map(rdataText));
  else {
    const { id, cookie } = idAndCookie(env, result.reply.qname, args.type);
    out.push(...banner, ...fullReport(env, result.reply.response, result.reply.server, id, cookie));
  }
  ctx.stdout(out.map((l) => `${l}\n`).join(''));
  return result.reply ? 0 : 9;
}
