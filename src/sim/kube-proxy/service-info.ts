// The change trackers' conversions (pkg/proxy/serviceport.go newBaseServiceInfo,
// endpointslicecache.go): a Service becomes one ServicePortInfo per port, its EndpointSlices one
// sorted endpoint list per port name. Headless and ExternalName services are skipped
// (proxyutil.ShouldSkipService); only IPv4 data is kept, as the lab's cluster is single-stack.
import type { EndpointSlice, Service } from '../types.js';
import type { EndpointInfo, ServicePortInfo } from './types.js';

const DEFAULT_STICKY_SECONDS = 10800;

/** ServicePortName.String(): `ns/name:port`, or `ns/name` for an unnamed port. */
export function servicePortName(namespace: string, name: string, port: string): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

/** True for services kube-proxy ignores: ExternalName, and headless (no ClusterIP). */
export function shouldSkipService(svc: Service): boolean {
  const ip = svc.spec.clusterIP ?? '';
  return svc.spec.type === 'ExternalName' || ip === '' || ip === 'None';
}

function protocolOf(p: string | undefined): ServicePortInfo['protocol'] {
  return p === 'UDP' || p === 'SCTP' ? p : 'TCP';
}

/** Every proxier converts the same stored Service: they share the result (the objects are never changed). */
const portsCache = new WeakMap<Service, ServicePortInfo[]>();

/** The service ports kube-proxy programs for a Service (none for skipped ones). */
export function servicePortsOf(svc: Service): ServicePortInfo[] {
  let hit = portsCache.get(svc);
  if (!hit) {
    hit = convertService(svc);
    portsCache.set(svc, hit);
  }
  return hit;
}

function convertService(svc: Service): ServicePortInfo[] {
  if (shouldSkipService(svc)) return [];
  const s = svc.spec;
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const isV4 = (ip: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(ip);
  const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).filter((i) => i.ip && isV4(i.ip) && i.ipMode !== 'Proxy').map((i) => i.ip!);
  const externalIPs = (s.externalIPs ?? []).filter(isV4);
  const isLB = s.type === 'LoadBalancer';
  return (s.ports ?? []).map((p) => {
    const nodePort = typeof p.nodePort === 'number' ? p.nodePort : 0;
    const external = nodePort > 0 || externalIPs.length > 0 || lbIPs.length > 0;
    return {
      name: servicePortName(ns, name, p.name ?? ''),
      namespace: ns,
      serviceName: name,
      portName: p.name ?? '',
      protocol: protocolOf(p.protocol),
      clusterIP: s.clusterIP ?? '',
      port: p.port,
      nodePort,
      externalIPs,
      loadBalancerIPs: lbIPs,
      loadBalancerSourceRanges: isLB ? [...(s.loadBalancerSourceRanges ?? [])] : [],
      healthCheckNodePort: isLB && s.externalTrafficPolicy === 'Local' ? s.healthCheckNodePort ?? 0 : 0,
      externalPolicyLocal: external && s.externalTrafficPolicy === 'Local',
      internalPolicyLocal: s.internalTrafficPolicy === 'Local',
      stickyMaxAgeSeconds: s.sessionAffinity === 'ClientIP' ? s.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS : 0,
    };
  });
}

/**
 * The last conversion per Service, valid while its slices are the very same objects (the store
 * replaces an object on every write): every proxier shares the arrays. Identity, not uid and
 * resourceVersion, because two simulations with one seed — or one put back by undo — repeat those.
 */
const endpointsCache = new Map<string, { slices: EndpointSlice[]; value: Record<string, EndpointInfo[]> }>();

/** The endpoints of each service port name, merged over the service's IPv4 slices and sorted as strings. */
export function endpointsOf(namespace: string, service: string, slices: EndpointSlice[]): Record<string, EndpointInfo[]> {
  const key = `${namespace}/${service}`;
  const hit = endpointsCache.get(key);
  if (hit && hit.slices.length === slices.length && hit.slices.every((s, i) => s === slices[i])) return hit.value;
  const value = convertSlices(namespace, service, slices);
  if (endpointsCache.size > 50_000) endpointsCache.clear();
  endpointsCache.set(key, { slices: [...slices], value });
  return value;
}

function convertSlices(namespace: string, service: string, slices: EndpointSlice[]): Record<string, EndpointInfo[]> {
  const byPort: Record<string, Map<string, EndpointInfo>> = {};
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const port of slice.ports ?? []) {
      if (typeof port.port !== 'number') continue;
      const spn = servicePortName(namespace, service, port.name ?? '');
      const seen = (byPort[spn] ??= new Map());
      for (const e of slice.endpoints ?? []) {
        const ip = e.addresses[0];
        if (!ip) continue;
        const ready = e.conditions?.ready ?? true;
        const info: EndpointInfo = {
          endpoint: `${ip}:${port.port}`,
          ip,
          port: port.port,
          ready,
          serving: e.conditions?.serving ?? ready,
          terminating: e.conditions?.terminating ?? false,
          nodeName: e.nodeName ?? '',
        };
        if (!seen.has(info.endpoint)) seen.set(info.endpoint, info);
      }
    }
  }
  const out: Record<string, EndpointInfo[]> = {};
  for (const [spn, m] of Object.entries(byPort)) out[spn] = [...m.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
  return out;
}
