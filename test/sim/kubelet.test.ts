// The kubelet on the simulated clock: ContainerCreating -> Running with the v1.34 events, image
// pulls and the node's image cache, crash loops with their back-off, restart policies, graceful
// deletion, readiness probes, mirror pods, QoS classes and determinism.
// Pods are bound to node01 (InternalIP 192.168.56.11, podCIDR 10.244.1.0/24) directly, without the scheduler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../../src/sim/cluster.js';
import { apiCreate } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { getStored, listStored } from '../../src/sim/api-server/store.js';
import { advance, settle } from '../../src/sim/settle.js';
import { formatTimestamp, parseTimestamp } from '../../src/sim/clock.js';
import { formatGoDuration } from '../../src/sim/node/go-duration.js';
import { qosClass } from '../../src/sim/node/qos.js';
import type { SimState } from '../../src/sim/state.js';
import type { KubeEvent, Pod } from '../../src/sim/types.js';
import { makePod, type Mutator } from './builders.js';

function run(state: SimState, name: string, mutate: Mutator<Pod> = () => undefined): void {
  const created = apiCreate(state, makePod(name, (p) => { p.spec.nodeName = 'node01'; mutate(p); }));
  assert.ok(!('reason' in created), JSON.stringify(created));
  settle(state);
}

const podOf = (state: SimState, name: string): Pod | undefined => getStored<Pod>(state, 'pods', `default/${name}`);
const busybox = (command?: string[], restartPolicy?: string): Mutator<Pod> => (p) => {
  p.spec.containers = [{ name: p.metadata.name!, image: 'busybox:1.36', ...(command ? { command } : {}) }];
  if (restartPolicy) p.spec.restartPolicy = restartPolicy;
};

/** Steps the clock until the pod's first container runs; returns the clock then (at most 250ms after the start). */
function untilRunning(state: SimState, name: string): number {
  for (let i = 0; i < 200 && !podOf(state, name)?.status?.containerStatuses?.[0]?.state.running; i++) advance(state, 250);
  assert.ok(podOf(state, name)?.status?.containerStatuses?.[0]?.state.running, `${name} runs`);
  return state.now;
}

/** The pod's events in the order they were first recorded: [reason, message]. */
function eventsOf(state: SimState, name: string): KubeEvent[] {
  return listStored<KubeEvent>(state, 'events', 'default').filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (BigInt(`0x${a.metadata.name!.split('.').pop()}`) < BigInt(`0x${b.metadata.name!.split('.').pop()}`) ? -1 : 1));
}

/** STATUS and RESTARTS as `kubectl get pods` derives them from the first container. */
function shown(pod: Pod): string {
  const cs = pod.status?.containerStatuses?.[0];
  const reason = cs?.state.waiting?.reason ?? cs?.state.terminated?.reason ?? pod.status?.phase;
  return `${reason}/${cs?.restartCount ?? 0}`;
}

test('Go durations print as the kubelet prints them', () => {
  const cases: [number, string][] = [[0, '0s'], [313, '313ms'], [2104, '2.104s'], [2100, '2.1s'], [10_000, '10s'], [80_000, '1m20s'], [300_000, '5m0s'], [3_600_000, '1h0m0s']];
  for (const [ms, text] of cases) assert.equal(formatGoDuration(ms), text);
});

test('a pod goes Pending/ContainerCreating -> (IP) -> Running on the clock, with full conditions', () => {
  const state = createCluster();
  const t0 = formatTimestamp(state.now);
  run(state, 'web');
  const pod = podOf(state, 'web')!;
  assert.equal(pod.status?.phase, 'Pending');
  assert.deepEqual([pod.status?.hostIP, pod.status?.hostIPs, pod.status?.startTime, pod.status?.qosClass, pod.status?.podIP], ['192.168.56.11', [{ ip: '192.168.56.11' }], t0, 'BestEffort', undefined]);
  const unready = { reason: 'ContainersNotReady', message: 'containers with unready status: [web]' };
  assert.deepEqual(pod.status?.conditions, [
    { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: t0 },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t0 },
    { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: t0, ...unready },
    { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: t0, ...unready },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t0 },
  ]);
  const mounts = pod.spec.containers[0]!.volumeMounts!.map((m) => ({ ...m, recursiveReadOnly: 'Disabled' }));
  assert.deepEqual(pod.status?.containerStatuses, [{
    name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '', started: false, volumeMounts: mounts,
  }]);
  advance(state, 1500);
  const sandboxed = podOf(state, 'web')!;
  assert.deepEqual([sandboxed.status?.phase, sandboxed.status?.podIP, sandboxed.status?.podIPs, sandboxed.status?.conditions?.[0]?.status], ['Pending', '10.244.1.2', [{ ip: '10.244.1.2' }], 'True']);
  advance(state, 10_000);
  const running = podOf(state, 'web')!;
  const cs = running.status!.containerStatuses![0]!;
  assert.equal(running.status?.phase, 'Running');
  assert.deepEqual(running.status?.conditions?.map((c) => [c.type, c.status]), [['PodReadyToStartContainers', 'True'], ['Initialized', 'True'], ['Ready', 'True'], ['ContainersReady', 'True'], ['PodScheduled', 'True']]);
  assert.equal(running.status?.conditions?.[2]?.lastTransitionTime, cs.state.running?.startedAt);
  assert.match(cs.containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.match(cs.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.deepEqual({ ...cs, containerID: 'x', imageID: 'x', state: {} }, {
    name: 'web', state: {}, lastState: {}, ready: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', imageID: 'x', containerID: 'x', started: true, resources: {}, volumeMounts: mounts,
  });
});

test('the first pull on a node: Pulling, Pulled with time and size, Created, Started, all on spec.containers{web}', () => {
  const state = createCluster();
  run(state, 'web');
  advance(state, 15_000);
  const events = eventsOf(state, 'web');
  assert.deepEqual(events.map((e) => [e.type, e.reason]), [['Normal', 'Pulling'], ['Normal', 'Pulled'], ['Normal', 'Created'], ['Normal', 'Started']]);
  assert.equal(events[0]!.message, 'Pulling image "nginx:1.27"');
  assert.match(events[1]!.message, /^Successfully pulled image "nginx:1\.27" in (\d+\.\d+s|\d+ms) \(\1 including waiting\)\. Image size: 72225606 bytes\.$/);
  assert.deepEqual([events[2]!.message, events[3]!.message], ['Created container: web', 'Started container web']);
  for (const e of events) {
    assert.deepEqual([e.involvedObject.fieldPath, e.source, e.reportingComponent, e.reportingInstance], ['spec.containers{web}', { component: 'kubelet', host: 'node01' }, 'kubelet', 'node01']);
  }
  const pulling = parseTimestamp(events[0]!.firstTimestamp);
  assert.ok(parseTimestamp(events[1]!.firstTimestamp) - pulling >= 1000, 'nginx takes seconds to pull');
});

test('an image already on the node is not pulled again (IfNotPresent); policy Always pulls anyway', () => {
  const state = createCluster();
  run(state, 'first');
  advance(state, 15_000);
  run(state, 'second');
  run(state, 'latest-1', (p) => { p.spec.containers[0]!.image = 'nginx'; });
  advance(state, 15_000);
  run(state, 'latest-2', (p) => { p.spec.containers[0]!.image = 'nginx'; });
  advance(state, 15_000);
  assert.deepEqual(eventsOf(state, 'second').map((e) => e.message), ['Container image "nginx:1.27" already present on machine', 'Created container: second', 'Started container second']);
  assert.deepEqual(podOf(state, 'second')!.spec.containers[0]!.imagePullPolicy, 'IfNotPresent');
  for (const name of ['latest-1', 'latest-2']) {
    assert.deepEqual(eventsOf(state, name).map((e) => e.reason), ['Pulling', 'Pulled', 'Created', 'Started'], name);
  }
  assert.match(eventsOf(state, 'latest-2')[1]!.message, /^Successfully pulled image "nginx" in \d+ms \(\d+ms including waiting\)\. Image size: 72225606 bytes\.$/);
});

test('the serialized puller: a second pod pulling the same image waits for the first pull', () => {
  const state = createCluster();
  run(state, 'a');
  run(state, 'b');
  advance(state, 20_000);
  const m = /in (\S+) \((\S+) including waiting\)/.exec(eventsOf(state, 'b')[1]!.message)!;
  assert.match(m[1]!, /^\d{3}ms$/);
  assert.notEqual(m[1], m[2]);
  assert.deepEqual([podOf(state, 'a')!.status?.phase, podOf(state, 'b')!.status?.phase], ['Running', 'Running']);
});

test('a client without a command exits at once: Completed, then CrashLoopBackOff with back-off 10s, 20s, 40s, 1m20s', () => {
  const state = createCluster();
  run(state, 'bb', busybox());
  const seen: string[] = [];
  const messages: string[] = [];
  for (let t = 0; t < 200_000; t += 250) {
    advance(state, 250);
    const pod = podOf(state, 'bb')!;
    if (seen.at(-1) !== shown(pod)) seen.push(shown(pod));
    const msg = pod.status?.containerStatuses?.[0]?.state.waiting?.message;
    if (msg && messages.at(-1) !== msg) messages.push(msg);
  }
  assert.deepEqual(seen.slice(0, 10), [
    'ContainerCreating/0', 'Completed/0', 'Completed/1', 'CrashLoopBackOff/1', 'Completed/2', 'CrashLoopBackOff/2', 'Completed/3', 'CrashLoopBackOff/3', 'Completed/4', 'CrashLoopBackOff/4',
  ]);
  const pod = podOf(state, 'bb')!;
  const who = `bb_default(${pod.metadata.uid})`;
  assert.deepEqual(messages.slice(0, 4), ['10s', '20s', '40s', '1m20s'].map((d) => `back-off ${d} restarting failed container=bb pod=${who}`));
  assert.equal(pod.status?.phase, 'Running');
  const cs = pod.status!.containerStatuses![0]!;
  assert.deepEqual({ ...cs.lastState.terminated!, startedAt: '', finishedAt: '' }, { containerID: cs.containerID, exitCode: 0, reason: 'Completed', startedAt: '', finishedAt: '' });
  const backoff = eventsOf(state, 'bb').find((e) => e.reason === 'BackOff')!;
  assert.deepEqual([backoff.type, backoff.message, backoff.involvedObject.fieldPath], ['Warning', `Back-off restarting failed container bb in pod ${who}`, 'spec.containers{bb}']);
  assert.ok(backoff.count >= 4);
  const pulled = eventsOf(state, 'bb').find((e) => e.message === 'Container image "busybox:1.36" already present on machine')!;
  assert.equal(pulled.count, cs.restartCount, 'every restart checks the image again');
});

test('restart policies decide what an exit means', () => {
  const cases: { name: string; command?: string[]; policy: string; phase: string; reason: string; exitCode: number; ready: string }[] = [
    { name: 'never-ok', policy: 'Never', phase: 'Succeeded', reason: 'Completed', exitCode: 0, ready: 'PodCompleted' },
    { name: 'never-fail', command: ['sh', '-c', 'echo boom; exit 3'], policy: 'Never', phase: 'Failed', reason: 'Error', exitCode: 3, ready: 'PodFailed' },
    { name: 'onfailure-ok', command: ['sleep', '2'], policy: 'OnFailure', phase: 'Succeeded', reason: 'Completed', exitCode: 0, ready: 'PodCompleted' },
  ];
  const state = createCluster();
  for (const c of cases) run(state, c.name, busybox(c.command, c.policy));
  advance(state, 20_000);
  for (const c of cases) {
    const pod = podOf(state, c.name)!;
    const term = pod.status!.containerStatuses![0]!.state.terminated!;
    assert.deepEqual([pod.status?.phase, term.reason, term.exitCode], [c.phase, c.reason, c.exitCode], c.name);
    const ready = pod.status!.conditions!.find((x) => x.type === 'Ready')!;
    assert.deepEqual([ready.status, ready.reason], ['False', c.ready], c.name);
    assert.equal(pod.status!.conditions![0]!.status, 'False', `${c.name}: the sandbox is gone`);
    assert.match(pod.status!.podIP!, /^10\.244\.1\.\d+$/, `${c.name} keeps its podIP in status`);
  }
  assert.deepEqual(Object.keys(state.ipam['node01']!.used), [], 'finished pods give their addresses back');
  run(state, 'onfailure-crash', busybox(['sh', '-c', 'exit 3'], 'OnFailure'));
  advance(state, 20_000);
  assert.equal(shown(podOf(state, 'onfailure-crash')!), 'CrashLoopBackOff/2');
});

test('`sleep 5` runs for five seconds, then restarts under restartPolicy Always', () => {
  const state = createCluster();
  run(state, 'nap', busybox(['sleep', '5']));
  const seen = untilRunning(state, 'nap');
  advance(state, 4_500);
  assert.equal(shown(podOf(state, 'nap')!), 'Running/0');
  advance(state, seen + 5_250 - state.now);
  assert.equal(shown(podOf(state, 'nap')!), 'Completed/0');
  advance(state, 1_500);
  assert.equal(shown(podOf(state, 'nap')!), 'Running/1');
});

test('graceful deletion: Killing, then removal after the app stops (nginx at once, sleep after the grace period)', () => {
  const cases: { name: string; mutate: Mutator<Pod>; grace?: number; goneBy: number }[] = [
    { name: 'nginx', mutate: () => undefined, goneBy: 600 },
    { name: 'sleeper', mutate: busybox(['sleep', '3600']), goneBy: 30_000 },
    { name: 'short-grace', mutate: busybox(['sleep', '3600']), grace: 5, goneBy: 5_000 },
  ];
  for (const c of cases) {
    const state = createCluster();
    run(state, c.name, c.mutate);
    advance(state, 15_000);
    const ip = podOf(state, c.name)!.status!.podIP!;
    apiDelete(state, 'Pod', 'default', c.name, c.grace === undefined ? {} : { gracePeriodSeconds: c.grace });
    settle(state);
    const deleting = podOf(state, c.name)!;
    assert.ok(deleting.metadata.deletionTimestamp, c.name);
    assert.equal(eventsOf(state, c.name).at(-1)!.message, `Stopping container ${c.name}`);
    if (c.goneBy > 1000) {
      advance(state, c.goneBy - 100);
      assert.ok(podOf(state, c.name)?.status?.containerStatuses?.[0]?.state.running, `${c.name} still running just before the grace period ends`);
      advance(state, 100);
    } else advance(state, c.goneBy);
    assert.equal(podOf(state, c.name), undefined, `${c.name} removed`);
    assert.equal(state.ipam['node01']!.used[ip], undefined, `${c.name} released ${ip}`);
  }
});

test('deleting again with a shorter grace period kills sooner', () => {
  const state = createCluster();
  run(state, 'sleeper', busybox(['sleep', '3600']));
  advance(state, 15_000);
  apiDelete(state, 'Pod', 'default', 'sleeper');
  advance(state, 3_000);
  apiDelete(state, 'Pod', 'default', 'sleeper', { gracePeriodSeconds: 2 });
  advance(state, 1_900);
  assert.ok(podOf(state, 'sleeper'), 'still stopping');
  advance(state, 100);
  assert.equal(podOf(state, 'sleeper'), undefined);
});

test('a pod deleted before its containers started is removed at once; a forced delete frees its IP', () => {
  const state = createCluster();
  run(state, 'early');
  apiDelete(state, 'Pod', 'default', 'early');
  settle(state);
  assert.equal(podOf(state, 'early'), undefined);
  run(state, 'forced');
  advance(state, 15_000);
  apiDelete(state, 'Pod', 'default', 'forced', { gracePeriodSeconds: 0 });
  settle(state);
  assert.equal(podOf(state, 'forced'), undefined);
  assert.deepEqual(state.ipam['node01']!.used, {});
});

test('deleting a mirror pod only re-creates it: the static pod keeps running', () => {
  const state = createCluster();
  const key = 'kube-system/kube-apiserver-controlplane';
  const before = getStored<Pod>(state, 'pods', key)!;
  apiDelete(state, 'Pod', 'kube-system', 'kube-apiserver-controlplane');
  advance(state, 5_000);
  const after = getStored<Pod>(state, 'pods', key)!;
  assert.notEqual(after.metadata.uid, before.metadata.uid);
  assert.equal(after.metadata.deletionTimestamp, undefined);
  assert.deepEqual([after.status?.phase, after.status?.podIP], ['Running', '192.168.56.10']);
  assert.equal(after.status?.containerStatuses?.[0]?.containerID, before.status?.containerStatuses?.[0]?.containerID);
});

test('readiness: initialDelaySeconds delays Ready; a probe on a closed port keeps it unready with Unhealthy events', () => {
  const state = createCluster();
  run(state, 'slow', (p) => { p.spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5, periodSeconds: 5 }; });
  run(state, 'wrong', (p) => { p.spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 10 }; });
  const seen = untilRunning(state, 'slow');
  const startedAt = podOf(state, 'slow')!.status!.containerStatuses![0]!.state.running!.startedAt!;
  advance(state, 4_500);
  assert.deepEqual([podOf(state, 'slow')!.status?.phase, podOf(state, 'slow')!.status?.containerStatuses?.[0]?.ready], ['Running', false]);
  advance(state, seen + 5_000 - state.now);
  const ready = podOf(state, 'slow')!.status!.conditions!.find((c) => c.type === 'Ready')!;
  assert.deepEqual([ready.status, ready.lastTransitionTime], ['True', formatTimestamp(parseTimestamp(startedAt) + 5_000)]);
  advance(state, 30_000);
  const wrong = podOf(state, 'wrong')!;
  assert.deepEqual([wrong.status?.phase, wrong.status?.containerStatuses?.[0]?.ready], ['Running', false]);
  const ip = wrong.status!.podIP!;
  const unhealthy = eventsOf(state, 'wrong').find((e) => e.reason === 'Unhealthy')!;
  assert.deepEqual([unhealthy.type, unhealthy.message], ['Warning', `Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`]);
  assert.ok(unhealthy.count >= 3);
});

test('a container that must not pull waits with ErrImageNeverPull', () => {
  const state = createCluster();
  run(state, 'offline', (p) => { p.spec.containers[0]!.image = 'redis:7.4'; p.spec.containers[0]!.imagePullPolicy = 'Never'; });
  advance(state, 10_000);
  const cs = podOf(state, 'offline')!.status!.containerStatuses![0]!;
  const message = 'Container image "redis:7.4" is not present with pull policy of Never';
  assert.deepEqual(cs.state, { waiting: { reason: 'ErrImageNeverPull', message } });
  assert.deepEqual(eventsOf(state, 'offline').map((e) => [e.type, e.reason, e.message]), [['Warning', 'ErrImageNeverPull', message]]);
});

test('QoS classes follow requests and limits', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['none', {}, 'BestEffort'],
    ['requests only', { requests: { cpu: '100m' } }, 'Burstable'],
    ['limits equal requests', { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '0.5', memory: '128Mi' } }, 'Guaranteed'],
    ['limits only', { limits: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    ['memory limit only', { limits: { memory: '1Gi' } }, 'Burstable'],
  ];
  for (const [label, resources, qos] of cases) {
    assert.equal(qosClass(makePod('q', (p) => { p.spec.containers[0]!.resources = resources; })), qos, label);
  }
});

test('two containers start one after the other; the pod is Pending until both run', () => {
  const state = createCluster();
  run(state, 'duo', (p) => { p.spec.containers.push({ name: 'sidecar', image: 'busybox:1.36', command: ['sleep', 'infinity'] }); });
  advance(state, 20_000);
  const pod = podOf(state, 'duo')!;
  assert.deepEqual([pod.status?.phase, pod.status?.containerStatuses?.map((c) => c.ready)], ['Running', [true, true]]);
  assert.deepEqual(eventsOf(state, 'duo').map((e) => `${e.reason} ${e.involvedObject.fieldPath}`), [
    'Pulling spec.containers{duo}', 'Pulled spec.containers{duo}', 'Created spec.containers{duo}', 'Started spec.containers{duo}',
    'Pulling spec.containers{sidecar}', 'Pulled spec.containers{sidecar}', 'Created spec.containers{sidecar}', 'Started spec.containers{sidecar}',
  ]);
});

test('same seed, same commands, same pods, IDs and events; another seed draws other IDs', () => {
  const scenario = (seed: number): SimState => {
    const state = createCluster({ seed });
    run(state, 'web');
    run(state, 'bb', busybox());
    advance(state, 60_000);
    apiDelete(state, 'Pod', 'default', 'web');
    advance(state, 5_000);
    return state;
  };
  const [a, b, c] = [scenario(7), scenario(7), scenario(8)];
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const id = (s: SimState): string | undefined => podOf(s, 'bb')?.status?.containerStatuses?.[0]?.containerID;
  assert.notEqual(id(a), id(c));
});
