// Applying pending changes at the start of a sync (pkg/proxy servicechangetracker.go Update /
// ServicePortMap.Update, endpointschangetracker.go, endpointslicecache.go): the dirty Services are
// re-read from the informer's view, the service and endpoint maps updated, and the V(3)/V(4)
// lines written that a real kube-proxy writes just before "Syncing iptables rules".
import type { SimState } from '../state.js';
import type { EndpointSlice, Service } from '../types.js';
import { getStored, listByLabels } from '../api-server/store.js';
import { endpointsOf, servicePortsOf } from './service-info.js';
import { log } from './log.js';
import { LAST_CHANGE_TRIGGER_TIME } from '../controllers/endpoints.js';
import { parseTimestamp } from '../clock.js';
import type { ProxierState } from './state.js';
import type { EndpointInfo, ServicePortInfo } from './types.js';

/** The JSON text of a converted object, computed once: every proxier compares the same shared objects. */
const texts = new WeakMap<object, string>();

function text(o: object): string {
  let t = texts.get(o);
  if (t === undefined) texts.set(o, (t = JSON.stringify(o)));
  return t;
}

function sameService(a: ServicePortInfo, b: ServicePortInfo): boolean {
  return a === b || text(a) === text(b);
}

function sameEndpoints(a: EndpointInfo[] | undefined, b: EndpointInfo[] | undefined): boolean {
  if (a === b) return true;
  return (a?.length ? text(a) : '[]') === (b?.length ? text(b) : '[]');
}

/** `ClusterIP:port/PROTOCOL` (BaseServicePortInfo.String). */
function servicePortText(s: ServicePortInfo): string {
  return `${s.clusterIP}:${s.port}/${s.protocol}`;
}

function applyServicePorts(p: ProxierState, now: number, svcKey: string, next: ServicePortInfo[], changed: Set<string>): void {
  const before = p.portsByService[svcKey] ?? [];
  const nextNames = new Set(next.map((s) => s.name));
  for (const s of next) {
    const old = p.services[s.name];
    if (!old) log(p, now, { level: 4, source: 'servicechangetracker.go:202', msg: 'Adding new service port', kv: [['portName', s.name], ['servicePort', servicePortText(s)]] });
    else if (!sameService(old, s)) log(p, now, { level: 4, source: 'servicechangetracker.go:199', msg: 'Updating existing service port', kv: [['portName', s.name], ['servicePort', servicePortText(s)]] });
    else continue;
    p.services[s.name] = s;
    changed.add(s.name);
  }
  for (const name of before) {
    if (nextNames.has(name)) continue;
    log(p, now, { level: 4, source: 'servicechangetracker.go:211', msg: 'Removing service port', kv: [['portName', name]] });
    delete p.services[name];
    changed.add(name);
  }
  if (next.length) p.portsByService[svcKey] = next.map((s) => s.name);
  else delete p.portsByService[svcKey];
}

/** The endpoint list of a log line, one array per converted endpoints array (every proxier shares those). */
const endpointTexts = new WeakMap<EndpointInfo[], string[]>();

function endpointList(eps: EndpointInfo[] | undefined): string[] {
  if (!eps) return [];
  let t = endpointTexts.get(eps);
  if (!t) endpointTexts.set(eps, (t = eps.map((e) => e.endpoint)));
  return t;
}

/** The Service (`ns/name`) a service port name (`ns/name` or `ns/name:port`) belongs to. */
const serviceOfPort = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(0, colon);
};

/** The port names each Service has in a proxier's endpoints map, kept beside the map as it changes (rebuilt when the map is new, as after a snapshot). */
const portNames = new WeakMap<Record<string, EndpointInfo[]>, Map<string, Set<string>>>();

function portsIndex(endpoints: Record<string, EndpointInfo[]>): Map<string, Set<string>> {
  let index = portNames.get(endpoints);
  if (!index) {
    index = new Map();
    for (const name of Object.keys(endpoints)) indexPort(index, name, true);
    portNames.set(endpoints, index);
  }
  return index;
}

function indexPort(index: Map<string, Set<string>>, name: string, present: boolean): void {
  const svc = serviceOfPort(name);
  let names = index.get(svc);
  if (present) {
    if (!names) index.set(svc, (names = new Set()));
    names.add(name);
  } else if (names) {
    names.delete(name);
    if (!names.size) index.delete(svc);
  }
}

function applyEndpoints(p: ProxierState, now: number, svcKey: string, next: Record<string, EndpointInfo[]>, changed: Set<string>): boolean {
  let any = false;
  const index = portsIndex(p.endpoints);
  const names = new Set([...Object.keys(next), ...(index.get(svcKey) ?? [])]);
  for (const name of [...names].sort()) {
    const old = p.endpoints[name];
    const cur = next[name];
    if (sameEndpoints(old, cur)) continue;
    if (old?.length) log(p, now, { level: 3, source: 'endpointslicecache.go:296', msg: 'Setting endpoints for service port name', kv: [['portName', name], ['endpoints', endpointList(old)]] });
    log(p, now, { level: 3, source: 'endpointslicecache.go:296', msg: 'Setting endpoints for service port name', kv: [['portName', name], ['endpoints', endpointList(cur)]] });
    if (cur?.length) p.endpoints[name] = cur;
    else delete p.endpoints[name];
    indexPort(index, name, Boolean(cur?.length));
    changed.add(name);
    any = true;
  }
  return any;
}

/**
 * The EndpointSlices' last-change-trigger-time annotations newer than the proxier's start: what the
 * endpoints change tracker keeps for the "Network programming" latency lines (endpointschangetracker.go).
 */
function triggerTimes(p: ProxierState, slices: EndpointSlice[]): number[] {
  const times = slices.map((s) => s.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME]).filter((t): t is string => !!t).map(parseTimestamp);
  return [...new Set(times.filter((t) => t > p.startedAt))].sort((a, b) => a - b);
}

/** What a sync applies: the service port names whose rules must be rewritten, and the trigger times of the endpoint changes by Service. */
export interface AppliedChanges {
  changed: string[];
  triggers: [string, number[]][];
}

/** Applies every dirty Service. */
export function applyPendingChanges(state: SimState, p: ProxierState): AppliedChanges {
  const changed = new Set<string>();
  const triggers: [string, number[]][] = [];
  for (const svcKey of Object.keys(p.dirty).sort()) {
    const svc = getStored<Service>(state, 'services', svcKey);
    const [ns, name] = svcKey.split('/') as [string, string];
    applyServicePorts(p, state.now, svcKey, svc ? servicePortsOf(svc) : [], changed);
    const slices = listByLabels<EndpointSlice>(state, 'endpointslices', ns, { 'kubernetes.io/service-name': name });
    if (applyEndpoints(p, state.now, svcKey, endpointsOf(ns, name, slices), changed)) {
      const times = triggerTimes(p, slices);
      if (times.length) triggers.push([svcKey, times]);
    }
  }
  p.dirty = {};
  return { changed: [...changed], triggers };
}
