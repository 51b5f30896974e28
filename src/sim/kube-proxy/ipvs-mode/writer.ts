// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go syncProxyRules, ipset.go; reference
// kube-proxy.md §2): one virtual server per frontend of each service port — the ClusterIP, each
// external and load-balancer IP, and a NodePort one on each of the node's local IPv4 addresses —
// with the endpoints as Masq real servers, every VIP bound to the kube-ipvs0 dummy interface, the
// ipsets, and the handful of iptables rules that stay the same whatever the number of services.
// Left out: the filter table's KUBE-IPVS-FILTER and source-range ipsets (kept minimal here).
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

function ipsets(input: SyncInput): IpSet[] {
  const proto = (s: ServicePortInfo): string => s.protocol.toLowerCase();
  const svcs = input.services;
  const local = (s: ServicePortInfo): EndpointInfo[] => (input.endpoints[s.name] ?? []).filter((e) => e.nodeName === input.node.name && e.ready);
  const nodePorts = (p: string, isLocal: boolean): string[] => svcs.filter((s) => s.nodePort && proto(s) === p && s.externalPolicyLocal === isLocal).map((s) => String(s.nodePort));
  return [
    set('KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose', svcs.map((s) => `${s.clusterIP},${proto(s)}:${s.port}`)),
    set('KUBE-LOOP-BACK', 'hash:ip,port,ip', 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose', svcs.flatMap((s) => local(s).map((e) => `${e.ip},${proto(s)}:${e.port},${e.ip}`))),
    set('KUBE-EXTERNAL-IP', 'hash:ip,port', 'Kubernetes service external ip + port for masquerade and filter purpose', svcs.flatMap((s) => s.externalIPs.map((ip) => `${ip},${proto(s)}:${s.port}`))),
    set('KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal', svcs.flatMap((s) => s.loadBalancerIPs.map((ip) => `${ip},${proto(s)}:${s.port}`))),
    set('KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose', nodePorts('tcp', false)),
    set('KUBE-NODE-PORT-LOCAL-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port with externalTrafficPolicy=local', nodePorts('tcp', true)),
    set('KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose', nodePorts('udp', false)),
    set('KUBE-NODE-PORT-LOCAL-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port with externalTrafficPolicy=local', nodePorts('udp', true)),
    set('KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port', svcs.filter((s) => s.healthCheckNodePort).map((s) => String(s.healthCheckNodePort))),
  ];
}

/** What IPVS mode programs into IPVS and ipset for a node. */
export function writeIpvs(input: SyncInput): IpvsState {
  const virtual = input.services.flatMap((s) => virtualServers(s, input.endpoints[s.name] ?? [], input));
  const vips = [...new Set(input.services.flatMap((s) => [s.clusterIP, ...s.externalIPs, ...s.loadBalancerIPs]))];
  return { virtualServers: virtual, dummyAddresses: vips, ipsets: ipsets(input) };
}
