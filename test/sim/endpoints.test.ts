// The endpoints and EndpointSlice controllers: who is in a Service (AND selectors, readiness,
// terminating pods, named targetPorts), how Endpoints subsets are packed and sorted, the placeholder
// slice and its reused name, 100 endpoints per slice, labels, owners, trigger times and deletion.
// Addressing plan: pods on node01 get 10.244.1.2, .3, ...; on node02 10.244.2.2, ... in creation order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../../src/sim/cluster.js';
import { apiCreate, apiUpdate } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { getStored } from '../../src/sim/api-server/store.js';
import { advance, settle } from '../../src/sim/settle.js';
import { managedSlices } from '../../src/sim/controllers/endpointslice.js';
import type { SimState } from '../../src/sim/state.js';
import type { EndpointAddress, EndpointSlice, Endpoints, KubeObject, Pod, Service } from '../../src/sim/types.js';
import { makePod, makeService, type Mutator } from './builders.js';

function ok<T extends KubeObject>(r: T | { reason: string; message: string }): T {
  if ('reason' in r && !('kind' in r)) assert.fail(r.message);
  return r as T;
}

function pod(state: SimState, name: string, node: string, labels: Record<string, string>, mutate: Mutator<Pod> = () => undefined): void {
  ok(apiCreate(state, makePod(name, (p) => { p.metadata.labels = labels; p.spec.nodeName = node; mutate(p); })));
  settle(state);
}

function service(state: SimState, name: string, mutate: Mutator<Service> = () => undefined): Service {
  const svc = ok<Service>(apiCreate(state, makeService(name, mutate)));
  settle(state);
  return svc;
}

const endpointsOf = (state: SimState, name: string): Endpoints | undefined => getStored<Endpoints>(state, 'endpoints', `default/${name}`);
const slicesOf = (state: SimState, name: string): EndpointSlice[] => managedSlices(state, 'default', name);
const podOf = (state: SimState, name: string): Pod => getStored<Pod>(state, 'pods', `default/${name}`)!;
const ips = (addrs: EndpointAddress[] | undefined): string[] => (addrs ?? []).map((a) => a.ip);
const namedPort: Mutator<Pod> = (p) => { p.spec.containers[0]!.ports = [{ name: 'http', containerPort: 80 }]; };

test('membership: every selector key must match (AND); extra pod labels do not matter', () => {
  const state = createCluster();
  pod(state, 'a', 'node01', { app: 'web', tier: 'front' });
  pod(state, 'b', 'node01', { app: 'web' });
  pod(state, 'c', 'node02', { app: 'web', tier: 'front', track: 'canary' });
  pod(state, 'd', 'node02', { app: 'web', tier: 'back' });
  advance(state, 20_000);
  const svc = service(state, 'web', (s) => { s.spec.selector = { app: 'web', tier: 'front' }; });
  const ep = endpointsOf(state, 'web')!;
  const ref = (name: string): EndpointAddress['targetRef'] => ({ kind: 'Pod', namespace: 'default', name, uid: podOf(state, name).metadata.uid! });
  assert.deepEqual(ep.metadata.labels, { 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
  assert.deepEqual(ep.metadata.annotations, { 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata.creationTimestamp });
  assert.deepEqual(ep.subsets, [{
    addresses: [{ ip: '10.244.1.2', nodeName: 'node01', targetRef: ref('a') }, { ip: '10.244.2.2', nodeName: 'node02', targetRef: ref('c') }],
    ports: [{ port: 8080, protocol: 'TCP' }],
  }]);
  const [slice, ...more] = slicesOf(state, 'web');
  assert.equal(more.length, 0);
  assert.match(slice!.metadata.name!, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual(slice!.metadata.labels, { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
  assert.deepEqual(slice!.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual([slice!.addressType, slice!.ports], ['IPv4', [{ name: '', port: 8080, protocol: 'TCP' }]]);
  const ready = { ready: true, serving: true, terminating: false };
  assert.deepEqual(slice!.endpoints, [
    { addresses: ['10.244.1.2'], conditions: ready, nodeName: 'node01', targetRef: ref('a') },
    { addresses: ['10.244.2.2'], conditions: ready, nodeName: 'node02', targetRef: ref('c') },
  ]);
});

test('readiness: unready pods are notReadyAddresses; publishNotReadyAddresses publishes them', () => {
  const state = createCluster();
  const unready: Mutator<Pod> = (p) => { p.spec.containers[0]!.readinessProbe = { tcpSocket: { port: 81 } }; };
  pod(state, 'good', 'node01', { app: 'web' });
  pod(state, 'bad', 'node01', { app: 'web' }, unready);
  advance(state, 20_000);
  service(state, 'web', (s) => { s.spec.ports = [{ port: 80 }]; });
  service(state, 'peers', (s) => { s.spec.selector = { app: 'web' }; s.spec.ports = [{ port: 80 }]; s.spec.publishNotReadyAddresses = true; });
  const web = endpointsOf(state, 'web')!.subsets!;
  assert.deepEqual([ips(web[0]!.addresses), ips(web[0]!.notReadyAddresses)], [['10.244.1.2'], ['10.244.1.3']]);
  assert.deepEqual(ips(endpointsOf(state, 'peers')!.subsets![0]!.addresses), ['10.244.1.2', '10.244.1.3']);
  const conditions = (svc: string): Record<string, unknown>[] => slicesOf(state, svc)[0]!.endpoints!
    .map((e) => ({ ip: e.addresses[0], ...e.conditions })).sort((x, y) => (x.ip! < y.ip! ? -1 : 1));
  assert.deepEqual(conditions('web'), [
    { ip: '10.244.1.2', ready: true, serving: true, terminating: false },
    { ip: '10.244.1.3', ready: false, serving: false, terminating: false },
  ]);
  assert.deepEqual(conditions('peers')[1], { ip: '10.244.1.3', ready: true, serving: false, terminating: false });
});

test('named targetPorts resolve per pod with the same protocol; a typo leaves the Endpoints empty', () => {
  const state = createCluster();
  pod(state, 'a', 'node01', { app: 'web' }, namedPort);
  pod(state, 'b', 'node02', { app: 'web' }, (p) => { p.spec.containers[0]!.ports = [{ name: 'http', containerPort: 8080 }]; });
  advance(state, 20_000);
  service(state, 'named', (s) => { s.spec.selector = { app: 'web' }; s.spec.ports = [{ name: 'web', port: 80, targetPort: 'http' }]; });
  service(state, 'typo', (s) => { s.spec.selector = { app: 'web' }; s.spec.ports = [{ port: 80, targetPort: 'htpp' }]; });
  service(state, 'udp', (s) => { s.spec.selector = { app: 'web' }; s.spec.ports = [{ port: 80, protocol: 'UDP', targetPort: 'http' }]; });
  assert.deepEqual(endpointsOf(state, 'named')!.subsets!.map((s) => [ips(s.addresses), s.ports]), [
    [['10.244.1.2'], [{ name: 'web', port: 80, protocol: 'TCP' }]],
    [['10.244.2.2'], [{ name: 'web', port: 8080, protocol: 'TCP' }]],
  ]);
  assert.deepEqual(slicesOf(state, 'named').map((s) => [s.endpoints!.map((e) => e.addresses[0]), s.ports]).sort(), [
    [['10.244.1.2'], [{ name: 'web', port: 80, protocol: 'TCP' }]],
    [['10.244.2.2'], [{ name: 'web', port: 8080, protocol: 'TCP' }]],
  ]);
  for (const svc of ['typo', 'udp']) {
    assert.equal(endpointsOf(state, svc)!.subsets, undefined, `${svc}: no subsets although the pods run`);
    const [slice, ...more] = slicesOf(state, svc);
    assert.deepEqual([more.length, slice!.ports, slice!.endpoints!.map((e) => e.addresses[0])], [0, null, ['10.244.1.2', '10.244.2.2']], svc);
  }
});

test('subsets are repacked: ports offered by the same addresses share a subset; addresses sort as strings', () => {
  const state = createCluster();
  for (let i = 1; i <= 9; i++) pod(state, `full-${i}`, 'node01', { app: 'web' }, namedPort);
  pod(state, 'plain', 'node02', { app: 'web' });
  advance(state, 40_000);
  const ports = [{ name: 'http', port: 80, targetPort: 'http' as number | string }, { name: 'metrics', port: 9090, targetPort: 9090 }];
  service(state, 'web', (s) => { s.spec.ports = ports; });
  service(state, 'both', (s) => { s.spec.selector = { app: 'web' }; s.spec.ports = [{ ...ports[0]!, targetPort: 80 }, ports[1]!]; });
  const nine = ['10.244.1.10', '10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6', '10.244.1.7', '10.244.1.8', '10.244.1.9'];
  const shape = (name: string): [string[], string[]][] => endpointsOf(state, name)!.subsets!.map((s) => [ips(s.addresses), s.ports!.map((p) => `${p.name}:${p.port}`)]);
  assert.deepEqual(shape('web'), [[nine, ['http:80']], [[...nine, '10.244.2.2'], ['metrics:9090']]]);
  assert.deepEqual(shape('both'), [[[...nine, '10.244.2.2'], ['http:80', 'metrics:9090']]]);
  assert.deepEqual(slicesOf(state, 'web').map((s) => s.endpoints!.length).sort(), [1, 9], 'slices group pods by the ports they resolve');
});

test('a terminating pod leaves the Endpoints at once but stays in its slice as terminating until it is gone', () => {
  const state = createCluster();
  pod(state, 'stay', 'node01', { app: 'web' });
  pod(state, 'leave', 'node01', { app: 'web' }, (p) => { p.spec.containers = [{ name: 'leave', image: 'busybox:1.36', command: ['sleep', '3600'] }]; });
  advance(state, 20_000);
  service(state, 'web');
  apiDelete(state, 'Pod', 'default', 'leave');
  advance(state, 1_000);
  assert.deepEqual(ips(endpointsOf(state, 'web')!.subsets![0]!.addresses), ['10.244.1.2']);
  assert.equal(endpointsOf(state, 'web')!.subsets![0]!.notReadyAddresses, undefined);
  const leaving = slicesOf(state, 'web')[0]!.endpoints!.find((e) => e.targetRef?.name === 'leave')!;
  assert.deepEqual(leaving.conditions, { ready: false, serving: true, terminating: true });
  advance(state, 30_000);
  assert.deepEqual(slicesOf(state, 'web')[0]!.endpoints!.map((e) => e.targetRef?.name), ['stay']);
});

test('without pods a Service keeps one placeholder slice, whose name is reused when endpoints appear and go', () => {
  const state = createCluster();
  service(state, 'lonely');
  const [placeholder, ...more] = slicesOf(state, 'lonely');
  assert.deepEqual([more.length, placeholder!.endpoints, placeholder!.ports], [0, null, null]);
  assert.deepEqual(endpointsOf(state, 'lonely')!.subsets, undefined);
  pod(state, 'lonely', 'node01', { app: 'lonely' });
  advance(state, 20_000);
  const filled = slicesOf(state, 'lonely');
  assert.deepEqual(filled.map((s) => [s.metadata.name, s.metadata.uid, s.ports, s.endpoints!.length]), [[placeholder!.metadata.name, placeholder!.metadata.uid, [{ name: '', port: 8080, protocol: 'TCP' }], 1]]);
  apiDelete(state, 'Pod', 'default', 'lonely', { gracePeriodSeconds: 0 });
  settle(state);
  assert.deepEqual(slicesOf(state, 'lonely').map((s) => [s.metadata.name, s.endpoints, s.ports]), [[placeholder!.metadata.name, null, null]]);
});

test('more than 100 endpoints spill into a second slice; Endpoints holds them all', () => {
  const state = createCluster();
  for (let i = 0; i < 150; i++) pod(state, `big-${String(i).padStart(3, '0')}`, i % 2 === 0 ? 'node01' : 'node02', { app: 'big' });
  advance(state, 120_000);
  service(state, 'big');
  const sizes = slicesOf(state, 'big').map((s) => s.endpoints!.length).sort((a, b) => b - a);
  assert.deepEqual(sizes, [100, 50]);
  const all = new Set(slicesOf(state, 'big').flatMap((s) => s.endpoints!.map((e) => e.addresses[0])));
  assert.equal(all.size, 150);
  assert.equal(endpointsOf(state, 'big')!.subsets![0]!.addresses!.length, 150);
});

test('labels follow the Service (headless adds service.kubernetes.io/headless); deleting the Service deletes both', () => {
  const state = createCluster();
  const svc = service(state, 'web', (s) => { s.metadata.labels = { app: 'web', team: 'blue' }; s.spec.clusterIP = 'None'; });
  assert.deepEqual(endpointsOf(state, 'web')!.metadata.labels, { app: 'web', team: 'blue', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller', 'service.kubernetes.io/headless': '' });
  assert.deepEqual(slicesOf(state, 'web')[0]!.metadata.labels, {
    app: 'web', team: 'blue', 'service.kubernetes.io/headless': '', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
  });
  pod(state, 'db-0', 'node01', { app: 'web' }, (p) => { p.spec.hostname = 'db-0'; p.spec.subdomain = 'web'; });
  advance(state, 20_000);
  assert.deepEqual(endpointsOf(state, 'web')!.subsets![0]!.addresses![0]!.hostname, 'db-0');
  assert.deepEqual(slicesOf(state, 'web')[0]!.endpoints![0]!.hostname, 'db-0');
  ok(apiUpdate(state, { ...getStored<Service>(state, 'services', 'default/web')!, metadata: { ...svc.metadata, labels: { app: 'web', team: 'green' }, resourceVersion: undefined } }));
  settle(state);
  assert.equal(endpointsOf(state, 'web')!.metadata.labels?.['team'], 'green');
  assert.equal(slicesOf(state, 'web')[0]!.metadata.labels?.['team'], 'green');
  apiDelete(state, 'Service', 'default', 'web');
  settle(state);
  assert.deepEqual([endpointsOf(state, 'web'), slicesOf(state, 'web')], [undefined, []]);
});

test('Services without a selector (or ExternalName) get nothing; their own and the API server\'s endpoints are left alone', () => {
  const state = createCluster();
  const kubernetes = [getStored(state, 'endpoints', 'default/kubernetes'), getStored(state, 'endpointslices', 'default/kubernetes')];
  pod(state, 'db', 'node01', { app: 'db' });
  service(state, 'external', (s) => { delete s.spec.selector; });
  service(state, 'empty', (s) => { s.spec.selector = {}; });
  service(state, 'cname', (s) => { s.spec.type = 'ExternalName'; s.spec.externalName = 'db.example.com'; delete s.spec.ports; });
  const manual: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.56.100' }], ports: [{ port: 5432, protocol: 'TCP' }] }] };
  ok(apiCreate(state, manual));
  advance(state, 20_000);
  assert.deepEqual(endpointsOf(state, 'external')!.subsets, manual.subsets);
  assert.equal(endpointsOf(state, 'external')!.metadata.labels, undefined);
  for (const name of ['external', 'empty', 'cname']) assert.deepEqual(slicesOf(state, name), [], name);
  assert.deepEqual([endpointsOf(state, 'empty'), endpointsOf(state, 'cname')], [undefined, undefined]);
  assert.deepEqual([getStored(state, 'endpoints', 'default/kubernetes'), getStored(state, 'endpointslices', 'default/kubernetes')], kubernetes);
});

test('last-change-trigger-time: the Service\'s creation, then the Ready time of a pod that joins; cleared when nothing triggered', () => {
  const state = createCluster();
  const svc = service(state, 'web');
  const annotation = (): string | undefined => endpointsOf(state, 'web')!.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time'];
  assert.equal(annotation(), svc.metadata.creationTimestamp);
  advance(state, 60_000);
  pod(state, 'web', 'node01', { app: 'web' });
  advance(state, 20_000);
  const readySince = podOf(state, 'web').status!.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime;
  assert.equal(annotation(), readySince);
  assert.equal(slicesOf(state, 'web')[0]!.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time'], readySince);
  apiDelete(state, 'Pod', 'default', 'web');
  settle(state);
  assert.equal(annotation(), undefined);
});

test('same seed and commands give the same Endpoints and slices, names included', () => {
  const scenario = (): string => {
    const state = createCluster({ seed: 11 });
    for (const [name, node] of [['a', 'node01'], ['b', 'node02'], ['c', 'node01']] as const) pod(state, name, node, { app: 'web' });
    advance(state, 20_000);
    service(state, 'web');
    apiDelete(state, 'Pod', 'default', 'b');
    advance(state, 5_000);
    return JSON.stringify([endpointsOf(state, 'web'), slicesOf(state, 'web')]);
  };
  assert.equal(scenario(), scenario());
});
