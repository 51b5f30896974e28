// What a sync programs, whatever the mode, and what a new proxier cleans up from another mode at
// start (cmd/kube-proxy/app/server_linux.go platformCleanup: iptables and IPVS leftovers go when
// switching to nftables, nftables leftovers when switching to an iptables-based mode; between
// iptables and IPVS nothing is cleaned, so the other's chains stay until a reboot or --cleanup).
import type { ProxyMode } from '../config.js';
import { kubeletOnlyTables, writeIptables, type SyncCounts } from './iptables-mode/tables.js';
import type { ProgrammedRules, SyncInput } from './types.js';

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

/** Writes the mode's rules: in full, or for a partial sync only the changed services'. */
export function programRules(input: SyncInput, previous: ProgrammedRules, full: boolean): { rules: ProgrammedRules; counts: SyncCounts } {
  switch (input.config.mode) {
    case 'iptables': {
      const { tables, counts } = writeIptables(input, full ? undefined : previous.iptables);
      return { rules: { iptables: tables }, counts };
    }
    case 'ipvs':
    case 'nftables':
    case 'userspace':
      throw new Error(`proxy mode ${input.config.mode} is not wired yet`);
  }
}
