// The userspace proxier's data path (history, before v1.26): a connection REDIRECTed to a proxy
// port is accepted by kube-proxy itself, which picks an endpoint round robin (LoadBalancerRR) and
// opens a second connection to it from the node — so the backend sees the node, not the client.
import type { SimState } from '../state.js';
import { kernelOf } from './kernel.js';
import type { Hop, NfPacket } from './types.js';

/** The endpoint kube-proxy would proxy a connection on this node's proxy port to, or why there is none. */
export type UserspacePick = { kind: 'none' } | { kind: 'no-endpoints'; hop: Hop } | { kind: 'proxy'; ip: string; port: number; hop: Hop };

/** Looks a local destination port up among the node's userspace portals. */
export function userspaceStep(state: SimState, node: string, packet: NfPacket): UserspacePick {
  const p = state.proxy?.[node];
  const portal = p?.rules.userspace?.find((u) => u.proxyPort === packet.dport && u.protocol.toLowerCase() === packet.proto);
  if (!p || !portal || !p.running || p.mode !== 'userspace') return { kind: 'none' };
  const eps = (p.endpoints[portal.service] ?? []).filter((e) => e.ready);
  if (eps.length === 0) {
    return { kind: 'no-endpoints', hop: { host: node, kind: 'proxy', detail: `kube-proxy accepts on port ${portal.proxyPort} for ${portal.service} but has no endpoints: it closes the connection`, packet: { ...packet } } };
  }
  const k = kernelOf(state, node);
  const key = `userspace ${portal.service}`;
  const next = (k.ipvsNext ??= {})[key] ?? 0;
  const ep = eps[next % eps.length]!;
  k.ipvsNext[key] = (next + 1) % eps.length;
  const detail = `kube-proxy accepts on port ${portal.proxyPort} for ${portal.service} and opens its own connection to ${ep.endpoint} (round robin ${(next % eps.length) + 1} of ${eps.length})`;
  return { kind: 'proxy', ip: ep.ip, port: ep.port, hop: { host: node, kind: 'proxy', detail, packet: { ...packet } } };
}
