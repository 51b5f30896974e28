// /etc/resolv.conf as the lab's hosts have it: a node's systemd-resolved stub file (Ubuntu 22.04) and
// a container's file as the kubelet builds it (kubernetes pkg/kubelet/network/dns/dns.go
// GetPodDNS, written by containerd in the order search, nameserver, options), plus its parser.
import type { SimState } from '../state.js';
import type { Pod } from '../types.js';
import { getStored } from '../api-server/store.js';
import { serviceIPAt } from '../cluster.js';

/** A host whose resolver the lab models: a node, or a pod (by namespace and name). */
export type DnsHost = { kind: 'node'; node: string } | { kind: 'pod'; namespace: string; pod: string };

/** The address systemd-resolved's stub listens on; a node's /etc/resolv.conf points there. */
export const RESOLVED_STUB_IP = '127.0.0.53';

/** /etc/resolv.conf of an Ubuntu 22.04 node: the symlink to systemd-resolved's stub-resolv.conf. */
export const NODE_RESOLV_CONF = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
search .
`;

/** What a pod with dnsPolicy Default (or hostNetwork with ClusterFirst) gets: the node's resolver settings. */
const NODE_SETTINGS = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';

interface PodDnsConfig { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] }

/** The resolv.conf the kubelet writes for a pod, by its dnsPolicy (and dnsConfig, merged as dns.go does). */
export function podResolvConf(state: SimState, pod: Pod): string {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const extra = (pod.spec['dnsConfig'] ?? {}) as PodDnsConfig;
  const domain = state.config.clusterDomain;
  if (policy === 'Default' || (policy === 'ClusterFirst' && pod.spec.hostNetwork)) return NODE_SETTINGS;
  const clusterFirst = policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet';
  const ns = pod.metadata.namespace ?? 'default';
  const search = [...(clusterFirst ? [`${ns}.svc.${domain}`, `svc.${domain}`, domain] : []), ...(extra.searches ?? [])];
  const servers = [...(clusterFirst ? [serviceIPAt(state.config, 10)] : []), ...(extra.nameservers ?? [])];
  const options = new Map<string, string | undefined>(clusterFirst ? [['ndots', '5']] : []);
  for (const o of extra.options ?? []) options.set(o.name, o.value);
  const lines = [
    ...(search.length ? [`search ${[...new Set(search)].join(' ')}`] : []),
    ...servers.slice(0, 3).map((s) => `nameserver ${s}`),
    ...(options.size ? [`options ${[...options].map(([k, v]) => (v === undefined ? k : `${k}:${v}`)).join(' ')}`] : []),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

/** The /etc/resolv.conf a host starts with: the node's stub file, or the kubelet's file for a pod. */
export function resolvConfFor(state: SimState, host: DnsHost): string {
  if (host.kind === 'node') return NODE_RESOLV_CONF;
  const pod = getStored<Pod>(state, 'pods', `${host.namespace}/${host.pod}`);
  const domain = state.config.clusterDomain;
  if (!pod) return `search ${host.namespace}.svc.${domain} svc.${domain} ${domain}\nnameserver ${serviceIPAt(state.config, 10)}\noptions ndots:5\n`;
  return podResolvConf(state, pod);
}

/** A parsed resolv.conf, as glibc's res_init reads it (resolv/res_init.c). */
export interface ResolvConf {
  nameservers: string[];
  /** Search domains; `search .` gives none. */
  search: string[];
  ndots: number;
  /** Seconds per try and tries per server (options timeout:, attempts:). */
  timeout: number;
  attempts: number;
}

/** Parses resolv.conf text: the last search/domain line wins, at most three nameservers, ndots capped at 15. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  for (const raw of text.split('\n')) {
    const [key, ...args] = raw.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (key === 'nameserver' && args[0] && conf.nameservers.length < 3) conf.nameservers.push(args[0]);
    else if (key === 'search' || key === 'domain') conf.search = args.filter((a) => a !== '' && a !== '.').map((a) => a.replace(/\.$/, ''));
    else if (key === 'options') {
      for (const opt of args) {
        const [name, value] = opt.split(':');
        const n = Number(value);
        if (name === 'ndots' && Number.isInteger(n) && n >= 0) conf.ndots = Math.min(n, 15);
        if (name === 'timeout' && Number.isInteger(n) && n >= 1) conf.timeout = Math.min(n, 30);
        if (name === 'attempts' && Number.isInteger(n) && n >= 1) conf.attempts = Math.min(n, 5);
      }
    }
  }
  return conf;
}
