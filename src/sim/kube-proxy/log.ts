// kube-proxy's logger: structured klog lines at a verbosity (klog -v), timestamped on the
// simulated clock and kept in a ring buffer, as the container runtime keeps the container's log.
import { klogLine, klogPlain, type KlogValue } from './klog.js';
import type { LogEntry, ProxierState } from './state.js';

/** The most lines a proxier keeps; older ones fall off the head. */
export const LOG_CAP = 5000;

/** The lines every proxier together keeps at most: on a big cluster each keeps fewer (never under MIN_LOG_CAP). */
const LOG_BUDGET = 100_000;
const MIN_LOG_CAP = 1000;

/** The lines one proxier keeps on a cluster of `nodes` nodes: LOG_CAP on lesson-size clusters, less from 21 nodes on. */
export function logCapFor(nodes: number): number {
  return Math.max(MIN_LOG_CAP, Math.min(LOG_CAP, Math.floor(LOG_BUDGET / Math.max(1, nodes))));
}

/** The lines this proxier keeps. */
export const capOf = (p: ProxierState): number => p.logCap;

/** A stable, RNG-free microsecond jitter within a millisecond, so lines do not all end in .000000. */
function jitter(node: string, ms: number): number {
  let h = 2166136261;
  const s = `${node}@${ms}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h % 900;
}

/** The timestamp (µs) of the next line at simulated time `ms`, at least `offsetUs` after the previous line. */
function nextMicros(p: ProxierState, ms: number, offsetUs: number): number {
  const t = Math.max(ms * 1000 + jitter(p.node, ms), p.lastLogMicros + 11 + offsetUs);
  p.lastLogMicros = t;
  return t;
}

function push(p: ProxierState, entry: LogEntry): void {
  p.log.push(entry);
  const slack = Math.floor(capOf(p) / 10);
  if (p.log.length >= capOf(p) + slack) {
    p.log.splice(0, slack);
    p.logDropped += slack;
  }
}

/** The log as kubectl logs prints it: the newest lines the proxier keeps. */
export function logLines(p: ProxierState): string[] {
  return p.log.slice(-capOf(p)).map((e) => (e.plain ? klogPlain(e.micros, e.source, e.msg) : klogLine(e.severity, e.micros, e.source, e.msg, e.kv ?? [])));
}

/** One log call: written only when `level` ≤ the proxier's verbosity (errors and warnings always). */
export interface LogCall {
  level: number;
  severity?: 'I' | 'W' | 'E';
  source: string;
  msg: string;
  kv?: [string, KlogValue][];
  /** Microseconds this line comes at least after the previous one (start-up lines spread over the first second). */
  offsetUs?: number;
}

/**
 * Key/value pairs with a string or boolean value, shared between lines: a hundred proxiers logging
 * the same service port names would otherwise keep a hundred copies of each pair.
 */
const pairs = new Map<string, [string, KlogValue]>();

function shared(pair: [string, KlogValue]): [string, KlogValue] {
  const [k, v] = pair;
  if (typeof v !== 'string' && typeof v !== 'boolean') return pair;
  const key = `${k}=${typeof v === 'string' ? 's' : 'b'}${String(v)}`;
  const hit = pairs.get(key);
  if (hit) return hit;
  if (pairs.size >= 100_000) pairs.clear();
  pairs.set(key, pair);
  return pair;
}

/** Writes a structured line if the verbosity allows it. */
export function log(p: ProxierState, ms: number, call: LogCall): void {
  const sev = call.severity ?? 'I';
  if (sev === 'I' && call.level > p.verbosity) return;
  const entry: LogEntry = { micros: nextMicros(p, ms, call.offsetUs ?? 0), severity: sev, source: call.source, msg: call.msg };
  if (call.kv) entry.kv = call.kv.map(shared);
  push(p, entry);
}

/** Writes an unstructured line (klog.Infof) if the verbosity allows it. */
export function logPlain(p: ProxierState, ms: number, level: number, source: string, text: string, offsetUs = 0): void {
  if (level > p.verbosity) return;
  push(p, { micros: nextMicros(p, ms, offsetUs), severity: 'I', source, msg: text, plain: true });
}
