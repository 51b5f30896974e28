// What a sync programs, whatever the mode, and what a new proxier cleans up from another mode at
// start (cmd/kube-proxy/app/server_linux.go platformCleanup: iptables and IPVS leftovers go when
// switching to nftables, nftables leftovers when switching to an iptables-based mode). Between
// iptables and IPVS nothing is cleaned: IPVS mode leaves the iptables mode's service chains
// unreferenced in nat, and iptables mode leaves IPVS's chains, virtual servers and kube-ipvs0 —
// they stay until a reboot or `kube-proxy --cleanup`.
import type { ProxyMode } from '../config.js';
import { kubeletOnlyTables, writeIptables, type SyncCounts } from './iptables-mode/tables.js';
import { writeIpvs } from './ipvs-mode/writer.js';
import { ipvsIptables } from './ipvs-mode/tables.js';
import type { IptablesState, IptablesTable, ProgrammedRules, SyncInput } from './types.js';

export type { SyncCounts };

/** A node's kernel before any kube-proxy ran: only the kubelet's chains. */
export function emptyRules(): ProgrammedRules {
  return { iptables: kubeletOnlyTables() };
}

/** What a proxier starting in `mode` leaves of what the previous one programmed. */
export function cleanupForMode(prev: ProgrammedRules, mode: ProxyMode): ProgrammedRules {
  if (mode === 'nftables') return { iptables: kubeletOnlyTables() };
  const kept: ProgrammedRules = { iptables: prev.iptables };
  if (prev.ipvs) kept.ipvs = prev.ipvs;
  if (prev.userspace) kept.userspace = prev.userspace;
  return kept;
}

/** Chains of the old tables the new writer did not write, kept as the kernel keeps them (`keep` says which may stay). */
function withLeftovers(next: IptablesTable, prev: IptablesTable, keep: (chain: string) => boolean): IptablesTable {
  const chains = { ...next.chains };
  for (const [c, rules] of Object.entries(prev.chains)) if (!(c in chains) && keep(c)) chains[c] = rules;
  return { ...next, chains };
}

function merged(next: IptablesState, prev: IptablesState, keep: (chain: string) => boolean): IptablesState {
  return { nat: withLeftovers(next.nat, prev.nat, keep), filter: withLeftovers(next.filter, prev.filter, keep), mangle: next.mangle };
}

/** Writes the mode's rules: in full, or for a partial sync only the changed services'. */
export function programRules(input: SyncInput, previous: ProgrammedRules, full: boolean): { rules: ProgrammedRules; counts: SyncCounts } {
  switch (input.config.mode) {
    case 'iptables': {
      const { tables, counts } = writeIptables(input, full ? undefined : previous.iptables);
      const rules: ProgrammedRules = { iptables: merged(tables, previous.iptables, (c) => !/^KUBE-(SVC|SEP|EXT|FW|SVL)-/.test(c)) };
      if (previous.ipvs) rules.ipvs = previous.ipvs;
      return { rules, counts };
    }
    case 'ipvs': {
      const ipvs = writeIpvs(input);
      const iptables = merged(ipvsIptables(input, ipvs.ipsets), previous.iptables, () => true);
      const numEndpoints = input.services.reduce((n, s) => n + (input.endpoints[s.name]?.length ?? 0), 0);
      return { rules: { iptables, ipvs }, counts: { numServices: input.services.length, numEndpoints, numFilterChains: 0, numFilterRules: 0, numNATChains: 0, numNATRules: 0 } };
    }
    case 'nftables':
    case 'userspace':
      throw new Error(`proxy mode ${input.config.mode} is not wired yet`);
  }
}
