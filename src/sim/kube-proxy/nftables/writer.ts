// kube-proxy's nftables mode (pkg/proxy/nftables/proxier.go syncProxyRules, v1.34): one
// transaction rebuilds `table ip kube-proxy` — the fixed chains and maps, then every service
// port's elements and chains. Objects keep their place in the kernel across syncs (new ones are
// appended); chains no longer used are flushed at once and deleted by the next sync, as kube-proxy
// does; affinity sets go at once. Service ports are visited sorted by name (Go's map order is random).
import type { SyncCounts } from '../iptables-mode/tables.js';
import type { NftChain, NftSet, NftTable, SyncInput } from '../types.js';
import { baseChains, baseSets, type NodePortScope } from './base.js';
import { writeServicePort } from './services.js';

/** nodePortAddresses as nftables mode reads it: empty means `primary` (the node's InternalIP). */
export function nodePortScope(input: SyncInput, family: 'ip' | 'ip6'): NodePortScope {
  const conf = input.config.nodePortAddresses;
  if (conf.some((c) => c === '0.0.0.0/0' || c === '::/0')) return { kind: 'all' };
  if (family === 'ip6') return { kind: 'all' };
  if (conf.length === 0 || conf.includes('primary')) return { kind: 'primary', ips: input.node.ips.slice(0, 1) };
  return { kind: 'primary', ips: input.node.ips.filter((ip) => conf.some((c) => c === `${ip}/32` || c === ip)) };
}

/** Objects of `fresh` in the order the kernel holds them after this transaction on top of `previous`. */
function keepOrder<T extends { name: string }>(fresh: T[], previous: T[] | undefined): T[] {
  if (!previous) return fresh;
  const byName = new Map(fresh.map((o) => [o.name, o]));
  const kept = previous.flatMap((o) => (byName.has(o.name) ? [byName.get(o.name)!] : []));
  const seen = new Set(kept.map((o) => o.name));
  return [...kept, ...fresh.filter((o) => !seen.has(o.name))];
}

/** Service chains of the previous table that no service uses now: flushed this sync, deleted the next. */
function staleChains(fresh: NftChain[], previous: NftTable | undefined): NftChain[] {
  const active = new Set(fresh.map((c) => c.name));
  return (previous?.chains ?? []).filter((c) => c.name.includes('/') && !active.has(c.name) && c.rules.length > 0).map((c) => ({ name: c.name, rules: [] }));
}

/** The table one sync programs, and the figures of its "Reloading service nftables data" line. */
export function writeNftRules(input: SyncInput, previous?: NftTable, family: 'ip' | 'ip6' = 'ip'): { nft: NftTable; counts: SyncCounts } {
  const services = family === 'ip' ? input.services.filter((s) => !s.clusterIP.includes(':')) : input.services.filter((s) => s.clusterIP.includes(':'));
  const cidr = input.config.serviceCIDR.split(',').filter((c) => c.includes(':') === (family === 'ip6')).join(',');
  const opts = { family, mark: 1 << input.config.masqueradeBit, serviceCIDR: cidr, nodePorts: nodePortScope(input, family) };
  const sets: NftSet[] = baseSets(opts);
  const chains: NftChain[] = baseChains(opts);
  const setByName = new Map(sets.map((s) => [s.name, s]));
  const ctx = { family, node: input.node.name, clusterCIDR: family === 'ip' ? input.config.clusterCIDR : '', masqueradeAll: input.config.masqueradeAll };
  let numEndpoints = 0;
  for (const s of services) {
    const eps = input.endpoints[s.name] ?? [];
    numEndpoints += eps.length;
    const o = writeServicePort(s, eps, ctx);
    for (const [name, els] of Object.entries(o.elements)) {
      const target = setByName.get(name)!;
      for (const el of els) if (!target.elements.includes(el)) target.elements.push(el);
    }
    chains.push(...o.chains);
    sets.push(...o.affinitySets);
  }
  const nft: NftTable = {
    family,
    sets: keepOrder(sets, previous?.sets),
    chains: keepOrder([...chains, ...staleChains(chains, previous)], previous?.chains),
  };
  return { nft, counts: { numServices: services.length, numEndpoints, numFilterChains: 0, numFilterRules: 0, numNATChains: 0, numNATRules: 0 } };
}
