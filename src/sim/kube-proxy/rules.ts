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
import { writeUserspace } from './userspace-mode/writer.js';
import { writeNftRules } from './nftables/writer.js';
import type { IptablesState, IptablesTable, ProgrammedRules, SyncInput } from './types.js';
import { withFlannel } from './flannel.js';

export type { SyncCounts };

/** A node's kernel before any kube-proxy ran: the kubelet's chains, and flannel's when the node's podCIDR is given. */
export function emptyRules(podCIDR = '', podNetwork = ''): ProgrammedRules {
  return { iptables: withFlannel(kubeletOnlyTables(), podCIDR, podNetwork) };
}

/** Chains of a previous mode's tables that `mode` never writes and never removes. */
function leftoverChains(t: IptablesTable, mode: ProxyMode): Record<string, string[]> {
  const ipvsOwned = /^KUBE-(NODE-PORT|LOAD-BALANCER|FIREWALL|SOURCE-RANGES-FIREWALL|IPVS-FILTER|IPVS-OUT-FILTER)$/;
  const out: Record<string, string[]> = {};
  for (const [c, rules] of Object.entries(t.chains)) {
    const leftover = mode === 'ipvs' ? /^KUBE-(SVC|SEP|EXT|FW|SVL)-|^KUBE-(NODEPORTS|EXTERNAL-SERVICES|PROXY-FIREWALL)$/.test(c) : ipvsOwned.test(c) && c !== 'KUBE-FIREWALL';
    if (leftover && rules.length) out[c] = rules;
  }
  return out;
}

/** What a proxier starting in `mode` leaves of what the previous one programmed (flannel's rules stay). */
export function cleanupForMode(prev: ProgrammedRules, mode: ProxyMode): ProgrammedRules {
  if (mode === 'nftables') {
    const t = kubeletOnlyTables();
    const keep = (from: Record<string, string[]>, into: Record<string, string[]>, builtin: string, chain: string): void => {
      if (from[chain]) into[chain] = from[chain]!;
      const jump = from[builtin]?.find((r) => r.endsWith(`-j ${chain}`));
      if (jump) into[builtin] = [...(into[builtin] ?? []), jump];
    };
    keep(prev.iptables.nat.chains, t.nat.chains, 'POSTROUTING', 'FLANNEL-POSTRTG');
    keep(prev.iptables.filter.chains, t.filter.chains, 'FORWARD', 'FLANNEL-FWD');
    return { iptables: t };
  }
  const kept: ProgrammedRules = { iptables: prev.iptables };
  if (prev.ipvs) kept.ipvs = prev.ipvs;
  if (prev.userspace) kept.userspace = prev.userspace;
  const switching = prev.mode !== undefined && prev.mode !== mode;
  const stale = (c: string): boolean => mode === 'iptables' && /^KUBE-(SVC|SEP|EXT|FW|SVL)-/.test(c);
  const keep = (r: Record<string, string[]> | undefined): Record<string, string[]> => Object.fromEntries(Object.entries(r ?? {}).filter(([c]) => !stale(c)));
  const leftovers = switching ? { nat: { ...keep(prev.leftovers?.nat), ...leftoverChains(prev.iptables.nat, mode) }, filter: { ...keep(prev.leftovers?.filter), ...leftoverChains(prev.iptables.filter, mode) } } : prev.leftovers;
  if (leftovers && (Object.keys(leftovers.nat).length || Object.keys(leftovers.filter).length)) kept.leftovers = leftovers;
  return kept;
}

/** The new tables with another mode's leftover chains added back (only when there are any). */
function withLeftovers(next: IptablesState, prev: ProgrammedRules): IptablesState {
  const l = prev.leftovers;
  if (!l) return next;
  return { nat: { ...next.nat, chains: { ...l.nat, ...next.nat.chains } }, filter: { ...next.filter, chains: { ...l.filter, ...next.filter.chains } }, mangle: next.mangle };
}

function finish(rules: ProgrammedRules, prev: ProgrammedRules, mode: ProxyMode): ProgrammedRules {
  rules.mode = mode;
  if (prev.leftovers) rules.leftovers = prev.leftovers;
  return rules;
}

/** Writes the mode's rules (in full, or for a partial sync only the changed services'), with flannel's beside them. */
export function programRules(input: SyncInput, previous: ProgrammedRules, full: boolean, podNetwork: string): { rules: ProgrammedRules; counts: SyncCounts } {
  const r = writeModeRules(input, previous, full);
  r.rules.iptables = withFlannel(r.rules.iptables, input.node.podCIDR, podNetwork);
  return r;
}

function writeModeRules(input: SyncInput, previous: ProgrammedRules, full: boolean): { rules: ProgrammedRules; counts: SyncCounts } {
  switch (input.config.mode) {
    case 'iptables': {
      const { tables, counts } = writeIptables(input, full ? undefined : previous.iptables);
      const rules: ProgrammedRules = { iptables: withLeftovers(tables, previous) };
      if (previous.ipvs) rules.ipvs = previous.ipvs;
      return { rules: finish(rules, previous, 'iptables'), counts };
    }
    case 'ipvs': {
      const ipvs = writeIpvs(input);
      const iptables = withLeftovers(ipvsIptables(input, ipvs.ipsets), previous);
      const numEndpoints = input.services.reduce((n, s) => n + (input.endpoints[s.name]?.length ?? 0), 0);
      return { rules: finish({ iptables, ipvs }, previous, 'ipvs'), counts: { numServices: input.services.length, numEndpoints, numFilterChains: 0, numFilterRules: 0, numNATChains: 0, numNATRules: 0 } };
    }
    case 'userspace': {
      const u = writeUserspace(input);
      return { rules: finish({ iptables: withLeftovers(u.iptables, previous), userspace: u.portals }, previous, 'userspace'), counts: { numServices: input.services.length, numEndpoints: 0, numFilterChains: 0, numFilterRules: 0, numNATChains: 0, numNATRules: 0 } };
    }
    case 'nftables': {
      const v4 = writeNftRules(input, previous.nft);
      const rules: ProgrammedRules = { iptables: withLeftovers(kubeletOnlyTables(), previous), nft: v4.nft, nft6: writeNftRules(input, previous.nft6, 'ip6').nft };
      return { rules: finish(rules, previous, 'nftables'), counts: v4.counts };
    }
  }
}
