// One connection attempt through the simulated network, the way the kernel moves the first packet:
// the sender's routing, netfilter's nat and filter hooks on each node (the rules kube-proxy
// actually wrote), IPVS or nftables in those modes, the flannel overlay between nodes,
// masquerading on the way out, and delivery to whatever listens — every step recorded as a hop.
// Replies follow conntrack back, so only the forward path is walked. Left out: IP options, MTU,
// retransmissions, and TCP state beyond the handshake.
import type { SimState } from '../state.js';
import { randInt } from '../rng.js';
import { cidrContains, parseCidr } from '../net.js';
import { recordConnection } from './track.js';
import { ctExpire } from './conntrack.js';
import { filterAt, natAt, natPostrouting, type NatResult } from './nat-step.js';
import { isLocal, LAPTOP, nodeByIP, nodeForLoadBalancerIP, nodeForPodIP, netNode, podByIP, sourceAddress, type Endpoint, type NetNode } from './topology.js';
import { deliverToNode, deliverToPod, type Delivery } from './deliver.js';
import { ipvsStep } from './ipvs-step.js';
import { userspaceStep } from './userspace-step.js';
import type { ConnectResult, Hop, NfPacket } from './types.js';

/** How long a lost ARP takes to turn into EHOSTUNREACH (three 1 s probes). */
const ARP_TIMEOUT_MS = 3070;
/** The most nodes one packet may cross (a loop in the lab's routing would otherwise never end). */
const MAX_NODE_HOPS = 6;

/** Options of one attempt. */
export interface ConnectOptions {
  /** How long the client waits before giving up on silence. */
  timeoutMs: number;
  /** A fixed source port (otherwise an ephemeral one from 32768-60999). */
  sport?: number;
}

interface Walk {
  state: SimState;
  hops: Hop[];
  opts: ConnectOptions;
  /** The client's own tuple, for the result. */
  from: { ip: string; port: number };
  /** The nodes the packet crossed, with the packet as it arrived there (their conntrack entries). */
  visited: { node: string; packet: NfPacket }[];
}

function hop(w: Walk, host: string, kind: Hop['kind'], detail: string, packet: NfPacket): void {
  w.hops.push({ host, kind, detail, packet: { ...packet } });
}

function ended(w: Walk, outcome: ConnectResult['outcome'], elapsedMs: number, d?: Delivery): ConnectResult {
  const r: ConnectResult = { outcome, from: w.from, hops: w.hops, elapsedMs };
  if (d?.server) r.server = d.server;
  if (d?.seenFrom) r.seenFrom = d.seenFrom;
  if (outcome === 'connected' && d) recordConnection(w.state, w.visited, d);
  return r;
}

function lost(w: Walk, host: string, why: string, packet: NfPacket): ConnectResult {
  hop(w, host, 'drop', why, packet);
  return ended(w, 'timeout', w.opts.timeoutMs);
}

function verdictEnd(w: Walk, node: NetNode, res: NatResult | { verdict: string; hops: Hop[] }, packet: NfPacket): ConnectResult | undefined {
  w.hops.push(...res.hops);
  if (res.verdict === 'REJECT') {
    // The kernel's ICMP error leaves from the packet's destination when that address is its own.
    const r = ended(w, 'refused', 1);
    r.rejectedBy = isLocal(w.state, node, packet.dst) ? packet.dst : node.ip;
    return r;
  }
  if (res.verdict === 'DROP') return lost(w, node.name, 'dropped by netfilter: the client hears nothing', packet);
  return undefined;
}

/** The packet leaves node `at` for `dst` (already NATed): POSTROUTING, then onto the wire or into a pod. */
function forward(w: Walk, at: NetNode, packet: NfPacket, depth: number, dnat: boolean): ConnectResult {
  const fwd = filterAt(w.state, at, 'FORWARD', packet, dnat);
  const f = verdictEnd(w, at, fwd, packet);
  if (f) return f;
  return leave(w, at, packet, depth);
}

/** POSTROUTING and the routing decision out of a node (for forwarded and locally generated packets). */
function leave(w: Walk, at: NetNode, packet: NfPacket, depth: number): ConnectResult {
  const dst = packet.dst;
  const out = natPostrouting(w.state, at, packet);
  w.hops.push(...out.hops);
  let p = packet;
  if (out.masquerade) {
    p = { ...(out.hops.at(-1)?.packet ?? packet), src: sourceAddress(w.state, { kind: 'node', node: at.name }, dst) };
    hop(w, at.name, 'route', `masqueraded: source rewritten to ${p.src}`, p);
  }
  if (cidrContains(at.podCIDR, dst)) return toPod(w, at, p);
  const owner = nodeForPodIP(w.state, dst);
  if (owner) {
    hop(w, at.name, 'route', `${dst} is in ${owner.name}'s podCIDR ${owner.podCIDR.text}: via flannel.1 (VXLAN) to ${owner.ip}`, p);
    return arrive(w, owner, { ...p, mark: 0 }, depth + 1);
  }
  const node = nodeByIP(w.state, dst) ?? nodeForLoadBalancerIP(w.state, dst);
  if (node) {
    hop(w, at.name, 'route', `${dst} is on the node network: out eth0 to ${node.name}`, p);
    return arrive(w, node, { ...p, mark: 0 }, depth + 1);
  }
  if (dst === LAPTOP.ip) return toLaptop(w, p);
  hop(w, at.name, 'route', `no route for ${dst} but the default one: via ${LAPTOP.ip} (laptop) dev eth0`, p);
  return lost(w, 'laptop', `the laptop does not forward packets for ${dst}; nothing answers`, p);
}

/** A packet arriving at a node from the wire or the overlay: PREROUTING, then local delivery or forwarding. */
function arrive(w: Walk, node: NetNode, packet: NfPacket, depth: number): ConnectResult {
  if (depth > MAX_NODE_HOPS) return lost(w, node.name, 'routing loop: TTL exceeded', packet);
  const nat = natAt(w.state, node, 'PREROUTING', packet);
  const v = verdictEnd(w, node, nat, packet);
  if (v) return v;
  w.visited.push({ node: node.name, packet: { ...packet } });
  return route(w, node, { ...nat.packet }, depth, 'INPUT', dnatted(packet, nat.packet));
}

function dnatted(before: NfPacket, after: NfPacket): boolean {
  return before.dst !== after.dst || before.dport !== after.dport;
}

/** After nat: deliver locally (INPUT) or forward. */
function route(w: Walk, node: NetNode, packet: NfPacket, depth: number, localChain: 'INPUT' | 'OUTPUT', dnat: boolean): ConnectResult {
  if (isLocal(w.state, node, packet.dst)) {
    const inp = filterAt(w.state, node, 'INPUT', packet, dnat);
    const v = verdictEnd(w, node, inp, packet);
    if (v) return v;
    const ipvs = ipvsStep(w.state, node.name, packet);
    if (ipvs.kind === 'drop') return lost(w, node.name, ipvs.hop.detail, packet);
    if (ipvs.kind === 'dnat') {
      w.hops.push(ipvs.hop);
      return leave(w, node, ipvs.packet, depth);
    }
    const proxied = userspaceStep(w.state, node.name, packet);
    if (proxied.kind === 'no-endpoints') {
      w.hops.push(proxied.hop);
      return ended(w, 'refused', 1);
    }
    if (proxied.kind === 'proxy') {
      w.hops.push(proxied.hop);
      const inner = connect(w.state, { kind: 'node', node: node.name }, proxied.ip, proxied.port, packet.proto, w.opts);
      w.hops.push(...inner.hops);
      const r: ConnectResult = { ...inner, from: w.from, hops: w.hops };
      return r;
    }
    const d = deliverToNode(w.state, node, packet, w.hops);
    return ended(w, d.outcome, d.outcome === 'connected' ? 1 : 1, d);
  }
  return localChain === 'OUTPUT' ? leave(w, node, packet, depth) : forward(w, node, packet, depth, dnat);
}

function toPod(w: Walk, at: NetNode, packet: NfPacket): ConnectResult {
  const pod = podByIP(w.state, packet.dst);
  if (!pod) {
    hop(w, at.name, 'route', `${packet.dst} is on cni0, but no pod has that address: ARP gets no answer`, packet);
    return ended(w, 'unreachable', ARP_TIMEOUT_MS);
  }
  hop(w, at.name, 'route', `${packet.dst} is on cni0: delivered into pod ${pod.metadata.namespace}/${pod.metadata.name}`, packet);
  const d = deliverToPod(w.state, pod, packet, w.hops);
  return ended(w, d.outcome, 1, d);
}

function toLaptop(w: Walk, packet: NfPacket): ConnectResult {
  hop(w, 'laptop', 'deliver', `nothing listens on the laptop's port ${packet.dport}: RST`, packet);
  return ended(w, 'refused', 1);
}

/** From the laptop: only the node network is reachable; everything else goes to its own default route and is lost. */
function fromLaptop(w: Walk, packet: NfPacket): ConnectResult {
  const lb = nodeForLoadBalancerIP(w.state, packet.dst);
  const node = nodeByIP(w.state, packet.dst) ?? lb;
  if (node) {
    hop(w, 'laptop', 'route', `${packet.dst} is on 192.168.56.0/24: out to ${node.name}${lb ? ', which answers ARP for this load-balancer address' : ''}`, packet);
    return arrive(w, node, packet, 0);
  }
  const lan = parseCidr('192.168.56.0/24')!;
  if (cidrContains(lan, packet.dst) && packet.dst !== LAPTOP.ip) {
    hop(w, 'laptop', 'route', `${packet.dst} is on 192.168.56.0/24 but no host answers ARP`, packet);
    return ended(w, 'unreachable', ARP_TIMEOUT_MS);
  }
  if (packet.dst === LAPTOP.ip || packet.dst.startsWith('127.')) return toLaptop(w, packet);
  hop(w, 'laptop', 'route', `${packet.dst} is not on the laptop's networks: via its default gateway, which cannot reach the cluster's pod or service addresses`, packet);
  return lost(w, 'laptop', `nothing on the way knows ${packet.dst}`, packet);
}

/** From a pod: its own addresses stay inside its network namespace; the rest enters the node through the veth. */
function fromPod(w: Walk, e: Extract<Endpoint, { kind: 'pod' }>, packet: NfPacket): ConnectResult {
  const node = netNode(w.state, e.node);
  const pod = podByIP(w.state, e.ip);
  if (!node || !pod) return ended(w, 'no-route', 0);
  if (packet.dst === e.ip || packet.dst.startsWith('127.')) {
    hop(w, e.name, 'route', `${packet.dst} is this pod's own address: delivered inside its network namespace`, packet);
    const d = deliverToPod(w.state, pod, packet, w.hops, true);
    return ended(w, d.outcome, 0, d);
  }
  hop(w, e.name, 'route', `default via ${node.cni0} dev eth0: into ${node.name} through the pod's veth`, packet);
  return arrive(w, node, packet, 0);
}

/** From a node's own process: OUTPUT hooks, then the routing decision. */
function fromNode(w: Walk, name: string, packet: NfPacket): ConnectResult {
  const node = netNode(w.state, name);
  if (!node) return ended(w, 'no-route', 0);
  const nat = natAt(w.state, node, 'OUTPUT', packet);
  const v = verdictEnd(w, node, nat, packet);
  if (v) return v;
  w.visited.push({ node: node.name, packet: { ...packet } });
  const p = { ...nat.packet };
  const out = filterAt(w.state, node, 'OUTPUT', p, dnatted(packet, p));
  const fv = verdictEnd(w, node, out, p);
  if (fv) return fv;
  return route(w, node, p, 0, 'OUTPUT', dnatted(packet, p));
}

/** Drops expired conntrack entries on every host, at most once per simulated second. */
function expireConntrack(state: SimState): void {
  const last = expiredAt.get(state) ?? -Infinity;
  if (state.now - last < 1000) return;
  expiredAt.set(state, state.now);
  for (const k of Object.values(state.kernel ?? {})) ctExpire(k, state.now);
}

const expiredAt = new WeakMap<SimState, number>();

/** Attempts a connection (TCP) or an exchange (UDP, ICMP) from an endpoint to dst:dport. */
export function connect(state: SimState, from: Endpoint, dst: string, dport: number, proto: NfPacket['proto'], opts: ConnectOptions): ConnectResult {
  expireConntrack(state);
  const src = sourceAddress(state, from, dst);
  const sport = proto === 'icmp' ? 0 : opts.sport ?? 32768 + randInt(state.rng, 28232);
  const packet: NfPacket = { proto, src, sport, dst, dport, mark: 0 };
  const w: Walk = { state, hops: [], opts, from: { ip: src, port: sport }, visited: [] };
  switch (from.kind) {
    case 'laptop': return fromLaptop(w, packet);
    case 'pod': return fromPod(w, from, packet);
    case 'node': return fromNode(w, from.node, packet);
  }
}
