// trace: one connection's first packet, hop by hop — the rules it matched with their chain and
// number, the rewrites, the routes between nodes, and the outcome.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './bash-helpers.js';
import { testLab } from './harness.js';

function lab(): ReturnType<typeof testLab> {
  const l = testLab();
  for (const line of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port 80 --type NodePort', 'kubectl create service clusterip empty --tcp=80:80', 'sleep 20']) sh(l, line);
  return l;
}

test('trace to a ClusterIP from a node: KUBE-SERVICES → KUBE-SVC → KUBE-SEP → DNAT, masquerade, delivery', () => {
  const r = sh(lab(), 'trace $(kubectl get svc web -o jsonpath={.spec.clusterIP})');
  assert.equal(r.status, 0);
  const lines = r.out.split('\n');
  assert.match(lines[0]!, /^trace TCP 192\.168\.56\.10:\d+ → 10\.\d+\.\d+\.\d+:80$/);
  assert.match(lines[1]!, /^ {2}1 {2}controlplane {3}nat OUTPUT #1 {2}-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES$/);
  assert.ok(lines.some((l) => / nat KUBE-SEP-[A-Z0-9]{16} #2 {2}-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/web" -m tcp -j DNAT --to-destination 10\.244\.\d\.\d:80$/.test(l)));
  assert.ok(lines.some((l) => /^ {22}packet is now 192\.168\.56\.10:\d+ → 10\.244\.\d\.\d:80$/.test(l)));
  assert.match(lines.at(-1)!, /^result: connected to default\/web-[a-z0-9]+-[a-z0-9]{5} on 10\.244\.\d\.\d:80, which sees the client as 10\.244\.0\.[01]:\d+$/);
});

test('trace ends where the packet dies: REJECT for a service without endpoints, silence from the laptop to a ClusterIP', () => {
  const l = lab();
  const refused = sh(l, 'trace $(kubectl get svc empty -o jsonpath={.spec.clusterIP})');
  assert.equal(refused.status, 1);
  assert.match(refused.out, /filter KUBE-SERVICES #1 {2}-A KUBE-SERVICES -d [\d.]+\/32 -p tcp -m comment --comment "default\/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable\n/);
  assert.match(refused.out, /\nresult: refused \(RST or ICMP port unreachable\): the client reports "Connection refused"$/);
  sh(l, 'ssh laptop');
  const lost = sh(l, 'trace curl http://$(kubectl get svc web -o jsonpath={.spec.clusterIP})/');
  assert.match(lost.out, / {2}1 {2}laptop {9}route: [\d.]+ is not on the laptop's networks/);
  assert.match(lost.out, /\nresult: no answer: the client gives up after 5 s \("Connection timed out"\)$/);
});

test('trace usage and names that do not resolve', () => {
  const l = lab();
  assert.deepEqual(sh(l, 'trace'), { out: '', err: 'usage: trace [-u|--udp] [--icmp] HOST[:PORT] | trace curl|wget URL', status: 2 });
  assert.equal(sh(l, 'trace nope').err, 'trace: cannot resolve nope: no DNS server answered');
});
