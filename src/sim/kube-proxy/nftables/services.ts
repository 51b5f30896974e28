// One service port's share of `table ip kube-proxy` (pkg/proxy/nftables/proxier.go syncProxyRules
// and writeServiceToEndpointRules, v1.34): elements of the cluster-ips set and the dispatch maps,
// and the service-/local-/external-/firewall-/endpoint- chains with the affinity sets of ClientIP
// services. Rules are in `nft list` form. Left out: topology hints (the lab's nodes have no zones).
import { categorizeEndpoints, externallyAccessible } from '../categorize.js';
import { nftChainName } from '../chain-names.js';
import type { EndpointInfo, NftChain, NftSet, ServicePortInfo } from '../types.js';
import { parseCidr, type Cidr } from '../../net.js';

/** What one service port adds: map and set elements by set name, chains and affinity sets in creation order. */
export interface ServiceObjects {
  elements: Record<string, string[]>;
  chains: NftChain[];
  affinitySets: NftSet[];
}

/** The per-sync facts a service port's rules depend on. */
export interface ServiceContext {
  family: 'ip' | 'ip6';
  node: string;
  clusterCIDR: string;
  masqueradeAll: boolean;
}

/** The readable part of a service port's chain names: `ns/name/proto/port`. */
export function serviceBase(s: ServicePortInfo): string {
  return `${s.namespace}/${s.serviceName}/${s.protocol.toLowerCase()}/${s.portName}`;
}

/** The endpoint chain (`endpoint-HASH-ns/name/proto/port__ip/port`) of one endpoint. */
export function endpointChainName(s: ServicePortInfo, e: EndpointInfo): string {
  return nftChainName('endpoint', `${serviceBase(s)}__${e.ip.replace(/:/g, '.')}/${e.port}`);
}

function affinitySetName(s: ServicePortInfo, e: EndpointInfo): string {
  return nftChainName('affinity', `${serviceBase(s)}__${e.ip.replace(/:/g, '.')}/${e.port}`);
}

/** The rules jumping from a policy chain to its endpoints: affinity checks, then one numgen vmap. */
function serviceToEndpointRules(s: ServicePortInfo, eps: EndpointInfo[], ipX: string): string[] {
  const rules = s.stickyMaxAgeSeconds ? eps.map((e) => `${ipX} saddr @${affinitySetName(s, e)} goto ${endpointChainName(s, e)}`) : [];
  const vmap = eps.map((e, i) => `${i} : goto ${endpointChainName(s, e)}`).join(', ');
  rules.push(`numgen random mod ${eps.length} vmap { ${vmap} }`);
  return rules;
}

function externalRules(s: ServicePortInfo, c: ServiceContext, clusterChain: string, policyChain: string, hasExternal: boolean): string[] {
  const rules: string[] = [];
  if (!s.externalPolicyLocal) rules.push('jump mark-for-masquerade');
  else {
    if (c.clusterCIDR) rules.push(`${c.family} saddr ${c.clusterCIDR} goto ${clusterChain} comment "short-circuit pod traffic"`);
    rules.push('fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"');
    rules.push(`fib saddr type local goto ${clusterChain} comment "short-circuit local traffic"`);
  }
  if (hasExternal) rules.push(`goto ${policyChain}`);
  return rules;
}

/**
 * The source ranges as nft lists them: an anonymous interval set sorted by address, a range inside
 * another merged into it, and a single-address prefix shown as the address (no /32 or /128).
 */
function listedRanges(ranges: string[], ipX: string): string[] {
  if (ipX !== 'ip') return ranges.map((c) => c.replace(/\/128$/, ''));
  const parsed = ranges.map((text) => ({ text, c: parseCidr(text.includes('/') ? text : `${text}/32`) }));
  const size = (c: Cidr): number => 2 ** (32 - c.prefix);
  const kept = parsed.filter((a, i) => !a.c || !parsed.some((b, j) => j !== i && b.c && b.c.prefix <= a.c!.prefix && Math.floor(a.c!.base / size(b.c)) === Math.floor(b.c.base / size(b.c)) && (b.c.prefix < a.c!.prefix || j < i)));
  kept.sort((a, b) => (a.c?.base ?? 0) - (b.c?.base ?? 0));
  return kept.map((a) => a.text.replace(/\/32$/, ''));
}

function firewallRule(s: ServicePortInfo, ipX: string): string {
  const sources = listedRanges(s.loadBalancerSourceRanges, ipX);
  return sources.length === 1 ? `${ipX} saddr != ${sources[0]} drop` : `${ipX} saddr != { ${sources.join(', ')} } drop`;
}

function endpointRules(s: ServicePortInfo, e: EndpointInfo, ipX: string): string[] {
  return [
    `${ipX} saddr ${e.ip} jump mark-for-masquerade`,
    ...(s.stickyMaxAgeSeconds ? [`update @${affinitySetName(s, e)} { ${ipX} saddr }`] : []),
    `meta l4proto ${s.protocol.toLowerCase()} dnat to ${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}`,
  ];
}

function push(m: Record<string, string[]>, set: string, el: string): void {
  (m[set] ??= []).push(el);
}

/** The elements of the dispatch maps for one service port. */
function serviceElements(s: ServicePortInfo, v: { internal: string; external: string; internalVerdict: string; externalVerdict: string; fw: string }, has: { any: boolean; internal: boolean; external: boolean; fw: boolean }): Record<string, string[]> {
  const p = s.protocol.toLowerCase();
  const el: Record<string, string[]> = {};
  const note = ` comment "${s.name}"`;
  push(el, 'cluster-ips', s.clusterIP);
  if (has.internal) push(el, 'service-ips', `${s.clusterIP} . ${p} . ${s.port} : goto ${v.internal}`);
  else push(el, 'no-endpoint-services', `${s.clusterIP} . ${p} . ${s.port}${note} : ${v.internalVerdict}`);
  for (const ip of s.externalIPs) {
    if (has.any) push(el, 'service-ips', `${ip} . ${p} . ${s.port} : goto ${v.external}`);
    if (!has.external) push(el, 'no-endpoint-services', `${ip} . ${p} . ${s.port}${note} : ${v.externalVerdict}`);
  }
  for (const ip of s.loadBalancerIPs) {
    if (has.any) push(el, 'service-ips', `${ip} . ${p} . ${s.port} : goto ${v.external}`);
    if (has.fw) push(el, 'firewall-ips', `${ip} . ${p} . ${s.port} : goto ${v.fw}`);
  }
  if (!has.external) for (const ip of s.loadBalancerIPs) push(el, 'no-endpoint-services', `${ip} . ${p} . ${s.port}${note} : ${v.externalVerdict}`);
  if (s.nodePort) {
    if (has.any) push(el, 'service-nodeports', `${p} . ${s.nodePort} : goto ${v.external}`);
    if (!has.external) push(el, 'no-endpoint-nodeports', `${p} . ${s.nodePort}${note} : ${v.externalVerdict}`);
  }
  return el;
}

/** Everything one service port programs on this node. */
export function writeServicePort(s: ServicePortInfo, all: EndpointInfo[], c: ServiceContext): ServiceObjects {
  const ipX = c.family;
  const cat = categorizeEndpoints(all, s, c.node);
  const base = serviceBase(s);
  const names = { cluster: nftChainName('service', base), local: nftChainName('local', base), external: nftChainName('external', base), fw: nftChainName('firewall', base) };
  const usesCluster = cat.cluster.length > 0 && (!s.internalPolicyLocal || (externallyAccessible(s) && !s.externalPolicyLocal));
  const usesLocal = cat.local.length > 0 && (s.internalPolicyLocal || (externallyAccessible(s) && s.externalPolicyLocal));
  const hasInternal = cat.hasAny && !(s.internalPolicyLocal && cat.local.length === 0);
  const hasExternal = cat.hasAny && !(s.externalPolicyLocal && cat.local.length === 0);
  const usesExternal = cat.hasAny && externallyAccessible(s);
  const usesFW = s.loadBalancerIPs.length > 0 && s.loadBalancerSourceRanges.length > 0;
  const internal = s.internalPolicyLocal ? names.local : names.cluster;
  const policy = s.externalPolicyLocal ? names.local : names.cluster;
  const verdict = (has: boolean): string => (!cat.hasAny ? 'goto reject-chain' : has ? '' : 'drop');
  const elements = serviceElements(s, { internal, external: names.external, internalVerdict: verdict(hasInternal), externalVerdict: verdict(hasExternal), fw: names.fw }, { any: cat.hasAny, internal: hasInternal, external: hasExternal, fw: usesFW });
  const chains = new Map<string, string[]>();
  const chain = (name: string): string[] => chains.get(name) ?? (chains.set(name, []), chains.get(name)!);
  for (const e of cat.reachable) chain(endpointChainName(s, e));
  if (usesCluster) chain(names.cluster);
  if (usesLocal) chain(names.local);
  if (usesExternal) chain(names.external);
  if (usesFW) chain(names.fw);
  if (hasInternal && (c.masqueradeAll || c.clusterCIDR)) {
    const notLocal = c.masqueradeAll ? '' : ` ${ipX} saddr != ${c.clusterCIDR}`;
    chain(internal).push(`${ipX} daddr ${s.clusterIP} ${s.protocol.toLowerCase()} dport ${s.port}${notLocal} jump mark-for-masquerade`);
  }
  if (usesExternal) chain(names.external).push(...externalRules(s, c, names.cluster, policy, hasExternal));
  if (usesFW) chain(names.fw).push(firewallRule(s, ipX));
  const affinitySets: NftSet[] = s.stickyMaxAgeSeconds
    ? cat.reachable.map((e) => ({ kind: 'set', name: affinitySetName(s, e), type: `${ipX === 'ip' ? 'ipv4' : 'ipv6'}_addr`, comment: '', elements: [], flags: ['dynamic', 'timeout'], timeout: s.stickyMaxAgeSeconds }))
    : [];
  if (usesCluster) chain(names.cluster).push(...serviceToEndpointRules(s, cat.cluster, ipX));
  if (usesLocal) chain(names.local).push(...serviceToEndpointRules(s, cat.local, ipX));
  for (const e of cat.reachable) chain(endpointChainName(s, e)).push(...endpointRules(s, e, ipX));
  return { elements, chains: [...chains].map(([name, rules]) => ({ name, rules })), affinitySets };
}
