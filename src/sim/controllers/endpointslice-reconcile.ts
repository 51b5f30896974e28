// The EndpointSlice reconciler's packing (staging/src/k8s.io/endpointslice/reconciler.go
// reconcileByPortMapping, utils.go newEndpointSlice/getSliceToFill): keep wanted endpoints where
// they are, fill slices being updated, then the unchanged slice that fits best, then new slices of
// at most 100 endpoints. Go's map order is replaced by name and pod order, so results are stable.
import type { EndpointSlice, Service, SliceEndpoint } from '../types.js';
import { deepEqual } from '../api-server/patch.js';
import { newControllerRef } from './pod-util.js';
import { isServiceIPSet } from './endpoint-util.js';

/** --max-endpoints-per-slice of kube-controller-manager. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** The managed-by value of slices this controller owns. */
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** The label naming a slice's Service. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** The label naming a slice's manager. */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const HEADLESS = 'service.kubernetes.io/headless';

/** One port of a slice. */
export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** What the reconciler decided for one group of slices. */
export interface SliceChanges {
  create: EndpointSlice[];
  update: EndpointSlice[];
  remove: EndpointSlice[];
}

/** EndpointSet's hash: an endpoint is the same endpoint when its pod and addresses are. */
export function endpointKey(ep: SliceEndpoint): string {
  return `${ep.targetRef?.namespace}/${ep.targetRef?.name}|${ep.addresses.join(',')}|${ep.hostname ?? ''}`;
}

/** NewPortMapKey: slices group endpoints that offer exactly the same ports, whatever their order. */
export function portMapKey(ports: SlicePort[]): string {
  return JSON.stringify([...ports].map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? '']).sort());
}

/** setEndpointSliceLabels: the Service's labels (without the reserved ones) plus headless, service-name and managed-by. */
export function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
    if (k !== LABEL_SERVICE_NAME && k !== LABEL_MANAGED_BY && k !== HEADLESS) labels[k] = v;
  }
  if (!isServiceIPSet(svc)) labels[HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return labels;
}

/** newEndpointSlice: `<service>-` plus five random characters, owned by the Service. */
export function newSlice(svc: Service, ports: SlicePort[], endpoints: SliceEndpoint[] = []): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace, labels: sliceLabels(svc), ownerReferences: [newControllerRef(svc)] },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

/** placeholderSliceCompare: the same namespace, labels, owner, address type and no endpoints or ports. */
export function isSamePlaceholder(existing: EndpointSlice, wanted: EndpointSlice): boolean {
  return existing.metadata.namespace === wanted.metadata.namespace && deepEqual(existing.metadata.labels ?? {}, wanted.metadata.labels)
    && deepEqual(existing.metadata.ownerReferences ?? [], wanted.metadata.ownerReferences) && existing.addressType === wanted.addressType
    && (existing.endpoints ?? []).length === 0 && (existing.ports ?? []).length === 0;
}

/** getSliceToFill: the slice that will be closest to full once `count` endpoints are added. */
function sliceToFill(slices: EndpointSlice[], count: number): EndpointSlice | undefined {
  let closestDiff = MAX_ENDPOINTS_PER_SLICE;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = MAX_ENDPOINTS_PER_SLICE - (count + (slice.endpoints ?? []).length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) break;
    }
  }
  return closest;
}

function fill(slice: EndpointSlice, desired: Map<string, SliceEndpoint>): void {
  const endpoints = [...(slice.endpoints ?? [])];
  for (const [k, ep] of desired) {
    if (endpoints.length >= MAX_ENDPOINTS_PER_SLICE) break;
    endpoints.push(ep);
    desired.delete(k);
  }
  slice.endpoints = endpoints;
}

/** reconcileByPortMapping: the creates, updates and deletes that make one port group's slices hold `desired`. */
export function reconcilePortGroup(svc: Service, existing: EndpointSlice[], desired: Map<string, SliceEndpoint>, ports: SlicePort[]): SliceChanges {
  const labels = sliceLabels(svc);
  const update: EndpointSlice[] = [];
  const remove: EndpointSlice[] = [];
  const unchanged: EndpointSlice[] = [];
  for (const slice of existing) {
    const kept: SliceEndpoint[] = [];
    let changed = false;
    for (const ep of slice.endpoints ?? []) {
      const want = desired.get(endpointKey(ep));
      if (!want) continue;
      kept.push(want);
      if (!deepEqual(want, ep)) changed = true;
      desired.delete(endpointKey(ep));
    }
    const labelsChanged = !deepEqual(slice.metadata.labels ?? {}, labels);
    if (changed || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) remove.push(slice);
      else update.push({ ...structuredClone(slice), endpoints: kept, metadata: { ...structuredClone(slice.metadata), labels } });
    } else if (labelsChanged) update.push({ ...structuredClone(slice), metadata: { ...structuredClone(slice.metadata), labels } });
    else unchanged.push(slice);
  }
  if (desired.size > 0) {
    const byFullness = [...update].sort((a, b) => (b.endpoints ?? []).length - (a.endpoints ?? []).length);
    for (const slice of byFullness) fill(slice, desired);
  }
  const create: EndpointSlice[] = [];
  while (desired.size > 0) {
    const candidate = desired.size < MAX_ENDPOINTS_PER_SLICE ? sliceToFill(unchanged, desired.size) : undefined;
    const slice = candidate ? structuredClone(candidate) : newSlice(svc, ports);
    fill(slice, desired);
    if (!candidate) create.push(slice);
    else {
      unchanged.splice(unchanged.indexOf(candidate), 1);
      update.push(slice);
    }
  }
  return { create, update, remove };
}
