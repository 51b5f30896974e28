// How a DNS query gets to a server before the packet dataplane carries it: a Service's ClusterIP
// reaches a ready CoreDNS endpoint (kube-proxy's DNAT), a pod IP reaches that pod, a node's
// 127.0.0.53 reaches systemd-resolved. Deliberately coarse; the dataplane's own rules replace it.
import type { SimState } from '../state.js';
import type { Node, Pod, Service } from '../types.js';
import { getStored, listStored } from '../api-server/store.js';
import { appFor } from '../node/catalogue.js';
import { answerQuery } from './coredns.js';
import { readyEndpoints } from './backend.js';
import { addressFromReverse, labelsOf } from './names.js';
import { RESOLVED_STUB_IP, type DnsHost } from './resolv-conf.js';
import type { DnsTransport, TransportResult } from './resolver.js';
import { canonicalName, emptyReply, fqdn, type DnsQuery, type DnsRecord } from './types.js';

/** The UDP buffer size systemd-resolved's stub advertises in its replies. */
export const RESOLVED_UDP_SIZE = 65494;

/** The running CoreDNS pods (the coredns image with an address), by IP, with the node each runs on. */
function corednsByIP(state: SimState): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of listStored<Pod>(state, 'pods')) {
    const running = p.status?.phase === 'Running' && p.status.podIP;
    if (running && p.spec.containers.some((c) => appFor(c.image)?.name === 'coredns')) out.set(p.status!.podIP!, p.spec.nodeName ?? '');
  }
  return out;
}

function hostNode(state: SimState, host: DnsHost): string {
  return host.kind === 'node' ? host.node : getStored<Pod>(state, 'pods', `${host.namespace}/${host.pod}`)?.spec.nodeName ?? '';
}

/** A query that reached a CoreDNS pod: its answer, a millisecond later when the pod is on another node. */
function reachCoreDNS(state: SimState, query: DnsQuery, server: string, sameNode: boolean): TransportResult {
  const response = answerQuery(state, query);
  return { kind: 'answer', server, response: { ...response, delayMs: response.delayMs + (sameNode ? 0 : 1) } };
}

/** True when the address belongs to a pod, a node or the loopback: something there answers with ICMP port unreachable. */
function isKnownHost(state: SimState, ip: string): boolean {
  if (ip.startsWith('127.')) return true;
  if (listStored<Pod>(state, 'pods').some((p) => p.status?.podIP === ip)) return true;
  return listStored<Node>(state, 'nodes').some((n) => n.status.addresses.some((a) => a.address === ip));
}

/** Through a Service's ClusterIP: no UDP 53 port, no rule (timeout); no endpoints, kube-proxy's REJECT; else a DNAT to an endpoint. */
function viaService(state: SimState, svc: Service, query: DnsQuery, serverIP: string, node: string): TransportResult {
  if (!(svc.spec.ports ?? []).some((p) => p.port === 53 && p.protocol === 'UDP')) return { kind: 'timeout' };
  const ready = readyEndpoints(state, svc);
  if (ready.length === 0) return state.config.proxyMode === 'ipvs' ? { kind: 'timeout' } : { kind: 'refused' };
  const coredns = corednsByIP(state);
  const target = ready.find((e) => coredns.get(e.ip) === node) ?? ready.find((e) => coredns.has(e.ip));
  if (!target) return { kind: 'refused' };
  return reachCoreDNS(state, query, serverIP, coredns.get(target.ip) === node);
}

/**
 * The transport that needs no dataplane: it delivers to CoreDNS through a Service whose
 * EndpointSlices hold a ready CoreDNS pod, or to a CoreDNS pod directly. CoreDNS scaled to zero
 * leaves kube-dns without endpoints, and kube-proxy (iptables, nftables) rejects the packet.
 */
export function directTransport(state: SimState, fromHost: DnsHost): DnsTransport {
  const node = hostNode(state, fromHost);
  return (serverIP, query) => {
    if (serverIP === RESOLVED_STUB_IP && fromHost.kind === 'node') return resolvedStub(state, fromHost.node, query);
    const svc = listStored<Service>(state, 'services').find((s) => s.spec.clusterIP === serverIP || s.spec.clusterIPs?.includes(serverIP));
    if (svc) return viaService(state, svc, query, serverIP, node);
    const coredns = corednsByIP(state);
    if (coredns.has(serverIP)) return reachCoreDNS(state, query, serverIP, coredns.get(serverIP) === node);
    return isKnownHost(state, serverIP) ? { kind: 'refused' } : { kind: 'timeout' };
  };
}

/** The names a node's /etc/hosts gives, as the lab seeds it: localhost, the node itself and every node. */
function nodeHosts(state: SimState, node: string): [string, string][] {
  const nodes = listStored<Node>(state, 'nodes').map((n): [string, string] => [n.metadata.name!, n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '']);
  return [['localhost', '127.0.0.1'], [node, '127.0.1.1'], ...nodes];
}

/**
 * systemd-resolved's stub on 127.0.0.53: names from /etc/hosts (TTL 0), and nothing else in time,
 * since the lab's upstream resolver cannot be reached. Cluster names are not known on a node.
 */
function resolvedStub(state: SimState, node: string, query: DnsQuery): TransportResult {
  const hosts = nodeHosts(state, node);
  const name = canonicalName(query.name);
  const reverse = addressFromReverse(name);
  const byName = hosts.filter(([h]) => labelsOf(name).join('.') === h.toLowerCase());
  const byAddr = reverse ? hosts.filter(([, ip]) => ip === reverse) : [];
  if (byName.length === 0 && byAddr.length === 0) return { kind: 'timeout' };
  const answer: DnsRecord[] = query.type === 'A' ? byName.map(([, ip]) => ({ name: fqdn(query.name), ttl: 0, type: 'A', address: ip }))
    : query.type === 'PTR' ? byAddr.slice(0, 1).map(([h]) => ({ name: fqdn(query.name), ttl: 0, type: 'PTR', target: `${h}.` })) : [];
  const response = { ...emptyReply(query, 'NOERROR'), recursionAvailable: true, answer, ednsUdpSize: RESOLVED_UDP_SIZE };
  return { kind: 'answer', server: RESOLVED_STUB_IP, response };
}
