// The shape of the simulated cluster: what `kubeadm init` and the join commands were given.
// Mirrors kubeadm's ClusterConfiguration networking (serviceSubnet, podSubnet), the apiserver's
// --service-node-port-range, kube-controller-manager's --node-cidr-mask-size and kube-proxy's mode.
import { cidrOverlap, intToIp, ipToInt, parseCidr } from './net.js';

/** The proxy modes kube-proxy has had on Linux (userspace only as history, removed in v1.26). */
export const PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'userspace'] as const;
/** The modes the lab's kube-proxy simulates (all of PROXY_MODES). */
export const SIMULATED_PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'userspace'] as const;
/** The simulated modes in prose: "iptables, ipvs or userspace". */
export function simulatedModesText(): string {
  const m = [...SIMULATED_PROXY_MODES];
  return `${m.slice(0, -1).join(', ')} or ${m.at(-1)}`;
}

/** One of PROXY_MODES. */
export type ProxyMode = (typeof PROXY_MODES)[number];

/** Everything that shapes a fresh lab's cluster; all of it can be set, all of it is validated. */
export interface ClusterConfig {
  nodes: number;
  serviceCIDR: string;
  podCIDR: string;
  nodeCIDRMaskSize: number;
  nodePortRange: string;
  proxyMode: ProxyMode;
  proxyVerbosity: number;
  firstNodeIP: string;
  kubernetesVersion: string;
  clusterDomain: string;
  cloud: boolean;
  seed: number;
}

/** The default cluster of ARCHITECTURE.md: three nodes of a kubeadm v1.34 cluster with flannel. */
export const DEFAULT_CONFIG: ClusterConfig = {
  nodes: 3,
  serviceCIDR: '10.96.0.0/12',
  podCIDR: '10.244.0.0/16',
  nodeCIDRMaskSize: 24,
  nodePortRange: '30000-32767',
  proxyMode: 'iptables',
  proxyVerbosity: 4,
  firstNodeIP: '192.168.56.10',
  kubernetesVersion: 'v1.34.0',
  clusterDomain: 'cluster.local',
  cloud: false,
  seed: 1,
};

/** The most nodes a lab may have: every node needs a podCIDR and an address after firstNodeIP. */
export const MAX_NODES = 245;

/** The node names of an N-node cluster: controlplane, node01, node02, ... */
export function nodeNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? 'controlplane' : `node${String(i).padStart(2, '0')}`));
}

/** The InternalIP of the i-th node (0 = controlplane). */
export function nodeIP(config: ClusterConfig, i: number): string {
  return intToIp(ipToInt(config.firstNodeIP) + i);
}

/** A parsed NodePort range. */
export interface PortRange {
  base: number;
  size: number;
}

/** Parses "30000-32767" (or a single port) as the apiserver's utilnet.ParsePortRange does. */
export function parsePortRange(text: string): PortRange | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (low < 1 || high > 65535 || high < low) return undefined;
  return { base: low, size: high - low + 1 };
}

/** Fills in defaults and returns the config, or the list of reasons it cannot describe a cluster. */
export function resolveConfig(partial: Partial<ClusterConfig> = {}): { config: ClusterConfig } | { errors: string[] } {
  const config: ClusterConfig = { ...DEFAULT_CONFIG, ...partial };
  const errors = validateConfig(config);
  return errors.length > 0 ? { errors } : { config };
}

/** Every reason the configuration is unusable, in learner's terms; empty when it is fine. */
export function validateConfig(c: ClusterConfig): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(c.nodes) || c.nodes < 1 || c.nodes > MAX_NODES) {
    errors.push(`invalid node count ${String(c.nodes)}: must be a whole number from 1 to ${MAX_NODES}`);
  }
  const svc = parseCidr(c.serviceCIDR);
  const pod = parseCidr(c.podCIDR);
  if (!svc) errors.push(`invalid service CIDR "${c.serviceCIDR}": must be an IPv4 network such as 10.96.0.0/12`);
  else if (svc.prefix > 28 || svc.prefix < 8) {
    errors.push(`invalid service CIDR "${c.serviceCIDR}": the prefix length must be between /8 and /28`);
  }
  if (!pod) errors.push(`invalid pod CIDR "${c.podCIDR}": must be an IPv4 network such as 10.244.0.0/16`);
  if (svc && pod) {
    const both = cidrOverlap(svc, pod);
    if (both) {
      errors.push(
        `service CIDR ${c.serviceCIDR} overlaps pod CIDR ${c.podCIDR}: addresses ${both.first}-${both.last} would belong to both ` +
          'Services and Pods; choose ranges that do not overlap',
      );
    }
  }
  if (pod && Number.isInteger(c.nodes) && c.nodes >= 1 && c.nodes <= MAX_NODES) {
    if (c.nodeCIDRMaskSize < pod.prefix || c.nodeCIDRMaskSize > 28) {
      errors.push(`invalid node CIDR mask size /${c.nodeCIDRMaskSize}: must be between /${pod.prefix} (the pod CIDR) and /28`);
    } else if (2 ** (c.nodeCIDRMaskSize - pod.prefix) < c.nodes) {
      errors.push(
        `pod CIDR ${c.podCIDR} holds only ${2 ** (c.nodeCIDRMaskSize - pod.prefix)} /${c.nodeCIDRMaskSize} node ranges, ` +
          `but the cluster has ${c.nodes} nodes`,
      );
    }
  }
  errors.push(...validateNodePortRange(c.nodePortRange));
  if (!(PROXY_MODES as readonly string[]).includes(c.proxyMode)) {
    errors.push(`invalid proxy mode "${c.proxyMode}": must be one of ${PROXY_MODES.join(', ')}`);
  } else if (!(SIMULATED_PROXY_MODES as readonly string[]).includes(c.proxyMode)) {
    errors.push(`proxy mode "${c.proxyMode}" is not simulated by this version of the lab yet: use ${simulatedModesText()}`);
  }
  if (!Number.isInteger(c.proxyVerbosity) || c.proxyVerbosity < 0 || c.proxyVerbosity > 10) {
    errors.push(`invalid kube-proxy verbosity ${String(c.proxyVerbosity)}: must be a whole number from 0 to 10`);
  }
  if (!Number.isInteger(c.seed)) errors.push(`invalid seed ${String(c.seed)}: must be a whole number`);
  return errors;
}

/** Reasons a NodePort range is not sane: unparsable, outside 1-65535, or too small to be useful. */
function validateNodePortRange(text: string): string[] {
  const r = parsePortRange(text);
  if (!r) return [`invalid NodePort range "${text}": must look like 30000-32767, with ports from 1 to 65535`];
  if (r.size < 16) return [`invalid NodePort range "${text}": it must hold at least 16 ports`];
  return [];
}
