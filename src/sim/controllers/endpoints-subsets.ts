// The subsets of a legacy Endpoints object: one (address, port) pair per pod and Service port
// (endpoints_controller.go addEndpointSubset), then RepackSubsets (pkg/api/v1/endpoints/util.go):
// addresses offering the same ports share a subset, addresses sorted as strings, and truncation at
// 1000 addresses. Port and subset order in the real API is by an md5 hash; here Service-port order.
import type { EndpointAddress, Endpoints, Pod, Service } from '../types.js';
import { isPodReady } from './pod-util.js';
import { endpointHostname, findPort, podIPv4, portProtocol, shouldPodBeInEndpoints } from './endpoint-util.js';

/** One subset of an Endpoints object. */
export type EndpointSubset = NonNullable<Endpoints['subsets']>[number];
type EndpointPort = NonNullable<EndpointSubset['ports']>[number];

/** The most addresses an Endpoints object holds (maxCapacity). */
export const MAX_ENDPOINTS_CAPACITY = 1000;

interface Offer {
  address: EndpointAddress;
  ready: boolean;
  portIndex: number;
  port?: EndpointPort;
}

/** The address of a pod for a Service (podToEndpointAddressForService plus the hostname rule). */
function podAddress(pod: Pod, svc: Service, ip: string): EndpointAddress {
  const hostname = endpointHostname(pod, svc);
  return {
    ip,
    ...(hostname ? { hostname } : {}),
    nodeName: pod.spec.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
  };
}

/** Every (address, port) a Service's pods offer; a pod whose named targetPort does not resolve is skipped for that port. */
function offers(svc: Service, pods: Pod[]): Offer[] {
  const out: Offer[] = [];
  const ports = svc.spec.ports ?? [];
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  for (const pod of pods) {
    const ip = podIPv4(pod);
    if (!ip || !shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = podAddress(pod, svc, ip);
    const ready = publishNotReady || isPodReady(pod);
    if (ports.length === 0) {
      if (svc.spec.clusterIP === 'None') out.push({ address, ready, portIndex: -1 });
      continue;
    }
    ports.forEach((sp, portIndex) => {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) return;
      const port: EndpointPort = { ...(sp.name ? { name: sp.name } : {}), port: portNum, protocol: portProtocol(sp), ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
      out.push({ address, ready, portIndex, port });
    });
  }
  return out;
}

/** LessEndpointAddress: by IP as a string, then by the pod's uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** The repacked subsets of a Service: addresses grouped by the exact set of ports they offer. */
export function buildSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const byPort = new Map<string, { port?: EndpointPort; portIndex: number; addrs: Map<string, Offer> }>();
  for (const o of offers(svc, pods)) {
    const pk = JSON.stringify(o.port ?? null);
    const entry = byPort.get(pk) ?? { port: o.port, portIndex: o.portIndex, addrs: new Map<string, Offer>() };
    entry.addrs.set(`${o.address.ip}/${o.address.targetRef?.uid}`, o);
    byPort.set(pk, entry);
  }
  const groups = new Map<string, { ports: { port: EndpointPort; portIndex: number }[]; addrs: Offer[] }>();
  for (const entry of byPort.values()) {
    const addrs = [...entry.addrs.values()].sort((a, b) => compareAddresses(a.address, b.address));
    const key = addrs.map((o) => `${o.address.ip}/${o.address.targetRef?.uid}/${o.ready}`).join(',');
    const group = groups.get(key) ?? { ports: [], addrs };
    if (entry.port) group.ports.push({ port: entry.port, portIndex: entry.portIndex });
    groups.set(key, group);
  }
  const subsets = [...groups.values()].map((g) => toSubset(g.addrs, g.ports.sort((a, b) => a.portIndex - b.portIndex).map((p) => p.port)));
  return subsets.sort((a, b) => compareAddresses(firstAddress(a), firstAddress(b)));
}

function toSubset(addrs: Offer[], ports: EndpointPort[]): EndpointSubset {
  const ready = addrs.filter((o) => o.ready).map((o) => o.address);
  const notReady = addrs.filter((o) => !o.ready).map((o) => o.address);
  return { ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ...(ports.length ? { ports } : {}) };
}

function firstAddress(s: EndpointSubset): EndpointAddress {
  return s.addresses?.[0] ?? s.notReadyAddresses?.[0] ?? { ip: '' };
}

/** truncateEndpoints: above 1000 addresses, keep each subset's share, ready addresses first; true when it cut. */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  const totalReady = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const totalNotReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return false;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const inSubset = (truncateReady ? s.addresses : s.notReadyAddresses)?.length ?? 0;
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = s.addresses?.slice(0, toBeAdded);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses?.length ?? 0;
    } else {
      s.notReadyAddresses = s.notReadyAddresses?.slice(0, toBeAdded);
      canBeAdded -= s.notReadyAddresses?.length ?? 0;
    }
  }
  return true;
}
