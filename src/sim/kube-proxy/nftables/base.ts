// The fixed part of `table ip kube-proxy` (pkg/proxy/nftables/proxier.go setupNFTables, v1.34):
// base chains on the netfilter hooks, the top-level chains they jump to, the masquerade helpers,
// and the sets and verdict maps the service rules fill. Rules are kept as `nft list` prints them
// (nft normalises kube-proxy's `mark set mark or 0x004000` to `meta mark set meta mark | 0x00004000`).
import type { NftChain, NftSet } from '../types.js';

/** Which addresses accept NodePorts: the node's primary IP (nftables' default) or every local one. */
export type NodePortScope = { kind: 'primary'; ips: string[] } | { kind: 'all' };

/** What the fixed structure depends on. */
export interface BaseOptions {
  family: 'ip' | 'ip6';
  /** 1 << masqueradeBit. */
  mark: number;
  /** The service CIDRs of this family ('' when none: no "unallocated ClusterIPs" rule). */
  serviceCIDR: string;
  nodePorts: NodePortScope;
}

/** nft's print form of a 32-bit mark (`0x00004000`). */
export function markHex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** The base chains, in kube-proxy's creation order, with their hook line as nft prints the priority. */
const BASE_CHAINS: [string, string][] = [
  ['filter-prerouting', 'type filter hook prerouting priority dstnat - 10; policy accept;'],
  ['filter-input', 'type filter hook input priority -110; policy accept;'],
  ['filter-forward', 'type filter hook forward priority -110; policy accept;'],
  ['filter-output', 'type filter hook output priority -110; policy accept;'],
  ['filter-output-post-dnat', 'type filter hook output priority -90; policy accept;'],
  ['nat-prerouting', 'type nat hook prerouting priority dstnat; policy accept;'],
  ['nat-output', 'type nat hook output priority -100; policy accept;'],
  ['nat-postrouting', 'type nat hook postrouting priority srcnat; policy accept;'],
];

/** nftablesJumpChains: [destination, source base chain, extra match]. */
const JUMPS: [string, string, string][] = [
  ['nodeport-endpoints-check', 'filter-input', 'ct state new '],
  ['service-endpoints-check', 'filter-input', 'ct state new '],
  ['service-endpoints-check', 'filter-forward', 'ct state new '],
  ['service-endpoints-check', 'filter-output', 'ct state new '],
  ['firewall-check', 'filter-prerouting', 'ct state new '],
  ['firewall-check', 'filter-output', 'ct state new '],
  ['services', 'nat-output', ''],
  ['services', 'nat-prerouting', ''],
  ['masquerading', 'nat-postrouting', ''],
  ['cluster-ips-check', 'filter-forward', 'ct state new '],
  ['cluster-ips-check', 'filter-output-post-dnat', 'ct state new '],
];

function set(kind: NftSet['kind'], name: string, type: string, comment: string, elements: string[] = []): NftSet {
  return { kind, name, type, comment, elements };
}

/** The fixed sets and maps, in creation order (nodeport-ips only when NodePorts are limited to some IPs). */
export function baseSets(o: BaseOptions): NftSet[] {
  const addr = o.family === 'ip' ? 'ipv4_addr' : 'ipv6_addr';
  const sets = [set('set', 'cluster-ips', addr, 'Active ClusterIPs')];
  if (o.nodePorts.kind === 'primary') sets.push(set('set', 'nodeport-ips', addr, 'IPs that accept NodePort traffic', [...o.nodePorts.ips]));
  sets.push(
    set('map', 'no-endpoint-services', `${addr} . inet_proto . inet_service : verdict`, 'vmap to drop or reject packets to services with no endpoints'),
    set('map', 'no-endpoint-nodeports', 'inet_proto . inet_service : verdict', 'vmap to drop or reject packets to service nodeports with no endpoints'),
    set('map', 'firewall-ips', `${addr} . inet_proto . inet_service : verdict`, 'destinations that are subject to LoadBalancerSourceRanges'),
    set('map', 'service-ips', `${addr} . inet_proto . inet_service : verdict`, 'ClusterIP, ExternalIP and LoadBalancer IP traffic'),
    set('map', 'service-nodeports', 'inet_proto . inet_service : verdict', 'NodePort traffic'),
  );
  return sets;
}

function fixedRules(o: BaseOptions): Record<string, string[]> {
  const ipX = o.family;
  const m = markHex(o.mark);
  const noLocalhost = o.family === 'ip' ? 'ip daddr != 127.0.0.0/8' : 'ip6 daddr != ::1';
  const nodePortDst = o.nodePorts.kind === 'primary' ? `${ipX} daddr @nodeport-ips` : noLocalhost;
  const servicesNodePort = o.nodePorts.kind === 'primary' ? `${ipX} daddr @nodeport-ips` : `fib daddr type local ${noLocalhost}`;
  return {
    'mark-for-masquerade': [`meta mark set meta mark | ${m}`],
    masquerading: [`meta mark & ${m} == 0x00000000 return`, `meta mark set meta mark ^ ${m}`, 'masquerade fully-random'],
    'cluster-ips-check': [
      `${ipX} daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"`,
      ...(o.serviceCIDR ? [`${ipX} daddr ${o.serviceCIDR} drop comment "Drop traffic to unallocated ClusterIPs"`] : []),
    ],
    'reject-chain': ['reject'],
    'service-endpoints-check': [`${ipX} daddr . meta l4proto . th dport vmap @no-endpoint-services`],
    'nodeport-endpoints-check': [`${nodePortDst} meta l4proto . th dport vmap @no-endpoint-nodeports`],
    'firewall-check': [`${ipX} daddr . meta l4proto . th dport vmap @firewall-ips`],
    services: [`${ipX} daddr . meta l4proto . th dport vmap @service-ips`, `${servicesNodePort} meta l4proto . th dport vmap @service-nodeports`],
  };
}

/** The fixed chains with their rules, in the order setupNFTables creates them. */
export function baseChains(o: BaseOptions): NftChain[] {
  const chains: NftChain[] = BASE_CHAINS.map(([name, hook]) => ({ name, hook, rules: [] }));
  const byName = new Map(chains.map((c) => [c.name, c]));
  const ensure = (name: string): NftChain => {
    let c = byName.get(name);
    if (!c) {
      c = { name, rules: [] };
      byName.set(name, c);
      chains.push(c);
    }
    return c;
  };
  for (const [dst, src, extra] of JUMPS) {
    ensure(dst);
    byName.get(src)!.rules.push(`${extra}jump ${dst}`);
  }
  for (const name of ['services', 'cluster-ips-check', 'masquerading', 'mark-for-masquerade']) ensure(name);
  const reject = ensure('reject-chain');
  reject.comment = 'helper for @no-endpoint-services / @no-endpoint-nodeports';
  for (const [name, rules] of Object.entries(fixedRules(o))) ensure(name).rules.push(...rules);
  return chains;
}
