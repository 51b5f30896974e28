// The kube-proxy log pane's lines: a node's kube-proxy klog lines as `kubectl -n kube-system logs
// kube-proxy-…` prints them (log.ts logLines), oldest first; or every node's at once, merged by
// timestamp, each prefixed with its node (`[node01] `) the way `kubectl logs --prefix` prefixes its
// pods' lines.
import type { SimState } from '../../sim/state.js';
import type { LogEntry } from '../../sim/kube-proxy/state.js';
import { capOf, LOG_CAP, logLines } from '../../sim/kube-proxy/log.js';
import { klogLine, klogPlain } from '../../sim/kube-proxy/klog.js';
import type { Token } from '../theme.js';
import { nodeOrder } from './nat.js';

/** One log line and the token its severity asks for. */
export interface LogLine {
  text: string;
  token: Token;
}

/** The log pane's choice: one node, or every node (null). */
export type LogSource = string | null;

const SEVERITY_TOKEN: Record<'I' | 'W' | 'E', Token> = { I: 'text', W: 'warning', E: 'error' };

/** The source after `current`: each node in pane order (workers, then the control plane), then all nodes. */
export function nextLogSource(current: LogSource, nodes: string[]): LogSource {
  if (current === null) return nodes[0] ?? null;
  const i = nodes.indexOf(current);
  return i < 0 || i + 1 >= nodes.length ? null : nodes[i + 1]!;
}

/** The source the log pane starts on: the first worker (node01 on the default cluster). */
export function defaultLogSource(sim: SimState): LogSource {
  return nodeOrder(sim)[0] ?? null;
}

/** One entry as logLines prints it. */
function format(e: LogEntry): string {
  return e.plain ? klogPlain(e.micros, e.source, e.msg) : klogLine(e.severity, e.micros, e.source, e.msg, e.kv ?? []);
}

/** The newest LOG_CAP entries of every node, oldest first: a merge from the tails, so only what is kept gets formatted. */
function mergedTail(logs: { node: string; log: LogEntry[] }[]): { node: string; entry: LogEntry }[] {
  const at = logs.map((l) => l.log.length - 1);
  const out: { node: string; entry: LogEntry }[] = [];
  while (out.length < LOG_CAP) {
    let best = -1;
    for (let i = 0; i < logs.length; i++) {
      // Ties go to the later node, so that reversed, each timestamp keeps the nodes' pane order.
      if (at[i]! >= 0 && (best < 0 || logs[i]!.log[at[i]!]!.micros >= logs[best]!.log[at[best]!]!.micros)) best = i;
    }
    if (best < 0) break;
    out.push({ node: logs[best]!.node, entry: logs[best]!.log[at[best]!]! });
    at[best]!--;
  }
  return out.reverse();
}

/** The log lines of a source, oldest first (none for a node whose kube-proxy never ran); all nodes together keep the newest LOG_CAP lines. */
export function logView(sim: SimState, source: LogSource): LogLine[] {
  if (source !== null) {
    const p = sim.proxy?.[source];
    if (!p) return [];
    const entries = p.log.slice(-capOf(p));
    return logLines(p).map((text, i) => ({ text, token: SEVERITY_TOKEN[entries[i]!.severity] }));
  }
  const logs = nodeOrder(sim).flatMap((node) => {
    const p = sim.proxy?.[node];
    return p ? [{ node, log: p.log }] : [];
  });
  return mergedTail(logs).map(({ node, entry }) => ({ text: `[${node}] ${format(entry)}`, token: SEVERITY_TOKEN[entry.severity] }));
}
