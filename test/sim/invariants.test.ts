// Determinism and invariants over random operation sequences: whatever a learner does through the
// API, no two pods share an IP, no two Services share a ClusterIP or NodePort, every pod IP lies in
// its node's podCIDR, every ready endpoint is a live, ready, matching pod, and the allocators'
// books match the Services. The same seed and operations always give the same cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../../src/sim/cluster.js';
import { apiCreate, apiUpdate, apiGet } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { isApiError } from '../../src/sim/api-server/errors.js';
import { listStored } from '../../src/sim/api-server/store.js';
import { advance, settle } from '../../src/sim/settle.js';
import { seedRng, randInt, type RngState } from '../../src/sim/rng.js';
import { cidrContains, parseCidr } from '../../src/sim/net.js';
import type { SimState } from '../../src/sim/state.js';
import type { Deployment, EndpointSlice, Node, Pod, Service } from '../../src/sim/types.js';

const APPS = ['web', 'api', 'db'];
const pick = <T>(r: RngState, xs: readonly T[]): T => xs[randInt(r, xs.length)]!;

function deployment(name: string, replicas: number, labels: Record<string, string>): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }] } } },
  };
}

function service(name: string, type: string, selector: Record<string, string>, targetPort: number | string): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type, selector, ports: [{ port: 80, targetPort }] } };
}

/** One random step a learner might take; user mistakes are fine (they come back as errors). */
function randomStep(state: SimState, r: RngState): string {
  const app = pick(r, APPS);
  switch (randInt(r, 8)) {
    case 0:
      apiCreate(state, deployment(app, randInt(r, 4), { app, tier: pick(r, ['a', 'b']) }));
      return `create deployment ${app}`;
    case 1:
      apiCreate(state, service(app, pick(r, ['ClusterIP', 'NodePort', 'LoadBalancer']), { app }, pick(r, [80, 'http', 'nope'])));
      return `create service ${app}`;
    case 2: {
      const d = apiGet<Deployment>(state, 'Deployment', 'default', app);
      if (!isApiError(d)) apiUpdate(state, { ...d, spec: { ...d.spec, replicas: randInt(r, 5) } });
      return `scale ${app}`;
    }
    case 3: {
      const pods = listStored<Pod>(state, 'pods', 'default');
      if (pods.length) apiDelete(state, 'Pod', 'default', pick(r, pods).metadata.name!);
      return 'delete a pod';
    }
    case 4: {
      const s = apiGet<Service>(state, 'Service', 'default', app);
      if (!isApiError(s)) apiUpdate(state, { ...s, spec: { ...s.spec, type: pick(r, ['ClusterIP', 'NodePort', 'ExternalName']), externalName: 'db.example.com' } });
      return `change type of ${app}`;
    }
    case 5:
      apiDelete(state, pick(r, ['Service', 'Deployment'] as const), 'default', app);
      return `delete ${app}`;
    case 6:
      advance(state, randInt(r, 10_000));
      return 'wait';
    default:
      apiCreate(state, { ...service(`${app}-fixed`, 'NodePort', { app }, 80), spec: { type: 'NodePort', selector: { app }, ports: [{ port: 80, nodePort: 30000 + randInt(r, 20) }] } } as Service);
      return 'create a service with a fixed nodePort';
  }
}

/** Every invariant the cluster must hold between operations; returns the broken ones. */
function brokenInvariants(state: SimState): string[] {
  const out: string[] = [];
  const pods = listStored<Pod>(state, 'pods');
  const nodes = new Map(listStored<Node>(state, 'nodes').map((n) => [n.metadata.name!, n]));
  const ips = new Map<string, string>();
  for (const p of pods) {
    const ip = p.status?.podIP;
    if (!ip || p.spec.hostNetwork) continue;
    const who = `${p.metadata.namespace}/${p.metadata.name}`;
    if (ips.has(ip)) out.push(`pods ${ips.get(ip)} and ${who} share ${ip}`);
    ips.set(ip, who);
    const cidr = nodes.get(p.spec.nodeName ?? '')?.spec.podCIDR;
    if (!cidr || !cidrContains(parseCidr(cidr)!, ip)) out.push(`${who} has ${ip}, outside ${cidr} of ${p.spec.nodeName}`);
  }
  const clusterIPs = new Map<string, string>();
  const nodePorts = new Map<number, string>();
  for (const s of listStored<Service>(state, 'services')) {
    const who = `${s.metadata.namespace}/${s.metadata.name}`;
    for (const ip of s.spec.clusterIPs ?? []) {
      if (ip === 'None') continue;
      if (clusterIPs.has(ip)) out.push(`services ${clusterIPs.get(ip)} and ${who} share ${ip}`);
      clusterIPs.set(ip, who);
      if (state.alloc.serviceIPs[ip] !== who) out.push(`allocator does not hold ${ip} for ${who}`);
    }
    for (const port of new Set((s.spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n))) {
      if (nodePorts.has(port)) out.push(`services ${nodePorts.get(port)} and ${who} share nodePort ${port}`);
      nodePorts.set(port, who);
      if (state.alloc.nodePorts[port] !== who) out.push(`allocator does not hold ${port} for ${who}`);
    }
  }
  if (Object.keys(state.alloc.serviceIPs).length !== clusterIPs.size) out.push('allocator holds ClusterIPs no Service has');
  if (Object.keys(state.alloc.nodePorts).length !== nodePorts.size) out.push('allocator holds NodePorts no Service has');
  out.push(...brokenEndpoints(state, pods));
  return out;
}

function brokenEndpoints(state: SimState, pods: Pod[]): string[] {
  const out: string[] = [];
  const byName = new Map(pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  for (const slice of listStored<EndpointSlice>(state, 'endpointslices')) {
    const svcName = slice.metadata.labels?.['kubernetes.io/service-name'];
    const svc = state.objects['services']?.[`${slice.metadata.namespace}/${svcName}`] as Service | undefined;
    if (!svc) {
      out.push(`slice ${slice.metadata.name} outlives its service`);
      continue;
    }
    // The real EndpointSlice controller stops syncing a Service once it is ExternalName
    // (kubernetes/kubernetes#105986) and leaves its old slices as they were; kube-proxy ignores them.
    if (svc.spec.type === 'ExternalName') continue;
    for (const ep of slice.endpoints ?? []) {
      if (!ep.conditions.ready || !ep.targetRef) continue;
      const pod = byName.get(`${ep.targetRef.namespace}/${ep.targetRef.name}`);
      const ready = pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      const matches = Object.entries(svc.spec.selector ?? {}).every(([k, v]) => pod?.metadata.labels?.[k] === v);
      if (!pod || !ready || !matches || pod.status?.podIP !== ep.addresses[0]) out.push(`slice ${slice.metadata.name} lists ${ep.addresses[0]} which is not a live, ready, matching pod`);
    }
  }
  return out;
}

function runScenario(seed: number, steps: number, check: boolean): SimState {
  const state = createCluster({ seed });
  const r = seedRng(seed * 7919);
  for (let i = 0; i < steps; i++) {
    const what = randomStep(state, r);
    settle(state);
    if (check) assert.deepEqual(brokenInvariants(state), [], `after step ${i}: ${what}`);
  }
  return state;
}

test('invariants hold after every step of random operation sequences', () => {
  for (const seed of [1, 2, 3, 4, 5]) runScenario(seed, 60, true);
});

test('the same seed and operations give the same cluster, byte for byte', () => {
  const a = runScenario(11, 40, false);
  const b = runScenario(11, 40, false);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const c = runScenario(12, 40, false);
  assert.notEqual(JSON.stringify(a.objects), JSON.stringify(c.objects));
});

test('the booted cluster itself satisfies every invariant', () => {
  assert.deepEqual(brokenInvariants(createCluster()), []);
});
