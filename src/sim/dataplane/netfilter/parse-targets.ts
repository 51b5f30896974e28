// The `-j` targets kube-proxy writes, read back from iptables-save (iptables
// extensions/libxt_standard.c, libipt_REJECT.c, libxt_DNAT.c/libxt_SNAT.c, libxt_MARK.c (the v2
// form always saves as --set-xmark), libxt_MASQUERADE.c, libxt_REDIRECT.c). As in iptables, a name
// that is no target extension is a user chain; known extensions the lab does not model are errors.
import { oneValue, parsePort, parseU32, type ExtOption } from './options.js';
import type { NfTarget } from './types.js';
import { ipInt } from './addr.js';

/** Target extensions that exist in iptables but are not modelled (so not mistaken for chains). */
const UNMODELLED = ['LOG', 'NFLOG', 'ULOG', 'CT', 'NOTRACK', 'CONNMARK', 'TPROXY', 'TCPMSS', 'NFQUEUE', 'CHECKSUM', 'TRACE', 'AUDIT', 'CLASSIFY', 'DSCP', 'TOS', 'TTL', 'SET', 'NETMAP', 'CLUSTERIP', 'ECN', 'HMARK', 'IDLETIMER', 'LED', 'RATEEST', 'SECMARK', 'CONNSECMARK', 'SYNPROXY', 'TEE'];

function noOptions(kind: 'RETURN' | 'ACCEPT' | 'DROP', opts: ExtOption[]): NfTarget | string {
  return opts.length ? `-j ${kind} takes no options` : { kind };
}

function addrPort(v: string): { ip: string; port?: number } | undefined {
  const [ip, port, extra] = v.split(':');
  if (extra !== undefined || Number.isNaN(ipInt(ip ?? ''))) return undefined;
  if (port === undefined) return { ip: ip! };
  const p = parsePort(port);
  return p === undefined ? undefined : { ip: ip!, port: p };
}

function nat(kind: 'DNAT' | 'SNAT', opts: ExtOption[]): NfTarget | string {
  const optName = kind === 'DNAT' ? 'to-destination' : 'to-source';
  const to = opts.find((o) => o.name === optName);
  const rest = opts.filter((o) => o !== to);
  const randomFully = rest.some((o) => o.name === 'random-fully');
  if (!to || rest.some((o) => o.name !== 'random-fully') || (kind === 'DNAT' && randomFully)) return `-j ${kind} needs --${optName} IP[:PORT]`;
  const v = oneValue(to);
  const a = typeof v === 'string' ? addrPort(v) : undefined;
  if (!a) return `bad --${optName} "${to.values.join(' ')}"`;
  return kind === 'DNAT' ? { kind, ...a } : { kind, ...a, randomFully };
}

function mark(opts: ExtOption[]): NfTarget | string {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== 'set-xmark') return '-j MARK is saved as --set-xmark value/mask';
  const v = oneValue(o!);
  const [val, msk] = typeof v === 'string' ? v.split('/') : [];
  const value = parseU32(val ?? '');
  const mask = msk === undefined ? 0xffffffff : parseU32(msk);
  if (value === undefined || mask === undefined) return `bad --set-xmark "${o!.values.join(' ')}"`;
  return { kind: 'MARK', value, mask };
}

function reject(opts: ExtOption[]): NfTarget | string {
  const o = opts[0];
  if (opts.length > 1 || (o && o.name !== 'reject-with')) return '-j REJECT takes only --reject-with';
  const v = o ? oneValue(o) : 'icmp-port-unreachable';
  return typeof v === 'string' ? { kind: 'REJECT', with: v } : v.error;
}

function redirect(opts: ExtOption[]): NfTarget | string {
  const o = opts[0];
  const v = o && opts.length === 1 && o.name === 'to-ports' ? oneValue(o) : undefined;
  const port = typeof v === 'string' ? parsePort(v) : undefined;
  return port === undefined ? '-j REDIRECT needs --to-ports PORT' : { kind: 'REDIRECT', port };
}

/** Parses `-j NAME [options]`: a target extension, or a jump to a user chain. */
export function parseTarget(name: string, opts: ExtOption[]): NfTarget | string {
  switch (name) {
    case 'RETURN':
    case 'ACCEPT':
    case 'DROP':
      return noOptions(name, opts);
    case 'REJECT': return reject(opts);
    case 'DNAT':
    case 'SNAT':
      return nat(name, opts);
    case 'MARK': return mark(opts);
    case 'MASQUERADE': {
      const bad = opts.some((o) => o.name !== 'random-fully');
      return bad ? '-j MASQUERADE takes only --random-fully here' : { kind: 'MASQUERADE', randomFully: opts.length > 0 };
    }
    case 'REDIRECT': return redirect(opts);
    default:
      if (UNMODELLED.includes(name)) return `target "${name}" is not modelled`;
      return opts.length ? `chain ${name} takes no options` : { kind: 'jump', chain: name };
  }
}
