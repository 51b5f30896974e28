// A kube-proxy process coming and going with its pod: start-up reads the kube-proxy ConfigMap
// (mode, verbosity), cleans up what another mode left in the kernel (server_linux.go
// platformCleanup: switching between nftables and the iptables-based modes), lists every Service
// and EndpointSlice through its informers, and asks for a first, full sync.
import type { SimState } from '../state.js';
import type { ConfigMap, EndpointSlice, Pod, Service } from '../types.js';
import { getStored, keyOf, listByIndex, listStored } from '../api-server/store.js';
import { parseTimestamp } from '../clock.js';
import { readKubeProxyConfig } from '../kubeadm/kube-proxy.js';
import type { ProxyMode } from '../config.js';
import { PROXY_MODES, SIMULATED_PROXY_MODES } from '../config.js';
import { CACHES_SYNCED, logStartup } from './startup.js';
import { log, logCapFor } from './log.js';
import { servicePortsOf } from './service-info.js';
import { emptyRules, cleanupForMode } from './rules.js';
import { proxierNode } from './sync.js';
import type { InformerEvent, ProxierState } from './state.js';

/** The label of the kube-proxy DaemonSet's pods. */
export const KUBE_PROXY_LABEL = 'k8s-app';

/** When a kube-proxy pod's container started (ms), parsed once per stored pod object. */
const startTimes = new WeakMap<Pod, number | undefined>();

function runningSince(pod: Pod): number | undefined {
  if (startTimes.has(pod)) return startTimes.get(pod);
  const started = pod.status?.containerStatuses?.[0]?.state.running?.startedAt;
  const ms = started ? parseTimestamp(started) : undefined;
  startTimes.set(pod, ms);
  return ms;
}

const isKubeProxy = (pod: Pod | undefined, node: string): pod is Pod =>
  pod !== undefined && pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.[KUBE_PROXY_LABEL] === 'kube-proxy' && pod.spec.nodeName === node && !pod.metadata.deletionTimestamp;

/** The kube-proxy pod running on a node, and when its container started (ms); undefined when none runs. */
export function runningKubeProxy(state: SimState, node: string): { pod: Pod; startedAt: number } | undefined {
  // The pod this node's proxier last ran in is nearly always still the one (a reconcile runs for every watched change).
  const last = state.proxy?.[node]?.pod;
  const known = last ? getStored<Pod>(state, 'pods', `kube-system/${last}`) : undefined;
  const knownStart = isKubeProxy(known, node) ? runningSince(known) : undefined;
  if (known && knownStart !== undefined) return { pod: known, startedAt: knownStart };
  for (const pod of listByIndex<Pod>(state, 'pods', 'node', node)) {
    if (!isKubeProxy(pod, node)) continue;
    const startedAt = runningSince(pod);
    if (startedAt !== undefined) return { pod, startedAt };
  }
  return undefined;
}

/** The informers' initial list, as the add events their handlers receive. */
function initialEvents(state: SimState): InformerEvent[] {
  const services = listStored<Service>(state, 'services').map((s): InformerEvent => ({ type: 'ADDED', resource: 'services', key: keyOf(s), service: keyOf(s), portCount: servicePortsOf(s).length }));
  const slices = listStored<EndpointSlice>(state, 'endpointslices').flatMap((s): InformerEvent[] => {
    const svc = s.metadata.labels?.['kubernetes.io/service-name'];
    return svc ? [{ type: 'ADDED', resource: 'endpointslices', key: keyOf(s), service: `${s.metadata.namespace}/${svc}`, portCount: 0 }] : [];
  });
  return [...services, ...slices];
}

/** Starts the proxier of a newly running kube-proxy pod; the kernel keeps what the previous one programmed. */
export function startProxier(state: SimState, node: string, pod: Pod, startedAt: number): ProxierState {
  const previous = state.proxy?.[node];
  const cfg = readKubeProxyConfig(getStored<ConfigMap>(state, 'configmaps', 'kube-system/kube-proxy'));
  const configured = /^mode:\s*(""|''|)\s*$/m.test(getStored<ConfigMap>(state, 'configmaps', 'kube-system/kube-proxy')?.data?.['config.conf'] ?? '') ? '' : cfg.mode;
  const wanted = (PROXY_MODES as readonly string[]).includes(cfg.mode) ? (cfg.mode as ProxyMode) : 'iptables';
  const mode: ProxyMode = (SIMULATED_PROXY_MODES as readonly string[]).includes(wanted) ? wanted : 'iptables';
  const p: ProxierState = {
    node, pod: pod.metadata.name ?? '', startedAt, mode, verbosity: cfg.verbosity,
    services: {}, endpoints: {}, portsByService: {}, dirty: {}, needFullSync: true,
    tokens: 2, tokensAt: startedAt, lastFullSync: startedAt, nextPeriodic: startedAt,
    events: initialEvents(state), running: true, wakeAt: 0,
    rules: previous ? cleanupForMode(previous.rules, mode) : emptyRules(proxierNode(state, node).podCIDR, state.config.podCIDR),
    lastDiff: { previous: emptyRules(), at: startedAt }, log: [], logCap: logCapFor(state.config.nodes), logDropped: 0, lastLogMicros: 0,
  };
  if (wanted !== mode) log(p, startedAt, { level: 0, severity: 'E', source: 'server.go:1', msg: `k8s-svc-lab: the ${wanted} proxier is not simulated by this version of the lab yet; running the iptables proxier instead` });
  logStartup(p, startedAt, { configuredMode: wanted === mode ? configured : '', mode, nodeIPs: proxierNode(state, node).ips, kubernetesVersion: state.config.kubernetesVersion });
  (state.proxy ??= {})[node] = p;
  return p;
}

/** Logs the informer handlers' lines for the events received, marking their Services dirty. */
export function handleInformerEvents(state: SimState, p: ProxierState, initial: boolean): void {
  const verbs = { ADDED: 'Add', MODIFIED: 'Update', DELETED: 'Delete' } as const;
  for (const ev of p.events) {
    if (ev.resource === 'services') {
      log(p, state.now, { level: 4, source: `config.go:${ev.type === 'ADDED' ? 225 : ev.type === 'MODIFIED' ? 238 : 251}`, msg: `Calling handler.OnService${verbs[ev.type]}` });
      log(p, state.now, { level: 4, source: 'servicechangetracker.go:103', msg: 'Service updated ports', kv: [['service', ev.key], ['portCount', ev.portCount]] });
    } else {
      log(p, state.now, { level: 4, source: `config.go:${ev.type === 'ADDED' ? 125 : ev.type === 'MODIFIED' ? 138 : 151}`, msg: `Calling handler.OnEndpointSlice${verbs[ev.type]}`, kv: [['endpoints', ev.key]] });
    }
    p.dirty[ev.service] = true;
  }
  p.events = [];
  if (initial) for (const c of CACHES_SYNCED) log(p, state.now, c);
}
