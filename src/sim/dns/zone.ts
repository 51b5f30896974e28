// The zone-level records of CoreDNS's kubernetes plugin: the SOA it puts in every negative answer
// (coredns plugin/backend_lookup.go SOA), its serial (kubernetes.go Serial: the Unix time of the
// last Service/EndpointSlice change it saw) and the NS records (ns.go nsAddrs).
import type { SimState } from '../state.js';
import type { EndpointSlice, Pod, Service } from '../types.js';
import { listByLabels, listStored } from '../api-server/store.js';
import { parseTimestamp } from '../clock.js';
import { LAST_CHANGE_TRIGGER_TIME } from '../controllers/endpoints.js';
import { readyEndpoints } from './backend.js';
import type { DnsRecord } from './types.js';

/** The kubeadm Corefile's `ttl 30`: every record of the kubernetes plugin carries it. */
export const CLUSTER_TTL = 30;

/** The TTL of the `dns-version` TXT record (kubernetes.go Services). */
export const DNS_VERSION_TTL = 28800;

/** The DNS schema version the plugin reports (kubernetes.go DNSSchemaVersion). */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** The CoreDNS pods: kube-system pods labelled k8s-app=kube-dns that have an address. */
export function corednsPods(state: SimState): Pod[] {
  return listByLabels<Pod>(state, 'pods', 'kube-system', { 'k8s-app': 'kube-dns' }).filter((p) => p.status?.podIP);
}

/**
 * The SOA serial: the last time, in Unix seconds, CoreDNS's informers saw a Service or EndpointSlice
 * change (or CoreDNS started). The lab reads it back from creation and trigger timestamps, so a
 * deletion does not move it.
 */
export function zoneSerial(state: SimState): number {
  let latest = 0;
  const seen = (t: string | undefined): void => {
    const ms = t ? parseTimestamp(t) : NaN;
    if (ms > latest) latest = ms;
  };
  for (const s of listStored<Service>(state, 'services')) seen(s.metadata.creationTimestamp);
  for (const s of listStored<EndpointSlice>(state, 'endpointslices')) {
    seen(s.metadata.creationTimestamp);
    seen(s.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME]);
  }
  for (const p of corednsPods(state)) seen(p.status?.startTime);
  return Math.floor(latest / 1000);
}

/** The SOA of a zone: `ns.dns.<zone> hostmaster.<zone> <serial> 7200 1800 86400 30`, TTL min(ttl, 300). */
export function soaRecord(state: SimState, zone: string): DnsRecord {
  return {
    name: zone, ttl: Math.min(CLUSTER_TTL, 300), type: 'SOA', mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`,
    serial: zoneSerial(state), refresh: 7200, retry: 1800, expire: 86400, minimum: CLUSTER_TTL,
  };
}

/**
 * nsAddrs: the Services whose endpoints include the answering CoreDNS pod's address (kube-dns), by
 * name and ClusterIP; `ns.dns.<zone>` and the pod's address when none does.
 */
export function nameserverAddresses(state: SimState, zone: string): { name: string; ip: string }[] {
  const local = corednsPods(state)[0]?.status?.podIP;
  if (!local) return [];
  const out: { name: string; ip: string }[] = [];
  for (const svc of listStored<Service>(state, 'services')) {
    if (!readyEndpoints(state, svc).some((e) => e.ip === local)) continue;
    const name = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
    const ips = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : [svc.spec.clusterIP ?? ''];
    for (const ip of ips) if (ip && ip !== 'None') out.push({ name, ip });
  }
  return out.length ? out : [{ name: `ns.dns.${zone}`, ip: local }];
}
