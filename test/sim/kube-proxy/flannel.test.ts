// flannel's rules beside kube-proxy's: their text and place (after kube-proxy's jumps, in every
// mode, kept across a switch to nftables), and what they do to a pod's traffic leaving the pod network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProxyMode } from '../../../src/sim/config.js';
import { sh } from '../../shell/bash-helpers.js';
import { testLab, type TestLab } from '../../shell/harness.js';

function lab(proxyMode: ProxyMode): TestLab {
  return testLab({ proxyMode });
}

test('node01 carries FLANNEL-POSTRTG and FLANNEL-FWD for its podCIDR, jumped to after kube-proxy', () => {
  const l = lab('iptables');
  sh(l, 'ssh node01');
  assert.equal(sh(l, 'iptables -t nat -S POSTROUTING').out, [
    '-P POSTROUTING ACCEPT',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    '-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG',
  ].join('\n'));
  assert.equal(sh(l, 'iptables -t nat -S FLANNEL-POSTRTG').out, [
    '-N FLANNEL-POSTRTG',
    '-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN',
    '-A FLANNEL-POSTRTG -s 10.244.1.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN',
    '-A FLANNEL-POSTRTG -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
    '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
    '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
    '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
  ].join('\n'));
  assert.match(sh(l, 'iptables -S FORWARD').out, /-j KUBE-EXTERNAL-SERVICES\n-A FORWARD -m comment --comment "flanneld forward" -j FLANNEL-FWD$/);
});

test('flannel stays in every mode, also after switching to nftables (kube-proxy cleans only its own)', () => {
  for (const mode of ['ipvs', 'nftables', 'userspace'] as const) {
    assert.match(sh(lab(mode), 'iptables-save -t nat').out, /-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG/, mode);
  }
  const l = lab('iptables');
  sh(l, 'proxy-mode nftables');
  sh(l, 'sleep 5');
  const nat = sh(l, 'iptables-save -t nat').out;
  assert.match(nat, /FLANNEL-POSTRTG -s 10\.244\.0\.0\/16 ! -d 224\.0\.0\.0\/4/);
  assert.doesNotMatch(nat, /KUBE-SERVICES/);
});

test("a pod's packet to another node's address leaves masqueraded by flannel; to another pod it keeps its address", () => {
  const l = lab('iptables');
  for (const line of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl run c --image=nicolaka/netshoot -- sleep 3600', 'sleep 30']) sh(l, line);
  const podIP = sh(l, "kubectl get pod c -o jsonpath='{.status.podIP}'").out;
  const node = sh(l, "kubectl get pod c -o jsonpath='{.spec.nodeName}'").out;
  const other = node === 'node01' ? '192.168.56.12' : '192.168.56.11';
  const mine = node === 'node01' ? '192.168.56.11' : '192.168.56.12';
  assert.match(sh(l, `kubectl exec c -- trace ${other}:22`).out, new RegExp(`FLANNEL-POSTRTG[^\\n]*MASQUERADE[\\s\\S]*sees the client as ${mine.replace(/\./g, '\\.')}:`));
  const web = sh(l, "kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}'").out;
  assert.match(sh(l, `kubectl exec c -- trace ${web}:80`).out, new RegExp(`sees the client as ${podIP.replace(/\./g, '\\.')}:`));
});
