// Tab completion at the prompt: command names by host, kubectl's verbs, resource types, object
// names, namespaces, flags and flag values, ssh's nodes, and file names from the lab's files and
// the learner's real directory. Lines a completer cannot read give no candidates, never a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/shell/complete.js';
import { runLine } from '../../src/shell/shell.js';
import { advance } from '../../src/sim/settle.js';
import { testLab, type TestLab } from './harness.js';

/** A lab whose real working directory holds web.yaml, notes.txt and manifests/a.yaml. */
function labWithRealFiles(): TestLab {
  const lab = testLab();
  const dirs: Record<string, string[]> = { '.': ['.hidden', 'manifests', 'notes.txt', 'web.yaml'], manifests: ['a.yaml'] };
  lab.host = { listRealDir: (p) => dirs[p], readRealFile: (p) => (p in dirs ? undefined : 'x') };
  return lab;
}

/** The candidates at the end of the line. */
function at(lab: TestLab, line: string): string[] {
  return complete(lab, line, line.length).candidates;
}

test('the first word: command names of the host, aliases included, sorted', () => {
  const lab = testLab();
  assert.deepEqual(at(lab, 'ku'), ['kubectl']);
  assert.deepEqual(at(lab, 'ip'), ['ip', 'ipset', 'iptables', 'iptables-save', 'ipvsadm']);
  assert.deepEqual(at(lab, 'lo'), ['logout']);
  const all = at(lab, '');
  assert.ok(all.includes('kubectl') && all.includes('k') && all.includes('ssh') && all.includes('trace'));
  assert.deepEqual(all, [...all].sort());
  assert.deepEqual(complete(lab, 'ls | gr', 7), { from: 5, candidates: ['grep'] });
  assert.deepEqual(at(lab, 'true && kube'), ['kubectl']);
  assert.deepEqual(at(lab, 'watch -n 1 kub'), ['kubectl']);
});

test('inside a container: no node tools, and only the image\'s own network tools', () => {
  const lab = testLab();
  runLine(lab, 'kubectl run bb --image=busybox:1.28 -- sleep 3600', 'script');
  advance(lab.sim, 20_000);
  runLine(lab, 'kubectl exec -it bb -- sh', 'script');
  const all = at(lab, '');
  assert.ok(!all.includes('kubectl') && !all.includes('iptables') && !all.includes('ssh'));
  assert.ok(all.includes('wget') && all.includes('nslookup'));
  assert.deepEqual(at(lab, 'cur'), []);
});

test('kubectl: verbs, then subcommands', () => {
  const lab = testLab();
  assert.deepEqual(complete(lab, 'kubectl g', 9), { from: 8, candidates: ['get'] });
  assert.deepEqual(at(lab, 'kubectl de'), ['delete', 'describe']);
  assert.deepEqual(at(lab, 'k ap'), ['api-resources', 'apply']);
  assert.deepEqual(at(lab, 'kubectl -n kube-system ge'), ['get']);
  assert.deepEqual(at(lab, 'kubectl rollout '), ['history', 'restart', 'status', 'undo']);
  assert.deepEqual(at(lab, 'kubectl config '), ['current-context', 'get-contexts', 'set-context', 'view']);
  assert.ok(at(lab, 'kubectl ').length >= 20);
});

test('kubectl: resource types by plural, singular and short name; only the kinds a verb accepts', () => {
  const lab = testLab();
  assert.deepEqual(at(lab, 'kubectl get po'), ['po', 'pod', 'pods']);
  assert.deepEqual(at(lab, 'kubectl describe s'), ['service', 'services', 'svc']);
  assert.deepEqual(at(lab, 'kubectl get endpoints'), ['endpoints', 'endpointslice', 'endpointslices']);
  assert.deepEqual(at(lab, 'kubectl rollout status '), ['daemonset', 'daemonsets', 'deploy', 'deployment', 'deployments', 'ds']);
  assert.deepEqual(at(lab, 'kubectl scale r'), ['replicaset', 'replicasets', 'rs']);
});

test('kubectl: object names of the type, in the current or the given namespace', () => {
  const lab = testLab();
  runLine(lab, 'kubectl create deployment web --image=nginx:1.27 --replicas=2', 'script');
  const pods = at(lab, 'kubectl get pods ');
  assert.equal(pods.length, 2);
  assert.ok(pods.every((p) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(p)), pods.join(' '));
  assert.deepEqual(at(lab, 'kubectl describe deploy '), ['web']);
  assert.deepEqual(at(lab, 'kubectl get svc '), ['kubernetes']);
  assert.deepEqual(at(lab, 'kubectl -n kube-system get svc '), ['kube-dns']);
  assert.deepEqual(at(lab, 'kubectl get svc --namespace=kube-system '), ['kube-dns']);
  assert.deepEqual(at(lab, 'kubectl get deploy -n kube-system co'), ['coredns']);
  assert.deepEqual(at(lab, 'kubectl get deploy -A '), ['coredns', 'web']);
  assert.deepEqual(at(lab, 'kubectl get no'), ['no', 'node', 'nodes']);
  assert.deepEqual(at(lab, 'kubectl get nodes '), ['controlplane', 'node01', 'node02']);
  assert.deepEqual(at(lab, 'kubectl rollout restart deploy/'), ['deploy/web']);
  assert.deepEqual(at(lab, 'kubectl logs -n kube-system etcd'), ['etcd-controlplane']);
  runLine(lab, 'kubectl config set-context --current --namespace=kube-system', 'script');
  assert.deepEqual(at(lab, 'kubectl get svc '), ['kube-dns']);
});

test('kubectl: namespaces after -n and --namespace=', () => {
  const lab = testLab();
  const all = ['default', 'kube-flannel', 'kube-node-lease', 'kube-public', 'kube-system'];
  assert.deepEqual(at(lab, 'kubectl get pods -n '), all);
  assert.deepEqual(at(lab, 'kubectl -n '), all);
  assert.deepEqual(at(lab, 'kubectl get pods --namespace kube-s'), ['kube-system']);
  assert.deepEqual(complete(lab, 'kubectl get pods --namespace=kube-p', 35), { from: 17, candidates: ['--namespace=kube-public'] });
});

test('kubectl: the flags of the verb as its help lists them, and flag values', () => {
  const lab = testLab();
  const get = at(lab, 'kubectl get pods --');
  for (const f of ['--output', '--selector', '--all-namespaces', '--show-labels', '--watch', '--namespace', '--help']) assert.ok(get.includes(f), f);
  assert.ok(!get.includes('--replicas'));
  assert.deepEqual(at(lab, 'kubectl scale --rep'), ['--replicas']);
  assert.deepEqual(at(lab, 'kubectl get -'), [...at(lab, 'kubectl get -')].sort());
  assert.ok(at(lab, 'kubectl get -').includes('-o'));
  assert.deepEqual(at(lab, 'kubectl get pods -o w'), ['wide']);
  assert.deepEqual(at(lab, 'kubectl create deployment web --image=nginx --dry-run=c'), ['--dry-run=client']);
});

test('ssh: node names and laptop', () => {
  const lab = testLab();
  assert.deepEqual(at(lab, 'ssh '), ['controlplane', 'laptop', 'node01', 'node02']);
  assert.deepEqual(complete(lab, 'ssh no', 6), { from: 4, candidates: ['node01', 'node02'] });
});

test('file names: the lab\'s files, the real working directory, directories marked with /', () => {
  const lab = labWithRealFiles();
  assert.deepEqual(at(lab, 'cat '), ['manifests/', 'notes.txt', 'web.yaml']);
  assert.deepEqual(at(lab, 'kubectl apply -f w'), ['web.yaml']);
  assert.deepEqual(at(lab, 'kubectl apply --filename=w'), ['--filename=web.yaml']);
  assert.deepEqual(at(lab, 'cat manifests/'), ['manifests/a.yaml']);
  assert.deepEqual(at(lab, 'cat .'), ['.hidden']);
  assert.deepEqual(at(lab, 'cat /etc/kubernetes/manifests/kube-s'), ['/etc/kubernetes/manifests/kube-scheduler.yaml']);
  assert.deepEqual(at(lab, 'cd '), ['manifests/']);
  assert.deepEqual(at(lab, 'echo hi > no'), ['notes.txt']);
  assert.deepEqual(at(lab, './'), ['./manifests/', './notes.txt', './web.yaml']);
  runLine(lab, 'echo x > "my file"', 'script');
  assert.deepEqual(at(lab, 'cat my'), ['my\\ file']);
  assert.deepEqual(complete(lab, 'cat "no', 7), { from: 7, candidates: [] });
});

test('the word at the cursor, not the end of the line', () => {
  const lab = testLab();
  assert.deepEqual(complete(lab, 'kubectl ge pods', 10), { from: 8, candidates: ['get'] });
  assert.deepEqual(complete(lab, 'ku', 0), { from: 0, candidates: at(lab, '') });
});

test('hostile lines give no candidates and never throw', () => {
  const lab = testLab();
  const lines = ['echo "abc', "echo 'x", 'echo \\', '# kub', 'kubectl get pods # co', '\u0000\u001b[A', '))))((((', '<<<<>>>>', 'kubectl -- -- --', 'kubectl get --=', 'kubectl -n', '$(kub', '`kub', 'a'.repeat(100_000), 'kubectl get ' + 'pods,'.repeat(1000), 'ssh \uD800'];
  for (const line of lines) {
    for (const cursor of [0, 1, line.length, line.length + 5, -3, Number.NaN]) {
      const r = complete(lab, line, cursor);
      assert.ok(Array.isArray(r.candidates) && r.from >= 0 && r.from <= line.length, `${JSON.stringify(line.slice(0, 20))} @${cursor}`);
    }
  }
  assert.deepEqual(at(lab, 'echo "abc'), []);
  assert.deepEqual(at(lab, 'kubectl get pods # co'), []);
  assert.deepEqual(at(lab, '$(kub'), ['kubectl']);
});
