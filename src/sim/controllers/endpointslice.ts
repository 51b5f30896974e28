// The EndpointSlice controller of kube-controller-manager (pkg/controller/endpointslice and
// staging/src/k8s.io/endpointslice reconciler.go): IPv4 slices of at most 100 endpoints per Service
// with a selector, grouped by the ports each pod resolves, a placeholder slice when there are none.
// Left out: IPv6/dual-stack, topology hints, trafficDistribution; deleting a Service's slices is the GC's
// job in a real cluster (ownerReferences) and done here directly.
import type { SimState, WatchEvent } from '../state.js';
import type { EndpointSlice, Node, Pod, Service, SliceEndpoint } from '../types.js';
import { formatTimestamp } from '../clock.js';
import { apiCreate, apiUpdate } from '../api-server/registry.js';
import { apiDelete } from '../api-server/delete.js';
import { getStored, listByLabels } from '../api-server/store.js';
import type { Controller } from './controller.js';
import { isPodReady } from './pod-util.js';
import {
  API_SERVER_SERVICE_KEY, endpointHostname, findPort, forgetTriggerTimes, hasManagedEndpoints, lastChangeTriggerTime, podIPv4, portProtocol,
  selectedPods, serviceKeysFor, serviceOf, shouldPodBeInEndpoints,
} from './endpoint-util.js';
import {
  ENDPOINTSLICE_CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, isSamePlaceholder, newSlice, portMapKey, reconcilePortGroup,
  endpointKey, type SliceChanges, type SlicePort,
} from './endpointslice-reconcile.js';
import { LAST_CHANGE_TRIGGER_TIME } from './endpoints.js';

/** The slices this controller manages for a Service name in a namespace. */
export function managedSlices(state: SimState, ns: string, service: string): EndpointSlice[] {
  return listByLabels<EndpointSlice>(state, 'endpointslices', ns, { [LABEL_SERVICE_NAME]: service, [LABEL_MANAGED_BY]: ENDPOINTSLICE_CONTROLLER_NAME });
}

/** getEndpointPorts: each Service port the pod resolves, named after the Service port. */
function endpointPorts(svc: Service, pod: Pod): SlicePort[] {
  const out: SlicePort[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port !== undefined) out.push({ name: sp.name ?? '', port, protocol: portProtocol(sp), ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** podToEndpoint: ready only when serving and not terminating (unless publishNotReadyAddresses). */
function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, ip: string): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const hostname = endpointHostname(pod, svc);
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  return {
    addresses: [ip],
    conditions: { ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' },
    ...(zone ? { zone } : {}),
  };
}

/** The wanted endpoints by port group; terminating pods stay (with terminating: true). */
function desiredGroups(state: SimState, svc: Service, pods: Pod[]): Map<string, { ports: SlicePort[]; endpoints: Map<string, SliceEndpoint> }> {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: Map<string, SliceEndpoint> }>();
  for (const pod of pods) {
    const ip = podIPv4(pod);
    if (!ip || !shouldPodBeInEndpoints(pod, true)) continue;
    const node = getStored<Node>(state, 'nodes', pod.spec.nodeName ?? '');
    if (!node && svc.spec.publishNotReadyAddresses !== true) continue;
    const ports = endpointPorts(svc, pod);
    const key = portMapKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: new Map<string, SliceEndpoint>() };
    const ep = podToEndpoint(pod, node, svc, ip);
    group.endpoints.set(endpointKey(ep), ep);
    groups.set(key, group);
  }
  return groups;
}

/** reconcileByAddressType: port groups, slices of ports no longer wanted, and the placeholder. */
function reconcileSlices(state: SimState, svc: Service, pods: Pod[], existing: EndpointSlice[]): SliceChanges {
  const changes: SliceChanges = { create: [], update: [], remove: [] };
  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    const owned = slice.addressType === 'IPv4' && slice.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid && o.kind === 'Service');
    if (!owned) changes.remove.push(slice);
    else existingByPorts.set(portMapKey(slice.ports ?? []), [...(existingByPorts.get(portMapKey(slice.ports ?? [])) ?? []), slice]);
  }
  const groups = desiredGroups(state, svc, pods);
  for (const [key, group] of groups) {
    const r = reconcilePortGroup(svc, existingByPorts.get(key) ?? [], group.endpoints, group.ports);
    changes.create.push(...r.create);
    changes.update.push(...r.update);
    changes.remove.push(...r.remove);
  }
  for (const [key, slices] of existingByPorts) if (!groups.has(key)) changes.remove.push(...slices);
  if (existing.length === changes.remove.length && changes.create.length === 0) {
    const placeholder = newSlice(svc, []);
    if (changes.remove.length === 1 && isSamePlaceholder(changes.remove[0]!, placeholder)) changes.remove = [];
    else changes.create.push(placeholder);
  }
  return changes;
}

/** The annotation, the empty lists as the API returns them (null), ready to write. */
function finalSlice(slice: EndpointSlice, trigger: number | undefined): EndpointSlice {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (trigger !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(trigger);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const { annotations: _old, ...rest } = slice.metadata;
  const metadata = Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest;
  const endpoints = slice.endpoints?.length ? slice.endpoints : null;
  const ports = slice.ports?.length ? slice.ports : null;
  return { ...slice, metadata, endpoints, ports };
}

/** finalize: creates become updates of slices that would be deleted (names are reused), then the writes. */
function finalize(state: SimState, svc: Service, changes: SliceChanges, trigger: number | undefined): void {
  const { create, update, remove } = changes;
  for (let i = 0; i < remove.length && create.length > 0;) {
    const old = remove[i]!;
    if (old.addressType === 'IPv4' && old.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid)) {
      const slice = create.pop()!;
      slice.metadata.name = old.metadata.name;
      update.push(slice);
      remove.splice(i, 1);
    } else i++;
  }
  if (!svc.metadata.deletionTimestamp) for (const slice of create) apiCreate(state, finalSlice(slice, trigger));
  for (const slice of update) apiUpdate(state, finalSlice(slice, trigger));
  for (const slice of remove) apiDelete(state, 'EndpointSlice', slice.metadata.namespace, slice.metadata.name!);
}

/** syncService of the EndpointSlice controller. */
function syncSlices(state: SimState, key: string): void {
  if (key === API_SERVER_SERVICE_KEY) return;
  const [ns, name] = key.split('/') as [string, string];
  const svc = serviceOf(state, key);
  if (!svc) {
    forgetTriggerTimes(state, ENDPOINTSLICE_CONTROLLER_NAME, key);
    for (const s of managedSlices(state, ns, name)) apiDelete(state, 'EndpointSlice', ns, s.metadata.name!);
    return;
  }
  if (!hasManagedEndpoints(svc)) return;
  const pods = selectedPods(state, svc);
  const existing = managedSlices(state, ns, name).filter((s) => !s.metadata.deletionTimestamp);
  const trigger = lastChangeTriggerTime(state, ENDPOINTSLICE_CONTROLLER_NAME, key, svc, pods);
  finalize(state, svc, reconcileSlices(state, svc, pods, existing), trigger);
}

/** Services, their pods, and changes to the slices this controller manages wake it. */
function enqueueSlices(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource !== 'endpointslices') return serviceKeysFor(state, ev);
  const labels = ev.object.metadata.labels ?? {};
  if (labels[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME || !labels[LABEL_SERVICE_NAME]) return [];
  return [`${ev.object.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`];
}

/** The EndpointSlice controller. */
export const endpointSliceController: Controller = { name: 'endpointslice', enqueue: enqueueSlices, reconcile: syncSlices };
