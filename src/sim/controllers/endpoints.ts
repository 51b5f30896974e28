// The endpoints controller of kube-controller-manager (pkg/controller/endpoint/endpoints_controller.go):
// for every Service with a selector it writes a v1 Endpoints object of the same name, labelled
// like the Service plus endpoints.kubernetes.io/managed-by, and deletes it with the Service.
// Left out: dual-stack address families, the deprecated tolerate-unready annotation.
import type { SimState, WatchEvent } from '../state.js';
import type { Endpoints, Service } from '../types.js';
import { formatTimestamp } from '../clock.js';
import { apiCreate, apiUpdate } from '../api-server/registry.js';
import { apiDelete } from '../api-server/delete.js';
import { getStored } from '../api-server/store.js';
import { deepEqual } from '../api-server/patch.js';
import type { Controller } from './controller.js';
import {
  API_SERVER_SERVICE_KEY, forgetTriggerTimes, hasManagedEndpoints, isServiceIPSet, lastChangeTriggerTime, selectedPods, serviceKeysFor, serviceOf,
} from './endpoint-util.js';
import { buildSubsets, MAX_ENDPOINTS_CAPACITY, truncateSubsets, type EndpointSubset } from './endpoints-subsets.js';

/** The controller's name (the managed-by label value and the trigger tracker's key). */
export const ENDPOINT_CONTROLLER_NAME = 'endpoint-controller';
/** The label marking Endpoints the controller owns (v1.33+). */
export const ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
/** The annotation with the time of the change that led to this Endpoints version. */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
const HEADLESS = 'service.kubernetes.io/headless';

/** The labels the controller gives the Endpoints: the Service's, the managed-by label, and headless if so. */
function endpointsLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [ENDPOINTS_MANAGED_BY]: ENDPOINT_CONTROLLER_NAME };
  if (isServiceIPSet(svc)) delete labels[HEADLESS];
  else labels[HEADLESS] = '';
  return labels;
}

/** capacityAnnotationSetCorrectly: the over-capacity annotation is present exactly when the subsets were cut. */
function capacityAnnotationCorrect(ep: Endpoints): boolean {
  const n = (ep.subsets ?? []).reduce((sum, s) => sum + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  return n <= MAX_ENDPOINTS_CAPACITY && ep.metadata.annotations?.[OVER_CAPACITY] === undefined;
}

/** The Endpoints object to write: the current one (or a new one) with fresh subsets, labels and annotations. */
function desiredEndpoints(current: Endpoints | undefined, svc: Service, subsets: EndpointSubset[], trigger: number | undefined): Endpoints {
  const annotations = { ...(current?.metadata.annotations ?? {}) };
  if (trigger !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(trigger);
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  if (truncateSubsets(subsets)) annotations[OVER_CAPACITY] = 'truncated';
  else delete annotations[OVER_CAPACITY];
  const metadata = { ...(current?.metadata ?? { name: svc.metadata.name, namespace: svc.metadata.namespace }), labels: endpointsLabels(svc) };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  const ep: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (subsets.length > 0) ep.subsets = subsets;
  return ep;
}

/** syncService: make the Service's Endpoints match its pods, or delete them with the Service. */
function syncEndpoints(state: SimState, key: string): void {
  if (key === API_SERVER_SERVICE_KEY) return;
  const [ns, name] = key.split('/') as [string, string];
  const svc = serviceOf(state, key);
  if (!svc) {
    if (getStored(state, 'endpoints', key)) apiDelete(state, 'Endpoints', ns, name);
    forgetTriggerTimes(state, ENDPOINT_CONTROLLER_NAME, key);
    return;
  }
  if (!hasManagedEndpoints(svc)) return;
  const pods = selectedPods(state, svc);
  const trigger = lastChangeTriggerTime(state, ENDPOINT_CONTROLLER_NAME, key, svc, pods);
  const subsets = buildSubsets(svc, pods);
  const current = getStored<Endpoints>(state, 'endpoints', key);
  if (current && deepEqual(current.subsets ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, endpointsLabels(svc)) && capacityAnnotationCorrect(current)) return;
  const next = desiredEndpoints(current, svc, subsets, trigger);
  if (current) apiUpdate(state, next);
  else apiCreate(state, next);
}

/** Services, pods of Services, and deleted Endpoints (to write them again) wake the controller. */
function enqueueEndpoints(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'endpoints') return ev.type === 'DELETED' && ev.key !== API_SERVER_SERVICE_KEY ? [ev.key] : [];
  return serviceKeysFor(state, ev);
}

/** The endpoints controller (legacy v1 Endpoints, deprecated since v1.33 but still running). */
export const endpointsController: Controller = { name: 'endpoints', enqueue: enqueueEndpoints, reconcile: syncEndpoints };
