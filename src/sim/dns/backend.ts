// The data side of CoreDNS's kubernetes plugin (coredns plugin/kubernetes/kubernetes.go Records,
// findServices, findPods; parse.go parseRequest; reverse.go; object/endpoint.go): what the API
// objects say a name holds. Left out: multicluster, zonal names, `endpoint_pod_names`, wildcards.
import type { SimState } from '../state.js';
import type { EndpointSlice, Namespace, Service } from '../types.js';
import { getStored, listByLabels, listStored } from '../api-server/store.js';
import { isIP } from '../net.js';
import { labelsOf } from './names.js';

/** One candidate answer (coredns plugin/etcd/msg.Service): an address or a name, a port, the name it lives at. */
export interface BackendRecord {
  host: string;
  /** -1 when the service or slice declares no ports (the plugin's sentinel). */
  port: number;
  /** The owner name an SRV target or NS record uses (msg.Domain of the record's key). */
  domain: string;
}

/** What a lookup found: records (none at all is NODATA), or a name error (NXDOMAIN). */
export type BackendResult = { records: BackendRecord[] } | { nameError: true };

/** A parsed cluster name (parse.go recordRequest). */
interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: string;
}

const NAME_ERROR: BackendResult = { nameError: true };

/** parseRequest: `[_port._proto.|endpoint.]service.namespace.svc|pod.zone`; undefined for a malformed name. */
function parseRequest(name: string, zone: string): RecordRequest | undefined {
  const segs = labelsOf(name).slice(0, labelsOf(name).length - labelsOf(zone).length);
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  if (segs.length === 0 || (segs.length === 1 && (segs[0] === 'svc' || segs[0] === 'pod'))) return r;
  r.podOrSvc = segs.pop()!;
  if (r.podOrSvc !== 'pod' && r.podOrSvc !== 'svc') return undefined;
  r.namespace = segs.pop() ?? '';
  r.service = segs.pop() ?? '';
  if (segs.length === 1) r.endpoint = segs[0]!;
  else if (segs.length === 2) [r.port, r.protocol] = segs.map((s) => s.replace(/^_/, '')) as [string, string];
  else if (segs.length > 2) return undefined;
  return r;
}

/** namespaceExposed: the namespace exists (CoreDNS watches Namespaces). */
function namespaceExists(state: SimState, ns: string): boolean {
  return getStored<Namespace>(state, 'namespaces', ns) !== undefined;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The ready addresses and ports of a service's EndpointSlices (object.EndpointSliceToEndpoints). */
export function readyEndpoints(state: SimState, svc: Service): { ip: string; hostname: string; ports: { name: string; port: number; protocol: string }[] }[] {
  const slices = listByLabels<EndpointSlice>(state, 'endpointslices', svc.metadata.namespace!, { 'kubernetes.io/service-name': svc.metadata.name! });
  return slices.flatMap((s) => {
    const ports = s.ports?.length ? s.ports.map((p) => ({ name: p.name ?? '', port: p.port ?? -1, protocol: p.protocol ?? '' })) : [{ name: '', port: -1, protocol: '' }];
    return (s.endpoints ?? []).filter((e) => e.conditions.ready !== false)
      .flatMap((e) => e.addresses.map((ip) => ({ ip, hostname: e.hostname ?? '', ports })));
  });
}

/** endpointHostname: the endpoint's hostname, else its address with dashes. */
export function endpointHostname(ip: string, hostname: string): string {
  if (hostname) return hostname;
  if (ip.includes('.')) return ip.replaceAll('.', '-');
  const v6 = ip.replaceAll(':', '-');
  return v6.endsWith('-') ? `${v6}0` : v6;
}

/** The addresses a Service answers with: spec.clusterIPs, else spec.clusterIP (object.ToService). */
function clusterIPsOf(svc: Service): string[] {
  return svc.spec.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec.clusterIP ? [svc.spec.clusterIP] : [];
}

/** findServices: the records of `[_port._proto.|endpoint.]service.namespace.svc.zone`. */
function findServices(state: SimState, r: RecordRequest, zone: string): BackendResult {
  if (r.service === '') return { records: [] };
  const svc = listStored<Service>(state, 'services', r.namespace.toLowerCase()).find((s) => same(s.metadata.name!, r.service));
  if (!svc) return NAME_ERROR;
  const domain = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
  const matchPort = (name: string, protocol: string): boolean => (r.port === '' || same(r.port, name)) && (r.protocol === '' || same(r.protocol, protocol));
  if (svc.spec.type === 'ExternalName') {
    const target = svc.spec.externalName ?? '';
    if (r.endpoint || r.port || r.protocol || isIP(target) || target === '') return NAME_ERROR;
    return { records: [{ host: target, port: 0, domain }] };
  }
  const records: BackendRecord[] = [];
  if (svc.spec.clusterIP === 'None' || r.endpoint !== '') {
    for (const ep of readyEndpoints(state, svc)) {
      const host = endpointHostname(ep.ip, ep.hostname);
      if (r.endpoint !== '' && !same(r.endpoint, host)) continue;
      for (const p of ep.ports) if (matchPort(p.name, p.protocol)) records.push({ host: ep.ip, port: p.port, domain: `${host}.${domain}` });
    }
    return records.length ? { records } : NAME_ERROR;
  }
  const ports = (svc.spec.ports ?? []).filter((p) => matchPort(p.name ?? '', p.protocol ?? 'TCP'));
  for (const p of ports) for (const ip of clusterIPsOf(svc)) records.push({ host: ip, port: p.port, domain });
  return ports.length ? { records } : NAME_ERROR;
}

/** findPods with `pods insecure`: any dashed address in an existing namespace answers with that address. */
function findPods(r: RecordRequest, zone: string): BackendResult {
  if (r.service === '') return { records: [] };
  const name = r.service;
  const ip = (name.split('-').length === 4 && !name.includes('--')) ? name.replaceAll('-', '.') : name.replaceAll('-', ':');
  if (!isIP(ip)) return NAME_ERROR;
  return { records: [{ host: ip, port: 0, domain: `${name}.${r.namespace}.pod.${zone}` }] };
}

/** Records: what a forward name under the cluster zone holds. */
export function lookupRecords(state: SimState, name: string, zone: string): BackendResult {
  const r = parseRequest(name, zone);
  if (!r) return NAME_ERROR;
  if (r.podOrSvc === '') return { records: [] };
  if (!namespaceExists(state, r.namespace.toLowerCase())) return NAME_ERROR;
  return r.podOrSvc === 'pod' ? findPods(r, zone) : findServices(state, r, zone);
}

/** serviceRecordForIP: the service whose ClusterIP this is, else every endpoint name with this address. */
export function reverseRecords(state: SimState, ip: string, zone: string): string[] {
  const services = listStored<Service>(state, 'services');
  const svc = services.find((s) => clusterIPsOf(s).includes(ip) && s.spec.clusterIP !== 'None');
  if (svc) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`];
  const names: string[] = [];
  for (const s of services) {
    for (const ep of readyEndpoints(state, s)) {
      if (ep.ip === ip) names.push(`${endpointHostname(ep.ip, ep.hostname)}.${s.metadata.name}.${s.metadata.namespace}.svc.${zone}`);
    }
  }
  return names;
}
