// ping's command line in both builds: iputils 20211215 (getopt; strtol_or_err "invalid argument:
// 'x'", "usage error: Destination address required" exit 1, bad option → usage, exit 2) and
// BusyBox (getopt32 "qvAc:+s:t:+w:+W:+I:np:i:", exactly one host, bad input → usage, exit 1).
import { getopt } from '../../tools/opts.js';
import { busyboxUsage } from './busybox.js';
import { Output, secondsToMs, type ToolOutput } from './common.js';

/** The options of one ping run. */
export interface PingOpts {
  target: string;
  count?: number;
  deadlineMs?: number;
  waitMs?: number;
  quiet: boolean;
}

const IPUTILS_USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`;

/** Parses ping's arguments, or returns what ping prints when they are wrong. */
export function parsePingArgs(impl: 'iputils' | 'busybox', args: string[]): { ok: true; opts: PingOpts } | { ok: false; out: ToolOutput } {
  const bsd = impl === 'iputils';
  const r = bsd ? getopt(args, { flags: 'h?4bR6aABdDfLnOqUvV', withArg: 'TFNcIilmMpQsStwW' }) : getopt(args, { flags: '46qvAn', withArg: 'cstwWIpi' });
  const o = new Output();
  if (!r.ok) return { ok: false, out: o.err(`ping: ${r.error}\n${bsd ? IPUTILS_USAGE : busyboxUsage('ping')}`).done(bsd ? 2 : 1, 0) };
  if (r.operands.length === 0 || (!bsd && r.operands.length > 1)) {
    return { ok: false, out: o.err(bsd ? 'ping: usage error: Destination address required\n' : busyboxUsage('ping')).done(1, 0) };
  }
  const opts: PingOpts = { target: r.operands[r.operands.length - 1]!, quiet: r.opts.some((x) => x.c === 'q') };
  for (const { c, arg = '' } of r.opts) {
    const err = bsd ? iputilsValue(opts, c, arg) : busyboxValue(opts, c, arg);
    if (err) return { ok: false, out: o.err(err).done(1, 0) };
  }
  return { ok: true, opts };
}

function iputilsValue(opts: PingOpts, c: string, arg: string): string | undefined {
  if (c !== 'c' && c !== 'w' && c !== 'W') return undefined;
  if (c === 'W') {
    const ms = secondsToMs(arg);
    if (ms === undefined) return `ping: bad linger time: ${arg}\n`;
    opts.waitMs = ms;
    return undefined;
  }
  if (!/^[-+]?\d+$/.test(arg)) return `ping: invalid argument: '${arg}'\n`;
  const n = Number(arg);
  const min = c === 'c' ? 1 : 0;
  if (n < min) return `ping: invalid argument: '${arg}': out of range: ${min} <= value <= ${c === 'c' ? '9223372036854775807' : '2147483647'}\n`;
  if (c === 'c') opts.count = n;
  else opts.deadlineMs = n * 1000;
  return undefined;
}

function busyboxValue(opts: PingOpts, c: string, arg: string): string | undefined {
  if (c !== 'c' && c !== 'w' && c !== 'W') return undefined;
  if (!/^\d+$/.test(arg)) return `ping: invalid number '${arg}'\n`;
  const n = Number(arg);
  if (c === 'c') opts.count = n || undefined;
  else if (c === 'w') opts.deadlineMs = n * 1000;
  else opts.waitMs = n * 1000;
  return undefined;
}
