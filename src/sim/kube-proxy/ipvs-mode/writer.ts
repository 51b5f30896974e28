// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go syncProxyRules, ipset.go; reference
// kube-proxy.md §2): one virtual server per frontend of each service port — the ClusterIP, each
// external and load-balancer IP, and a NodePort one on each of the node's local IPv4 addresses —
// with the endpoints as Masq real servers, every VIP bound to the kube-ipvs0 dummy interface, the
// ipsets, and the handful of iptables rules that stay the same whatever the number of services.
import { categorizeEndpoints } from '../categorize.js';
import type { EndpointInfo, IpSet, IpvsState, IpvsVirtualServer, ServicePortInfo, SyncInput } from '../types.js';

/** The node's addresses NodePort virtual servers are created on: eth0, flannel.1 and cni0. */
export function nodePortAddresses(input: SyncInput): string[] {
  const [base] = input.node.podCIDR.split('/');
  const o = (base ?? '').split('.').map(Number);
  const podNet = o.length === 4 ? [`${o[0]}.${o[1]}.${o[2]}.${o[3]}`, `${o[0]}.${o[1]}.${o[2]}.${(o[3] ?? 0) + 1}`] : [];
  return [...input.node.ips, ...podNet];
}

function realServers(eps: EndpointInfo[]): IpvsVirtualServer['realServers'] {
  return eps.map((e) => ({ address: e.ip, port: e.port, weight: e.terminating ? 0 : 1 }));
}

function virtualServers(s: ServicePortInfo, eps: EndpointInfo[], input: SyncInput): IpvsVirtualServer[] {
  const cat = categorizeEndpoints(eps, s, input.node.name);
  const internal = s.internalPolicyLocal ? cat.local : cat.cluster;
  // With externalTrafficPolicy Local and no local endpoint, the IPVS proxier falls back to every
  // cluster endpoint instead of leaving the virtual server empty (kubernetes/kubernetes#97081).
  const external = s.externalPolicyLocal && cat.local.length ? cat.local : cat.cluster;
  const vs = (address: string, port: number, rs: EndpointInfo[]): IpvsVirtualServer => ({
    protocol: s.protocol, address, port, scheduler: input.config.ipvsScheduler || 'rr', persistent: s.stickyMaxAgeSeconds, realServers: realServers(rs), service: s.name,
  });
  const out = [vs(s.clusterIP, s.port, internal)];
  for (const ip of [...s.externalIPs, ...s.loadBalancerIPs]) out.push(vs(ip, s.port, external));
  if (s.nodePort) for (const ip of nodePortAddresses(input)) out.push(vs(ip, s.nodePort, external));
  return out;
}

function set(name: string, type: string, comment: string, members: string[]): IpSet {
  return { name, type, comment, members: [...new Set(members)].sort() };
}

/** Whether an IPv4 address lies in a CIDR. */
function inCidr(ip: string, cidr: string): boolean {
  const toInt = (a: string): number => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const [base, bits] = cidr.split('/');
  const prefix = bits === undefined ? 32 : Number(bits);
  if (!base || !(prefix >= 0 && prefix <= 32)) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base) / size);
}

/** A load-balancer frontend the node itself must not reach (its IP is in none of the source ranges): KUBE-IPVS-OUT-FILTER drops it. */
export interface NoNodeAccess {
  ip: string;
  protocol: string;
  port: number;
}

/** The LB frontends with source ranges that leave the node's own IP out (proxier.go lbNoNodeAccessIPPortProtocolEntries). */
export function noNodeAccessEntries(input: SyncInput): NoNodeAccess[] {
  const nodeIP = input.node.ips[0] ?? '';
  return input.services
    .filter((s) => s.loadBalancerSourceRanges.length && !s.loadBalancerSourceRanges.some((c) => inCidr(nodeIP, c)))
    .flatMap((s) => s.loadBalancerIPs.map((ip) => ({ ip, protocol: s.protocol.toLowerCase(), port: s.port })));
}

/** The addresses kube-proxy binds to kube-ipvs0: every ClusterIP, and external/LB IPs that are not already the node's. */
function boundAddresses(input: SyncInput): string[] {
  const own = new Set(nodePortAddresses(input));
  return [...new Set(input.services.flatMap((s) => [s.clusterIP, ...[...s.externalIPs, ...s.loadBalancerIPs].filter((ip) => !own.has(ip))]))];
}

/** Every ipset IPVS mode creates, in proxier.go's ipsetInfo order, with this sync's members (ipset.go's names and comments). */
function ipsets(input: SyncInput): IpSet[] {
  const proto = (s: ServicePortInfo): string => s.protocol.toLowerCase();
  const svcs = input.services;
  const nodeIP = input.node.ips[0] ?? '';
  const local = (s: ServicePortInfo): EndpointInfo[] => (input.endpoints[s.name] ?? []).filter((e) => e.nodeName === input.node.name);
  const ipPort = (ip: string, s: ServicePortInfo): string => `${ip},${proto(s)}:${s.port}`;
  const lb = (pick: (s: ServicePortInfo) => boolean, member: (ip: string, s: ServicePortInfo) => string[]): string[] =>
    svcs.filter(pick).flatMap((s) => s.loadBalancerIPs.flatMap((ip) => member(ip, s)));
  const ranged = (s: ServicePortInfo): boolean => s.loadBalancerSourceRanges.length > 0;
  const nodePorts = (p: string, isLocal: boolean): string[] => svcs.filter((s) => s.nodePort && proto(s) === p && (!isLocal || s.externalPolicyLocal)).map((s) => String(s.nodePort));
  const sctpNodePorts = (isLocal: boolean): string[] => svcs.filter((s) => s.nodePort && s.protocol === 'SCTP' && (!isLocal || s.externalPolicyLocal)).flatMap((s) => nodePortAddresses(input).map((ip) => `${ip},sctp:${s.nodePort}`));
  return [
    set('KUBE-LOOP-BACK', 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose', svcs.flatMap((s) => local(s).map((e) => `${e.ip},${proto(s)}:${e.port},${e.ip}`))),
    set('KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose', svcs.map((s) => ipPort(s.clusterIP, s))),
    set('KUBE-EXTERNAL-IP', 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose', svcs.filter((s) => !s.externalPolicyLocal).flatMap((s) => s.externalIPs.map((ip) => ipPort(ip, s)))),
    set('KUBE-EXTERNAL-IP-LOCAL', 'hash:ip,port', 'Kubernetes service external ip + port with externalTrafficPolicy=local', svcs.filter((s) => s.externalPolicyLocal).flatMap((s) => s.externalIPs.map((ip) => ipPort(ip, s)))),
    set('KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal', lb(() => true, (ip, s) => [ipPort(ip, s)])),
    set('KUBE-LOAD-BALANCER-FW', 'hash:ip,port', 'Kubernetes service load balancer ip + port for load balancer with sourceRange', lb(ranged, (ip, s) => [ipPort(ip, s)])),
    set('KUBE-LOAD-BALANCER-LOCAL', 'hash:ip,port', 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local', lb((s) => s.externalPolicyLocal, (ip, s) => [ipPort(ip, s)])),
    set('KUBE-LOAD-BALANCER-SOURCE-IP', 'hash:ip,port,ip', 'Kubernetes service load balancer ip + port + source IP for packet filter purpose', lb((s) => ranged(s) && s.loadBalancerSourceRanges.some((c) => inCidr(nodeIP, c)), (ip, s) => [`${ipPort(ip, s)},${ip}`])),
    set('KUBE-LOAD-BALANCER-SOURCE-CIDR', 'hash:ip,port,net', 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose', lb(ranged, (ip, s) => s.loadBalancerSourceRanges.map((c) => `${ipPort(ip, s)},${c}`))),
    set('KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose', nodePorts('tcp', false)),
    set('KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local', nodePorts('tcp', true)),
    set('KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose', nodePorts('udp', false)),
    set('KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local', nodePorts('udp', true)),
    set('KUBE-NODE-PORT-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'", sctpNodePorts(false)),
    set('KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'hash:ip,port', "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'", sctpNodePorts(true)),
    set('KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port', svcs.filter((s) => s.healthCheckNodePort).map((s) => String(s.healthCheckNodePort))),
    set('KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface', boundAddresses(input)),
  ];
}

/** What IPVS mode programs into IPVS and ipset for a node. */
export function writeIpvs(input: SyncInput): IpvsState {
  const virtual = input.services.flatMap((s) => virtualServers(s, input.endpoints[s.name] ?? [], input));
  return { virtualServers: virtual, dummyAddresses: boundAddresses(input), ipsets: ipsets(input) };
}
