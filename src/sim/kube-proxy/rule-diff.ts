// Which rules a sync added and removed, for the NAT pane's highlighting. Chains a partial sync did
// not rewrite keep their array, so only rewritten chains are compared (kube-proxy's own
// partial-sync idea keeps this cheap at thousands of services). The later state is always the
// proxier's current one: partial syncs write into the chain map they share with earlier tables,
// and table-history.ts says what those earlier tables held.
import type { IptablesTable, ProgrammedRules } from './types.js';
import type { ProxierState } from './state.js';
import { chainsAsWritten } from './table-history.js';

function diffLists(prefix: string, a: readonly string[] | undefined, b: readonly string[] | undefined, added: string[], removed: string[]): void {
  if (a === b) return;
  const before = new Set(a ?? []);
  const after = new Set(b ?? []);
  for (const r of after) if (!before.has(r)) added.push(`${prefix}${r}`);
  for (const r of before) if (!after.has(r)) removed.push(`${prefix}${r}`);
}

function diffTable(a: IptablesTable | undefined, b: IptablesTable | undefined, added: string[], removed: string[]): void {
  if (a === b) return;
  const table = b?.name ?? a?.name ?? 'nat';
  if (a && b) {
    const { before, sameMap } = chainsAsWritten(a, b);
    const was = (c: string): string[] | undefined => (before.has(c) ? before.get(c) : a.chains[c]);
    const chains = sameMap ? before.keys() : new Set([...Object.keys(a.chains), ...before.keys(), ...Object.keys(b.chains)]);
    for (const c of chains) diffLists(`${table}\t`, was(c), b.chains[c], added, removed);
    return;
  }
  const chains = new Set([...Object.keys(a?.chains ?? {}), ...Object.keys(b?.chains ?? {})]);
  for (const c of chains) diffLists(`${table}\t`, a?.chains[c], b?.chains[c], added, removed);
}

/** Rules added and removed between an earlier programmed state and the proxier's current one, each as `table\trule` (`ipvs\t…`, `nft\tchain\trule`). */
export function diffRules(prev: ProgrammedRules, next: ProgrammedRules): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  diffTable(prev.iptables.nat, next.iptables.nat, added, removed);
  diffTable(prev.iptables.filter, next.iptables.filter, added, removed);
  const vs = (r: ProgrammedRules): string[] => (r.ipvs?.virtualServers ?? []).flatMap((v) => [
    `${v.protocol} ${v.address}:${v.port} ${v.scheduler}`,
    ...v.realServers.map((s) => `${v.protocol} ${v.address}:${v.port} -> ${s.address}:${s.port}`),
  ]);
  diffLists('ipvs\t', vs(prev), vs(next), added, removed);
  const nftRules = (r: ProgrammedRules): string[] => (r.nft?.chains ?? []).flatMap((c) => c.rules.map((x) => `${c.name}\t${x}`));
  diffLists('nft\t', nftRules(prev), nftRules(next), added, removed);
  return { added, removed };
}

/** The rules a proxier's last sync added and removed (computed when asked: only the panes need it). */
export function lastRuleDiff(p: ProxierState): { added: string[]; removed: string[]; at: number } {
  return { ...diffRules(p.lastDiff.previous, p.rules), at: p.lastDiff.at };
}
