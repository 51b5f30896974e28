// kube-scheduler v1.34 in the kubeadm lab: where pods land (nodeName, nodeSelector, taints and
// tolerations, cordoned nodes, capacity), spreading, the exact FailedScheduling text, and when an
// unschedulable pod is tried again (a node change or freed capacity, not a loop).
//
// Cluster plan: controlplane (tainted node-role.kubernetes.io/control-plane:NoSchedule), node01,
// node02; each allocatable pods=110, cpu=2, memory=3911636Ki.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { apiUpdate } from '../../src/sim/api-server/registry.js';
import { getStored } from '../../src/sim/api-server/store.js';
import { joinNode } from '../../src/sim/cluster.js';
import { advance, settle } from '../../src/sim/settle.js';
import type { SimState } from '../../src/sim/state.js';
import type { KubeEvent, Node, Pod } from '../../src/sim/types.js';
import { listStored } from '../../src/sim/api-server/store.js';
import { makeDeployment, makePod } from './builders.js';
import { created, edited, eventLines, lab, podsNamed } from './workload-fixtures.js';

const CP_TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const NOT_HELPFUL = (n: number): string => `preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`;

const podNamed = (state: SimState, name: string): Pod => getStored<Pod>(state, 'pods', `default/${name}`)!;
const scheduledCondition = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'PodScheduled');

/** The kubelet reporting fewer allocatable pod slots on a node (a status write). */
function allowPods(state: SimState, node: string, pods: number): void {
  const n = structuredClone(getStored<Node>(state, 'nodes', node)!);
  n.status.allocatable = { ...n.status.allocatable, pods: String(pods) };
  apiUpdate(state, n, { subresource: 'status' });
  settle(state);
}

function failedScheduling(state: SimState, pod: string): KubeEvent | undefined {
  return listStored<KubeEvent>(state, 'events', 'default').find((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === pod);
}

test('placement: where a pod lands, or the exact FailedScheduling message', () => {
  const cases: { what: string; pod: (p: Pod) => void; node?: string[]; message?: string }[] = [
    { what: 'an ordinary pod avoids the tainted control plane', pod: () => undefined, node: ['node01', 'node02'] },
    { what: 'nodeSelector by hostname', pod: (p) => { p.spec.nodeSelector = { 'kubernetes.io/hostname': 'node02' }; }, node: ['node02'] },
    {
      what: 'toleration plus selector reach the control plane',
      pod: (p) => {
        p.spec.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
        p.spec.nodeSelector = { 'node-role.kubernetes.io/control-plane': '' };
      },
      node: ['controlplane'],
    },
    {
      what: 'a label no node has',
      pod: (p) => { p.spec.nodeSelector = { disktype: 'ssd' }; },
      message: `0/3 nodes are available: ${CP_TAINT}, 2 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(3)}`,
    },
    {
      what: 'required node affinity that matches nothing',
      pod: (p) => { p.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['eu'] }] }] } } }; },
      message: `0/3 nodes are available: ${CP_TAINT}, 2 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(3)}`,
    },
    {
      what: 'more CPU than any node has',
      pod: (p) => { p.spec.containers[0]!.resources = { requests: { cpu: '3' } }; },
      message: `0/3 nodes are available: ${CP_TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`,
    },
    {
      what: 'another scheduler\'s pod is left alone',
      pod: (p) => { p.spec.schedulerName = 'my-scheduler'; },
    },
  ];
  for (const c of cases) {
    const state = lab(3);
    created(state, makePod('p', c.pod));
    const pod = podNamed(state, 'p');
    if (c.node) {
      assert.ok(c.node.includes(pod.spec.nodeName ?? ''), `${c.what}: landed on ${pod.spec.nodeName}`);
      assert.equal(scheduledCondition(pod)?.status, 'True', c.what);
      assert.deepEqual(eventLines(state, ['Scheduled']), [`Scheduled: Successfully assigned default/p to ${pod.spec.nodeName} (default-scheduler)`], c.what);
    } else if (c.message) {
      assert.equal(pod.spec.nodeName, undefined, c.what);
      assert.deepEqual(eventLines(state, ['FailedScheduling']), [`FailedScheduling: ${c.message} (default-scheduler)`], c.what);
      const cond = scheduledCondition(pod);
      assert.deepEqual([cond?.status, cond?.reason, cond?.message], ['False', 'Unschedulable', c.message], c.what);
    } else {
      assert.equal(pod.spec.nodeName, undefined, c.what);
      assert.deepEqual(eventLines(state, ['Scheduled', 'FailedScheduling']), [], c.what);
    }
  }
});

test('taints and cordons: the first untolerated taint is named, cordoned nodes are unschedulable', () => {
  const state = lab(3);
  edited<Node>(state, 'Node', 'node01', (n) => { n.spec.taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]; }, '');
  edited<Node>(state, 'Node', 'node02', (n) => { n.spec.unschedulable = true; }, '');
  created(state, makePod('p'));
  assert.equal(failedScheduling(state, 'p')?.message,
    `0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, ${CP_TAINT}, 1 node(s) were unschedulable. ${NOT_HELPFUL(3)}`);
  created(state, makePod('gpu', (p) => { p.spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }]; }));
  assert.equal(podNamed(state, 'gpu').spec.nodeName, 'node01');
});

test('pods of one Deployment spread across the workers', () => {
  const state = lab(3);
  created(state, makeDeployment('web', (d) => { d.spec.replicas = 4; }));
  const perNode = new Map<string, number>();
  for (const p of podsNamed(state, 'web-')) perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  assert.deepEqual([...perNode].sort(), [['node01', 2], ['node02', 2]]);
});

test('a full node: Too many pods, and the pending pod is placed once a pod is gone', () => {
  const state = lab(3);
  for (const name of ['node01', 'node02']) allowPods(state, name, 1);
  created(state, makePod('a'));
  created(state, makePod('b'));
  created(state, makePod('c'));
  assert.equal(failedScheduling(state, 'c')?.message,
    `0/3 nodes are available: ${CP_TAINT}, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`);
  const freed = podNamed(state, 'a').spec.nodeName;
  apiDelete(state, 'Pod', 'default', 'a', { gracePeriodSeconds: 0 });
  settle(state);
  assert.equal(podNamed(state, 'c').spec.nodeName, freed);
});

test('a DaemonSet-style pod pinned to a full node names the NodeAffinity PreFilter', () => {
  const state = lab(3);
  allowPods(state, 'node01', 0);
  created(state, makePod('pinned', (p) => {
    p.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node01'] }] }] } } };
  }));
  assert.equal(failedScheduling(state, 'pinned')?.message,
    '0/3 nodes are available: 1 Too many pods, 2 node(s) didn\'t satisfy plugin(s) [NodeAffinity]. '
    + 'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.');
});

test('an unschedulable pod is tried again when a node could help, not in a loop', () => {
  const state = lab(0);
  created(state, makePod('p', (p) => { p.spec.nodeSelector = { disktype: 'ssd' }; }));
  assert.equal(failedScheduling(state, 'p')?.message, 'no nodes available to schedule pods');
  joinNode(state, 0);
  joinNode(state, 1);
  settle(state);
  // The histogram is sorted as text: "1 node(s) didn't ..." comes before "1 node(s) had ...".
  const msg = `0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, ${CP_TAINT}. ${NOT_HELPFUL(2)}`;
  const failed = (): KubeEvent => listStored<KubeEvent>(state, 'events', 'default').find((e) => e.reason === 'FailedScheduling' && e.message === msg)!;
  assert.equal(failed().count, 1);
  created(state, makePod('unrelated', (p) => { p.spec.schedulerName = 'none'; }));
  settle(state);
  assert.equal(failed().count, 1, 'an unrelated change does not retry');
  advance(state, 5 * 60 * 1000);
  assert.equal(failed().count, 2, 'the five-minute flush retries');
  edited<Node>(state, 'Node', 'node01', (n) => { n.metadata.labels = { ...n.metadata.labels, disktype: 'ssd' }; }, '');
  assert.equal(podNamed(state, 'p').spec.nodeName, 'node01');
  assert.equal(scheduledCondition(podNamed(state, 'p'))?.status, 'True');
});
