// Moving between hosts and looking at them: ssh, exit, hostname, ip, minikube, and the files a
// learner finds on a node (the kubeadm manifests) and in a container (resolv.conf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLine, prompt } from '../../src/shell/shell.js';
import { advance } from '../../src/sim/settle.js';
import { testLab, type TestLab } from './harness.js';

function sh(lab: TestLab, line: string): { out: string; status: number } {
  const r = runLine(lab, line, 'script');
  return { out: r.lines.map((l) => `${l.text}\n`).join(''), status: r.status };
}

const cases: [string[], string, string, number][] = [
  [[], 'hostname', 'controlplane\n', 0],
  [['ssh node01'], 'hostname', 'node01\n', 0],
  [['ssh 192.168.56.12'], 'hostname', 'node02\n', 0],
  [[], 'ssh nope', 'ssh: Could not resolve hostname nope: Name or service not known\n', 255],
  [['ssh node01'], 'exit', 'logout\nConnection to node01 closed.\n', 0],
  [[], 'minikube ip', '192.168.56.10\n', 0],
  [['ssh node02'], 'hostname -i', '192.168.56.12\n', 0],
  [['ssh node01'], 'ip route', 'default via 192.168.56.1 dev eth0 proto static\n10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink\n10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1\n10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink\n192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11\n', 0],
  [[], 'ip link', 'Object "link" is unknown, try "ip help".\n', 1],
  [[], 'grep -c -- --service-cluster-ip-range=10.96.0.0/12 /etc/kubernetes/manifests/kube-apiserver.yaml', '1\n', 0],
  [[], 'grep cluster-cidr /etc/kubernetes/manifests/kube-controller-manager.yaml', '    - --cluster-cidr=10.244.0.0/16\n', 0],
];

for (const [before, line, out, status] of cases) {
  test(`${[...before, line].join(' ; ')}`, () => {
    const lab = testLab();
    for (const b of before) sh(lab, b);
    assert.deepEqual(sh(lab, line), { out, status });
  });
}

test('the prompt follows the host: node, then a container entered with kubectl exec -it', () => {
  const lab = testLab();
  assert.equal(prompt(lab.shell), 'root@controlplane:~# ');
  sh(lab, 'ssh node01');
  assert.equal(prompt(lab.shell), 'root@node01:~# ');
  sh(lab, 'exit');
  sh(lab, 'kubectl run bb --image=busybox:1.28 -- sleep 3600');
  advance(lab.sim, 20_000);
  sh(lab, 'kubectl exec -it bb -- sh');
  assert.equal(prompt(lab.shell), '/ # ');
  assert.deepEqual(sh(lab, 'cat /etc/resolv.conf'), { out: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', status: 0 });
  assert.equal(sh(lab, 'hostname').out, 'bb\n');
  sh(lab, 'exit');
  assert.equal(prompt(lab.shell), 'root@controlplane:~# ');
});

test('ps aux shows the control plane with its flags, and each node its kube-proxy', () => {
  const lab = testLab();
  assert.match(sh(lab, 'ps aux').out, /^USER +PID %CPU %MEM +VSZ +RSS TTY +STAT START +TIME COMMAND\n/);
  assert.equal(sh(lab, 'ps aux | grep -c -- --service-cluster-ip-range=10.96.0.0/12').out, '2\n');
  sh(lab, 'ssh node02');
  assert.match(sh(lab, 'ps aux').out, /\/usr\/local\/bin\/kube-proxy --config=\/var\/lib\/kube-proxy\/config.conf --hostname-override=node02\n/);
  assert.match(sh(lab, 'ps aux').out, /\/opt\/bin\/flanneld --ip-masq --kube-subnet-mgr\n/);
});

test('editors need the interactive lab; in a script they say what to use instead', () => {
  const lab = testLab();
  const r = sh(lab, 'vi web.yaml');
  assert.equal(r.status, 1);
  assert.match(r.out, /^k8s-svc-lab: vi needs the interactive lab; in scripts write files with cat > FILE <<EOF/);
});
