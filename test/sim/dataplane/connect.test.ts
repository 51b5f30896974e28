// Packets through the booted lab: kube-proxy's real rules on each node, the flannel overlay, and
// delivery — a packet-flow table (from, to → outcome and who answered, as whom), plus load balancing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../../src/sim/dataplane/connect.js';
import type { Endpoint } from '../../../src/sim/dataplane/topology.js';
import { getStored, listStored } from '../../../src/sim/api-server/store.js';
import type { Pod, Service } from '../../../src/sim/types.js';
import { sh } from '../../shell/bash-helpers.js';
import { testLab, type TestLab } from '../../shell/harness.js';

function lab(): TestLab {
  const l = testLab();
  for (const line of [
    'kubectl create deployment web --image=nginx --replicas=3',
    'kubectl expose deployment web --port 80 --type NodePort',
    'kubectl create deployment solo --image=nginx',
    'kubectl expose deployment solo --port 80 --type NodePort',
    `kubectl patch svc solo -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
    'kubectl create service clusterip empty --tcp=80:80',
    'sleep 30',
  ]) sh(l, line);
  return l;
}

const svc = (l: TestLab, name: string): Service => getStored<Service>(l.sim, 'services', `default/${name}`)!;
const podsOf = (l: TestLab, app: string): Pod[] => listStored<Pod>(l.sim, 'pods', 'default').filter((p) => p.metadata.labels?.['app'] === app);
const asEndpoint = (p: Pod): Endpoint => ({ kind: 'pod', namespace: 'default', name: p.metadata.name!, node: p.spec.nodeName!, ip: p.status!.podIP! });

test('packet flows: who answers, as whom, or how it fails', () => {
  const l = lab();
  const web = svc(l, 'web');
  const solo = svc(l, 'solo');
  const soloNode = podsOf(l, 'solo')[0]!.spec.nodeName!;
  const otherNode = ['node01', 'node02'].find((n) => n !== soloNode)!;
  const nodeIP = (n: string): string => (n === 'node01' ? '192.168.56.11' : '192.168.56.12');
  const webPods = new Set(podsOf(l, 'web').map((p) => p.metadata.name));
  const rows: { name: string; from: Endpoint; to: string; port: number; proto?: 'tcp' | 'icmp'; expect: string }[] = [
    { name: 'a node to a ClusterIP', from: { kind: 'node', node: 'node01' }, to: web.spec.clusterIP!, port: 80, expect: 'connected web' },
    { name: 'the laptop to a NodePort on the control plane (no web pod there)', from: { kind: 'laptop' }, to: '192.168.56.10', port: web.spec.ports![0]!.nodePort!, expect: 'connected web' },
    { name: 'the laptop to a ClusterIP', from: { kind: 'laptop' }, to: web.spec.clusterIP!, port: 80, expect: 'timeout' },
    { name: 'a service without endpoints', from: { kind: 'node', node: 'node02' }, to: svc(l, 'empty').spec.clusterIP!, port: 80, expect: 'refused' },
    { name: 'a ClusterIP on a port the service does not have', from: { kind: 'node', node: 'node01' }, to: web.spec.clusterIP!, port: 81, expect: 'timeout' },
    { name: 'ping to a ClusterIP (no rule matches ICMP)', from: { kind: 'node', node: 'node01' }, to: web.spec.clusterIP!, port: 0, proto: 'icmp', expect: 'timeout' },
    { name: 'externalTrafficPolicy Local, from outside, on the node with the pod', from: { kind: 'laptop' }, to: nodeIP(soloNode), port: solo.spec.ports![0]!.nodePort!, expect: 'connected solo' },
    { name: 'externalTrafficPolicy Local, from outside, on a node without it', from: { kind: 'laptop' }, to: nodeIP(otherNode), port: solo.spec.ports![0]!.nodePort!, expect: 'timeout' },
    { name: 'externalTrafficPolicy Local, from that node itself', from: { kind: 'node', node: otherNode }, to: nodeIP(otherNode), port: solo.spec.ports![0]!.nodePort!, expect: 'connected solo' },
  ];
  for (const r of rows) {
    const res = connect(l.sim, r.from, r.to, r.port, r.proto ?? 'tcp', { timeoutMs: 5000 });
    const who = res.server?.pod ? (webPods.has(res.server.pod) ? ' web' : ' solo') : '';
    assert.equal(`${res.outcome}${who}`, r.expect, r.name);
  }
});

test('the backend sees a masqueraded source for NodePort traffic, the real client for Local policy', () => {
  const l = lab();
  const solo = svc(l, 'solo');
  const soloNode = podsOf(l, 'solo')[0]!.spec.nodeName!;
  const r = connect(l.sim, { kind: 'laptop' }, soloNode === 'node01' ? '192.168.56.11' : '192.168.56.12', solo.spec.ports![0]!.nodePort!, 'tcp', { timeoutMs: 5000 });
  assert.equal(r.seenFrom?.ip, '192.168.56.1');
  const w = connect(l.sim, { kind: 'laptop' }, '192.168.56.10', svc(l, 'web').spec.ports![0]!.nodePort!, 'tcp', { timeoutMs: 5000 });
  assert.equal(w.seenFrom?.ip, '10.244.0.0', 'masqueraded to the control plane\'s flannel.1 address on the way to another node');
});

test('a pod reaching itself through its service is masqueraded (hairpin), others keep their address', () => {
  const l = lab();
  const solo = podsOf(l, 'solo')[0]!;
  const r = connect(l.sim, asEndpoint(solo), svc(l, 'solo').spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 });
  assert.equal(r.server?.pod, solo.metadata.name);
  assert.equal(r.seenFrom?.ip, solo.status!.podIP!.replace(/\.\d+$/, '.1'));
  const web = podsOf(l, 'web')[0]!;
  const s = connect(l.sim, asEndpoint(web), svc(l, 'solo').spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 });
  assert.equal(s.seenFrom?.ip, web.status!.podIP);
});

test('repeated connections to a ClusterIP reach every endpoint, drawn from the seeded PRNG', () => {
  const l = lab();
  const seen = new Map<string, number>();
  for (let i = 0; i < 90; i++) {
    const r = connect(l.sim, { kind: 'node', node: 'node02' }, svc(l, 'web').spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 });
    seen.set(r.server!.pod!, (seen.get(r.server!.pod!) ?? 0) + 1);
  }
  assert.equal(seen.size, 3);
  for (const n of seen.values()) assert.ok(n > 15, `each endpoint gets a fair share: ${[...seen.values()].join(', ')}`);
});

test('every hop of a NodePort connection names the rule it matched', () => {
  const l = lab();
  const r = connect(l.sim, { kind: 'laptop' }, '192.168.56.10', svc(l, 'web').spec.ports![0]!.nodePort!, 'tcp', { timeoutMs: 5000 });
  const chains = r.hops.filter((h) => h.kind === 'rule' && h.table === 'nat').map((h) => h.chain!.replace(/-[A-Z0-9]{16}$/, '-…'));
  assert.deepEqual(chains.slice(0, 7), ['PREROUTING', 'KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-…', 'KUBE-MARK-MASQ', 'KUBE-EXT-…', 'KUBE-SVC-…']);
});
