// The lab's network as the kernel routes it: nodes on 192.168.56.0/24 (eth0), each with its
// podCIDR on cni0 (.1) and flannel.1 (.0, the VXLAN overlay), pods in their own network
// namespaces, hostNetwork pods sharing the node's, and the learner's `laptop` at 192.168.56.1 —
// the nodes' default gateway, which routes nothing further (the lab has no internet).
import type { SimState } from '../state.js';
import type { Node, Pod, Service } from '../types.js';
import { getStored, listByIndex, listStored } from '../api-server/store.js';
import { cidrContains, intToIp, parseCidr, type Cidr } from '../net.js';

/** The learner's machine on the nodes' network. */
export const LAPTOP = { name: 'laptop', ip: '192.168.56.1' } as const;

/** A node as the dataplane needs it. */
export interface NetNode {
  name: string;
  ip: string;
  podCIDR: Cidr;
  /** cni0's address (podCIDR .1) and flannel.1's (podCIDR .0). */
  cni0: string;
  flannel: string;
}

/** Where traffic starts or ends: a node's own stack, a pod's network namespace, or the laptop. */
export type Endpoint =
  | { kind: 'node'; node: string }
  | { kind: 'pod'; namespace: string; name: string; node: string; ip: string }
  | { kind: 'laptop' };

/**
 * The nodes, read again only when the nodes changed (their bucket was replaced — a state put back
 * as it was — or an object in it is not the one read), since a trace crosses many hops.
 */
const views = new WeakMap<SimState, { bucket: object | undefined; objects: Node[]; nodes: NetNode[] }>();

function view(state: SimState): { nodes: NetNode[] } {
  const hit = views.get(state);
  const bucket = state.objects.nodes;
  const objects = listStored<Node>(state, 'nodes');
  if (hit && hit.bucket === bucket && hit.objects.length === objects.length && hit.objects.every((n, i) => n === objects[i])) return hit;
  const v = { bucket, objects, nodes: readNodes(objects) };
  views.set(state, v);
  return v;
}

/** Every node with its addresses. */
export function netNodes(state: SimState): NetNode[] {
  return view(state).nodes;
}

function readNodes(nodes: Node[]): NetNode[] {
  return nodes.flatMap((n) => {
    const ip = n.status.addresses.find((a) => a.type === 'InternalIP')?.address;
    const cidr = n.spec.podCIDR ? parseCidr(n.spec.podCIDR) : undefined;
    if (!ip || !cidr) return [];
    return [{ name: n.metadata.name!, ip, podCIDR: cidr, cni0: intToIp(cidr.base + 1), flannel: intToIp(cidr.base) }];
  });
}

/** One node by name. */
export function netNode(state: SimState, name: string): NetNode | undefined {
  return netNodes(state).find((n) => n.name === name);
}

/** The addresses `-m addrtype --dst-type LOCAL` matches on a node (plus kube-ipvs0's in IPVS mode). */
export function localAddresses(state: SimState, node: NetNode): string[] {
  const ipvs = state.proxy?.[node.name]?.rules.ipvs?.dummyAddresses ?? [];
  return [node.ip, node.flannel, node.cni0, '127.0.0.1', ...ipvs];
}

/** True when an address is local to the node (127.0.0.0/8 included). */
export function isLocal(state: SimState, node: NetNode, ip: string): boolean {
  return ip.startsWith('127.') || localAddresses(state, node).includes(ip);
}

/** The pod that holds an IP in its own network namespace, if any (terminating pods keep it until gone). */
export function podByIP(state: SimState, ip: string): Pod | undefined {
  return listByIndex<Pod>(state, 'pods', 'podIP', ip)[0];
}

/** The node whose podCIDR holds an IP (the overlay's next hop). */
export function nodeForPodIP(state: SimState, ip: string): NetNode | undefined {
  return netNodes(state).find((n) => cidrContains(n.podCIDR, ip));
}

/**
 * The node that answers ARP for a LoadBalancer address of the simulated cloud (layer-2 mode: one
 * node announces each address), or undefined when no Service has it.
 */
export function nodeForLoadBalancerIP(state: SimState, ip: string): NetNode | undefined {
  const owner = listStored<Service>(state, 'services').some((s) => s.status?.loadBalancer?.ingress?.some((i) => i.ip === ip));
  if (!owner) return undefined;
  const nodes = netNodes(state);
  return nodes[Number(ip.split('.')[3] ?? 0) % nodes.length];
}

/** The node with this InternalIP. */
export function nodeByIP(state: SimState, ip: string): NetNode | undefined {
  return netNodes(state).find((n) => n.ip === ip);
}

/** The source address a host uses for a destination (the kernel's route source selection). */
export function sourceAddress(state: SimState, from: Endpoint, dst: string): string {
  if (from.kind === 'laptop') return LAPTOP.ip;
  if (from.kind === 'pod') return from.ip;
  const me = netNode(state, from.node);
  if (!me) return '0.0.0.0';
  if (dst.startsWith('127.')) return '127.0.0.1';
  // An address on kube-ipvs0 is local: the route to it (table local) prefers the address itself.
  if (state.proxy?.[me.name]?.rules.ipvs?.dummyAddresses.includes(dst)) return dst;
  if (cidrContains(me.podCIDR, dst)) return me.cni0;
  if (nodeForPodIP(state, dst)) return me.flannel;
  return me.ip;
}

/** The Pod object of a pod endpoint. */
export function podOf(state: SimState, e: Extract<Endpoint, { kind: 'pod' }>): Pod | undefined {
  return getStored<Pod>(state, 'pods', `${e.namespace}/${e.name}`);
}
