// IPVS mode through the shell: ipvsadm's layout and sort order, kube-ipvs0 holding the ClusterIPs,
// the few iptables rules, and packets: round robin, ping and unused ports rejected by
// KUBE-IPVS-FILTER, load-balancer source ranges; ipvsadm on a node whose kernel never loaded ip_vs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './bash-helpers.js';
import { testLab, type TestLab } from './harness.js';

function ipvsLab(): TestLab {
  const l = testLab({ proxyMode: 'ipvs' });
  for (const line of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port 80', 'sleep 20']) sh(l, line);
  return l;
}

test('ipvsadm -Ln: protocol, then address as a signed difference (192.168 before 10.x), then port; trailing spaces on real servers', () => {
  const r = sh(ipvsLab(), 'ipvsadm -Ln | head -9');
  assert.equal(r.out, [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
    'TCP  10.96.0.1:443 rr',
    '  -> 192.168.56.10:6443           Masq    1      0          0         ',
    'TCP  10.96.0.10:53 rr',
    '  -> 10.244.0.2:53                Masq    1      0          0         ',
    '  -> 10.244.0.3:53                Masq    1      0          0         ',
    'TCP  10.96.0.10:9153 rr',
  ].join('\n'));
});

test('IPVS mode: ClusterIPs on kube-ipvs0, round robin; KUBE-IPVS-FILTER rejects ping and unused ports (since v1.27)', () => {
  const l = ipvsLab();
  const ip = sh(l, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'").out;
  assert.match(sh(l, 'ip addr').out, new RegExp(`kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default \\n[^\\n]*\\n(?:.*\\n)*    inet ${ip.replace(/\./g, '\\.')}/32 scope global kube-ipvs0`));
  const hosts = sh(l, `for i in 1 2 3 4; do curl -s -o /dev/null -w '%{http_code}\\n' ${ip}; done`).out;
  assert.equal(hosts, '200\n200\n200\n200');
  assert.match(sh(l, `ipvsadm -Ln | grep -A2 '${ip}:80 '`).out, /Masq {4}1 {6}0 {10}2 {9}\n.*Masq {4}1 {6}0 {10}2 {9}$/);
  const ping = sh(l, `ping -c 1 -W 1 ${ip}`);
  assert.equal(ping.status, 1);
  assert.match(ping.out, new RegExp(`From ${ip.replace(/\./g, '\\.')} icmp_seq=1 Destination Port Unreachable\n\n--- .* ---\n1 packets transmitted, 0 received, \\+1 errors, 100% packet loss, time 0ms`));
  assert.equal(sh(l, `curl -m 2 ${ip}:81`).err, `curl: (7) Failed to connect to ${ip} port 81 after 1 ms: Connection refused`);
});

test('ipvsadm where IPVS never ran (it loads ip_vs itself: an empty table), and what it refuses', () => {
  assert.deepEqual(sh(testLab(), 'ipvsadm -Ln'), { out: 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn', err: '', status: 0 });
  assert.equal(sh(ipvsLab(), 'ipvsadm -C').status, 1);
  assert.match(sh(ipvsLab(), 'ipset list KUBE-CLUSTER-IP').out, /^Name: KUBE-CLUSTER-IP\nType: hash:ip,port\n(?:.*\n)*Members:\n(?:.*\n)*10\.96\.0\.10,tcp:53\n/);
});

test('proxy-mode runs the real commands: ConfigMap edit, rollout restart, rollout status; and refuses modes the lab lacks', () => {
  const l = testLab();
  const r = sh(l, 'proxy-mode ipvs');
  assert.equal(r.status, 0);
  assert.match(r.out, /^\+ kubectl -n kube-system get configmap kube-proxy -o yaml \| sed -E 's\/\^\( {4}mode: \)\.\*\$\/\\1"ipvs"\/' \| kubectl apply -f -\nconfigmap\/kube-proxy configured\n\+ kubectl -n kube-system rollout restart daemonset kube-proxy\ndaemonset.apps\/kube-proxy restarted\n\+ kubectl -n kube-system rollout status daemonset kube-proxy\n/);
  assert.match(sh(l, 'ipvsadm -Ln').out, /^TCP {2}10\.96\.0\.1:443 rr$/m);
  assert.match(sh(l, 'kubectl -n kube-system get cm kube-proxy -o yaml').out, /\n {4}mode: "ipvs"\n/);
  assert.deepEqual(sh(l, 'proxy-mode ebpf'), { out: '', err: 'proxy-mode: "ebpf" is not a mode this lab simulates; choose iptables, ipvs, nftables or userspace', status: 2 });
});

test('IPVS mode, packet flows: loadBalancerSourceRanges, the node kept off its own LB address, pods and unused ports', () => {
  const l = testLab({ proxyMode: 'ipvs', cloud: true });
  for (const line of [
    'kubectl create deployment web --image=nginx --replicas=2',
    'kubectl expose deployment web --port 80 --type LoadBalancer',
    'kubectl patch svc web -p \'{"spec":{"loadBalancerSourceRanges":["192.168.56.1/32"]}}\'',
    'kubectl run client --image=busybox -- sleep 3600',
    'sleep 30',
  ]) sh(l, line);
  const lb = sh(l, "kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'").out;
  const cip = sh(l, "kubectl get svc web -o jsonpath='{.spec.clusterIP}'").out;
  assert.match(lb, /^192\.168\.56\.24\d$/);
  // From the node itself: KUBE-IPVS-OUT-FILTER drops the SYN (source and destination both the LB address).
  assert.equal(sh(l, `curl -s -m 2 -o /dev/null -w '%{http_code}' ${lb}`).out, '000');
  const trace = sh(l, `trace ${lb}:80`).out;
  assert.match(trace, /KUBE-IPVS-OUT-FILTER/);
  // From the laptop, allowed by the range: IPVS forwards it.
  sh(l, 'ssh laptop');
  assert.equal(sh(l, `curl -s -o /dev/null -w '%{http_code}' http://${lb}`).out, '200');
  sh(l, 'exit');
  // A pod reaches the ClusterIP's service port; any other port is rejected by KUBE-IPVS-FILTER.
  assert.equal(sh(l, `kubectl exec client -- wget -qO- -T 2 http://${cip} | grep -c '<title>Welcome'`).out, '1');
  assert.match(sh(l, `kubectl exec client -- wget -qO- -T 2 http://${cip}:22`).err, /Connection refused/);
});
