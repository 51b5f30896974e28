// host-local IPAM on the nodes and what the kubelet does with it.
// Addressing plan (the default cluster): node01 has podCIDR 10.244.1.0/24, cni0 holds 10.244.1.1,
// pods get .2, .3, ... round-robin; node02 10.244.2.0/24 likewise; hostNetwork pods take the node's
// InternalIP (node01 = 192.168.56.11). A /29 test range 10.244.9.0/29 offers .2-.6 (.1 is the gateway).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, newState, joinNode } from '../../src/sim/cluster.js';
import { apiCreate } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { getStored, listStored } from '../../src/sim/api-server/store.js';
import { advance, settle } from '../../src/sim/settle.js';
import { ipToInt } from '../../src/sim/net.js';
import { allocatePodIP, rangeSetText, releasePodIP, sandboxNetworkError, usedPodIPs } from '../../src/sim/node/cni.js';
import type { SimState } from '../../src/sim/state.js';
import type { KubeEvent, Pod } from '../../src/sim/types.js';
import { makePod } from './builders.js';

function nodes(): SimState {
  const state = newState();
  for (let i = 0; i < 3; i++) joinNode(state, i);
  return state;
}

function allocate(state: SimState, node: string, owner: string): string {
  const r = allocatePodIP(state, node, owner);
  if (!r.ok) assert.fail(r.error);
  return r.ip;
}

function tinyRange(state: SimState): void {
  state.ipam['tiny'] = { range: '10.244.9.0/29', lastReserved: ipToInt('10.244.9.1'), used: {} };
}

function onNode01(state: SimState, name: string, mutate: (p: Pod) => void = () => undefined): void {
  const created = apiCreate(state, makePod(name, (p) => { p.spec.nodeName = 'node01'; mutate(p); }));
  assert.ok(!('reason' in created), JSON.stringify(created));
  settle(state);
}

const podIP = (state: SimState, name: string): string | undefined => getStored<Pod>(state, 'pods', `default/${name}`)?.status?.podIP;

test('each node hands out .2, .3, ... of its own podCIDR', () => {
  const state = nodes();
  const got = [['node01', 'a'], ['node01', 'b'], ['node02', 'c'], ['node01', 'd'], ['controlplane', 'e']].map(([n, o]) => allocate(state, n!, o!));
  assert.deepEqual(got, ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.1.4', '10.244.0.2']);
  assert.deepEqual(usedPodIPs(state, 'node01'), ['10.244.1.2', '10.244.1.3', '10.244.1.4']);
});

test('a freed address is not reused until the range wraps (round-robin from the last reserved)', () => {
  const state = nodes();
  tinyRange(state);
  const steps: [string, string, string][] = [
    ['allocate', 'a', '10.244.9.2'],
    ['allocate', 'b', '10.244.9.3'],
    ['release', 'a', '10.244.9.2'],
    ['allocate', 'c', '10.244.9.4'],
    ['allocate', 'd', '10.244.9.5'],
    ['allocate', 'e', '10.244.9.6'],
    ['allocate', 'f', '10.244.9.2'],
  ];
  const owners: Record<string, string> = {};
  for (const [op, owner, ip] of steps) {
    if (op === 'release') releasePodIP(state, 'tiny', owners[owner]!, owner);
    else assert.equal(owners[owner] = allocate(state, 'tiny', owner), ip, `${op} ${owner}`);
  }
});

test('an exhausted range gives host-local\'s error, naming the range set', () => {
  const state = nodes();
  tinyRange(state);
  for (const o of ['a', 'b', 'c', 'd', 'e']) allocate(state, 'tiny', o);
  assert.equal(rangeSetText(state.ipam['tiny']!), '10.244.9.1-10.244.9.6');
  assert.deepEqual(allocatePodIP(state, 'tiny', 'f'), { ok: false, error: 'failed to allocate for range 0: no IP addresses available in range set: 10.244.9.1-10.244.9.6' });
});

test('only the holder releases an address', () => {
  const state = nodes();
  const ip = allocate(state, 'node01', 'sandbox-a');
  releasePodIP(state, 'node01', ip, 'sandbox-b');
  assert.deepEqual(usedPodIPs(state, 'node01'), ['10.244.1.2']);
  releasePodIP(state, 'node01', ip, 'sandbox-a');
  assert.deepEqual(usedPodIPs(state, 'node01'), []);
});

test('the sandbox failure reads like containerd 1.7 with flannel', () => {
  assert.equal(
    sandboxNetworkError('ab12', 'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254'),
    'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "ab12": plugin type="flannel" failed (add): ' +
      'failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
  );
});

test('pods on node01 get .2, .3, .4 in creation order; a deleted pod\'s address is released but not reused next', () => {
  const state = createCluster();
  for (const name of ['web-1', 'web-2', 'web-3']) onNode01(state, name);
  advance(state, 15_000);
  assert.deepEqual(['web-1', 'web-2', 'web-3'].map((n) => podIP(state, n)), ['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  apiDelete(state, 'Pod', 'default', 'web-2');
  advance(state, 5_000);
  assert.equal(getStored(state, 'pods', 'default/web-2'), undefined);
  assert.deepEqual(usedPodIPs(state, 'node01'), ['10.244.1.2', '10.244.1.4']);
  onNode01(state, 'web-4');
  advance(state, 15_000);
  assert.equal(podIP(state, 'web-4'), '10.244.1.5');
});

test('a hostNetwork pod takes the node\'s InternalIP and no address from the range', () => {
  const state = createCluster();
  onNode01(state, 'agent', (p) => { p.spec.hostNetwork = true; });
  advance(state, 15_000);
  const pod = getStored<Pod>(state, 'pods', 'default/agent')!;
  assert.equal(pod.status?.phase, 'Running');
  assert.deepEqual([pod.status?.podIP, pod.status?.hostIP], ['192.168.56.11', '192.168.56.11']);
  assert.deepEqual(pod.status?.podIPs, [{ ip: '192.168.56.11' }]);
  assert.deepEqual(usedPodIPs(state, 'node01'), []);
});

test('with the range exhausted the pod stays ContainerCreating with FailedCreatePodSandBox, and starts once an address frees', () => {
  const state = createCluster();
  onNode01(state, 'first');
  advance(state, 15_000);
  for (let i = 3; i <= 254; i++) state.ipam['node01']!.used[`10.244.1.${i}`] = 'someone-else';
  onNode01(state, 'late');
  advance(state, 30_000);
  const late = getStored<Pod>(state, 'pods', 'default/late')!;
  assert.equal(late.status?.phase, 'Pending');
  assert.deepEqual(late.status?.containerStatuses?.[0]?.state, { waiting: { reason: 'ContainerCreating' } });
  assert.equal(late.status?.podIP, undefined);
  const events = listStored<KubeEvent>(state, 'events', 'default').filter((e) => e.involvedObject.name === 'late' && e.reason === 'FailedCreatePodSandBox');
  assert.ok(events.length >= 2, 'the kubelet retries the sandbox');
  for (const e of events) {
    assert.equal(e.type, 'Warning');
    assert.deepEqual(e.source, { component: 'kubelet', host: 'node01' });
    assert.match(e.message, /^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="flannel" failed \(add\): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10\.244\.1\.1-10\.244\.1\.254$/);
  }
  apiDelete(state, 'Pod', 'default', 'first');
  advance(state, 30_000);
  const started = getStored<Pod>(state, 'pods', 'default/late')!;
  assert.deepEqual([started.status?.phase, started.status?.podIP], ['Running', '10.244.1.2']);
});
