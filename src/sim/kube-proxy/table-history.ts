// How a partial sync changes a node's nat table: like iptables-restore --noflush, it replaces only
// the chains it writes, in the chain map the table already has (copying a map of tens of thousands
// of chains at every sync of every node would cost more than the sync). The table object is new at
// every sync, but an in-place sync's predecessor shares its chain map, so each in-place step
// records, beside the old table, the chains it replaced and what they held. Whoever keeps an old
// table (the proxier's previous rules, the NAT pane's memory) can still see the chains as they were:
// the records point forward, so only the steps after the oldest table still held are kept alive.
import type { IptablesTable } from './types.js';

/** The step from a table to the next one written into its chain map: each replaced chain's old rules (undefined: it did not exist). */
interface Step {
  next: IptablesTable;
  replaced: Map<string, string[] | undefined>;
}

const steps = new WeakMap<IptablesTable, Step>();

/** Records that `next` was written into `prev`'s chain map, replacing these chains. */
export function recordInPlace(prev: IptablesTable, next: IptablesTable, replaced: Map<string, string[] | undefined>): void {
  steps.set(prev, { next, replaced });
}

/**
 * `old`'s chains as they were when it was written: the chains its map holds now, except those later
 * in-place steps replaced (their old rules are given in `before`; undefined there means the chain
 * was not there). `sameMap` tells whether `current` still writes into `old`'s map.
 */
export function chainsAsWritten(old: IptablesTable, current: IptablesTable): { before: Map<string, string[] | undefined>; sameMap: boolean } {
  const before = new Map<string, string[] | undefined>();
  let t = old;
  for (let step = steps.get(t); step && t !== current; step = steps.get(t)) {
    for (const [c, rules] of step.replaced) if (!before.has(c)) before.set(c, rules);
    t = step.next;
  }
  return { before, sameMap: old.chains === current.chains };
}
