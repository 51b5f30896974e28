// What one node's kube-proxy knows and what it wrote, as plain data. The shapes follow kube-proxy's
// own (pkg/proxy/serviceport.go BaseServicePortInfo, endpoint.go BaseEndpointInfo, the proxiers'
// rule sets); the rule writers of every mode read a SyncInput and return what they program.
import type { ProxyMode } from '../config.js';

/** One port of one Service as the service change tracker sees it (BaseServicePortInfo). */
export interface ServicePortInfo {
  /** ServicePortName.String(): `ns/name:port`, or `ns/name` for an unnamed port. */
  name: string;
  namespace: string;
  serviceName: string;
  /** The port's name ('' when unnamed). */
  portName: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** The ClusterIP (headless and ExternalName services never reach the proxiers). */
  clusterIP: string;
  port: number;
  /** 0 when the service has no node port. */
  nodePort: number;
  externalIPs: string[];
  /** status.loadBalancer.ingress[].ip (hostnames and ipMode Proxy entries left out, as kube-proxy does). */
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  /** 0 unless type LoadBalancer with externalTrafficPolicy Local. */
  healthCheckNodePort: number;
  /** externalTrafficPolicy Local on an externally reachable service (ExternalPolicyLocal()). */
  externalPolicyLocal: boolean;
  /** internalTrafficPolicy Local (InternalPolicyLocal()). */
  internalPolicyLocal: boolean;
  /** sessionAffinity ClientIP, with its timeout in seconds; 0 when affinity is None. */
  stickyMaxAgeSeconds: number;
}

/** One endpoint of a service port (BaseEndpointInfo), from the EndpointSlices. */
export interface EndpointInfo {
  /** `ip:port` (net.JoinHostPort), the string endpoints are sorted and hashed by. */
  endpoint: string;
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The node the endpoint runs on ('' when the slice does not say). */
  nodeName: string;
}

/** The node a proxier runs on. */
export interface ProxierNode {
  name: string;
  /** The node's IPv4 addresses (InternalIP first). */
  ips: string[];
  /** The node's spec.podCIDR. */
  podCIDR: string;
}

/** The configuration that shapes the rules (KubeProxyConfiguration as kubeadm leaves it). */
export interface ProxierConfig {
  mode: ProxyMode;
  /** clusterCIDR: the pod network ('' when unset: no off-cluster masquerade rules). */
  clusterCIDR: string;
  /** The service CIDR (nftables' "unallocated ClusterIP" drop rule). */
  serviceCIDR: string;
  masqueradeAll: boolean;
  /** 14 → mark 0x4000. */
  masqueradeBit: number;
  localhostNodePorts: boolean;
  /** nodePortAddresses (empty = every local IP in iptables/ipvs mode). */
  nodePortAddresses: string[];
  /** ipvs.scheduler, '' meaning rr. */
  ipvsScheduler: string;
}

/** Everything a rule writer needs for one sync: service ports sorted by name, endpoints sorted by `ip:port`. */
export interface SyncInput {
  node: ProxierNode;
  config: ProxierConfig;
  services: ServicePortInfo[];
  endpoints: Record<string, EndpointInfo[]>;
  /** Names of the service ports whose Service or EndpointSlices changed since the last sync (partial sync). */
  changed?: string[];
}

/** One iptables table as the kernel holds it: built-in chains with policies, then kube-proxy's and others' chains. */
export interface IptablesTable {
  name: 'nat' | 'filter' | 'mangle';
  /** Built-in chains in the kernel's order with their policy (`PREROUTING` → `ACCEPT`). */
  builtins: [string, string][];
  /** Every chain's rules as iptables-save prints them (`-A KUBE-SERVICES -d 10.96.0.1/32 ...`), built-ins included. */
  chains: Record<string, string[]>;
}

/** The iptables tables of a node. */
export interface IptablesState {
  nat: IptablesTable;
  filter: IptablesTable;
  mangle: IptablesTable;
}

/** An IPVS real server. */
export interface IpvsRealServer {
  address: string;
  port: number;
  weight: number;
}

/** An IPVS virtual server (one frontend of one service port). */
export interface IpvsVirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  port: number;
  scheduler: string;
  /** sessionAffinity ClientIP timeout (`persistent N`), 0 for none. */
  persistent: number;
  realServers: IpvsRealServer[];
  /** The service port it belongs to (ServicePortName.String()). */
  service: string;
}

/** An ipset. */
export interface IpSet {
  name: string;
  type: string;
  comment: string;
  members: string[];
  /** How many iptables rules reference the set (`References:` of `ipset list`). */
  references?: number;
}

/** What IPVS mode programs: virtual servers, the kube-ipvs0 addresses, ipsets and its few iptables rules. */
export interface IpvsState {
  virtualServers: IpvsVirtualServer[];
  /** The addresses bound to the kube-ipvs0 dummy interface. */
  dummyAddresses: string[];
  ipsets: IpSet[];
}

/** One set or map of the nftables table. */
export interface NftSet {
  kind: 'set' | 'map';
  name: string;
  type: string;
  comment: string;
  /** Elements as nft prints them (`10.96.0.1 . tcp . 443 : goto service-...`), in the order kube-proxy added them. */
  elements: string[];
  /** Set flags (`dynamic`, `timeout`) of the ClientIP affinity sets. */
  flags?: string[];
  /** The set's default element timeout in seconds (affinity sets). */
  timeout?: number;
}

/** One chain of the nftables table: its hook line (base chains) and its rules as nft prints them. */
export interface NftChain {
  name: string;
  /** `type nat hook prerouting priority dstnat; policy accept;` for base chains. */
  hook?: string;
  comment?: string;
  rules: string[];
}

/** `table ip kube-proxy` as nftables mode programs it. */
export interface NftTable {
  /** `ip` (the IPv4 proxier) or `ip6` (the IPv6 one); absent means `ip`. */
  family?: 'ip' | 'ip6';
  sets: NftSet[];
  chains: NftChain[];
}

/** What userspace mode (history) ran: one proxy socket per service port. */
export interface UserspacePortal {
  service: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  proxyPort: number;
}

/** What one sync programmed, whatever the mode. */
export interface ProgrammedRules {
  iptables: IptablesState;
  /** The mode that programmed these rules. */
  mode?: string;
  /** Chains another mode left in the kernel, which the current writer neither writes nor removes. */
  leftovers?: { nat: Record<string, string[]>; filter: Record<string, string[]> };
  ipvs?: IpvsState;
  nft?: NftTable;
  /** The IPv6 proxier's `table ip6 kube-proxy` (dual-stack node; no services in an IPv4-only cluster). */
  nft6?: NftTable;
  userspace?: UserspacePortal[];
}
