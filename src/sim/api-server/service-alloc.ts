// The Service REST storage's allocation step (pkg/registry/core/service/storage/alloc.go and
// storage.go): keep what an update left unset, drop what the new type no longer uses, allocate
// ClusterIPs and NodePorts before validation, and roll back if the write then fails.
import type { Service, ServicePort } from '../types.js';
import type { SimState } from '../state.js';
import { isIPv4 } from '../net.js';
import { allocateNextIP, allocateSpecificIP, releaseIP } from './ipallocator.js';
import { allocateNextPort, allocateSpecificPort, releasePort } from './portallocator.js';
import { internalError, invalid, invalidError, type ApiError } from './errors.js';

/** An allocation in progress: undo it if the write fails, commit it (free what the old object held) if it succeeds. */
export interface AllocTxn {
  error?: ApiError;
  rollback(): void;
  commit(): void;
}

/** True when the Service gets a ClusterIP (not ExternalName, not headless). */
export function needsClusterIP(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && svc.spec.clusterIP !== 'None';
}

/** True when the Service gets NodePorts (NodePort, or LoadBalancer unless allocateLoadBalancerNodePorts is false). */
export function needsNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

/** Makes clusterIP and clusterIPs agree, as the strategy's normalizeClusterIPs does. */
export function normalizeClusterIPs(svc: Service, old?: Service): void {
  const s = svc.spec;
  if (s.clusterIP && !s.clusterIPs?.length) s.clusterIPs = [s.clusterIP];
  else if (!s.clusterIP && s.clusterIPs?.length) s.clusterIP = s.clusterIPs[0];
  if (!old) return;
  // patchAllocatedValues: an update that leaves allocated values unset keeps them.
  if (needsClusterIP(svc) && !s.clusterIP && old.spec.clusterIP && old.spec.clusterIP !== 'None') {
    s.clusterIP = old.spec.clusterIP;
    s.clusterIPs = [...(old.spec.clusterIPs ?? [old.spec.clusterIP])];
  }
  // dropTypeDependentFields: switching to ExternalName clears an unchanged ClusterIP.
  if (s.type === 'ExternalName' && s.clusterIP && s.clusterIP === old.spec.clusterIP) {
    delete s.clusterIP;
    delete s.clusterIPs;
  }
  carryNodePorts(svc, old);
  dropTypeDependentFields(svc, old);
}

/** dropTypeDependentFields: fields the new type does not use are cleared when the update left them as they were. */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const s = svc.spec;
  const external = s.type === 'NodePort' || s.type === 'LoadBalancer' || (s.externalIPs?.length ?? 0) > 0;
  if (!external && s.externalTrafficPolicy && s.externalTrafficPolicy === old.spec.externalTrafficPolicy) delete s.externalTrafficPolicy;
  if (s.type !== 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) {
    delete s.allocateLoadBalancerNodePorts;
  }
  if (s.type === 'ExternalName' && s.internalTrafficPolicy && s.internalTrafficPolicy === old.spec.internalTrafficPolicy) delete s.internalTrafficPolicy;
  if (s.type === 'ExternalName' && s.ipFamilyPolicy === old.spec.ipFamilyPolicy) {
    delete s.ipFamilyPolicy;
    if (JSON.stringify(s.ipFamilies) === JSON.stringify(old.spec.ipFamilies)) delete s.ipFamilies;
  }
}

function carryNodePorts(svc: Service, old: Service): void {
  const oldPorts = old.spec.ports ?? [];
  for (const p of svc.spec.ports ?? []) {
    const prev = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
    if (needsNodePorts(svc) && !p.nodePort && prev?.nodePort) p.nodePort = prev.nodePort;
    if (!needsNodePorts(svc) && p.nodePort && p.nodePort === prev?.nodePort) delete p.nodePort;
  }
  if (svc.spec.healthCheckNodePort === undefined && old.spec.healthCheckNodePort && wantsHealthCheckPort(svc)) {
    svc.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  }
  if (!wantsHealthCheckPort(svc) && svc.spec.healthCheckNodePort === old.spec.healthCheckNodePort) delete svc.spec.healthCheckNodePort;
}

function wantsHealthCheckPort(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** Held addresses of a Service: its ClusterIP and NodePorts. */
function held(svc: Service | undefined): { ips: string[]; ports: number[] } {
  if (!svc) return { ips: [], ports: [] };
  const ips = (svc.spec.clusterIPs ?? []).filter((ip) => ip && ip !== 'None');
  const ports = (svc.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n > 0);
  if (svc.spec.healthCheckNodePort) ports.push(svc.spec.healthCheckNodePort);
  return { ips, ports };
}

/** Allocates what `svc` needs that `old` (on update) did not already hold; mutates svc's spec. */
export function allocateServiceAddresses(state: SimState, svc: Service, old?: Service): AllocTxn {
  const owner = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const before = held(old);
  const newIPs: string[] = [];
  const newPorts: number[] = [];
  const rollback = (): void => {
    newIPs.forEach((ip) => releaseIP(state, ip));
    newPorts.forEach((p) => releasePort(state, p));
  };
  const commit = (): void => {
    const now = held(svc);
    before.ips.filter((ip) => !now.ips.includes(ip)).forEach((ip) => releaseIP(state, ip));
    before.ports.filter((p) => !now.ports.includes(p)).forEach((p) => releasePort(state, p));
  };
  const fail = (error: ApiError): AllocTxn => {
    rollback();
    return { error, rollback: () => undefined, commit: () => undefined };
  };
  const ipError = allocateClusterIP(state, svc, before.ips, owner, newIPs);
  if (ipError) return fail(ipError);
  const portError = allocateNodePorts(state, svc, before.ports, owner, newPorts);
  if (portError) return fail(portError);
  return { rollback, commit };
}

function allocateClusterIP(state: SimState, svc: Service, heldIPs: string[], owner: string, out: string[]): ApiError | undefined {
  if (!needsClusterIP(svc)) return undefined;
  const ip = svc.spec.clusterIP;
  if (ip && heldIPs.includes(ip)) return undefined;
  if (ip && !isIPv4(ip)) return undefined; // left for validation to reject with its own message
  const r = ip ? allocateSpecificIP(state, ip, owner) : allocateNextIP(state, owner);
  if (!r.ok) {
    if (r.full) return internalError('failed to allocate a serviceIP: range is full');
    return invalidError('Service', '', svc.metadata.name ?? '', [invalid('spec.clusterIPs', [ip], `failed to allocate IP ${ip}: ${r.reason}`)]);
  }
  out.push(r.ip);
  svc.spec.clusterIP = r.ip;
  svc.spec.clusterIPs = [r.ip];
  return undefined;
}

function allocateNodePorts(state: SimState, svc: Service, heldPorts: number[], owner: string, out: number[]): ApiError | undefined {
  if (!needsNodePorts(svc)) return allocateHealthCheckPort(state, svc, heldPorts, owner, out);
  const ports: ServicePort[] = svc.spec.ports ?? [];
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i]!;
    const sibling = ports.find((q, j) => j < i && q.port === p.port && q.nodePort);
    if (!p.nodePort && sibling) p.nodePort = sibling.nodePort;
    const requested = p.nodePort;
    if (requested && (heldPorts.includes(requested) || out.includes(requested))) continue;
    if (requested !== undefined && !Number.isInteger(requested)) continue;
    const r = requested ? allocateSpecificPort(state, requested, owner) : allocateNextPort(state, owner);
    if (!r.ok) {
      if (r.full) return internalError('failed to allocate a nodePort: range is full');
      return invalidError('Service', '', svc.metadata.name ?? '', [invalid(`spec.ports[${i}].nodePort`, requested, r.reason)]);
    }
    out.push(r.port);
    p.nodePort = r.port;
  }
  return allocateHealthCheckPort(state, svc, heldPorts, owner, out);
}

function allocateHealthCheckPort(state: SimState, svc: Service, heldPorts: number[], owner: string, out: number[]): ApiError | undefined {
  if (!wantsHealthCheckPort(svc)) return undefined;
  const requested = svc.spec.healthCheckNodePort;
  if (requested && heldPorts.includes(requested)) return undefined;
  const r = requested ? allocateSpecificPort(state, requested, owner) : allocateNextPort(state, owner);
  if (!r.ok) {
    if (r.full) return internalError('failed to allocate a nodePort: range is full');
    return invalidError('Service', '', svc.metadata.name ?? '', [invalid('spec.healthCheckNodePort', requested, r.reason)]);
  }
  out.push(r.port);
  svc.spec.healthCheckNodePort = r.port;
  return undefined;
}
