// How the HTTP and socket clients (curl, wget, nc, ping, telnet) turn a host name into an address:
// the host's stub resolver — its resolv.conf (search path, ndots) and the libc's search rules
// (glibc on nodes and Debian images, musl on Alpine and busybox ones) — over the host's DNS
// transport, asking for A records as getaddrinfo does for IPv4.
import { isIPv4 } from '../../sim/net.js';
import { parseResolvConf, resolvConfFor, searchCandidates, searchNames, withinTimeout, type CandidateOutcome, type StubFlavor } from '../../sim/dns/resolver.js';
import type { DnsHost } from '../../sim/dns/resolv-conf.js';
import { getStored } from '../../sim/api-server/store.js';
import type { Pod } from '../../sim/types.js';
import { currentHost, type CommandContext } from '../types.js';
import { dnsTransportFor } from './dns-transport.js';

/** What a lookup gave: an address and the name it was found under, or why it failed. */
export type ToolResolution = { ok: true; ip: string; canonical: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };

const MUSL_IMAGES = /(^|\/)(busybox|alpine|curlimages\/curl)(:|@|$)/;

function dnsHost(ctx: Pick<CommandContext, 'shell'>): DnsHost {
  const h = currentHost(ctx.shell);
  return h.kind === 'node' ? { kind: 'node', node: h.node } : { kind: 'pod', namespace: h.namespace, pod: h.pod };
}

function flavorOf(ctx: Pick<CommandContext, 'sim' | 'shell'>): StubFlavor {
  const h = currentHost(ctx.shell);
  if (h.kind !== 'pod') return 'glibc';
  const pod = getStored<Pod>(ctx.sim, 'pods', `${h.namespace}/${h.pod}`);
  const image = pod?.spec.containers.find((c) => c.name === h.container)?.image ?? '';
  return MUSL_IMAGES.test(image) ? 'musl' : 'glibc';
}

/** Resolves a name (or passes an IPv4 literal through) from the prompt's host. */
export function resolveForTool(ctx: Pick<CommandContext, 'sim' | 'shell'>, name: string): ToolResolution {
  if (isIPv4(name)) return { ok: true, ip: name, canonical: name };
  const conf = parseResolvConf(resolvConfFor(ctx.sim, dnsHost(ctx)));
  const flavor = flavorOf(ctx);
  const transport = dnsTransportFor(ctx);
  const server = conf.nameservers[0];
  if (!server) return { ok: false, reason: 'nxdomain' };
  let ip = '';
  const ask = (fqdn: string): CandidateOutcome => {
    const r = withinTimeout(transport(server, { name: fqdn, type: 'A' }), conf.timeout * 1000 * conf.attempts);
    if (r.kind !== 'answer') return 'unreachable';
    if (r.response.rcode === 'NXDOMAIN') return 'nxdomain';
    if (r.response.rcode !== 'NOERROR') return 'servfail';
    const a = r.response.answer.find((rec) => rec.type === 'A');
    if (!a || a.type !== 'A') return 'nodata';
    ip = a.address;
    return 'found';
  };
  const res = searchNames(searchCandidates(name, conf, flavor), flavor, ask);
  if ('found' in res) return { ok: true, ip, canonical: res.found.replace(/\.$/, '') };
  return { ok: false, reason: res.failed === 'unreachable' ? 'timeout' : res.failed === 'servfail' ? 'servfail' : 'nxdomain' };
}
