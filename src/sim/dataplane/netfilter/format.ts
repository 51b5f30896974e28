// A parsed rule printed back the way iptables-save prints it: each extension's save() function
// in iptables extensions/libxt_*.c (`!` before the option it negates, marks as 0x%x, a mask only
// when it is not 0xffffffff, values through xtables_save_string, the nfacct name after two spaces).
// Used to prove the parser keeps every part of a rule.
import { saveString } from './tokens.js';
import type { NfMatch, NfRule, NfTarget, PortSpec } from './types.js';

const hex = (n: number): string => `0x${n.toString(16)}`;
const bang = (invert: boolean): string => (invert ? ' !' : '');

function portText(name: string, p: PortSpec | undefined): string {
  if (!p) return '';
  return `${bang(p.invert)} --${name} ${p.from === p.to ? p.from : `${p.from}:${p.to}`}`;
}

function recentText(m: Extract<NfMatch, { kind: 'recent' }>): string {
  let s = `-m recent${bang(m.invert)} --${m.mode}`;
  if (m.seconds) s += ` --seconds ${m.seconds}`;
  if (m.reap) s += ' --reap';
  return `${s} --name ${m.name} --mask ${m.mask} --${m.side}`;
}

/** One match in iptables-save form. */
export function formatMatch(m: NfMatch): string {
  switch (m.kind) {
    case 'src': return `${m.addr.invert ? '! ' : ''}-s ${m.addr.cidr}`;
    case 'dst': return `${m.addr.invert ? '! ' : ''}-d ${m.addr.cidr}`;
    case 'proto': return `${m.invert ? '! ' : ''}-p ${m.proto}`;
    case 'iface': return `${m.invert ? '! ' : ''}-${m.dir === 'in' ? 'i' : 'o'} ${m.name}`;
    case 'comment': return `-m comment --comment ${saveString(m.text)}`;
    case 'ports': return `-m ${m.module}${portText('sport', m.sport)}${portText('dport', m.dport)}`;
    case 'addrtype': {
      const src = m.src ? `${bang(m.src.invert)} --src-type ${m.src.type}` : '';
      const dst = m.dst ? `${bang(m.dst.invert)} --dst-type ${m.dst.type}` : '';
      return `-m addrtype${src}${dst}`;
    }
    case 'statistic': return `-m statistic --mode random${bang(m.invert)} --probability ${m.text}`;
    case 'recent': return recentText(m);
    case 'mark': return `-m mark${bang(m.invert)} --mark ${hex(m.value)}${m.mask === 0xffffffff ? '' : `/${hex(m.mask)}`}`;
    case 'conntrack': return `-m conntrack${bang(m.invert)} --ctstate ${m.states.join(',')}`;
    case 'set': return `-m set${bang(m.invert)} --match-set ${m.name} ${m.dirs.join(',')}`;
    case 'nfacct': return `-m nfacct --nfacct-name  ${saveString(m.name)}`;
    case 'physdev': return `-m physdev${bang(m.invert)} --physdev-is-in`;
    case 'ipvs': return `-m ipvs${m.vproto !== undefined ? ` --vproto ${m.vproto}` : ''}${m.vaddr ? ` --vaddr ${m.vaddr.cidr.replace(/\/32$/, '')}` : ''}${m.vport !== undefined ? ` --vport ${m.vport}` : ''}`;
    default: {
      const never: never = m;
      return never;
    }
  }
}

const withPort = (ip: string, port?: number): string => (port === undefined ? ip : `${ip}:${port}`);

/** The target in iptables-save form ('' for a rule without one). */
export function formatTarget(t: NfTarget): string {
  switch (t.kind) {
    case 'none': return '';
    case 'jump': return `-j ${t.chain}`;
    case 'goto': return `-g ${t.chain}`;
    case 'RETURN':
    case 'ACCEPT':
    case 'DROP':
      return `-j ${t.kind}`;
    case 'REJECT': return `-j REJECT --reject-with ${t.with}`;
    case 'DNAT': return `-j DNAT --to-destination ${withPort(t.ip, t.port)}`;
    case 'SNAT': return `-j SNAT --to-source ${withPort(t.ip, t.port)}${t.randomFully ? ' --random-fully' : ''}`;
    case 'MARK': return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case 'MASQUERADE': return `-j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`;
    case 'REDIRECT': return `-j REDIRECT --to-ports ${t.port}`;
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** The whole rule as iptables-save prints it (`-A CHAIN ...`). */
export function formatRule(r: NfRule): string {
  return [`-A ${r.chain}`, ...r.matches.map(formatMatch), formatTarget(r.target)].filter((s) => s !== '').join(' ');
}
