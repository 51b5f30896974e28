// `iptables -L [CHAIN] [-n] [-v] [--line-numbers]` as iptables 1.8.7 lays it out
// (iptables/iptables.c print_header/print_firewall; extensions' print functions: libxt_comment
// `/* */`, libxt_tcp `tcp dpt:443`, libxt_addrtype `ADDRTYPE match dst-type LOCAL`, libxt_statistic,
// libxt_recent, libxt_mark, libxt_conntrack, libxt_nfacct, libipt_DNAT `to:`, libxt_MARK
// `MARK or`, libxt_MASQUERADE, libipt_REJECT). Without -n the lab prints addresses as numbers too.
import type { IptablesTable } from '../../sim/kube-proxy/types.js';
import { parseRule } from '../../sim/dataplane/netfilter/parse.js';
import type { AddrSpec, NfMatch, NfRule, NfTarget, PortSpec } from '../../sim/dataplane/netfilter/types.js';
import { listChains, references } from './iptables-view.js';

/** The -L options. */
export interface ListOptions {
  verbose: boolean;
  lineNumbers: boolean;
}

/** An address column: the inversion mark in its own column, then the address padded as `%-19s `. */
function addr(a: AddrSpec | undefined): string {
  const text = !a ? '0.0.0.0/0' : a.cidr.endsWith('/32') ? a.cidr.slice(0, -3) : a.cidr;
  return `${a?.invert ? '!' : ' '}${text.padEnd(19)} `;
}

function ports(name: string, p: PortSpec | undefined): string {
  if (!p) return '';
  const range = p.from === p.to ? `${p.from}` : `${p.from}:${p.to}`;
  return ` ${name}${p.from === p.to ? 'pt' : 'pts'}:${p.invert ? '!' : ''}${range}`;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** libxt_ipvs's dump, shared by -L (no prefix) and iptables-save (`--`): a /32 address prints bare. */
export function ipvsText(m: Extract<NfMatch, { kind: 'ipvs' }>, prefix: string): string {
  const parts: string[] = [];
  if (m.vproto !== undefined) parts.push(`${prefix}vproto ${m.vproto}`);
  if (m.vaddr) parts.push(`${prefix}vaddr ${m.vaddr.cidr.replace(/\/32$/, '')}`);
  if (m.vport !== undefined) parts.push(`${prefix}vport ${m.vport}`);
  return parts.join(' ');
}

function matchText(m: NfMatch): string {
  switch (m.kind) {
    case 'src': case 'dst': case 'proto': case 'iface': return '';
    case 'comment': return `/* ${m.text} */`;
    case 'ports': return `${m.module}${ports('s', m.sport)}${ports('d', m.dport)}`;
    case 'addrtype': return `ADDRTYPE match${m.src ? ` src-type ${m.src.invert ? '!' : ''}${m.src.type}` : ''}${m.dst ? ` dst-type ${m.dst.invert ? '!' : ''}${m.dst.type}` : ''}`;
    case 'statistic': return `statistic mode random${m.invert ? ' !' : ''} probability ${m.text}`;
    case 'recent': return `${m.invert ? '! ' : ''}recent: ${m.mode.toUpperCase()}${m.seconds ? ` seconds: ${m.seconds}` : ''}${m.reap ? ' reap' : ''} name: ${m.name} side: ${m.side === 'rsource' ? 'source' : 'dest'} mask: ${m.mask}`;
    case 'mark': return `mark match ${m.invert ? '! ' : ''}${hex(m.value)}/${hex(m.mask)}`;
    case 'conntrack': return `${m.invert ? '! ' : ''}ctstate ${m.states.join(',')}`;
    case 'set': return `${m.invert ? '! ' : ''}match-set ${m.name} ${m.dirs.join(',')}`;
    case 'nfacct': return `nfacct-name  ${m.name}`;
    case 'physdev': return `PHYSDEV match${m.invert ? ' !' : ''} --physdev-is-in`;
    case 'ipvs': return ipvsText(m, '');
  }
}

function targetName(t: NfTarget): string {
  switch (t.kind) {
    case 'none': return '';
    case 'jump': case 'goto': return t.chain;
    default: return t.kind;
  }
}

function targetText(t: NfTarget): string {
  switch (t.kind) {
    case 'DNAT': return `to:${t.ip}${t.port ? `:${t.port}` : ''}`;
    case 'SNAT': return `to:${t.ip}${t.port ? `:${t.port}` : ''}${t.randomFully ? ' random-fully' : ''}`;
    case 'MARK': return t.mask === 0 ? `MARK xor ${hex(t.value)}` : t.value === t.mask ? `MARK or ${hex(t.value)}` : `MARK xset ${hex(t.value)}/${hex(t.mask)}`;
    case 'MASQUERADE': return t.randomFully ? 'random-fully' : '';
    case 'REJECT': return `reject-with ${t.with}`;
    case 'REDIRECT': return `redir ports ${t.port}`;
    case 'goto': return '[goto]';
    default: return '';
  }
}

function ruleLine(r: NfRule, num: number, o: ListOptions): string {
  const src = r.matches.find((m) => m.kind === 'src') as Extract<NfMatch, { kind: 'src' }> | undefined;
  const dst = r.matches.find((m) => m.kind === 'dst') as Extract<NfMatch, { kind: 'dst' }> | undefined;
  const proto = r.matches.find((m) => m.kind === 'proto') as Extract<NfMatch, { kind: 'proto' }> | undefined;
  const extra = [...r.matches.map(matchText), targetText(r.target)].filter((x) => x).join(' ');
  let line = o.lineNumbers ? `${String(num).padEnd(4)} ` : '';
  if (o.verbose) line += `${'0'.padStart(5)} ${'0'.padStart(5)} `;
  line += `${targetName(r.target).padEnd(9)} ${proto?.invert ? '!' : ' '}${(proto?.proto ?? 'all').padEnd(5)}-- `;
  if (o.verbose) line += ` ${'*'.padEnd(6)} ${'*'.padEnd(5)}`;
  return `${line}${addr(src?.addr)}${addr(dst?.addr)}${extra ? ` ${extra}` : ''}`;
}

function header(o: ListOptions): string {
  return `${o.lineNumbers ? 'num  ' : ''}${o.verbose ? ' pkts bytes ' : ''}target     prot opt ${o.verbose ? 'in     out     ' : ''}source               destination         `;
}

/** The -L text of a table (or one chain), or undefined when the chain does not exist. */
export function listTable(t: IptablesTable, chain: string | undefined, o: ListOptions): string | undefined {
  const chains = listChains(t, chain);
  if (!chains) return undefined;
  const policies = new Map(t.builtins);
  const blocks = chains.map((c) => {
    const title = policies.has(c) ? `Chain ${c} (policy ${policies.get(c)}${o.verbose ? ' 0 packets, 0 bytes' : ''})` : `Chain ${c} (${references(t, c)} references)`;
    const rules = (t.chains[c] ?? []).map((l) => parseRule(l)).flatMap((p, i) => (p.ok ? [ruleLine(p.rule, i + 1, o)] : []));
    return [title, header(o), ...rules].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
