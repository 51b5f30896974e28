// The last step of a packet: a socket accepts it, or the kernel answers RST / ICMP port
// unreachable because nothing listens there (ECONNREFUSED at the client). Sockets bound to
// 127.0.0.1 accept only packets addressed to loopback.
import type { SimState } from '../state.js';
import type { Pod } from '../types.js';
import { nodeListener, podListener, type Listener } from './listeners.js';
import type { NetNode } from './topology.js';
import type { ConnectOutcome, Hop, NfPacket, ServerSide } from './types.js';

/** What delivery found. */
export interface Delivery {
  outcome: ConnectOutcome;
  server?: ServerSide;
  seenFrom?: { ip: string; port: number };
}

function protocolOf(p: NfPacket): 'TCP' | 'UDP' | undefined {
  return p.proto === 'tcp' ? 'TCP' : p.proto === 'udp' ? 'UDP' : undefined;
}

function accepted(l: Listener, packet: NfPacket, node: string, hops: Hop[], host: string): Delivery {
  const server: ServerSide = { kind: l.pod && !l.pod.spec.hostNetwork ? 'pod' : 'node', node, ip: packet.dst, port: packet.dport };
  if (l.pod) Object.assign(server, { namespace: l.pod.metadata.namespace, pod: l.pod.metadata.name });
  if (l.container) server.container = l.container.name;
  const who = l.daemon ?? `${l.pod?.metadata.name}/${l.container?.name}`;
  hops.push({ host, kind: 'deliver', detail: `accepted by ${who} on ${packet.dst}:${packet.dport}, seeing the client as ${packet.src}:${packet.sport}`, packet: { ...packet } });
  return { outcome: 'connected', server, seenFrom: { ip: packet.src, port: packet.sport } };
}

function refused(packet: NfPacket, hops: Hop[], host: string, why: string): Delivery {
  hops.push({ host, kind: 'reject', detail: why, packet: { ...packet } });
  return { outcome: 'refused' };
}

/** ICMP echo is answered by any kernel the packet reaches. */
function echo(packet: NfPacket, hops: Hop[], host: string, node: string): Delivery {
  hops.push({ host, kind: 'deliver', detail: `the kernel answers the echo request from ${packet.dst}`, packet: { ...packet } });
  return { outcome: 'connected', server: { kind: 'node', node, ip: packet.dst, port: 0 }, seenFrom: { ip: packet.src, port: 0 } };
}

/** Delivers into a pod's network namespace (`viaLoopback` for a pod talking to itself). */
export function deliverToPod(_state: SimState, pod: Pod, packet: NfPacket, hops: Hop[], viaLoopback = false): Delivery {
  const name = pod.metadata.name ?? '';
  const proto = protocolOf(packet);
  if (!proto) return echo(packet, hops, name, pod.spec.nodeName ?? '');
  const l = podListener(pod, packet.dport, proto);
  if (!l) return refused(packet, hops, name, `nothing in pod ${name} listens on ${proto} port ${packet.dport}: ${proto === 'TCP' ? 'RST' : 'ICMP port unreachable'}`);
  if (l.loopbackOnly && !viaLoopback) return refused(packet, hops, name, `${l.container?.name} listens on 127.0.0.1:${packet.dport} only: RST`);
  return accepted(l, packet, pod.spec.nodeName ?? '', hops, name);
}

/** Delivers to a node's own stack (its daemons and hostNetwork pods). */
export function deliverToNode(state: SimState, node: NetNode, packet: NfPacket, hops: Hop[]): Delivery {
  const proto = protocolOf(packet);
  if (!proto) return echo(packet, hops, node.name, node.name);
  const l = nodeListener(state, node.name, packet.dport, proto);
  if (!l) return refused(packet, hops, node.name, `nothing on ${node.name} listens on ${proto} port ${packet.dport}: ${proto === 'TCP' ? 'RST' : 'ICMP port unreachable'}`);
  if (l.loopbackOnly && !packet.dst.startsWith('127.')) return refused(packet, hops, node.name, `${l.daemon ?? l.container?.name} listens on 127.0.0.1:${packet.dport} only: RST`);
  return accepted(l, packet, node.name, hops, node.name);
}
