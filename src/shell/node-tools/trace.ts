// `trace`: the lab's own tool, which no real cluster has. It sends one connection from the current
// host, as curl would, and prints every step the first packet took: each netfilter rule it matched
// (table, chain, rule number and the rule as iptables-save prints it), the probability draws, the
// DNAT and masquerade rewrites, the routing between nodes, and who accepted it — or where it died.
import type { CommandContext, CommandSpec } from '../types.js';
import { advance } from '../../sim/settle.js';
import { connect } from '../../sim/dataplane/connect.js';
import type { ConnectResult, Hop, NfPacket } from '../../sim/dataplane/types.js';
import { clientEndpoint } from './net-tools/client.js';
import { parseHttpUrl } from './net-tools/url.js';
import { resolveForTool } from './resolve-host.js';

const USAGE = 'usage: trace [-u|--udp] [--icmp] HOST[:PORT] | trace curl|wget URL\n';

interface Target { host: string; port: number; proto: NfPacket['proto'] }

function parseTarget(args: string[]): Target | string {
  const words = args.filter((a) => !a.startsWith('-'));
  const proto: NfPacket['proto'] = args.includes('--icmp') ? 'icmp' : args.includes('-u') || args.includes('--udp') ? 'udp' : 'tcp';
  if (words[0] === 'curl' || words[0] === 'wget') {
    const url = words.slice(1).find((w) => !/^-/.test(w));
    if (!url) return `trace: ${words[0]} needs a URL\n`;
    const parsed = parseHttpUrl(url);
    if (!parsed.ok) return `trace: cannot read the URL ${url}\n`;
    return { host: parsed.url.host, port: parsed.url.port, proto: 'tcp' };
  }
  if (!words[0] || words.length > 1) return USAGE;
  const m = /^(.*?)(?::(\d+))?$/s.exec(words[0])!;
  return { host: m[1]!, port: m[2] ? Number(m[2]) : proto === 'udp' ? 53 : 80, proto };
}

function packetText(p: NfPacket): string {
  return p.proto === 'icmp' ? `${p.src} → ${p.dst}` : `${p.src}:${p.sport} → ${p.dst}:${p.dport}`;
}

function hopLines(h: Hop, i: number, before: NfPacket | undefined): string[] {
  const n = `${String(i + 1).padStart(3)}  ${h.host.padEnd(14)} `;
  if (h.kind === 'rule' || h.kind === 'policy') {
    const lines = [`${n}${h.table} ${h.chain} #${h.index}  ${h.rule ?? ''}`, `${' '.repeat(22)}${h.detail}`];
    if (before && packetText(before) !== packetText(h.packet)) lines.push(`${' '.repeat(22)}packet is now ${packetText(h.packet)}`);
    return lines;
  }
  return [`${n}${h.kind}: ${h.detail}`];
}

function outcomeLine(r: ConnectResult, t: Target): string {
  const s = r.server;
  switch (r.outcome) {
    case 'connected': return `result: connected to ${s?.pod ? `${s.namespace}/${s.pod}` : s?.node} on ${s?.ip}:${s?.port}${r.seenFrom ? `, which sees the client as ${r.seenFrom.ip}${t.proto === 'icmp' ? '' : `:${r.seenFrom.port}`}` : ''}`;
    case 'refused': return 'result: refused (RST or ICMP port unreachable): the client reports "Connection refused"';
    case 'timeout': return `result: no answer: the client gives up after ${r.elapsedMs / 1000} s ("Connection timed out")`;
    case 'unreachable': return 'result: ICMP host unreachable: the client reports "No route to host"';
    case 'no-route': return 'result: no route: the client reports "Network is unreachable"';
  }
}

function runTrace(ctx: CommandContext): number {
  const t = parseTarget(ctx.args);
  if (typeof t === 'string') {
    ctx.stderr(t);
    return 2;
  }
  const res = resolveForTool(ctx, t.host);
  if (!res.ok) {
    ctx.stderr(`trace: cannot resolve ${t.host}: ${res.reason === 'nxdomain' ? 'no such name' : res.reason === 'timeout' ? 'no DNS server answered' : 'the DNS server failed'}\n`);
    return 1;
  }
  const r = connect(ctx.sim, clientEndpoint(ctx), res.ip, t.port, t.proto, { timeoutMs: 5000 });
  const first = r.hops[0]?.packet;
  const lines = [`trace ${t.proto.toUpperCase()} ${first ? packetText({ ...first, src: r.from.ip, sport: r.from.port, dst: res.ip, dport: t.port }) : res.ip}${res.canonical !== res.ip ? ` (${res.canonical})` : ''}`];
  r.hops.forEach((h, i) => lines.push(...hopLines(h, i, i === 0 ? undefined : r.hops[i - 1]!.packet)));
  lines.push(outcomeLine(r, t));
  ctx.stdout(`${lines.join('\n')}\n`);
  ctx.shell.lastTrace = { at: ctx.sim.now, hops: r.hops };
  advance(ctx.sim, r.elapsedMs);
  return r.outcome === 'connected' ? 0 : 1;
}

/** The trace command. */
export const TRACE_COMMAND: CommandSpec = {
  name: 'trace',
  usage: 'trace [-u|--udp] [--icmp] HOST[:PORT] | trace curl|wget URL',
  summary: "follow one connection's first packet through every netfilter rule, route and NAT to whoever answers (the lab's own tool)",
  where: 'any',
  group: 'lab',
  run: runTrace,
};
