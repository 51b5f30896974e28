// telnet as a pure function: netkit telnet 0.17 (Ubuntu; commands.c tn(): "Trying", "Connected to",
// "Escape character is '^]'.", errors and "Connection closed by foreign host." on stderr, exit 1)
// and BusyBox telnet ("Connected to HOST", exit 0 at the end of stdin). stdin is never a terminal
// in the lab, so a session ends once the server has answered what stdin sent.
import { getopt } from '../../tools/opts.js';
import { busyboxUsage } from './busybox.js';
import { connectErrno, KERNEL_SYN_TIMEOUT_MS, Output, type ToolOutput } from './common.js';
import { headerLines } from './http-text.js';
import type { ConnectResult } from '../../../sim/dataplane/types.js';
import type { AppAnswer } from '../../../sim/node/catalogue.js';

/** Everything a telnet run's output depends on. */
export interface TelnetRun {
  impl: 'netkit' | 'busybox';
  host: string;
  port: number;
  resolved: { ok: true; ip: string; canonical: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };
  result?: ConnectResult;
  /** The server's answer to what stdin sent, when stdin sent something. */
  answer?: AppAnswer;
}

const NETKIT_USAGE = 'Usage: telnet [-4] [-6] [-8] [-E] [-L] [-a] [-d] [-e char] [-l user] [-n tracefile] [-b addr] [-r] [host-name [port]]\n';

/** Parses telnet's arguments: the host and port, or what telnet prints instead. */
export function parseTelnetArgs(impl: TelnetRun['impl'], args: string[]): { ok: true; host: string; port: number } | { ok: false; out: ToolOutput } {
  const netkit = impl === 'netkit';
  const r = getopt(args, netkit ? { flags: '468ELadrKcfFx', withArg: 'elnbS' } : { flags: 'a', withArg: 'l' });
  const o = new Output();
  if (!r.ok) return { ok: false, out: o.err(netkit ? `telnet: ${r.error}\n${NETKIT_USAGE}` : busyboxUsage('telnet')).done(1, 0) };
  if (r.operands.length === 0) return { ok: false, out: netkit ? o.out('telnet> ').done(0, 0) : o.err(busyboxUsage('telnet')).done(1, 0) };
  const portText = r.operands[1] ?? '23';
  const port = portText === 'telnet' ? 23 : portText === 'http' ? 80 : Number(portText);
  if (!/^\d+$/.test(portText) && Number.isNaN(port)) {
    return { ok: false, out: o.err(netkit ? `telnet: could not resolve ${r.operands[0]}/${portText}: Servname not supported for ai_socktype\n` : `telnet: bad port '${portText}'\n`).done(1, 0) };
  }
  return { ok: true, host: r.operands[0]!, port };
}

/** Everything telnet writes for a run. */
export function formatTelnet(run: TelnetRun): ToolOutput {
  const o = new Output();
  const netkit = run.impl === 'netkit';
  if (!run.resolved.ok || !run.result) {
    const why = !run.resolved.ok && run.resolved.reason !== 'nxdomain' ? 'Temporary failure in name resolution' : 'Name or service not known';
    return o.err(netkit ? `telnet: could not resolve ${run.host}/${run.port}: ${why}\n` : `telnet: bad address '${run.host}'\n`).done(1, 0);
  }
  const { ip, canonical } = run.resolved;
  if (netkit) o.out(`Trying ${ip}...\n`);
  const r = run.result;
  const elapsed = Math.min(r.elapsedMs, KERNEL_SYN_TIMEOUT_MS);
  if (r.outcome !== 'connected') {
    const errno = connectErrno(r.outcome);
    return o.err(netkit ? `telnet: Unable to connect to remote host: ${errno}\n` : `telnet: can't connect to remote host (${ip}): ${errno}\n`).done(1, elapsed);
  }
  o.out(netkit ? `Connected to ${canonical}.\nEscape character is '^]'.\n` : `Connected to ${run.host}\n`);
  const a = run.answer;
  if (a?.kind === 'http') o.out(`${headerLines(a).join('\n')}\n\n${a.body}`);
  if (!netkit && a?.kind !== 'http') return o.done(0, elapsed);
  return o.err(netkit ? 'Connection closed by foreign host.\n' : 'Connection closed by foreign host\n').done(1, elapsed + (a ? 1 : 0));
}
