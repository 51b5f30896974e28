// The conntrack entries a finished exchange leaves on every node it crossed: the original tuple as
// the packet arrived there, and the reply tuple as the server answers (after DNAT and masquerade).
// The lab's clients close their connections at once, so TCP flows sit in TIME_WAIT and UDP ones
// are replied; kube-proxy's timeouts apply on nodes it runs on.
import type { SimState } from '../state.js';
import { ctInsert } from './conntrack.js';
import { kernelOf } from './kernel.js';
import type { Delivery } from './deliver.js';
import type { NfPacket } from './types.js';

/** Records a completed exchange on each node (with the packet as it arrived there). */
export function recordConnection(state: SimState, visited: { node: string; packet: NfPacket }[], d: Delivery): void {
  if (!d.server || !d.seenFrom) return;
  for (const v of visited) {
    const p = v.packet;
    const reply = { src: d.server.ip, sport: d.server.port, dst: d.seenFrom.ip, dport: d.seenFrom.port };
    const phase = p.proto === 'tcp' || p.proto === 'sctp' ? 'TIME_WAIT' : 'REPLIED';
    ctInsert(kernelOf(state, v.node), { proto: p.proto, src: p.src, sport: p.sport, dst: p.dst, dport: p.dport }, reply, state.now, undefined, phase);
  }
}
