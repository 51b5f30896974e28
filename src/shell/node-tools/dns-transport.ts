// The one place the DNS clients get their transport from: how a query from the current host
// reaches a server. For now the sim's direct path to CoreDNS; the packet dataplane (kube-proxy's
// rules, conntrack) takes its place by changing only this function's body.
import { directTransport, type DnsTransport } from '../../sim/dns/resolver.js';
import { currentHost, type CommandContext } from '../types.js';

/** The transport DNS queries from the prompt's host travel over. */
export function dnsTransportFor(ctx: Pick<CommandContext, 'sim' | 'shell'>): DnsTransport {
  const h = currentHost(ctx.shell);
  return directTransport(ctx.sim, h.kind === 'node' ? { kind: 'node', node: h.node } : { kind: 'pod', namespace: h.namespace, pod: h.pod });
}
