// The rules of one service port in iptables mode (pkg/proxy/iptables/proxier.go syncProxyRules'
// per-service loop): the KUBE-SERVICES / KUBE-NODEPORTS entries, the filter table's REJECT and
// DROP rules when endpoints are missing, and the service's own KUBE-SVC, KUBE-SVL, KUBE-EXT,
// KUBE-FW and KUBE-SEP chains — in iptables-save form.
import { endpointChain, serviceChains } from '../chain-names.js';
import { categorizeEndpoints, externallyAccessible } from '../categorize.js';
import type { EndpointInfo, ServicePortInfo } from '../types.js';
import { comment, dport, probability, rule } from './rule.js';

/** What the rest of the sync needs to know about the node. */
export interface WriterContext {
  node: string;
  nodeIP: string;
  /** clusterCIDR ('' when unset: no off-cluster masquerade, no pod short-circuit). */
  clusterCIDR: string;
  masqueradeAll: boolean;
  /** Whether the nfacct counter for localhost NodePorts exists (adds a second KUBE-NODEPORTS rule). */
  localhostNodePortsAcct: boolean;
}

/** One service port's contribution. */
export interface ServiceRules {
  natServices: string[];
  natNodePorts: string[];
  filterServices: string[];
  filterExternal: string[];
  filterNodePorts: string[];
  filterFirewall: string[];
  /** The service's own nat chains, by name, in the order kube-proxy writes them. */
  chains: Record<string, string[]>;
  /** How many endpoints the port has (all of them, ready or not: the sync log's numEndpoints). */
  endpointCount: number;
}

function endpointRules(s: ServicePortInfo, chain: string, eps: EndpointInfo[]): string[] {
  const p = s.protocol.toLowerCase();
  const out: string[] = [];
  if (s.stickyMaxAgeSeconds > 0) {
    for (const e of eps) {
      const sep = endpointChain(s.name, p, e.endpoint);
      out.push(rule(chain, { matches: [comment(`${s.name} -> ${e.endpoint}`), `-m recent --rcheck --seconds ${s.stickyMaxAgeSeconds} --reap --name ${sep} --mask 255.255.255.255 --rsource`], target: sep }));
    }
  }
  eps.forEach((e, i) => {
    const matches = [comment(`${s.name} -> ${e.endpoint}`)];
    if (i < eps.length - 1) matches.push(`-m statistic --mode random --probability ${probability(eps.length - i)}`);
    out.push(rule(chain, { matches, target: endpointChain(s.name, p, e.endpoint) }));
  });
  return out;
}

function sepChain(s: ServicePortInfo, e: EndpointInfo): string[] {
  const p = s.protocol.toLowerCase();
  const chain = endpointChain(s.name, p, e.endpoint);
  const dnat = [comment(s.name)];
  if (s.stickyMaxAgeSeconds > 0) dnat.push(`-m recent --set --name ${chain} --mask 255.255.255.255 --rsource`);
  dnat.push(`-m ${p}`);
  return [
    rule(chain, { src: e.ip, matches: [comment(s.name)], target: 'KUBE-MARK-MASQ' }),
    rule(chain, { proto: p, matches: dnat, target: `DNAT --to-destination ${e.endpoint}` }),
  ];
}

function extChain(s: ServicePortInfo, ctx: WriterContext, names: ReturnType<typeof serviceChains>, hasExternalEndpoints: boolean): string[] {
  const out: string[] = [];
  const ext = names.ext;
  if (!s.externalPolicyLocal) {
    out.push(rule(ext, { matches: [comment(`masquerade traffic for ${s.name} external destinations`)], target: 'KUBE-MARK-MASQ' }));
  } else {
    if (ctx.clusterCIDR) out.push(rule(ext, { src: ctx.clusterCIDR, matches: [comment(`pod traffic for ${s.name} external destinations`)], target: names.svc }));
    out.push(rule(ext, { matches: [comment(`masquerade LOCAL traffic for ${s.name} external destinations`), '-m addrtype --src-type LOCAL'], target: 'KUBE-MARK-MASQ' }));
    out.push(rule(ext, { matches: [comment(`route LOCAL traffic for ${s.name} external destinations`), '-m addrtype --src-type LOCAL'], target: names.svc }));
  }
  if (hasExternalEndpoints) out.push(rule(ext, { target: s.externalPolicyLocal ? names.svl : names.svc }));
  return out;
}

function fwChain(s: ServicePortInfo, ctx: WriterContext, names: ReturnType<typeof serviceChains>): string[] {
  const out = s.loadBalancerSourceRanges.map((cidr) => rule(names.fw, { src: cidr, matches: [comment(`${s.name} loadbalancer IP`)], target: names.ext }));
  if (s.loadBalancerSourceRanges.some((c) => cidrHolds(c, ctx.nodeIP))) {
    for (const ip of s.loadBalancerIPs) out.push(rule(names.fw, { src: ip, matches: [comment(`${s.name} loadbalancer IP`)], target: names.ext }));
  }
  out.push(rule(names.fw, { matches: [comment(`other traffic to ${s.name} will be dropped by KUBE-PROXY-FIREWALL`)] }));
  return out;
}

function cidrHolds(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string];
  const n = (x: string): number => x.split('.').reduce((a, b) => a * 256 + Number(b), 0);
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(n(ip) / size) === Math.floor(n(base) / size);
}

/** Writes one service port's rules for a node. */
export function writeServicePort(s: ServicePortInfo, eps: EndpointInfo[], ctx: WriterContext): ServiceRules {
  const p = s.protocol.toLowerCase();
  const names = serviceChains(s.name, p);
  const cat = categorizeEndpoints(eps, s, ctx.node);
  const hasEndpoints = cat.hasAny;
  const usesCluster = cat.cluster.length > 0 && (!s.internalPolicyLocal || externallyAccessible(s));
  const usesLocal = cat.local.length > 0 && (s.internalPolicyLocal || (externallyAccessible(s) && s.externalPolicyLocal));
  const internalChain = s.internalPolicyLocal ? names.svl : names.svc;
  const hasInternal = hasEndpoints && (!s.internalPolicyLocal || cat.local.length > 0);
  const hasExternal = hasEndpoints && (!s.externalPolicyLocal || cat.local.length > 0);
  const usesExt = hasEndpoints && externallyAccessible(s);
  const usesFw = hasEndpoints && s.loadBalancerIPs.length > 0 && s.loadBalancerSourceRanges.length > 0;
  const r: ServiceRules = { natServices: [], natNodePorts: [], filterServices: [], filterExternal: [], filterNodePorts: [], filterFirewall: [], chains: {}, endpointCount: eps.length };
  const filterTarget = hasEndpoints ? 'DROP' : 'REJECT --reject-with icmp-port-unreachable';
  const filterComment = comment(`${s.name} has ${hasEndpoints ? 'no local endpoints' : 'no endpoints'}`);
  const port = dport(p, s.port);
  if (hasInternal) r.natServices.push(rule('KUBE-SERVICES', { dst: s.clusterIP, proto: p, matches: [comment(`${s.name} cluster IP`), port], target: internalChain }));
  else r.filterServices.push(rule('KUBE-SERVICES', { dst: s.clusterIP, proto: p, matches: [filterComment, port], target: filterTarget }));
  for (const ip of s.externalIPs) {
    if (hasEndpoints) r.natServices.push(rule('KUBE-SERVICES', { dst: ip, proto: p, matches: [comment(`${s.name} external IP`), port], target: names.ext }));
    if (!hasExternal) r.filterExternal.push(rule('KUBE-EXTERNAL-SERVICES', { dst: ip, proto: p, matches: [filterComment, port], target: filterTarget }));
  }
  for (const ip of s.loadBalancerIPs) {
    if (hasEndpoints) r.natServices.push(rule('KUBE-SERVICES', { dst: ip, proto: p, matches: [comment(`${s.name} loadbalancer IP`), port], target: usesFw ? names.fw : names.ext }));
    if (usesFw) r.filterFirewall.push(rule('KUBE-PROXY-FIREWALL', { dst: ip, proto: p, matches: [comment(`${s.name} traffic not accepted by ${names.fw}`), port], target: 'DROP' }));
  }
  if (!hasExternal) for (const ip of s.loadBalancerIPs) r.filterExternal.push(rule('KUBE-EXTERNAL-SERVICES', { dst: ip, proto: p, matches: [filterComment, port], target: filterTarget }));
  if (s.nodePort) {
    if (hasEndpoints) {
      if (ctx.localhostNodePortsAcct) r.natNodePorts.push(rule('KUBE-NODEPORTS', { dst: '127.0.0.0/8', proto: p, matches: [comment(s.name), dport(p, s.nodePort), '-m nfacct --nfacct-name  localhost_nps_accepted_pkts'], target: names.ext }));
      r.natNodePorts.push(rule('KUBE-NODEPORTS', { proto: p, matches: [comment(s.name), dport(p, s.nodePort)], target: names.ext }));
    }
    if (!hasExternal) r.filterExternal.push(rule('KUBE-EXTERNAL-SERVICES', { proto: p, matches: [filterComment, '-m addrtype --dst-type LOCAL', dport(p, s.nodePort)], target: filterTarget }));
  }
  if (s.healthCheckNodePort) r.filterNodePorts.push(rule('KUBE-NODEPORTS', { proto: 'tcp', matches: [comment(`${s.name} health check node port`), dport('tcp', s.healthCheckNodePort)], target: 'ACCEPT' }));
  const masq: string[] = [];
  if (hasInternal && (ctx.masqueradeAll || ctx.clusterCIDR)) {
    masq.push(rule(internalChain, { notSrc: ctx.masqueradeAll ? undefined : ctx.clusterCIDR, dst: s.clusterIP, proto: p, matches: [comment(`${s.name} cluster IP`), port], target: 'KUBE-MARK-MASQ' }));
  }
  if (usesExt) r.chains[names.ext] = extChain(s, ctx, names, hasExternal);
  if (usesFw) r.chains[names.fw] = fwChain(s, ctx, names);
  if (usesCluster) r.chains[names.svc] = [...(internalChain === names.svc ? masq : []), ...endpointRules(s, names.svc, cat.cluster)];
  if (usesLocal) r.chains[names.svl] = [...(internalChain === names.svl ? masq : []), ...endpointRules(s, names.svl, cat.local)];
  for (const e of cat.reachable) r.chains[endpointChain(s.name, p, e.endpoint)] = sepChain(s, e);
  return r;
}
