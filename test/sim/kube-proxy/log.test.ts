// kube-proxy's log through `kubectl logs`: what each verbosity shows, the order of a sync's lines
// per mode, and the "Network programming" latency lines (only for endpoint changes made after the
// proxier started, as the endpoints change tracker keeps them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProxyMode } from '../../../src/sim/config.js';
import { sh } from '../../shell/bash-helpers.js';
import { testLab, type TestLab } from '../../shell/harness.js';

function lab(proxyMode: ProxyMode, proxyVerbosity = 4): TestLab {
  return testLab({ proxyMode, proxyVerbosity });
}

const messages = (out: string): string[] => out.split('\n').map((l) => /\] "([^"]+)"/.exec(l)?.[1] ?? '').filter(Boolean);

function afterWeb(l: TestLab): string {
  const since = sh(l, 'kubectl -n kube-system logs $(kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName=node01 -o name | cut -d/ -f2) | wc -l').out;
  for (const line of ['kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port 80', 'sleep 20']) sh(l, line);
  const pod = sh(l, 'kubectl -n kube-system get pods -l k8s-app=kube-proxy --field-selector spec.nodeName=node01 -o name').out.split('/')[1];
  return sh(l, `kubectl -n kube-system logs ${pod} | tail -n +${Number(since) + 1}`).out;
}

test('at v=4 an endpoint change is followed by its "Network programming" line between the reload and the completion', () => {
  const out = afterWeb(lab('iptables'));
  const m = messages(out);
  const np = m.indexOf('Network programming');
  assert.ok(np > 0, out);
  assert.equal(m[np - 1], 'Reloading service iptables data');
  assert.equal(m[np + 1], 'SyncProxyRules complete');
  assert.match(out, /proxier\.go:1515\] "Network programming" ipFamily="IPv4" endpoint="default\/web" elapsed=\d+\.\d+\n/);
  assert.ok(m.includes('Adding new service port'));
});

test('IPVS mode: the latency line sits between "Syncing ipvs proxier rules" and "syncProxyRules complete"', () => {
  const m = messages(afterWeb(lab('ipvs')));
  const np = m.indexOf('Network programming');
  assert.ok(np > 0);
  assert.equal(m[np - 1], 'Syncing ipvs proxier rules');
  assert.equal(m[np + 1], 'syncProxyRules complete');
});

test('at v=0 nothing of the sync is logged, only start-up lines', () => {
  const out = afterWeb(lab('iptables', 0));
  assert.equal(out, '');
});

test('a restarted kube-proxy does not report latency for changes older than itself', () => {
  const l = lab('iptables');
  for (const line of ['kubectl create deployment web --image=nginx', 'kubectl expose deployment web --port 80', 'sleep 20', 'kubectl -n kube-system rollout restart daemonset kube-proxy', 'kubectl -n kube-system rollout status daemonset kube-proxy', 'sleep 5']) sh(l, line);
  const out = sh(l, 'kubectl -n kube-system logs ds/kube-proxy').out;
  assert.ok(messages(out).includes('Setting endpoints for service port name'), 'the new proxier loaded the endpoints');
  assert.ok(!messages(out).includes('Network programming'), out);
});

test('each kube-proxy keeps its newest 5,000 lines on a lesson-size cluster, fewer on a big one, never under 1,000', async () => {
  const { logCapFor, logLines, log } = await import('../../../src/sim/kube-proxy/log.js');
  assert.deepEqual([1, 3, 20, 21, 50, 100, 245].map(logCapFor), [5000, 5000, 5000, 4761, 2000, 1000, 1000]);
  const l = lab('iptables');
  const p = l.sim.proxy!['node01']!;
  assert.equal(p.logCap, 5000);
  for (let i = 0; i < 7000; i++) log(p, l.sim.now, { level: 0, source: 'proxier.go:1', msg: `line ${i}` });
  const lines = logLines(p);
  assert.equal(lines.length, 5000);
  assert.match(lines.at(-1)!, /"line 6999"$/);
  assert.match(lines[0]!, /"line 2000"$/);
});
