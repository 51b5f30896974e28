// One iptables rule as the kernel's x_tables hold it (struct ipt_entry: the IP header part, then
// the xt matches in order, then one target), parsed back from iptables-save's text (iptables
// iptables/iptables-save.c, extensions/libxt_*.c). Only the matches and targets kube-proxy, kubelet
// and flannel write are modelled; anything else parses to an error value.
import type { Hop, NfPacket, RecentList } from '../types.js';

/** An address match (`-s`/`-d`) as base and mask integers, with the CIDR text for printing. */
export interface AddrSpec {
  invert: boolean;
  cidr: string;
  base: number;
  mask: number;
}

/** A port or port range of `-m tcp/udp/sctp` (`--dport 443`, `--dport 30000:32767`). */
export interface PortSpec {
  invert: boolean;
  from: number;
  to: number;
}

/** The conntrack states `-m conntrack --ctstate` can name. */
export type CtState = 'INVALID' | 'NEW' | 'RELATED' | 'ESTABLISHED' | 'UNTRACKED' | 'SNAT' | 'DNAT';

/** One match of a rule, in the order iptables-save printed it. */
export type NfMatch =
  | { kind: 'src'; addr: AddrSpec }
  | { kind: 'dst'; addr: AddrSpec }
  | { kind: 'proto'; invert: boolean; proto: string }
  | { kind: 'iface'; dir: 'in' | 'out'; invert: boolean; name: string }
  | { kind: 'comment'; text: string }
  | { kind: 'ports'; module: 'tcp' | 'udp' | 'sctp'; sport?: PortSpec; dport?: PortSpec }
  | { kind: 'addrtype'; src?: { invert: boolean; type: string }; dst?: { invert: boolean; type: string } }
  | { kind: 'statistic'; invert: boolean; probability: number; text: string }
  | { kind: 'recent'; invert: boolean; mode: 'set' | 'rcheck' | 'update' | 'remove'; seconds: number; reap: boolean; name: string; mask: string; side: 'rsource' | 'rdest' }
  | { kind: 'mark'; invert: boolean; value: number; mask: number }
  | { kind: 'conntrack'; invert: boolean; states: CtState[] }
  | { kind: 'set'; invert: boolean; name: string; dirs: ('src' | 'dst')[] }
  | { kind: 'nfacct'; name: string }
  | { kind: 'physdev'; invert: boolean }
  | { kind: 'ipvs'; vproto?: number; vaddr?: AddrSpec; vport?: number };

/** The target of a rule (`-j`/`-g`), or none (a rule that only counts). */
export type NfTarget =
  | { kind: 'none' }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'RETURN' }
  | { kind: 'ACCEPT' }
  | { kind: 'DROP' }
  | { kind: 'REJECT'; with: string }
  | { kind: 'DNAT'; ip: string; port?: number }
  | { kind: 'SNAT'; ip: string; port?: number; randomFully: boolean }
  | { kind: 'MARK'; value: number; mask: number }
  | { kind: 'MASQUERADE'; randomFully: boolean }
  | { kind: 'REDIRECT'; port: number };

/** A parsed rule: its chain, matches in order, target, and the line it came from. */
export interface NfRule {
  chain: string;
  matches: NfMatch[];
  target: NfTarget;
  line: string;
}

/** What parsing one line gives: a rule, or the reason the line is not understood. */
export type ParsedRule = { ok: true; rule: NfRule } | { ok: false; error: string; line: string };

/** An ipset as the evaluator needs it (kube-proxy's IpSet has the same fields). */
export interface NfIpSet {
  name: string;
  type: string;
  members: string[];
}

/** What conntrack says about the packet (`DNAT`: the flow's destination was rewritten). */
export type NfCtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'DNAT';

/** The host a table is evaluated on, and the kernel state matches read and write. */
export interface NfContext {
  host: string;
  tableName: string;
  /** What `-m addrtype --*-type LOCAL` means here: the host's addresses (127.0.0.0/8 is always local). */
  localAddresses: string[];
  ipsets?: NfIpSet[];
  /** xt_recent's lists by name; `--set`/`--update` write into them, `--reap` deletes from them. */
  recent: Record<string, RecentList>;
  /** Simulated time in ms. */
  now: number;
  /** A draw in [0,1) from the simulation's seeded PRNG; called only when a statistic match is reached. */
  random(): number;
  /** Every state that holds (a flow's first packet after DNAT is both NEW and DNAT). */
  ctstate: NfCtState | NfCtState[];
  /** The interfaces the packet came in on and goes out of (`-i`/`-o`); '' or absent when none. */
  inInterface?: string;
  outInterface?: string;
  /** The primary address of the incoming interface (REDIRECT's new destination outside OUTPUT). */
  inAddress?: string;
  /** The packet came in through a bridge port (a local pod's veth on cni0): `-m physdev --physdev-is-in`. */
  bridged?: boolean;
  /** Whether IPVS has a virtual server for the packet's destination (what `-m ipvs` can match). */
  ipvsVirtual?(packet: NfPacket): boolean;
}

/** What traversing a hook's chain decided. */
export interface NfResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  packet: NfPacket;
  /** A MASQUERADE target was hit: the source is rewritten when the packet leaves. */
  masquerade: boolean;
  /** A REDIRECT target was hit: the local port the packet now goes to. */
  redirectPort?: number;
  hops: Hop[];
  /** Rules skipped because they could not be parsed (a bug in whatever wrote them). */
  errors?: string[];
}
