// nc as a pure function: netcat-openbsd 1.218 with Debian's patches (Ubuntu, netshoot; -z alone is
// silent, -v reports "succeeded!" or "connect to ... failed") and BusyBox nc (nc_bloaty.c: "HOST
// (IP:PORT) open", refusals hidden unless -vv). A UDP -z probe writes and waits for a
// port-unreachable; without -z a request piped on stdin gets the server's raw answer.
import { getopt } from '../../tools/opts.js';
import { busyboxUsage } from './busybox.js';
import { attemptEnd, connectErrno, KERNEL_SYN_TIMEOUT_MS, Output, type ToolOutput } from './common.js';
import { headerLines } from './http-text.js';
import type { ConnectResult } from '../../../sim/dataplane/types.js';
import type { AppAnswer } from '../../../sim/node/catalogue.js';

/** The options of one nc run. */
export interface NcOpts {
  host: string;
  port: number;
  udp: boolean;
  zero: boolean;
  /** How many -v. */
  verbose: number;
  timeoutMs?: number;
}

/** Everything an nc run's output depends on. */
export interface NcRun {
  impl: 'openbsd' | 'busybox';
  opts: NcOpts;
  resolved: { ok: true; ip: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };
  result?: ConnectResult;
  /** The server's answer to what stdin sent (only when it sent something and -z was not given). */
  answer?: AppAnswer;
  /** Bytes stdin sent (BusyBox -vv counts them). */
  sent?: number;
}

const OPENBSD_USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
	  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
	  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
	  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
	  [destination] [port]
`;

/** How long -z waits for a UDP port-unreachable without -w (netcat-openbsd UDP_SCAN_TIMEOUT; BusyBox's tcp-ping trick, 5 s at most). */
export function udpProbeMs(run: Pick<NcRun, 'impl' | 'opts'>): number {
  return run.opts.timeoutMs ?? (run.impl === 'openbsd' ? 3000 : 5000);
}

/** /etc/services names netcat-openbsd prints for a port (netbase 6.3), else `*`. */
const SERVICES: Record<number, string> = {
  21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http', 110: 'pop3', 123: 'ntp', 143: 'imap2',
  443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt',
};
const BY_NAME = Object.fromEntries(Object.entries(SERVICES).map(([p, n]) => [n, Number(p)]));

/** Parses nc's arguments, or returns what nc prints when they are wrong. */
export function parseNcArgs(impl: NcRun['impl'], args: string[]): { ok: true; opts: NcOpts } | { ok: false; out: ToolOutput } {
  const bsd = impl === 'openbsd';
  const r = getopt(args, bsd ? { flags: '46bCDdFhklNnrStUuvZz', withArg: 'IiMmOPpqsTVWwXx' } : { flags: 'nubvlkz', withArg: 'psweio' });
  const o = new Output();
  const usage = bsd ? OPENBSD_USAGE : busyboxUsage('nc');
  if (!r.ok) return { ok: false, out: o.err(`nc: ${r.error}\n${usage}`).done(1, 0) };
  if (r.operands.length !== 2) return { ok: false, out: o.err(usage).done(1, 0) };
  const [host, portText] = r.operands as [string, string];
  const port = /^\d+$/.test(portText) ? Number(portText) : BY_NAME[portText];
  if (port === undefined || port < 1 || port > 65535) {
    const msg = bsd ? (/^\d+$/.test(portText) ? `nc: port number too large: ${portText}\n` : `nc: service "${portText}" unknown\n`) : `nc: bad port '${portText}'\n`;
    return { ok: false, out: o.err(msg).done(1, 0) };
  }
  const w = r.opts.filter((x) => x.c === 'w').pop()?.arg;
  if (w !== undefined && !/^\d+$/.test(w)) return { ok: false, out: o.err(bsd ? `nc: timeout invalid: ${w}\n` : `nc: invalid number '${w}'\n`).done(1, 0) };
  const has = (c: string): boolean => r.opts.some((x) => x.c === c);
  const opts: NcOpts = { host, port, udp: has('u'), zero: has('z'), verbose: r.opts.filter((x) => x.c === 'v').length };
  if (w !== undefined && Number(w) > 0) opts.timeoutMs = Number(w) * 1000;
  return { ok: true, opts };
}

/** The connect() limit nc asks for: -w, else the kernel's. */
export function ncConnectLimit(opts: NcOpts): number {
  return opts.timeoutMs ?? KERNEL_SYN_TIMEOUT_MS;
}

/** Everything nc writes for a run. */
export function formatNc(run: NcRun): ToolOutput {
  const o = new Output();
  const { opts } = run;
  if (!run.resolved.ok || !run.result) {
    const reason = !run.resolved.ok && run.resolved.reason !== 'nxdomain' ? 'Temporary failure in name resolution' : 'Name or service not known';
    return o.err(run.impl === 'openbsd' ? `nc: getaddrinfo for host "${opts.host}" port ${opts.port}: ${reason}\n` : `nc: bad address '${opts.host}'\n`).done(1, 0);
  }
  const ip = run.resolved.ip;
  const proto = opts.udp ? 'udp' : 'tcp';
  const end = opts.udp ? udpEnd(run) : attemptEnd(run.result, opts.timeoutMs);
  if (end.outcome !== 'connected') {
    const errno = end.byTool ? 'Operation now in progress' : connectErrno(end.outcome);
    if (run.impl === 'openbsd' && opts.verbose && !opts.udp) o.err(`nc: connect to ${opts.host} port ${opts.port} (${proto}) ${end.byTool ? 'timed out' : 'failed'}: ${errno}\n`);
    const bbErrno = end.byTool ? 'Connection timed out' : connectErrno(end.outcome);
    const bbShows = opts.verbose > 1 || (opts.verbose === 1 && end.outcome !== 'refused');
    if (run.impl === 'busybox' && bbShows && !opts.udp) o.err(`nc: ${opts.host} (${ip}:${opts.port}): ${bbErrno}\n`);
    if (run.impl === 'busybox' && opts.verbose > 1) o.err('sent 0, rcvd 0\n');
    return o.done(1, end.elapsedMs);
  }
  if (opts.verbose) {
    o.err(run.impl === 'openbsd' ? `Connection to ${opts.host} ${opts.port} port [${proto}/${SERVICES[opts.port] ?? '*'}] succeeded!\n` : `${opts.host} (${ip}:${opts.port}) open\n`);
  }
  const a = run.answer;
  if (!opts.zero && a?.kind === 'http') o.out(`${headerLines(a).join('\n')}\n\n${a.body}`);
  const rcvd = !opts.zero && a?.kind === 'http' ? headerLines(a).join('\r\n').length + 4 + a.body.length : 0;
  if (run.impl === 'busybox' && opts.verbose > 1) o.err(`sent ${opts.zero ? 0 : run.sent ?? 0}, rcvd ${rcvd}\n`);
  return o.done(0, end.elapsedMs);
}

/** A UDP probe: connect() always works; netcat-openbsd with -v, BusyBox with -z, write and wait for a refusal. */
function udpEnd(run: NcRun): { outcome: 'connected' | 'refused'; byTool: boolean; elapsedMs: number } {
  const probes = run.impl === 'openbsd' ? run.opts.verbose > 0 : run.opts.zero;
  if (!probes) return { outcome: 'connected', byTool: false, elapsedMs: 0 };
  return { outcome: run.result!.outcome === 'refused' ? 'refused' : 'connected', byTool: false, elapsedMs: udpProbeMs(run) };
}
