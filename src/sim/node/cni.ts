// The pod network on a node: flannel delegating to the bridge plugin with host-local IPAM
// (containernetworking/plugins plugins/ipam/host-local/backend/allocator), over the node's podCIDR.
// cni0 holds .1 (the gateway); addresses go round-robin from the last reserved one, so a freed
// address is not reused until the range wraps. Left out: IPv6, several ranges, on-disk lease files.
import type { SimState, NodeIpam } from '../state.js';
import { intToIp, ipToInt, parseCidr } from '../net.js';

/** The result of an IPAM ADD: the pod's address, or host-local's error text. */
export type IpamResult = { ok: true; ip: string } | { ok: false; error: string };

interface HostLocalRange {
  start: number;
  end: number;
  gateway: number;
}

/** host-local's defaults for a subnet: rangeStart .1, rangeEnd the last address before broadcast, gateway .1. */
function rangeOf(ipam: NodeIpam): HostLocalRange {
  const cidr = parseCidr(ipam.range);
  if (!cidr) throw new Error(`cni: node range ${ipam.range} is not an IPv4 CIDR`);
  return { start: cidr.base + 1, end: cidr.base + cidr.size - 2, gateway: cidr.base + 1 };
}

/** The range set as host-local prints it in errors: "10.244.1.1-10.244.1.254". */
export function rangeSetText(ipam: NodeIpam): string {
  const r = rangeOf(ipam);
  return `${intToIp(r.start)}-${intToIp(r.end)}`;
}

/** Reserves the next free address after the last reserved one (skipping the gateway) for `owner`. */
export function allocatePodIP(state: SimState, node: string, owner: string): IpamResult {
  const ipam = state.ipam[node];
  if (!ipam) return { ok: false, error: 'loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory' };
  const r = rangeOf(ipam);
  const size = r.end - r.start + 1;
  const last = ipam.lastReserved;
  const first = last >= r.start && last < r.end ? last + 1 : r.start;
  for (let i = 0; i < size; i++) {
    const candidate = r.start + ((first - r.start + i) % size);
    const ip = intToIp(candidate);
    if (candidate === r.gateway || ipam.used[ip] !== undefined) continue;
    ipam.used[ip] = owner;
    ipam.lastReserved = candidate;
    return { ok: true, ip };
  }
  return { ok: false, error: `failed to allocate for range 0: no IP addresses available in range set: ${rangeSetText(ipam)}` };
}

/** Frees an address held by `owner` (host-local's DEL); a no-op when someone else holds it. */
export function releasePodIP(state: SimState, node: string, ip: string, owner: string): void {
  const ipam = state.ipam[node];
  if (ipam?.used[ip] === owner) delete ipam.used[ip];
}

/** The addresses in use on a node, in address order (what /var/lib/cni/networks/cbr0 lists). */
export function usedPodIPs(state: SimState, node: string): string[] {
  return Object.keys(state.ipam[node]?.used ?? {}).sort((a, b) => ipToInt(a) - ipToInt(b));
}

/** The kubelet's FailedCreatePodSandBox message for a CNI ADD that failed (containerd 1.7 + flannel). */
export function sandboxNetworkError(sandboxId: string, cniError: string): string {
  const plugin = cniError.startsWith('loadFlannelSubnetEnv') ? cniError : `failed to delegate add: ${cniError}`;
  return `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId}": plugin type="flannel" failed (add): ${plugin}`;
}
