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

function sameService(a: ServicePortInfo, b: ServicePortInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameEndpoints(a: EndpointInfo[] | undefined, b: EndpointInfo[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
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

function applyEndpoints(p: ProxierState, now: number, svcKey: string, next: Record<string, EndpointInfo[]>, changed: Set<string>): boolean {
  let any = false;
  const names = new Set([...Object.keys(next), ...Object.keys(p.endpoints).filter((n) => n === svcKey || n.startsWith(`${svcKey}:`))]);
  for (const name of [...names].sort()) {
    const old = p.endpoints[name];
    const cur = next[name];
    if (sameEndpoints(old, cur)) continue;
    if (old?.length) log(p, now, { level: 3, source: 'endpointslicecache.go:296', msg: 'Setting endpoints for service port name', kv: [['portName', name], ['endpoints', endpointList(old)]] });
    log(p, now, { level: 3, source: 'endpointslicecache.go:296', msg: 'Setting endpoints for service port name', kv: [['portName', name], ['endpoints', endpointList(cur)]] });
    if (cur?.length) p.endpoints[name] = cur;
    else delete p.endpoints[name];
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
