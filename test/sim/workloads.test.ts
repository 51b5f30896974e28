// Deployments, ReplicaSets and DaemonSets as kube-controller-manager v1.34 runs them: names
// (`web-<pod-template-hash>`, `web-<hash>-<5>`, `ds-<5>`), owner references, revisions, scaling and
// which pods go first, rolling updates step by step, Recreate, rollback, history cleanup, events.
//
// Most Deployment tests run in a lab without nodes, so pods stay unbound and only the test (playing
// the kubelet) makes them ready; the DaemonSet tests use the kubeadm-shaped three-node lab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { apiCreate } from '../../src/sim/api-server/registry.js';
import { getStored } from '../../src/sim/api-server/store.js';
import { joinNode } from '../../src/sim/cluster.js';
import { advance, settle } from '../../src/sim/settle.js';
import { NAME_ALPHABET } from '../../src/sim/rng.js';
import { formatTimestamp, utcMillis } from '../../src/sim/clock.js';
import type { DaemonSet, Deployment, Pod, ReplicaSet } from '../../src/sim/types.js';
import { computeHash, safeEncodeString } from '../../src/sim/controllers/pod-template-hash.js';
import { resolveFenceposts } from '../../src/sim/controllers/deployment-util.js';
import { podsToDelete } from '../../src/sim/controllers/active-pods.js';
import { makeDaemonSet, makeDeployment, makePod, makePodSpec, makeReplicaSet } from './builders.js';
import { created, edited, eventLines, eventLinesSince, lab, markReady, podsNamed, readyAll, replicaSets } from './workload-fixtures.js';

const HASH = '[456789bcdf]{1,10}';
const SUFFIX = `[${NAME_ALPHABET}]{5}`;
const SCALING = ['ScalingReplicaSet'];

function web(replicas: number, mutate?: (d: Deployment) => void): Deployment {
  return makeDeployment('web', (d) => {
    d.spec.replicas = replicas;
    mutate?.(d);
  });
}

const setImage = (image: string) => (d: Deployment): void => {
  d.spec.template.spec.containers[0]!.image = image;
};

test('the pod-template-hash maps decimal digits through SafeEncodeString, so it only uses 456789bcdf', () => {
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  const t = { metadata: { labels: { app: 'web' } }, spec: makePodSpec('web') };
  const cases = [
    { what: 'same template', a: t, b: structuredClone(t), same: true },
    { what: 'same template, keys in another order', a: t, b: { spec: t.spec, metadata: { labels: { app: 'web' } } }, same: true },
    { what: 'another image', a: t, b: { ...t, spec: { containers: [{ ...t.spec.containers[0]!, image: 'nginx:1.28' }] } }, same: false },
  ];
  for (const c of cases) {
    assert.match(computeHash(c.a), new RegExp(`^${HASH}$`), c.what);
    assert.equal(computeHash(c.a) === computeHash(c.b), c.same, c.what);
  }
  assert.notEqual(computeHash(t, 1), computeHash(t), 'a collision count changes the hash');
});

test('maxSurge rounds up and maxUnavailable rounds down; both zero means one may be unavailable', () => {
  const cases = [
    { replicas: 3, surge: '25%', unavailable: '25%', want: { surge: 1, unavailable: 0 } },
    { replicas: 10, surge: '25%', unavailable: '25%', want: { surge: 3, unavailable: 2 } },
    { replicas: 4, surge: 1, unavailable: 0, want: { surge: 1, unavailable: 0 } },
    { replicas: 1, surge: '0%', unavailable: '10%', want: { surge: 0, unavailable: 1 } },
  ];
  for (const c of cases) {
    const d = web(c.replicas, (x) => { x.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: c.surge, maxUnavailable: c.unavailable } }; });
    assert.deepEqual(resolveFenceposts(d), c.want, JSON.stringify(c));
  }
});

test('a Deployment makes ReplicaSet web-<hash> and pods web-<hash>-<5>, with owners, labels and annotations', () => {
  const state = lab(0);
  const d = created(state, web(3));
  const [rs] = replicaSets(state);
  assert.ok(rs);
  const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
  assert.match(rs.metadata.name!, new RegExp(`^web-${HASH}$`));
  assert.equal(rs.metadata.name, `web-${hash}`);
  assert.deepEqual(rs.spec.selector.matchLabels, { app: 'web', 'pod-template-hash': hash });
  assert.deepEqual(rs.spec.template.metadata?.labels, { app: 'web', 'pod-template-hash': hash });
  assert.deepEqual(rs.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(rs.metadata.annotations, {
    'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1',
  });
  assert.equal(getStored<Deployment>(state, 'deployments', 'default/web')?.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  const pods = podsNamed(state, 'web-');
  assert.equal(pods.length, 3);
  for (const p of pods) {
    assert.match(p.metadata.name!, new RegExp(`^web-${hash}-${SUFFIX}$`));
    assert.equal(p.metadata.generateName, `web-${hash}-`);
    assert.equal(p.metadata.labels?.['pod-template-hash'], hash);
    assert.deepEqual(p.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name} controller=${r.controller}`), [`ReplicaSet/web-${hash} controller=true`]);
  }
  const createdNames = eventLines(state, ['SuccessfulCreate']).map((l) => /Created pod: (\S+)/.exec(l)![1]!);
  assert.deepEqual([...createdNames].sort(), pods.map((p) => p.metadata.name).sort());
  assert.deepEqual(eventLines(state, [...SCALING, 'SuccessfulCreate']), [
    `ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3 (deployment-controller)`,
    ...createdNames.map((n) => `SuccessfulCreate: Created pod: ${n} (replicaset-controller)`),
  ]);
});

test('status and conditions follow the pods: unavailable at first, then available and progressed', () => {
  const state = lab(0);
  created(state, web(3));
  const rsName = replicaSets(state)[0]!.metadata.name!;
  const before = getStored<Deployment>(state, 'deployments', 'default/web')!;
  assert.deepEqual(before.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
    ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`],
  ]);
  readyAll(state, 'web-');
  const after = getStored<Deployment>(state, 'deployments', 'default/web')!;
  assert.deepEqual(
    { ...after.status, conditions: undefined },
    { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: undefined },
  );
  assert.deepEqual(after.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
    ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`],
  ]);
  const rs = getStored<ReplicaSet>(state, 'replicasets', `default/${rsName}`)!;
  assert.deepEqual(rs.status, { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
});

test('scaling is a scaling event on the one active ReplicaSet, reported from and to', () => {
  const state = lab(0);
  created(state, web(3));
  const rsName = replicaSets(state)[0]!.metadata.name!;
  edited<Deployment>(state, 'Deployment', 'web', (d) => { d.spec.replicas = 5; });
  assert.equal(podsNamed(state, 'web-').length, 5);
  edited<Deployment>(state, 'Deployment', 'web', (d) => { d.spec.replicas = 2; });
  assert.equal(podsNamed(state, 'web-').length, 2);
  assert.deepEqual(eventLines(state, SCALING), [
    `ScalingReplicaSet: Scaled up replica set ${rsName} from 0 to 3 (deployment-controller)`,
    `ScalingReplicaSet: Scaled up replica set ${rsName} from 3 to 5 (deployment-controller)`,
    `ScalingReplicaSet: Scaled down replica set ${rsName} from 5 to 2 (deployment-controller)`,
  ]);
  assert.equal(eventLines(state, ['SuccessfulDelete']).length, 3);
});

test('scale-down deletes the pods earliest in their life first (ActivePodsWithRanks)', () => {
  const now = utcMillis(2026, 1, 5, 12, 0, 0);
  const ts = (agoSeconds: number): string => formatTimestamp(now - agoSeconds * 1000);
  const pod = (name: string, o: { node?: string; phase?: string; ready?: boolean; age?: number; cost?: string }): Pod => makePod(name, (p) => {
    p.metadata.uid = name;
    p.metadata.creationTimestamp = ts(o.age ?? 3600);
    if (o.cost) p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': o.cost };
    p.spec.nodeName = o.node;
    p.status = { phase: o.phase ?? 'Running', conditions: o.ready === false ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: ts(o.age ?? 3600) }] };
  });
  const cases = [
    { rule: 'unscheduled before scheduled', pods: [pod('bound', { node: 'node01' }), pod('unbound', { phase: 'Pending', ready: false })], first: 'unbound' },
    { rule: 'Pending before Running', pods: [pod('running', { node: 'node01' }), pod('pending', { node: 'node01', phase: 'Pending', ready: false })], first: 'pending' },
    { rule: 'not ready before ready', pods: [pod('ready', { node: 'node01' }), pod('unready', { node: 'node02', ready: false })], first: 'unready' },
    { rule: 'lower deletion cost first', pods: [pod('cheap', { node: 'node01', cost: '-5' }), pod('dear', { node: 'node02', cost: '10' })].reverse(), first: 'cheap' },
    { rule: 'doubled-up node first', pods: [pod('alone', { node: 'node02' }), pod('crowded', { node: 'node01' }), pod('crowded2', { node: 'node01' })], first: 'crowded' },
    { rule: 'newer before older', pods: [pod('old', { node: 'node01', age: 86400 }), pod('new', { node: 'node02', age: 60 })], first: 'new' },
  ];
  for (const c of cases) {
    const [chosen] = podsToDelete(c.pods, c.pods, 1, now);
    assert.equal(chosen?.metadata.name, c.first, c.rule);
  }
});

test('a rolling update creates a new ReplicaSet and steps the old one down as new pods become ready', () => {
  const state = lab(0);
  created(state, web(3));
  readyAll(state, 'web-');
  const old = replicaSets(state)[0]!.metadata.name!;
  const mark = state.resourceVersion;
  edited<Deployment>(state, 'Deployment', 'web', setImage('nginx:1.28'));
  const fresh = replicaSets(state).find((rs) => rs.metadata.name !== old)!.metadata.name!;
  assert.equal(podsNamed(state, `${fresh}-`).length, 1, 'maxSurge 25% of 3 rounds up to one extra pod');
  assert.equal(podsNamed(state, `${old}-`).length, 3, 'maxUnavailable 25% of 3 rounds down to none');
  readyAll(state, 'web-');
  assert.deepEqual(eventLinesSince(state, mark, SCALING), [
    `ScalingReplicaSet: Scaled up replica set ${fresh} from 0 to 1 (deployment-controller)`,
    `ScalingReplicaSet: Scaled down replica set ${old} from 3 to 2 (deployment-controller)`,
    `ScalingReplicaSet: Scaled up replica set ${fresh} from 1 to 2 (deployment-controller)`,
    `ScalingReplicaSet: Scaled down replica set ${old} from 2 to 1 (deployment-controller)`,
    `ScalingReplicaSet: Scaled up replica set ${fresh} from 2 to 3 (deployment-controller)`,
    `ScalingReplicaSet: Scaled down replica set ${old} from 1 to 0 (deployment-controller)`,
  ]);
  const byName = new Map(replicaSets(state).map((rs) => [rs.metadata.name, rs]));
  assert.equal(byName.get(old)?.metadata.annotations?.['deployment.kubernetes.io/revision'], '1');
  assert.equal(byName.get(fresh)?.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  const d = getStored<Deployment>(state, 'deployments', 'default/web')!;
  assert.equal(d.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  assert.equal(d.status?.conditions?.find((c) => c.type === 'Progressing')?.message, `ReplicaSet "${fresh}" has successfully progressed.`);
});

test('Recreate scales the old ReplicaSet to zero and waits for its pods before the new one', () => {
  const state = lab(0);
  created(state, web(3, (d) => { d.spec.strategy = { type: 'Recreate' }; }));
  readyAll(state, 'web-');
  const old = replicaSets(state)[0]!.metadata.name!;
  const mark = state.resourceVersion;
  edited<Deployment>(state, 'Deployment', 'web', setImage('nginx:1.28'));
  const fresh = replicaSets(state).find((rs) => rs.metadata.name !== old)!.metadata.name!;
  assert.deepEqual(eventLinesSince(state, mark, SCALING), [
    `ScalingReplicaSet: Scaled down replica set ${old} from 3 to 0 (deployment-controller)`,
    `ScalingReplicaSet: Scaled up replica set ${fresh} from 0 to 3 (deployment-controller)`,
  ]);
  assert.equal(podsNamed(state, `${fresh}-`).length, 3);
});

test('rolling back to an earlier template reuses its ReplicaSet with the next revision', () => {
  const state = lab(0);
  created(state, web(2));
  readyAll(state, 'web-');
  const first = replicaSets(state)[0]!.metadata.name!;
  edited<Deployment>(state, 'Deployment', 'web', setImage('nginx:1.28'));
  readyAll(state, 'web-');
  edited<Deployment>(state, 'Deployment', 'web', setImage('nginx:1.27'));
  readyAll(state, 'web-');
  const all = replicaSets(state);
  assert.equal(all.length, 2, 'no third ReplicaSet');
  const reused = all.find((rs) => rs.metadata.name === first)!;
  assert.equal(reused.spec.replicas, 2);
  assert.equal(reused.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
  assert.equal(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(getStored<Deployment>(state, 'deployments', 'default/web')?.metadata.annotations?.['deployment.kubernetes.io/revision'], '3');
});

test('revisionHistoryLimit deletes the oldest scaled-down ReplicaSets', () => {
  const state = lab(0);
  created(state, web(1, (d) => { d.spec.revisionHistoryLimit = 1; }));
  for (const tag of ['1.28', '1.29', '1.30']) {
    readyAll(state, 'web-');
    edited<Deployment>(state, 'Deployment', 'web', setImage(`nginx:${tag}`));
  }
  readyAll(state, 'web-');
  const images = replicaSets(state).map((rs) => rs.spec.template.spec.containers[0]!.image).sort();
  assert.deepEqual(images, ['nginx:1.29', 'nginx:1.30']);
});

test('deleting a managed pod makes a replacement with a new name at once', () => {
  const state = lab(0);
  created(state, web(3));
  const before = podsNamed(state, 'web-').map((p) => p.metadata.name!);
  apiDelete(state, 'Pod', 'default', before[0]!);
  settle(state);
  const after = podsNamed(state, 'web-').map((p) => p.metadata.name!);
  assert.equal(after.length, 3);
  assert.ok(!after.includes(before[0]!));
  assert.equal(after.filter((n) => !before.includes(n)).length, 1);
});

test('a bare ReplicaSet adopts a matching orphan and releases a pod whose labels stop matching', () => {
  const state = lab(0);
  created(state, makePod('stray', (p) => { p.metadata.labels = { app: 'cache' }; }));
  const rs = created(state, makeReplicaSet('cache', (r) => { r.spec.replicas = 3; }));
  const pods = podsNamed(state);
  assert.equal(pods.length, 3, 'the orphan counts as one of three');
  assert.ok(pods.every((p) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid));
  for (const p of pods.filter((x) => x.metadata.name !== 'stray')) assert.match(p.metadata.name!, new RegExp(`^cache-${SUFFIX}$`));
  edited<Pod>(state, 'Pod', 'stray', (p) => { p.metadata.labels = { app: 'debug' }; });
  const stray = getStored<Pod>(state, 'pods', 'default/stray')!;
  assert.equal(stray.metadata.ownerReferences, undefined, 'released');
  assert.equal(podsNamed(state, 'cache-').length, 3, 'a replacement was made');
});

test('a DaemonSet runs one pod per worker, pinned by node affinity, with the daemon tolerations', () => {
  const state = lab(3);
  created(state, makeDaemonSet('agent'));
  const pods = podsNamed(state, 'agent-');
  const pinned = pods.map((p) => (p.spec.affinity as { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: { matchFields: { values: string[] }[] }[] } } })
    .nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]!.matchFields[0]!.values[0]).sort();
  assert.deepEqual(pinned, ['node01', 'node02']);
  assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), ['node01', 'node02'], 'the scheduler binds where the affinity pins');
  for (const p of pods) {
    assert.match(p.metadata.name!, new RegExp(`^agent-${SUFFIX}$`));
    assert.match(p.metadata.labels?.['controller-revision-hash'] ?? '', new RegExp(`^${HASH}$`));
    assert.equal(p.metadata.labels?.['pod-template-generation'], '1');
    assert.deepEqual(p.spec.tolerations?.map((t) => `${t.key}:${t.operator}:${t.effect}`), [
      'node.kubernetes.io/not-ready:Exists:NoExecute', 'node.kubernetes.io/unreachable:Exists:NoExecute',
      'node.kubernetes.io/disk-pressure:Exists:NoSchedule', 'node.kubernetes.io/memory-pressure:Exists:NoSchedule',
      'node.kubernetes.io/pid-pressure:Exists:NoSchedule', 'node.kubernetes.io/unschedulable:Exists:NoSchedule',
    ]);
  }
  assert.deepEqual(eventLines(state, ['SuccessfulCreate']).map((l) => l.replace(/agent-\S+/, 'agent-*')), [
    'SuccessfulCreate: Created pod: agent-* (daemonset-controller)', 'SuccessfulCreate: Created pod: agent-* (daemonset-controller)',
  ]);
  const ds = getStored<DaemonSet>(state, 'daemonsets', 'default/agent')!;
  assert.deepEqual(ds.status, { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: 2, numberUnavailable: 2 });
});

test('a DaemonSet reaches the control plane only with a toleration, and a joining node gets its pod', () => {
  const cases = [
    { what: 'no toleration', tolerations: undefined, nodes: ['node01', 'node02', 'node03'] },
    { what: 'control-plane toleration', tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodes: ['controlplane', 'node01', 'node02', 'node03'] },
  ];
  for (const c of cases) {
    const state = lab(3);
    created(state, makeDaemonSet('agent', (ds) => { ds.spec.template.spec.tolerations = c.tolerations; ds.spec.template.spec.hostNetwork = true; }));
    joinNode(state, 3);
    settle(state);
    const pods = podsNamed(state, 'agent-');
    assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), c.nodes, c.what);
    assert.ok(pods.every((p) => p.spec.tolerations?.some((t) => t.key === 'node.kubernetes.io/network-unavailable')), 'hostNetwork adds network-unavailable');
  }
});

test('the same seed and the same operations give the same cluster', () => {
  const run = (): string => {
    const state = lab(3, 42);
    created(state, web(4));
    created(state, makeDaemonSet('agent'));
    edited<Deployment>(state, 'Deployment', 'web', setImage('nginx:1.28'));
    apiCreate(state, makeReplicaSet('cache'));
    settle(state);
    return JSON.stringify(state);
  };
  assert.equal(run(), run());
});

test('a pod made ready moves the ReplicaSet status on', () => {
  const state = lab(0);
  created(state, makeReplicaSet('cache', (r) => { r.spec.replicas = 2; }));
  markReady(state, podsNamed(state, 'cache-').slice(0, 1));
  assert.deepEqual(getStored<ReplicaSet>(state, 'replicasets', 'default/cache')?.status, {
    replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1,
  });
});

test('a rollout that makes no progress for progressDeadlineSeconds times out', () => {
  const state = lab(0);
  created(state, web(2, (d) => { d.spec.progressDeadlineSeconds = 60; }));
  const rsName = replicaSets(state)[0]!.metadata.name!;
  const progressing = (): string[] => {
    const c = getStored<Deployment>(state, 'deployments', 'default/web')?.status?.conditions?.find((x) => x.type === 'Progressing');
    return [c?.status ?? '', c?.reason ?? '', c?.message ?? ''];
  };
  advance(state, 60_000);
  assert.deepEqual(progressing(), ['True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`]);
  advance(state, 2_000);
  assert.deepEqual(progressing(), ['False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`]);
});
