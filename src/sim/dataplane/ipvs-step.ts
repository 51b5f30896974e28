// IPVS on the packet's way in (net/netfilter/ipvs ip_vs_in at LOCAL_IN and LOCAL_OUT): a packet to a
// virtual server's address and port — bound locally on kube-ipvs0 — is scheduled to a real server
// (round robin, or the remembered one while `persistent` lasts) and NATed to it. A virtual server
// without real servers drops the packet.
import type { SimState } from '../state.js';
import { kernelOf } from './kernel.js';
import type { Hop, NfPacket } from './types.js';

/** What IPVS did: nothing (no virtual server), a drop, or a DNAT to a real server. */
export type IpvsOutcome = { kind: 'none' } | { kind: 'drop'; hop: Hop } | { kind: 'dnat'; packet: NfPacket; hop: Hop };

/** Runs a packet that reached a local address through the node's IPVS table. */
export function ipvsStep(state: SimState, node: string, packet: NfPacket): IpvsOutcome {
  const ipvs = state.proxy?.[node]?.rules.ipvs;
  const proto = packet.proto.toUpperCase();
  const vs = ipvs?.virtualServers.find((v) => v.protocol === proto && v.address === packet.dst && v.port === packet.dport);
  if (!vs) return { kind: 'none' };
  const key = `${vs.protocol} ${vs.address}:${vs.port}`;
  const live = vs.realServers.filter((r) => r.weight > 0);
  if (live.length === 0) return { kind: 'drop', hop: { host: node, kind: 'ipvs', detail: `${key} ${vs.scheduler}: no real servers, the packet is dropped`, packet: { ...packet } } };
  const k = kernelOf(state, node);
  const persistKey = `${key} ${packet.src}`;
  const remembered = vs.persistent ? k.ipvsPersist?.[persistKey] : undefined;
  let chosen = remembered && remembered.until > state.now ? live.find((r) => `${r.address}:${r.port}` === remembered.server) : undefined;
  let how = 'persistent: the client\'s last real server';
  if (!chosen) {
    const next = (k.ipvsNext ??= {})[key] ?? 0;
    chosen = live[next % live.length]!;
    k.ipvsNext[key] = (next + 1) % live.length;
    how = `round robin: real server ${(next % live.length) + 1} of ${live.length}`;
  }
  if (vs.persistent) (k.ipvsPersist ??= {})[persistKey] = { server: `${chosen.address}:${chosen.port}`, until: state.now + vs.persistent * 1000 };
  const out = { ...packet, dst: chosen.address, dport: chosen.port };
  return { kind: 'dnat', packet: out, hop: { host: node, kind: 'ipvs', detail: `${key} ${vs.scheduler}${vs.persistent ? ` persistent ${vs.persistent}` : ''} → ${chosen.address}:${chosen.port} Masq (${how})`, packet: { ...out } } };
}
