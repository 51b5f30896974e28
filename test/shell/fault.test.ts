// `fault`: breaking the cluster on purpose with the real commands — kube-proxy kept off a node (its
// rules go stale while the other nodes follow the cluster), CoreDNS scaled to zero, pods that never
// get ready — and mending it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './bash-helpers.js';
import { testLab } from './harness.js';

test('kube-proxy stopped on node02: its rules stay stale while node01 follows; starting it again catches up', () => {
  const l = testLab();
  for (const c of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port 80', 'sleep 20']) sh(l, c);
  const r = sh(l, 'fault kube-proxy-stop node02');
  assert.equal(r.status, 0);
  assert.match(r.out, /^\+ kubectl -n kube-system patch daemonset kube-proxy -p '.*"operator":"NotIn","values":\["node02"\].*'\ndaemonset\.apps\/kube-proxy patched\n\+ sleep 5\nkube-proxy no longer runs on node02/);
  assert.doesNotMatch(sh(l, 'kubectl -n kube-system get pods -l k8s-app=kube-proxy -o wide').out, /node02/);
  sh(l, 'kubectl scale deployment web --replicas=3');
  sh(l, 'sleep 20');
  const count = (node: string): string => {
    if (node !== 'controlplane') sh(l, `ssh ${node}`);
    const n = sh(l, "iptables-save -t nat | grep -c 'default/web ->'").out;
    if (node !== 'controlplane') sh(l, 'exit');
    return n;
  };
  assert.deepEqual([count('node01'), count('node02')], ['3', '2']);
  assert.equal(sh(l, 'fault list').out, 'kube-proxy stopped on node02 (fault kube-proxy-start node02)');
  sh(l, 'fault kube-proxy-start node02');
  sh(l, 'sleep 10');
  assert.equal(count('node02'), '3');
  assert.equal(sh(l, 'fault list').out, 'nothing is broken on purpose');
});

test('CoreDNS down and up, pods that never get ready, and the errors', () => {
  const l = testLab();
  sh(l, 'kubectl create deployment web --image=nginx');
  sh(l, 'kubectl run client --image=busybox -- sleep 3600');
  sh(l, 'sleep 20');
  sh(l, 'fault coredns-down');
  assert.match(sh(l, 'kubectl exec client -- nslookup kubernetes').out + sh(l, 'kubectl exec client -- nslookup kubernetes').err, /timed out|no servers could be reached/);
  sh(l, 'fault coredns-up');
  assert.match(sh(l, 'kubectl exec client -- nslookup kubernetes').out, /Address: 10\.96\.0\.1/);
  sh(l, 'fault not-ready web');
  assert.match(sh(l, 'kubectl get pods -l app=web').out, /0\/1 +Running/);
  assert.deepEqual(sh(l, 'fault'), { out: '', err: 'usage: fault kube-proxy-stop NODE | kube-proxy-start NODE | coredns-down | coredns-up | not-ready DEPLOYMENT | list', status: 2 });
  assert.equal(sh(l, 'fault kube-proxy-stop node9').err, 'fault: there is no node "node9" (controlplane, node01, node02)');
  assert.equal(sh(l, 'fault not-ready nope').err, 'fault: there is no Deployment "nope" in the default namespace');
});
