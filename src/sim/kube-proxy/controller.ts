// The kube-proxy of every node as one controller keyed by node name: its informers receive
// Service and EndpointSlice events (pkg/proxy/config), the pod's lifecycle starts and stops the
// proxier, and the BoundedFrequencyRunner decides when the accumulated changes are synced.
import type { Controller } from '../controllers/controller.js';
import { addAfter } from '../controllers/controller.js';
import type { SimState, WatchEvent } from '../state.js';
import type { EndpointSlice, Pod, Service } from '../types.js';
import { servicePortsOf } from './service-info.js';
import { handleInformerEvents, KUBE_PROXY_LABEL, runningKubeProxy, startProxier } from './lifecycle.js';
import { syncProxier } from './sync.js';
import { tryTakeToken } from './runner.js';
import type { InformerEvent, ProxierState } from './state.js';

/** The queue (and timer) name of the kube-proxies. */
export const KUBE_PROXY_QUEUE = 'kube-proxy';

function runningProxiers(state: SimState): ProxierState[] {
  return Object.values(state.proxy ?? {}).filter((p) => p.running);
}

/** The informer event a watch event becomes, or undefined when kube-proxy does not watch it. */
function informerEvent(ev: WatchEvent): InformerEvent | undefined {
  if (ev.resource === 'services') {
    const svc = ev.object as Service;
    return { type: ev.type, resource: 'services', key: ev.key, service: ev.key, portCount: ev.type === 'DELETED' ? 0 : servicePortsOf(svc).length };
  }
  if (ev.resource === 'endpointslices') {
    const name = (ev.object as EndpointSlice).metadata.labels?.['kubernetes.io/service-name'];
    return name ? { type: ev.type, resource: 'endpointslices', key: ev.key, service: `${ev.object.metadata.namespace}/${name}`, portCount: 0 } : undefined;
  }
  return undefined;
}

function enqueue(state: SimState, ev: WatchEvent): string[] {
  if (ev.resource === 'pods') {
    const pod = ev.object as Pod;
    return pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.[KUBE_PROXY_LABEL] === 'kube-proxy' && pod.spec.nodeName ? [pod.spec.nodeName] : [];
  }
  const ie = informerEvent(ev);
  if (!ie) return [];
  const nodes: string[] = [];
  for (const p of runningProxiers(state)) {
    p.events.push(ie);
    nodes.push(p.node);
  }
  return nodes;
}

/** Keeps one wake-up on the timer queue for the earliest moment this proxier needs. */
function wakeAt(state: SimState, p: ProxierState, at: number): void {
  if (p.wakeAt > state.now && p.wakeAt <= at) return;
  p.wakeAt = at;
  addAfter(state, KUBE_PROXY_QUEUE, p.node, at);
}

function reconcile(state: SimState, node: string): void {
  const running = runningKubeProxy(state, node);
  let p = state.proxy?.[node];
  if (!running) {
    if (p) p.running = false;
    return;
  }
  let initial = false;
  if (!p || !p.running || p.pod !== running.pod.metadata.name || p.startedAt !== running.startedAt) {
    p = startProxier(state, node, running.pod, running.startedAt);
    initial = true;
  }
  handleInformerEvents(state, p, initial);
  const due = p.needFullSync || Object.keys(p.dirty).length > 0 || state.now >= p.nextPeriodic;
  if (due) {
    const token = tryTakeToken(p, state.now);
    if (token === true) syncProxier(state, p);
    else wakeAt(state, p, token);
  }
  wakeAt(state, p, p.nextPeriodic);
}

/** The kube-proxies. */
export const kubeProxyController: Controller = { name: KUBE_PROXY_QUEUE, enqueue, reconcile };
