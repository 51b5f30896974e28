// What the endpoints and endpointslice controllers share: which pods back a Service
// (staging/src/k8s.io/endpointslice/util/controller_utils.go ShouldPodBeInEndpoints), FindPort
// (pkg/api/v1/pod/util.go), ShouldSetHostname, and the TriggerTimeTracker (util/trigger_time_tracker.go)
// whose memory lives in state.triggerTimes. Left out: IPv6 and dual-stack address families.
import type { SimState, WatchEvent } from '../state.js';
import type { Pod, Service, ServicePort } from '../types.js';
import { getStored, listByLabels, listSelectingAny } from '../api-server/store.js';
import { serviceSelectorMatches } from '../api-server/selectors.js';
import { isPodTerminal, podCondition, timeOf } from './pod-util.js';

/** The `kubernetes` Service's endpoints are written by the API server itself, never by these controllers. */
export const API_SERVER_SERVICE_KEY = 'default/kubernetes';

/** The controllers manage endpoints only for Services with a non-empty selector that are not ExternalName. */
export function hasManagedEndpoints(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && Object.keys(svc.spec.selector ?? {}).length > 0;
}

/** The pods of the Service's namespace its selector picks (every key/value present), in name order. */
export function selectedPods(state: SimState, svc: Service): Pod[] {
  return listByLabels<Pod>(state, 'pods', svc.metadata.namespace ?? 'default', svc.spec.selector ?? {}).filter((p) => serviceSelectorMatches(svc.spec.selector, p.metadata.labels));
}

/** ShouldPodBeInEndpoints: not finished, has an IP, and not terminating unless terminating pods are wanted. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** The first IPv4 address of the pod (status.podIPs, else status.podIP). */
export function podIPv4(pod: Pod): string | undefined {
  return (pod.status?.podIPs ?? []).map((p) => p.ip).find((ip) => !ip.includes(':')) ?? pod.status?.podIP;
}

/** A Service port's protocol, TCP when unset (the API server's default). */
export function portProtocol(p: { protocol?: string }): string {
  return p.protocol ?? 'TCP';
}

/** FindPort: a numeric targetPort as is; a name looked up in the containers' ports with the same protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) {
      if (p.name === target && portProtocol(p) === portProtocol(sp)) return p.containerPort;
    }
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    const port = (c.ports ?? []).find((p) => p.name === target && portProtocol(p) === portProtocol(sp));
    if (port) return port.containerPort;
  }
  return undefined;
}

/** ShouldSetHostname: the pod's hostname is published when its subdomain is this Service. */
export function endpointHostname(pod: Pod, svc: Service): string | undefined {
  const h = pod.spec.hostname;
  return h && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace ? h : undefined;
}

/** IsServiceIPSet: a ClusterIP other than None; headless Services get the service.kubernetes.io/headless label. */
export function isServiceIPSet(svc: Service): boolean {
  return !!svc.spec.clusterIP && svc.spec.clusterIP !== 'None';
}

/**
 * ComputeEndpointLastChangeTriggerTime: the earliest trigger (a pod's Ready transition, the Service's
 * creation) that changed since the controller's last sync; a new Service uses its creation time.
 * Returns undefined for "no new trigger" (the annotation is then cleared).
 */
export function lastChangeTriggerTime(state: SimState, controller: string, key: string, svc: Service, pods: Pod[]): number | undefined {
  const book = ((state.triggerTimes ??= {})[controller] ??= {});
  const known = book[key];
  let min: number | undefined;
  const podTimes: Record<string, number> = {};
  for (const pod of pods) {
    const t = timeOf(podCondition(pod, 'Ready')?.lastTransitionTime);
    if (t === 0) continue;
    podTimes[pod.metadata.name!] = t;
    if (t > (known?.pods[pod.metadata.name!] ?? 0)) min = min === undefined ? t : Math.min(min, t);
  }
  const serviceTime = timeOf(svc.metadata.creationTimestamp);
  if (serviceTime > (known?.service ?? 0)) min = min === undefined ? serviceTime : Math.min(min, serviceTime);
  book[key] = { service: serviceTime, pods: podTimes };
  return known ? min : serviceTime;
}

/** TriggerTimeTracker.DeleteService. */
export function forgetTriggerTimes(state: SimState, controller: string, key: string): void {
  delete state.triggerTimes?.[controller]?.[key];
}

/** The Services whose selector picks the pod (before or after the change), as `ns/name` keys. */
export function servicesForPodEvent(state: SimState, ev: WatchEvent): string[] {
  const pods = [ev.object, ev.oldObject].filter((p): p is Pod => p !== undefined);
  const ns = pods[0]?.metadata.namespace;
  const keys: string[] = [];
  const candidates = new Map<string, Service>();
  for (const p of pods) {
    for (const svc of listSelectingAny<Service>(state, 'services', ns ?? '', p.metadata.labels ?? {})) candidates.set(svc.metadata.name!, svc);
  }
  for (const svc of [...candidates.keys()].sort().map((n) => candidates.get(n)!)) {
    if (pods.some((p) => serviceSelectorMatches(svc.spec.selector, p.metadata.labels))) keys.push(`${ns}/${svc.metadata.name}`);
  }
  return keys;
}

/** The work-queue keys of an event for the endpoint controllers: Services themselves, and Services of changed pods. */
export function serviceKeysFor(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'services') return ev.key === API_SERVER_SERVICE_KEY ? [] : [ev.key];
  if (ev.resource === 'pods') return servicesForPodEvent(state, ev);
  return [];
}

/** The Service of a key, if it still exists. */
export function serviceOf(state: SimState, key: string): Service | undefined {
  return getStored<Service>(state, 'services', key);
}
