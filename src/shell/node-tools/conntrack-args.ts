// conntrack's command line as conntrack-tools 1.4.6 reads it (src/conntrack.c main: getopt_long
// over original_opts; `-p` merges the protocol's options such as --dport, so they are unknown
// before it; extensions/libct_proto_tcp.c/udp.c), and its usage text. Only the commands and
// filters the lab models are accepted: -L, -D, -C, -F, -h, -V with address, port and NAT filters.
import { isIPv4 } from '../../sim/net.js';
import type { ConntrackListOptions } from '../../sim/dataplane/conntrack.js';

/** The commands the lab models. */
export type CtCommand = 'list' | 'delete' | 'count' | 'flush' | 'help' | 'version';

/** A parsed command line. */
export interface CtArgs {
  command?: CtCommand;
  /** `dying` stands for the dying and unconfirmed lists, which the lab keeps empty. */
  table: 'conntrack' | 'expect' | 'dying';
  filters: ConntrackListOptions;
}

const COMMANDS: Record<string, CtCommand> = {
  '-L': 'list', '--dump': 'list', '-D': 'delete', '--delete': 'delete', '-C': 'count', '--counter': 'count',
  '-F': 'flush', '--flush': 'flush', '-h': 'help', '--help': 'help', '-V': 'version', '--version': 'version',
};
const UNMODELLED = ['-I', '--create', '-U', '--update', '-G', '--get', '-E', '--event', '-S', '--stats'];
const ADDRS: Record<string, 'src' | 'dst' | 'replySrc' | 'replyDst'> = {
  '-s': 'src', '--src': 'src', '--orig-src': 'src', '-d': 'dst', '--dst': 'dst', '--orig-dst': 'dst',
  '-r': 'replySrc', '--reply-src': 'replySrc', '-q': 'replyDst', '--reply-dst': 'replyDst',
};
const PORTS: Record<string, 'sport' | 'dport' | 'replySport' | 'replyDport'> = {
  '--sport': 'sport', '--orig-port-src': 'sport', '--dport': 'dport', '--orig-port-dst': 'dport',
  '--reply-port-src': 'replySport', '--reply-port-dst': 'replyDport',
};
const PROTOS: Record<string, ConntrackListOptions['proto']> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp', sctp: 'sctp', '132': 'sctp' };

/** The value of an option, from `--opt=V`, `-oV` or the next word. */
function takeValue(args: string[], i: { n: number }, attached: string | undefined, optional: boolean): string | undefined {
  if (attached !== undefined) return attached;
  const next = args[i.n + 1];
  if (next === undefined || (optional && next.startsWith('-'))) return undefined;
  i.n++;
  return next;
}

function applyOption(a: CtArgs, word: string, value: () => string | undefined, optValue: () => string | undefined): string | undefined {
  const addr = ADDRS[word];
  if (addr) {
    const v = value();
    if (v === undefined) return `option \`${word}' requires an argument`;
    if (!isIPv4(v)) return `Invalid IP address \`${v}'`;
    a.filters[addr] = v;
    return undefined;
  }
  if (word === '-p' || word === '--protonum') {
    const v = value();
    if (v === undefined) return `option \`${word}' requires an argument`;
    const proto = PROTOS[v.toLowerCase()];
    if (!proto) return `\`${v}' unsupported protocol`;
    a.filters.proto = proto;
    return undefined;
  }
  const port = PORTS[word];
  if (port && a.filters.proto && a.filters.proto !== 'icmp') {
    const v = value();
    if (v === undefined) return `option \`${word}' requires an argument`;
    a.filters[port] = Number.parseInt(v, 10) || 0;
    return undefined;
  }
  if (['-g', '--dst-nat', '-n', '--src-nat'].includes(word)) {
    const v = optValue();
    if (v !== undefined && !isIPv4(v)) return `Invalid IP address \`${v}'`;
    a.filters[word === '-g' || word === '--dst-nat' ? 'dstNat' : 'srcNat'] = v ?? true;
    return undefined;
  }
  if (word === '-o' || word === '--output') {
    for (const kind of (value() ?? '').split(',')) {
      if (kind === 'extended') a.filters.extended = true;
      else if (kind === 'id') a.filters.showId = true;
      else return `Bad parameter \`${kind}'`;
    }
    return undefined;
  }
  return `unknown option \`${word}'`;
}

/** check_type(): the optional table word after a command, matched as a prefix of a table name. */
function setCommand(a: CtArgs, c: CtCommand, args: string[], i: { n: number }): string | undefined {
  if (a.command) return 'Invalid commands combination';
  a.command = c;
  const next = args[i.n + 1];
  if (next === undefined || next.startsWith('-') || next.startsWith('!')) return undefined;
  i.n++;
  const table = (['expect', 'conntrack', 'dying', 'unconfirmed'] as const).find((t) => t.startsWith(next));
  if (!table) return `unknown type \`${next}'`;
  a.table = table === 'unconfirmed' ? 'dying' : table;
  if (a.table === 'dying' && c !== 'list') return "Can't do that command with tables `dying' and `unconfirmed'";
  return undefined;
}

/** Parses conntrack's arguments; a string is the error conntrack prints before "Try `conntrack -h'...". */
export function parseConntrackArgs(args: string[]): CtArgs | string {
  const a: CtArgs = { table: 'conntrack', filters: {} };
  for (const i = { n: 0 }; i.n < args.length; i.n++) {
    const raw = args[i.n]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const word = eq > 0 ? raw.slice(0, eq) : !raw.startsWith('--') && raw.length > 2 && raw.startsWith('-') ? raw.slice(0, 2) : raw;
    const attached = eq > 0 ? raw.slice(eq + 1) : word !== raw ? raw.slice(2) : undefined;
    if (UNMODELLED.includes(word)) return `k8s-svc-lab: conntrack ${word} is not part of the lab; -L, -D, -C and -F are`;
    const command = COMMANDS[word];
    const err = command
      ? setCommand(a, command, args, i)
      : applyOption(a, word, () => takeValue(args, i, attached, false), () => takeValue(args, i, attached, true));
    if (err) return err;
  }
  return a;
}

/** `conntrack -h` (usage() of conntrack.c 1.4.6). */
export const CONNTRACK_USAGE = `Command line interface for the connection tracking system. Version 1.4.6
Usage: conntrack [commands] [options]

Commands:
  -L [table] [options]\t\tList conntrack or expectation table
  -G [table] parameters\t\tGet conntrack or expectation
  -D [table] parameters\t\tDelete conntrack or expectation
  -I [table] parameters\t\tCreate a conntrack or expectation
  -U [table] parameters\t\tUpdate a conntrack
  -E [table] [options]\t\tShow events
  -F [table]\t\t\tFlush table
  -C [table]\t\t\tShow counter
  -S\t\t\t\tShow statistics

Tables: conntrack, expect, dying, unconfirmed

Conntrack parameters and options:
  -n, --src-nat ip\t\t\tsource NAT ip
  -g, --dst-nat ip\t\t\tdestination NAT ip
  -j, --any-nat ip\t\t\tsource or destination NAT ip
  -m, --mark mark\t\t\tSet mark
  -c, --secmark secmark\t\t\tSet selinux secmark
  -e, --event-mask eventmask\t\tEvent mask, eg. NEW,DESTROY
  -z, --zero \t\t\t\tZero counters while listing
  -o, --output type[,...]\t\tOutput format, eg. xml
  -l, --label label[,...]\t\tconntrack labels

Expectation parameters and options:
  --tuple-src ip\tSource address in expect tuple
  --tuple-dst ip\tDestination address in expect tuple

Updating parameters and options:
  --label-add label\tAdd label
  --label-del label\tDelete label

Common parameters and options:
  -s, --src, --orig-src ip\t\tSource address from original direction
  -d, --dst, --orig-dst ip\t\tDestination address from original direction
  -r, --reply-src ip\t\tSource addres from reply direction
  -q, --reply-dst ip\t\tDestination address from reply direction
  -p, --protonum proto\t\tLayer 4 Protocol, eg. 'tcp'
  -f, --family proto\t\tLayer 3 Protocol, eg. 'ipv6'
  -t, --timeout timeout\t\tSet timeout
  -u, --status status\t\tSet status, eg. ASSURED
  -w, --zone value\t\tSet conntrack zone
  --orig-zone value\t\tSet zone for original direction
  --reply-zone value\t\tSet zone for reply direction
  -b, --buffer-size\t\tNetlink socket buffer size
  --mask-src ip\t\t\tSource mask address
  --mask-dst ip\t\t\tDestination mask address

`;
