// The `-m` extensions kube-proxy writes, each read back from its iptables-save form (iptables
// extensions/libxt_comment.c, libxt_tcp.c/libxt_udp.c/libxt_sctp.c, libxt_addrtype.c,
// libxt_statistic.c, libxt_recent.c, libxt_mark.c, libxt_conntrack.c, libxt_set.c, libxt_nfacct.c).
// Options those extensions have but kube-proxy never writes (e.g. --tcp-flags, --mode nth) are errors.
import { oneValue, parsePort, parseU32, type ExtOption } from './options.js';
import { ipInt, parseAddrSpec } from './addr.js';
import type { CtState, NfMatch, PortSpec } from './types.js';

type Parsed = NfMatch | string;

function only(opts: ExtOption[], allowed: string[]): string | undefined {
  const bad = opts.find((o) => !allowed.includes(o.name));
  return bad ? `unknown option "--${bad.name}"` : undefined;
}

function portSpec(o: ExtOption): PortSpec | string {
  const v = oneValue(o);
  if (typeof v !== 'string') return v.error;
  const [a, b] = v.split(':');
  const from = parsePort(a ?? '');
  const to = b === undefined ? from : parsePort(b);
  if (from === undefined || to === undefined || v.split(':').length > 2) return `bad port "${v}"`;
  return { invert: o.invert, from, to };
}

function ports(module: 'tcp' | 'udp' | 'sctp', opts: ExtOption[]): Parsed {
  const m: Extract<NfMatch, { kind: 'ports' }> = { kind: 'ports', module };
  for (const o of opts) {
    const key = o.name === 'sport' || o.name === 'source-port' ? 'sport' : o.name === 'dport' || o.name === 'destination-port' ? 'dport' : undefined;
    if (!key) return `unknown option "--${o.name}" of -m ${module}`;
    const p = portSpec(o);
    if (typeof p === 'string') return p;
    m[key] = p;
  }
  return m;
}

function addrtype(opts: ExtOption[]): Parsed {
  const m: Extract<NfMatch, { kind: 'addrtype' }> = { kind: 'addrtype' };
  for (const o of opts) {
    if (o.name !== 'src-type' && o.name !== 'dst-type') return `unknown option "--${o.name}" of -m addrtype`;
    const v = oneValue(o);
    if (typeof v !== 'string') return v.error;
    if (v !== 'LOCAL') return `address type "${v}" is not modelled (only LOCAL)`;
    m[o.name === 'src-type' ? 'src' : 'dst'] = { invert: o.invert, type: v };
  }
  return m.src || m.dst ? m : '-m addrtype needs --src-type or --dst-type';
}

function statistic(opts: ExtOption[]): Parsed {
  const mode = opts.find((o) => o.name === 'mode');
  if (!mode || mode.values[0] !== 'random') return 'only --mode random is modelled';
  const err = only(opts, ['mode', 'probability']);
  if (err) return err;
  const prob = opts.find((o) => o.name === 'probability');
  const text = prob ? oneValue(prob) : { error: '--mode random needs --probability' };
  if (typeof text !== 'string') return text.error;
  const probability = Number(text);
  if (!/^[0-9.]+$/.test(text) || !(probability >= 0 && probability <= 1)) return `bad probability "${text}"`;
  return { kind: 'statistic', invert: prob!.invert, probability, text };
}

const RECENT_MODES = ['set', 'rcheck', 'update', 'remove'] as const;

function recent(opts: ExtOption[]): Parsed {
  const err = only(opts, [...RECENT_MODES, 'seconds', 'reap', 'name', 'mask', 'rsource', 'rdest']);
  if (err) return err;
  const modes = opts.filter((o) => (RECENT_MODES as readonly string[]).includes(o.name));
  if (modes.length !== 1) return '-m recent needs exactly one of --set, --rcheck, --update, --remove';
  const num = (n: string): number => Number(opts.find((o) => o.name === n)?.values[0] ?? 0);
  const name = opts.find((o) => o.name === 'name')?.values[0] ?? 'DEFAULT';
  const mask = opts.find((o) => o.name === 'mask')?.values[0] ?? '255.255.255.255';
  const side = opts.some((o) => o.name === 'rdest') ? 'rdest' : 'rsource';
  const reap = opts.some((o) => o.name === 'reap');
  if (reap && !num('seconds')) return '--reap needs --seconds';
  if (!/^[0-9]+$/.test(String(num('seconds')))) return 'bad --seconds';
  if (Number.isNaN(ipInt(mask))) return `bad --mask "${mask}"`;
  return { kind: 'recent', invert: modes[0]!.invert, mode: modes[0]!.name as (typeof RECENT_MODES)[number], seconds: num('seconds'), reap, name, mask, side };
}

function mark(opts: ExtOption[]): Parsed {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== 'mark') return '-m mark needs --mark value[/mask]';
  const v = oneValue(o!);
  if (typeof v !== 'string') return v.error;
  const [val, msk] = v.split('/');
  const value = parseU32(val ?? '');
  const mask = msk === undefined ? 0xffffffff : parseU32(msk);
  if (value === undefined || mask === undefined) return `bad mark "${v}"`;
  return { kind: 'mark', invert: o!.invert, value, mask };
}

const CT_STATES: CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

function conntrack(opts: ExtOption[]): Parsed {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== 'ctstate') return 'only -m conntrack --ctstate is modelled';
  const v = oneValue(o!);
  if (typeof v !== 'string') return v.error;
  const states = v.split(',');
  const bad = states.find((s) => !(CT_STATES as string[]).includes(s));
  if (bad) return `unknown conntrack state "${bad}"`;
  return { kind: 'conntrack', invert: o!.invert, states: states as CtState[] };
}

function set(opts: ExtOption[]): Parsed {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== 'match-set' || o!.values.length !== 2) return '-m set needs --match-set NAME dir[,dir...]';
  const dirs = o!.values[1]!.split(',');
  if (dirs.some((d) => d !== 'src' && d !== 'dst') || dirs.length > 3) return `bad set flags "${o!.values[1]}"`;
  return { kind: 'set', invert: o!.invert, name: o!.values[0]!, dirs: dirs as ('src' | 'dst')[] };
}

/** `-m physdev [!] --physdev-is-in`, the only physdev test kube-proxy writes. */
function physdev(opts: ExtOption[]): Parsed {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== 'physdev-is-in' || o!.values.length) return '-m physdev: only [!] --physdev-is-in is modelled';
  return { kind: 'physdev', invert: o!.invert };
}

const PROTO_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/** `-m ipvs --vproto N --vaddr A/M --vport P` (libxt_ipvs.c; save prints the protocol as a number). */
function ipvs(opts: ExtOption[]): Parsed {
  const m: Extract<NfMatch, { kind: 'ipvs' }> = { kind: 'ipvs' };
  for (const o of opts) {
    const v = oneValue(o);
    if (typeof v !== 'string') return v.error;
    if (o.invert) return `-m ipvs: "! --${o.name}" is not modelled`;
    if (o.name === 'vproto') {
      const n = PROTO_NUMBERS[v] ?? parseU32(v);
      if (n === undefined) return `unknown protocol "${v}"`;
      m.vproto = n;
    } else if (o.name === 'vaddr') {
      const a = parseAddrSpec(v, false);
      if (!a) return `bad address "${v}"`;
      m.vaddr = a;
    } else if (o.name === 'vport') {
      const n = parsePort(v);
      if (n === undefined) return `bad port "${v}"`;
      m.vport = n;
    } else return `unknown option "--${o.name}" of -m ipvs`;
  }
  return m.vproto !== undefined || m.vaddr || m.vport !== undefined ? m : 'IPVS: At least one option is required';
}

function single(opts: ExtOption[], option: string): string | { error: string } {
  const o = opts[0];
  if (opts.length !== 1 || o!.name !== option || o!.invert) return { error: `needs --${option} VALUE` };
  return oneValue(o!);
}

/** Parses the options of one `-m MODULE`, giving the match or the reason it is not understood. */
export function parseMatch(module: string, opts: ExtOption[]): Parsed {
  switch (module) {
    case 'comment': {
      const v = single(opts, 'comment');
      return typeof v === 'string' ? { kind: 'comment', text: v } : `-m comment ${v.error}`;
    }
    case 'tcp':
    case 'udp':
    case 'sctp':
      return ports(module, opts);
    case 'addrtype': return addrtype(opts);
    case 'statistic': return statistic(opts);
    case 'recent': return recent(opts);
    case 'mark': return mark(opts);
    case 'conntrack': return conntrack(opts);
    case 'set': return set(opts);
    case 'physdev': return physdev(opts);
    case 'ipvs': return ipvs(opts);
    case 'nfacct': {
      const v = single(opts, 'nfacct-name');
      return typeof v === 'string' ? { kind: 'nfacct', name: v } : `-m nfacct ${v.error}`;
    }
    default: return `match "${module}" is not modelled`;
  }
}
