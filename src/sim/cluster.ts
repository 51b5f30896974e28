// The simulation's front door: a fresh state, and a booted cluster built the way `kubeadm init`,
// the flannel manifest and two `kubeadm join`s build one. Everything goes through the API server,
// so the objects carry real metadata, and the clock then moves on so the cluster looks days old.
import { resolveConfig, nodeIP, nodeNames, type ClusterConfig } from './config.js';
import { DEFAULT_INSTALL_TIME, formatTimestamp } from './clock.js';
import { seedRng, randHex, randUuid } from './rng.js';
import type { SimState } from './state.js';
import type { KubeObject, Node } from './types.js';
import { apiCreate } from './api-server/registry.js';
import { isApiError } from './api-server/errors.js';
import { writeStored } from './api-server/store.js';
import { parseCidr, intToIp } from './net.js';
import { advance, settle } from './settle.js';
import { nodeObject } from './kubeadm/nodes.js';
import { controlPlaneStaticPods } from './kubeadm/static-pods.js';
import { kubeProxyConfigMap, kubeProxyDaemonSet } from './kubeadm/kube-proxy.js';
import {
  corednsConfigMap, corednsDeployment, flannelConfigMap, flannelDaemonSet, kubeDnsService, kubernetesService,
} from './kubeadm/addons.js';

/** How long ago, when a lab opens, the cluster was installed (so kube-system shows AGE 10d). */
export const CLUSTER_AGE_MS = 10 * 24 * 60 * 60 * 1000;

/** An empty simulation for a configuration: no objects at all, the clock at install time. */
export function newState(partial: Partial<ClusterConfig> = {}): SimState {
  const resolved = resolveConfig(partial);
  if ('errors' in resolved) throw new Error(`invalid cluster configuration: ${resolved.errors.join('; ')}`);
  const config = resolved.config;
  return {
    config,
    now: DEFAULT_INSTALL_TIME,
    rng: seedRng(config.seed),
    resourceVersion: 0,
    objects: {},
    alloc: { serviceIPs: {}, nodePorts: {} },
    ipam: {},
    runtime: {},
    pending: [],
    queues: {},
    timers: [],
    timerSeq: 0,
  };
}

/** Creates an object during bootstrap; a failure here is a bug in the lab, not a user mistake. */
function must<T extends KubeObject>(state: SimState, obj: T): T {
  const r = apiCreate(state, obj);
  if (isApiError(r)) throw new Error(`bootstrap: cannot create ${obj.kind} ${obj.metadata.name}: ${r.message}`);
  return r;
}

/** The n-th address of the service range (1 = `kubernetes`, 10 = `kube-dns`). */
export function serviceIPAt(c: ClusterConfig, n: number): string {
  return intToIp(parseCidr(c.serviceCIDR)!.base + n);
}

/** Registers a node with the API server and sets up its kubelet's IPAM range and image cache. */
export function joinNode(state: SimState, index: number): Node {
  const name = nodeNames(index + 1)[index]!;
  const node = must(state, nodeObject(state.config, name, nodeIP(state.config, index), index));
  const range = node.spec.podCIDR!;
  state.ipam[name] = { range, lastReserved: parseCidr(range)!.base + 1, used: {} };
  state.runtime[name] = { images: {} };
  return node;
}

/** A booted cluster: `kubeadm init` on controlplane, flannel, then the workers join; all pods Running. */
export function createCluster(partial: Partial<ClusterConfig> = {}): SimState {
  const state = newState(partial);
  const c = state.config;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    must(state, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const cp = joinNode(state, 0);
  const cpIP = nodeIP(c, 0);
  must(state, kubernetesService(serviceIPAt(c, 1)));
  writeApiServerEndpoints(state, cpIP);
  for (const pod of controlPlaneStaticPods(c, cp.metadata.name!, cpIP)) must(state, mirrorPod(state, pod, cp));
  must(state, kubeProxyConfigMap(c, cpIP));
  must(state, kubeProxyDaemonSet());
  must(state, corednsConfigMap(c));
  must(state, corednsDeployment());
  must(state, kubeDnsService(serviceIPAt(c, 10)));
  must(state, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } });
  must(state, flannelConfigMap(c));
  must(state, flannelDaemonSet());
  advance(state, 60_000);
  for (let i = 1; i < c.nodes; i++) {
    joinNode(state, i);
    advance(state, 20_000);
  }
  advance(state, 60_000);
  state.now = DEFAULT_INSTALL_TIME + CLUSTER_AGE_MS;
  advance(state, 0);
  settle(state);
  return state;
}

/** A static pod as the kubelet mirrors it to the API server (config.hash / config.mirror annotations, owned by the Node). */
function mirrorPod(state: SimState, pod: KubeObject, node: Node): KubeObject {
  const hash = randHex(state.rng, 32);
  const annotations = { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': formatTimestamp(state.now) };
  const ownerReferences = [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid!, controller: true }];
  return { ...pod, metadata: { ...pod.metadata, annotations, ownerReferences } };
}

/** The API server's own Endpoints and EndpointSlice for `kubernetes` (it writes them itself, no selector). */
function writeApiServerEndpoints(state: SimState, ip: string): void {
  const created = formatTimestamp(state.now);
  const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
  writeStored(state, 'endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels, uid: randUuid(state.rng), creationTimestamp: created },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  writeStored(state, 'endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes', namespace: 'default', uid: randUuid(state.rng), creationTimestamp: created, generation: 1,
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
}
