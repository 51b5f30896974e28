// The one place the DNS clients get their transport from: a query leaves the prompt's host as a
// UDP packet to port 53 and goes through the packet dataplane — kube-proxy's rules DNAT
// 10.96.0.10 to a CoreDNS pod, an empty kube-dns is rejected, a dead address times out. A node's
// own 127.0.0.53 is systemd-resolved on that node.
import { directTransport, type DnsTransport } from '../../sim/dns/resolver.js';
import { RESOLVED_STUB_IP } from '../../sim/dns/resolv-conf.js';
import { answerQuery } from '../../sim/dns/coredns.js';
import { connect } from '../../sim/dataplane/connect.js';
import { getStored } from '../../sim/api-server/store.js';
import { appFor } from '../../sim/node/catalogue.js';
import type { Pod } from '../../sim/types.js';
import { currentHost, type CommandContext } from '../types.js';
import { clientEndpoint } from './net-tools/client.js';

/** How long a resolver waits for one reply before it counts the try as lost. */
const TRY_MS = 5000;

/** The transport DNS queries from the prompt's host travel over. */
export function dnsTransportFor(ctx: Pick<CommandContext, 'sim' | 'shell'>): DnsTransport {
  const h = currentHost(ctx.shell);
  const local = directTransport(ctx.sim, h.kind === 'node' ? { kind: 'node', node: h.node } : { kind: 'pod', namespace: h.namespace, pod: h.pod });
  const from = clientEndpoint(ctx);
  return (serverIP, query) => {
    if (serverIP === RESOLVED_STUB_IP && h.kind === 'node') return local(serverIP, query);
    const r = connect(ctx.sim, from, serverIP, 53, 'udp', { timeoutMs: TRY_MS });
    if (r.outcome === 'refused') return { kind: 'refused' };
    if (r.outcome !== 'connected' || !r.server) return { kind: 'timeout' };
    const pod = r.server.pod ? getStored<Pod>(ctx.sim, 'pods', `${r.server.namespace}/${r.server.pod}`) : undefined;
    const isCoreDNS = pod?.spec.containers.some((c) => c.name === r.server!.container && appFor(c.image)?.name === 'coredns');
    if (!isCoreDNS) return local(serverIP, query);
    const response = answerQuery(ctx.sim, query);
    return { kind: 'answer', server: serverIP, response: { ...response, delayMs: response.delayMs + (r.server.node === (from.kind === 'laptop' ? '' : from.node) ? 0 : 1) } };
  };
}
