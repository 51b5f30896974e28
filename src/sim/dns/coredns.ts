// CoreDNS v1.12 with kubeadm's Corefile: the kubernetes plugin for cluster.local, in-addr.arpa and
// ip6.arpa (coredns plugin/kubernetes/handler.go ServeDNS, plugin/backend_lookup.go A, SRV, PTR...),
// everything else to `forward . /etc/resolv.conf`. Left out: `loadbalance` shuffling (answers keep
// store order), the cache (disabled for cluster.local by kubeadm), AXFR, and EDNS, added by wire.ts.
import type { SimState } from '../state.js';
import { isIP } from '../net.js';
import { lookupRecords, reverseRecords, type BackendRecord, type BackendResult } from './backend.js';
import { addressFromReverse, isSubdomain, matchZone } from './names.js';
import { canonicalName, emptyReply, fqdn, type DnsQuery, type DnsRecord, type DnsResponse } from './types.js';
import { CLUSTER_TTL, DNS_SCHEMA_VERSION, DNS_VERSION_TTL, nameserverAddresses, soaRecord } from './zone.js';

/**
 * How long the forward plugin works on a name before it gives up with SERVFAIL when the upstream
 * never answers. The lab has no internet: the nodes' upstream resolver (what CoreDNS's
 * /etc/resolv.conf names, as dnsPolicy Default copies it from the node) cannot be reached, so
 * forward.go ServeDNS tries it until its 5 s deadline, each try waiting proxy readTimeout 2 s: tries
 * at 0, 2 and 4 s, the last timing out at 6 s. That is what a real offline cluster does.
 */
export const FORWARD_GIVE_UP_MS = 6000;

/** What the kubernetes plugin returned: records for the answer and additional sections, or a name error. */
type PluginResult = { records: DnsRecord[]; extra: DnsRecord[]; upstreamMs: number } | { nameError: true };

const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'];

/** The reply CoreDNS gives to one question, read from the API objects; the state is never changed. */
export function answerQuery(state: SimState, q: DnsQuery): DnsResponse {
  const domain = `${state.config.clusterDomain}.`;
  const matched = matchZone([domain, ...REVERSE_ZONES], q.name);
  if (!matched) return forwardUpstream(q);
  const qname = fqdn(q.name);
  const zone = qname.slice(qname.length - matched.length);
  const result = serveKubernetes(state, q, zone, domain);
  if ('nameError' in result) {
    if (REVERSE_ZONES.includes(matched)) return forwardUpstream(q);
    return { ...negative(state, q, zone, 'NXDOMAIN'), delayMs: 0 };
  }
  if (result.records.length === 0) return { ...negative(state, q, zone, 'NOERROR'), delayMs: result.upstreamMs };
  return { ...emptyReply(q, 'NOERROR', result.upstreamMs), authoritative: true, answer: result.records, additional: result.extra };
}

/** forward . /etc/resolv.conf with an upstream that never answers (see FORWARD_GIVE_UP_MS). */
function forwardUpstream(q: DnsQuery): DnsResponse {
  return emptyReply(q, 'SERVFAIL', FORWARD_GIVE_UP_MS);
}

/** BackendError: an authoritative reply with the zone's SOA in the authority section. */
function negative(state: SimState, q: DnsQuery, zone: string, rcode: 'NXDOMAIN' | 'NOERROR'): DnsResponse {
  return { ...emptyReply(q, rcode), authoritative: true, authority: [soaRecord(state, zone)] };
}

const found = (records: DnsRecord[], extra: DnsRecord[] = [], upstreamMs = 0): PluginResult => ({ records, extra, upstreamMs });

/** handler.go ServeDNS: the per-type dispatch of the kubernetes plugin. */
function serveKubernetes(state: SimState, q: DnsQuery, zone: string, domain: string): PluginResult {
  const qname = fqdn(q.name);
  const atApex = canonicalName(qname) === canonicalName(zone);
  switch (q.type) {
    case 'A':
    case 'AAAA':
      return addressRecords(state, qname, q.type, zone, domain, []);
    case 'SRV':
      return srvRecords(state, qname, zone, domain);
    case 'PTR':
      return ptrRecords(state, qname, zone, domain);
    case 'CNAME':
      return cnameRecords(services(state, qname, zone, domain), qname);
    case 'TXT':
      return txtRecords(state, qname, zone, domain);
    case 'SOA':
      return found(atApex ? [soaRecord(state, zone)] : []);
    case 'NS':
      if (atApex) return nsRecords(state, qname, zone);
      return probe(state, qname, zone, domain);
    case 'MX':
    case 'ANY':
      return probe(state, qname, zone, domain);
    default: {
      const never: never = q.type;
      return never;
    }
  }
}

/** "Do a fake A lookup, so we can distinguish between NODATA and NXDOMAIN." */
function probe(state: SimState, qname: string, zone: string, domain: string): PluginResult {
  const r = addressRecords(state, qname, 'A', zone, domain, []);
  return 'nameError' in r ? r : found([], [], r.upstreamMs);
}

/** Services(): the special names (ns.dns, the apex) and then Records() or, for reverse names, nothing. */
function services(state: SimState, qname: string, zone: string, domain: string): BackendResult {
  if (canonicalName(qname) === canonicalName(`ns.dns.${zone}`)) {
    return { records: nameserverAddresses(state, domain).map((n) => ({ host: n.ip, port: 0, domain: qname })) };
  }
  if (canonicalName(qname) === canonicalName(zone)) return { records: [] };
  if (!isSubdomain(domain, qname)) return { nameError: true };
  return lookupRecords(state, qname, zone);
}

/** plugin.A / plugin.AAAA: addresses, ExternalName CNAMEs chased inside the zone or through the upstream. */
function addressRecords(state: SimState, qname: string, type: 'A' | 'AAAA', zone: string, domain: string, chain: DnsRecord[]): PluginResult {
  const result = services(state, qname, zone, domain);
  if ('nameError' in result) return result;
  const records: DnsRecord[] = [];
  let upstreamMs = 0;
  const seen = new Set<string>();
  for (const s of result.records) {
    if (!isIP(s.host)) {
      const cname: DnsRecord = { name: qname, ttl: CLUSTER_TTL, type: 'CNAME', target: fqdn(s.host) };
      if (canonicalName(s.host) === canonicalName(qname) || chain.length > 10) continue;
      if (chain.some((c) => c.type === 'CNAME' && canonicalName(c.target) === canonicalName(s.host))) continue;
      if (isSubdomain(zone, s.host)) {
        const next = addressRecords(state, fqdn(s.host), type, zone, domain, [...chain, cname]);
        if (!('nameError' in next) && next.records.length) records.push(cname, ...next.records);
        continue;
      }
      // The target is outside the cluster: CoreDNS asks itself, which forwards it upstream and,
      // offline, waits out the forward plugin before answering with the CNAME alone.
      upstreamMs = FORWARD_GIVE_UP_MS;
      records.push(cname);
      continue;
    }
    const want = s.host.includes(':') ? 'AAAA' : 'A';
    if (want !== type || seen.has(s.host)) continue;
    seen.add(s.host);
    records.push({ name: qname, ttl: CLUSTER_TTL, type, address: s.host });
  }
  return found(records, [], upstreamMs);
}

/** plugin.SRV: one record per port (and endpoint), weight ⌊100 / N⌋, an A record per target in the extra section. */
function srvRecords(state: SimState, qname: string, zone: string, domain: string): PluginResult {
  const result = services(state, qname, zone, domain);
  if ('nameError' in result) return result;
  const internal = result.records.filter((s) => isIP(s.host));
  const weight = Math.max(1, Math.floor(100 / Math.max(1, internal.length)));
  const records: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const s of internal as BackendRecord[]) {
    if (s.port === -1) continue;
    const target = fqdn(s.domain);
    if (!seen.has(`${target} ${s.port}`)) records.push({ name: qname, ttl: CLUSTER_TTL, type: 'SRV', priority: 0, weight, port: s.port, target });
    seen.add(`${target} ${s.port}`);
    if (!seen.has(`${target} ${s.host}`)) extra.push({ name: target, ttl: CLUSTER_TTL, type: s.host.includes(':') ? 'AAAA' : 'A', address: s.host });
    seen.add(`${target} ${s.host}`);
  }
  return found(records, extra);
}

/** plugin.PTR: the names of a ClusterIP or of endpoints; any other reverse name is a name error (and falls through). */
function ptrRecords(state: SimState, qname: string, zone: string, domain: string): PluginResult {
  const ip = addressFromReverse(qname);
  if (ip === '') {
    const r = services(state, qname, zone, domain);
    return 'nameError' in r ? r : found([]);
  }
  const names = [...new Set(reverseRecords(state, ip, domain))];
  if (names.length === 0) return { nameError: true };
  return found(names.map((n) => ({ name: qname, ttl: CLUSTER_TTL, type: 'PTR', target: fqdn(n) })));
}

/** plugin.CNAME: the first record, when it is a name (an ExternalName service). */
function cnameRecords(result: BackendResult, qname: string): PluginResult {
  if ('nameError' in result) return result;
  const first = result.records[0];
  return found(first && !isIP(first.host) ? [{ name: qname, ttl: CLUSTER_TTL, type: 'CNAME', target: fqdn(first.host) }] : []);
}

/** TXT: only `dns-version.<zone>`; any other existing name is NODATA, the rest NXDOMAIN. */
function txtRecords(state: SimState, qname: string, zone: string, domain: string): PluginResult {
  if (canonicalName(qname) === canonicalName(`dns-version.${zone}`)) {
    return found([{ name: qname, ttl: DNS_VERSION_TTL, type: 'TXT', text: DNS_SCHEMA_VERSION }]);
  }
  const r = services(state, qname, zone, domain);
  return 'nameError' in r ? r : found([]);
}

/** plugin.NS at the apex: the kube-dns Service's name, its ClusterIP in the extra section. */
function nsRecords(state: SimState, qname: string, zone: string): PluginResult {
  const records: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  for (const n of nameserverAddresses(state, zone)) {
    const target = fqdn(n.name);
    extra.push({ name: target, ttl: CLUSTER_TTL, type: 'A', address: n.ip });
    if (!records.some((r) => r.type === 'NS' && r.target === target)) records.push({ name: qname, ttl: CLUSTER_TTL, type: 'NS', target });
  }
  return found(records, extra);
}
