// ping as a pure function of its probes: iputils 20211215 (Ubuntu, netshoot; ping/ping.c,
// ping_common.c: icmp_seq from 1, "Destination Host Unreachable", rtt with mdev, pipe) and BusyBox
// ping (seq from 0, no error lines, round-trip min/avg/max). Without -c or -w the lab stops after
// INTERRUPT_AFTER probes as if the learner had pressed Ctrl-C.
import { Output, type ToolOutput } from './common.js';

/** How one echo request ended. */
export interface PingProbe {
  outcome: 'reply' | 'lost' | 'unreachable' | 'port-unreachable';
  /** The reply's TTL. */
  ttl?: number;
  /** Round-trip time in milliseconds. */
  rttMs?: number;
  /** Who reported an unreachable host (the sender's own address after ARP failed). */
  from?: string;
}

/** Everything a ping run's output depends on. */
export interface PingRun {
  impl: 'iputils' | 'busybox';
  /** The host as typed. */
  target: string;
  /** The canonical name a name resolved to (iputils prints it); absent for addresses. */
  canonical?: string;
  ip: string;
  probes: PingProbe[];
  quiet: boolean;
  /** True when ping ran until interrupted (no -c, no -w). */
  interrupted: boolean;
  /** -c. */
  count?: number;
  /** -w: seconds until ping exits, in milliseconds. */
  deadlineMs?: number;
  /** -W: how long to wait for a reply after the last request (10 s by default). */
  waitMs?: number;
}

/** How long the kernel tries ARP before reporting a host unreachable (3 probes, 1 s apart). */
const ARP_FAILURE_MS = 3000;

/** Probes the lab sends when no -c or -w ends ping. */
export const INTERRUPT_AFTER = 4;

/** What ping prints when the host does not resolve, and its exit status. */
export function pingResolveError(impl: PingRun['impl'], target: string, reason: 'nxdomain' | 'timeout' | 'servfail'): { text: string; status: number } {
  if (impl === 'busybox') return { text: `ping: bad address '${target}'\n`, status: 1 };
  const why = reason === 'nxdomain' ? 'Name or service not known' : 'Temporary failure in name resolution';
  return { text: `ping: ${target}: ${why}\n`, status: 2 };
}

const us = (p: PingProbe): number => Math.round((p.rttMs ?? 0) * 1000);
const ms3 = (t: number): string => `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;

/** iputils' reply time: fewer decimals as it grows. */
function iputilsTime(t: number): string {
  if (t >= 99950) return `${Math.floor((t + 500) / 1000)}`;
  if (t >= 9995) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return ms3(t);
}

/** Everything ping writes (all on stdout), its exit status and how long it ran. */
export function formatPing(run: PingRun): ToolOutput {
  const lines = run.impl === 'iputils' ? iputilsLines(run) : busyboxLines(run);
  const received = run.probes.filter((p) => p.outcome === 'reply').length;
  const short = run.deadlineMs !== undefined && run.count !== undefined && received < run.count;
  return new Output().out(lines.join('\n') + '\n').done(received === 0 || short ? 1 : 0, pingElapsedMs(run));
}

/** How long ping runs: one request a second, then the last reply, or -W (10 s) of waiting, or -w, or the Ctrl-C. */
export function pingElapsedMs(run: Pick<PingRun, 'probes' | 'interrupted' | 'deadlineMs' | 'waitMs'>): number {
  const n = run.probes.length;
  if (run.interrupted) return n * 1000;
  const last = run.probes[n - 1];
  const sent = Math.max(0, n - 1) * 1000;
  let total = sent + (last?.outcome === 'reply' ? Math.ceil(last.rttMs ?? 0) : run.waitMs ?? 10_000);
  if (last?.outcome === 'unreachable') total = Math.max(sent, ARP_FAILURE_MS);
  if (last?.outcome === 'port-unreachable') total = sent + 1;
  return run.deadlineMs !== undefined ? Math.min(total, run.deadlineMs) : total;
}

function iputilsLines(run: PingRun): string[] {
  const host = run.canonical ?? run.target;
  const named = run.canonical !== undefined;
  const who = (ip: string): string => (named ? `${ip} (${ip})` : ip);
  const out = [`PING ${host} (${run.ip}) 56(84) bytes of data.`];
  run.probes.forEach((p, i) => {
    if (run.quiet || p.outcome === 'lost') return;
    if (p.outcome === 'unreachable') out.push(`From ${who(p.from ?? run.ip)} icmp_seq=${i + 1} Destination Host Unreachable`);
    else if (p.outcome === 'port-unreachable') out.push(`From ${who(p.from ?? run.ip)} icmp_seq=${i + 1} Destination Port Unreachable`);
    else out.push(`64 bytes from ${who(run.ip)}: icmp_seq=${i + 1} ttl=${p.ttl ?? 64} time=${iputilsTime(us(p))} ms`);
  });
  const replies = run.probes.filter((p) => p.outcome === 'reply');
  const errors = run.probes.filter((p) => p.outcome === 'unreachable' || p.outcome === 'port-unreachable').length;
  const n = run.probes.length;
  const loss = n ? Math.round(((n - replies.length) * 100) / n * 1e4) / 1e4 : 0;
  const time = n > 1 ? (n - 1) * 1000 + (replies.length ? 2 : 43) : 0;
  out.push(`${run.interrupted ? '^C' : ''}`, `--- ${host} ping statistics ---`);
  out.push(`${n} packets transmitted, ${replies.length} received${errors ? `, +${errors} errors` : ''}, ${loss}% packet loss, time ${time}ms`);
  const extra: string[] = [];
  if (replies.length) extra.push(`rtt min/avg/max/mdev = ${rttStats(replies.map(us), true)}`);
  if (errors && n > 1) extra.push(`pipe ${Math.min(n, 4)}`);
  out.push(extra.join(', '));
  return out;
}

function busyboxLines(run: PingRun): string[] {
  const out = [`PING ${run.target} (${run.ip}): 56 data bytes`];
  run.probes.forEach((p, i) => {
    if (!run.quiet && p.outcome === 'reply') out.push(`64 bytes from ${run.ip}: seq=${i} ttl=${p.ttl ?? 64} time=${ms3(us(p))} ms`);
  });
  const replies = run.probes.filter((p) => p.outcome === 'reply');
  const n = run.probes.length;
  out.push(`${run.interrupted ? '^C' : ''}`, `--- ${run.target} ping statistics ---`);
  out.push(`${n} packets transmitted, ${replies.length} packets received, ${n ? Math.floor(((n - replies.length) * 100) / n) : 0}% packet loss`);
  if (replies.length) out.push(`round-trip min/avg/max = ${rttStats(replies.map(us), false)}`);
  return out;
}

/** min/avg/max (and iputils' mdev) of round trips in microseconds, as "0.040/0.045/0.050/0.004 ms". */
function rttStats(t: number[], mdev: boolean): string {
  const sum = t.reduce((a, b) => a + b, 0);
  const avg = Math.floor(sum / t.length);
  const parts = [Math.min(...t), avg, Math.max(...t)];
  if (mdev) {
    const sum2 = t.reduce((a, b) => a + b * b, 0);
    const variance = Math.floor((sum2 - Math.floor((sum * sum) / t.length)) / t.length);
    parts.push(Math.floor(Math.sqrt(Math.max(0, variance))));
  }
  return `${parts.map(ms3).join('/')} ms`;
}
