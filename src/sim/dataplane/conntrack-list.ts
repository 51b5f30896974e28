// `conntrack -L` as conntrack-tools 1.4.6 prints it through libnetfilter_conntrack 1.0.9
// (src/conntrack/snprintf_default.c __snprintf_conntrack_default: "%-8s %u " protocol, the
// remaining seconds, the TCP state, both tuples, [UNREPLIED] after the original, [ASSURED] after
// the reply, mark=, use=), and the summary conntrack.c writes to stderr. Entries are listed in
// insertion order; the kernel's dump follows its hash buckets instead.
import type { ConntrackEntry, NodeKernel } from './types.js';

/** The filters `conntrack -L` accepts (original direction unless named reply). */
export interface ConntrackListOptions {
  proto?: ConntrackEntry['proto'];
  src?: string;
  dst?: string;
  sport?: number;
  dport?: number;
  replySrc?: string;
  replyDst?: string;
  replySport?: number;
  replyDport?: number;
  /** `--dst-nat [IP]` / `--src-nat [IP]`: only flows that were DNATed / SNATed (to IP). */
  dstNat?: string | true;
  srcNat?: string | true;
  /** `-o extended`: the layer-3 protocol first (`ipv4     2 `). */
  extended?: boolean;
  /** `-o id`: the entry's id last (`id=42`). */
  showId?: boolean;
}

/** What `conntrack -L` writes: the entries on stdout, the summary on stderr. */
export interface ConntrackListing {
  stdout: string;
  stderr: string;
  count: number;
}

/** The version string conntrack-tools prints in its messages. */
export const CONNTRACK_VERSION_PREFIX = 'conntrack v1.4.6 (conntrack-tools): ';

const PROTO_NUM: Record<ConntrackEntry['proto'], number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

function ports(e: ConntrackEntry, dir: 'orig' | 'reply'): string {
  if (e.proto === 'icmp') {
    // An echo request (type 8) and its reply (type 0); the id is kept where the ports would be.
    return dir === 'orig' ? `type=8 code=0 id=${e.sport} ` : `type=0 code=0 id=${e.sport} `;
  }
  return dir === 'orig' ? `sport=${e.sport} dport=${e.dport} ` : `sport=${e.replySport} dport=${e.replyDport} `;
}

/** One entry as libnetfilter_conntrack's default output format prints it. */
export function formatConntrackEntry(e: ConntrackEntry, now: number, extended = false, showId = false): string {
  let s = extended ? `${'ipv4'.padEnd(8)} 2 ` : '';
  s += `${e.proto.padEnd(8)} ${PROTO_NUM[e.proto]} ${Math.max(0, Math.floor((e.expires - now) / 1000))} `;
  if (e.state) s += `${e.state} `;
  s += `src=${e.src} dst=${e.dst} ${ports(e, 'orig')}`;
  if (e.unreplied) s += '[UNREPLIED] ';
  s += `src=${e.replySrc} dst=${e.replyDst} ${ports(e, 'reply')}`;
  if (e.assured) s += '[ASSURED] ';
  return `${s}mark=${e.mark} use=1${showId ? ` id=${e.id}` : ''}`;
}

function selected(e: ConntrackEntry, o: ConntrackListOptions): boolean {
  const checks: [unknown, unknown][] = [
    [o.proto, e.proto], [o.src, e.src], [o.dst, e.dst], [o.sport, e.sport], [o.dport, e.dport],
    [o.replySrc, e.replySrc], [o.replyDst, e.replyDst], [o.replySport, e.replySport], [o.replyDport, e.replyDport],
  ];
  if (!checks.every(([want, have]) => want === undefined || want === have)) return false;
  return nat(o.dstNat, e.dst !== e.replySrc, e.replySrc) && nat(o.srcNat, e.src !== e.replyDst, e.replyDst);
}

function nat(want: string | true | undefined, natted: boolean, to: string): boolean {
  return want === undefined || (natted && (want === true || want === to));
}

/** The live (unexpired) entries that pass the filters. */
export function conntrackSelect(kernel: NodeKernel | undefined, now: number, opts: ConntrackListOptions = {}): ConntrackEntry[] {
  return (kernel?.conntrack ?? []).filter((e) => e.expires > now && selected(e, opts)).sort((a, b) => a.id - b.id);
}

/** `conntrack -L [filters]`: one line per entry, then "N flow entries have been shown." on stderr. */
export function conntrackList(kernel: NodeKernel | undefined, now: number, opts: ConntrackListOptions = {}): ConntrackListing {
  const shown = conntrackSelect(kernel, now, opts);
  const stdout = shown.map((e) => `${formatConntrackEntry(e, now, opts.extended, opts.showId)}\n`).join('');
  return { stdout, stderr: `${CONNTRACK_VERSION_PREFIX}${shown.length} flow entries have been shown.\n`, count: shown.length };
}
