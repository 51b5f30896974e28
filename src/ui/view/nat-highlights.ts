// What the NAT pane lights up: the rules each node's kube-proxy added or removed lately (from
// rule-diff.ts's diff of what it programmed before and after, remembered with the simulated time
// of the sync so highlights fade on the lab's clock), and the rules the last `trace` went through.
// Keys are rule-diff's (`nat\t-A …`, `ipvs\tTCP a:p -> b:q`, `nft\tchain\trule`); chain headers
// are named by their group id (`nat:KUBE-SERVICES`, `ipvs:TCP 10.96.0.10:53`, `nft:services`).
import { diffRules } from '../../sim/kube-proxy/rule-diff.js';
import type { ProgrammedRules } from '../../sim/kube-proxy/types.js';
import type { Hop } from '../../sim/dataplane/types.js';
import type { SimState } from '../../sim/state.js';

/** A change is drawn bright this long (simulated ms)... */
export const BRIGHT_MS = 10_000;
/** ...then keeps its marker until this age; removed rules vanish then too. */
export const FADE_MS = 30_000;
/** How long a trace's hops stay lit (simulated ms). */
export const TRACE_MS = 30_000;

/** One node's memory: the rules last seen, and when each changed rule was added or removed (ms). */
export interface NodeHighlights {
  rules: ProgrammedRules;
  added: Map<string, number>;
  removed: Map<string, number>;
}

/** Every node's memory, by node name. */
export type Highlights = Record<string, NodeHighlights>;

/** How a rule changed lately: just added (bright), added a while ago (marker only), or removed. */
export type Change = 'new' | 'recent' | 'removed';

function fresh(m: Map<string, number>, now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, at] of m) if (now - at < FADE_MS) out.set(k, at);
  return out;
}

/** The memory after seeing `next` (programmed at `at`); the first sight of a node only records its rules. */
export function noteRules(prev: NodeHighlights | undefined, next: ProgrammedRules, at: number, now: number): NodeHighlights {
  if (!prev) return { rules: next, added: new Map(), removed: new Map() };
  if (prev.rules === next) return prev;
  const d = diffRules(prev.rules, next);
  const added = fresh(prev.added, now);
  const removed = fresh(prev.removed, now);
  for (const k of d.added) {
    added.set(k, at);
    removed.delete(k);
  }
  for (const k of d.removed) {
    removed.set(k, at);
    added.delete(k);
  }
  return { rules: next, added, removed };
}

/**
 * The memory of the nodes shown after the simulation moved on (others are forgotten: diffing every
 * node's rules at each change costs too much at a hundred nodes). A node seen for the first time
 * starts from what its kube-proxy had before its last sync, so the last change still shows.
 * Returns `mem` itself when nothing changed.
 */
export function trackHighlights(mem: Highlights, sim: SimState, nodes: string[]): Highlights {
  let changed = Object.keys(mem).some((n) => !nodes.includes(n));
  const out: Highlights = {};
  for (const node of nodes) {
    const p = sim.proxy?.[node];
    if (!p) continue;
    const before = mem[node] ?? noteRules(undefined, p.lastDiff.previous, p.lastDiff.at, sim.now);
    out[node] = noteRules(before, p.rules, p.lastDiff.at, sim.now);
    if (out[node] !== mem[node]) changed = true;
  }
  return changed ? out : mem;
}

/** How the rule with this key changed lately, or undefined when it did not (or long ago). */
export function changeOf(h: NodeHighlights | undefined, key: string, now: number): Change | undefined {
  const at = h?.added.get(key);
  if (at !== undefined) {
    const age = now - at;
    return age < BRIGHT_MS ? 'new' : age < FADE_MS ? 'recent' : undefined;
  }
  const gone = h?.removed.get(key);
  return gone !== undefined && now - gone < FADE_MS ? 'removed' : undefined;
}

/** The keys of the rules removed less than FADE_MS ago, oldest change first. */
export function removedKeys(h: NodeHighlights | undefined, now: number): string[] {
  return [...(h?.removed ?? [])].filter(([, at]) => now - at < FADE_MS).map(([k]) => k);
}

/** The next simulated instant at which a highlight changes how it looks (a redraw is due then), if any. */
export function nextHighlightChange(mem: Highlights, now: number): number | undefined {
  let next: number | undefined;
  const consider = (t: number): void => {
    if (t > now && (next === undefined || t < next)) next = t;
  };
  for (const h of Object.values(mem)) {
    for (const at of h.added.values()) {
      consider(at + BRIGHT_MS);
      consider(at + FADE_MS);
    }
    for (const at of h.removed.values()) consider(at + FADE_MS);
  }
  return next;
}

/** The last trace, as the shell keeps it. */
export interface TraceMemo {
  at: number;
  hops: Hop[];
}

const IPVS_HOP = /^(TCP|UDP|SCTP) (\S+) /;
const IPVS_REAL_SERVER = /→ (\S+) Masq/;

/** The keys of one hop on its node: the rule it matched, or the chain header of a policy or virtual server. */
function hopKeys(h: Hop): string[] {
  if (h.kind === 'rule' && h.table === 'nat' && h.rule) return [`nat\t${h.rule}`];
  if (h.kind === 'policy' && h.table === 'nat' && h.chain) return [`nat:${h.chain}`];
  if (h.kind === 'nft' && h.chain && h.rule) return [`nft\t${h.chain}\t${h.rule}`];
  if (h.kind === 'ipvs') {
    const vs = IPVS_HOP.exec(h.detail);
    if (!vs) return [];
    const rs = IPVS_REAL_SERVER.exec(h.detail);
    return [`ipvs:${vs[1]} ${vs[2]}`, ...(rs ? [`ipvs\t${vs[1]} ${vs[2]} -> ${rs[1]}`] : [])];
  }
  return [];
}

/** The rules and chain headers of `node` the trace went through, each with the number of its first hop (as `trace` numbers them); empty once it is older than TRACE_MS. */
export function traceMarks(trace: TraceMemo | undefined, node: string, now: number): Map<string, number> {
  const marks = new Map<string, number>();
  if (!trace || now - trace.at > TRACE_MS) return marks;
  trace.hops.forEach((h, i) => {
    if (h.host !== node) return;
    for (const k of hopKeys(h)) if (!marks.has(k)) marks.set(k, i + 1);
  });
  return marks;
}
