// The panes' rows as pure functions of a lab built by running real commands (seed 1, the default
// cluster): pods and services as kubectl prints them, the endpoints under each Service, a node's
// NAT rules as iptables-save / ipvsadm / nft print them with what changed and what a trace hit,
// and kube-proxy's log as kubectl logs prints it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testLab, type TestLab } from '../shell/harness.js';
import { sh } from '../shell/bash-helpers.js';
import { log } from '../../src/sim/kube-proxy/log.js';
import { nextNamespace, podNamespaces, podStatusToken, podsView } from '../../src/ui/view/pods.js';
import { servicesView } from '../../src/ui/view/services.js';
import { defaultNatNode, natModel, natRows, nodeOrder, type NatRowOptions } from '../../src/ui/view/nat.js';
import { changeOf, trackHighlights, traceMarks, type Highlights } from '../../src/ui/view/nat-highlights.js';
import { logView, nextLogSource } from '../../src/ui/view/log.js';
import { webLab } from './fixtures.js';

/** Runs commands on a node (ssh there, run, come back) and returns what they printed. */
function onNode(lab: TestLab, node: string, line: string): string {
  sh(lab, `ssh ${node}`);
  const out = sh(lab, line).out;
  sh(lab, 'exit');
  return out;
}


const rowsOf = (lab: TestLab, node: string, o: Partial<NatRowOptions> = {}) =>
  natRows(natModel(lab.sim, node), { filter: '', fold: false, now: lab.sim.now, ...o });

test('pods: kubectl get pods columns, ContainerCreating then Running', () => {
  const lab = testLab();
  sh(lab, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  const creating = podsView(lab.sim, { namespace: null, showSystem: false });
  assert.equal(creating.header, 'NAME                   READY   STATUS              IP       NODE     LABELS');
  assert.deepEqual(creating.rows.map((r) => [r.text, r.text.slice(r.statusStart, r.statusEnd), r.token]), [
    ['web-766486c5b6-7b4pf   0/1     ContainerCreating   <none>   node01   app=web,pod-template-hash=766486c5b6', 'ContainerCreating', 'pending'],
    ['web-766486c5b6-8mvpw   0/1     ContainerCreating   <none>   node02   app=web,pod-template-hash=766486c5b6', 'ContainerCreating', 'pending'],
  ]);
  sh(lab, 'sleep 10');
  const running = podsView(lab.sim, { namespace: null, showSystem: false });
  assert.deepEqual(running.rows.map((r) => [r.text, r.token]), [
    ['web-766486c5b6-7b4pf   1/1     Running   10.244.1.2   node01   app=web,pod-template-hash=766486c5b6', 'ready'],
    ['web-766486c5b6-8mvpw   1/1     Running   10.244.2.2   node02   app=web,pod-template-hash=766486c5b6', 'ready'],
  ]);
});

test('pods: system namespaces hidden unless shown; the namespace filter cycles all → each → all', () => {
  const lab = testLab();
  sh(lab, 'kubectl create namespace shop');
  sh(lab, 'kubectl -n shop run cart --image=nginx:1.27');
  const names = (namespace: string | null, showSystem: boolean): string[] =>
    podsView(lab.sim, { namespace, showSystem }).rows.map((r) => r.text.split(' ')[0]!);
  assert.deepEqual(names(null, false), ['shop/cart']);
  assert.ok(names(null, true).includes('kube-system/etcd-controlplane'));
  assert.ok(names(null, true).some((n) => n.startsWith('kube-flannel/kube-flannel-ds-')));
  assert.deepEqual(names('shop', false), ['cart']);
  assert.deepEqual(podNamespaces(lab.sim, false), ['default', 'shop']);
  const seen = [null, 'default', 'shop', null].map((_, i, a) => (i === 0 ? a[0] : nextNamespace(a[i - 1] as string | null, ['default', 'shop'])));
  assert.deepEqual(seen, [null, 'default', 'shop', null]);
});

test('pods: the STATUS token', () => {
  const cases: [string, string, string][] = [
    ['Running', '1/1', 'ready'], ['Running', '1/2', 'pending'], ['ContainerCreating', '0/1', 'pending'], ['Pending', '0/1', 'pending'],
    ['Terminating', '1/1', 'pending'], ['Init:0/1', '0/1', 'pending'], ['CrashLoopBackOff', '0/1', 'failed'], ['ErrImagePull', '0/1', 'failed'],
    ['ImagePullBackOff', '0/1', 'failed'], ['Error', '0/1', 'failed'], ['Completed', '0/1', 'muted'],
  ];
  for (const [status, ready, token] of cases) assert.equal(podStatusToken(status, ready), token, status);
});

test('services: kubectl get services columns with each Service\'s endpoints underneath', () => {
  const lab = webLab();
  const view = servicesView(lab.sim, false);
  assert.equal(view.header, 'NAME         TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)');
  assert.deepEqual(view.lines.map((l) => [l.text, l.token]), [
    ['kubernetes   ClusterIP   10.96.0.1        <none>        443/TCP', 'text'],
    ['  → 192.168.56.10:6443', 'ready'],
    ['lonely       ClusterIP   10.109.194.163   <none>        80/TCP', 'text'],
    ['  → <none> (no pod matches app=lonely)', 'warning'],
    ['web          ClusterIP   10.111.6.166     <none>        80/TCP', 'text'],
    ['  → 10.244.1.2:80 web-766486c5b6-7b4pf node01', 'ready'],
    ['  → 10.244.2.2:80 web-766486c5b6-8mvpw node02', 'ready'],
    ['  → 10.244.2.3:80 shy node02 (not ready)', 'pending'],
  ]);
  assert.equal(view.count, 3);
});

test('services: kube-system shown when asked, as namespace/name, with NodePort and LoadBalancer as kubectl prints them', () => {
  const lab = testLab();
  sh(lab, 'kubectl create service nodeport np --tcp=80:8080 --node-port=31234');
  sh(lab, 'kubectl create service loadbalancer lb --tcp=443:8443');
  const texts = servicesView(lab.sim, true).lines.map((l) => l.text);
  assert.ok(texts.some((t) => /^kube-system\/kube-dns +ClusterIP +10\.96\.0\.10 +<none> +53\/UDP,53\/TCP,9153\/TCP$/.test(t)));
  assert.ok(texts.some((t) => /^np +NodePort +\S+ +<none> +80:31234\/TCP$/.test(t)));
  assert.ok(texts.some((t) => /^lb +LoadBalancer +\S+ +<pending> +443:\d+\/TCP$/.test(t)));
  assert.ok(!servicesView(lab.sim, false).lines.some((l) => l.text.startsWith('kube-system/')));
});

test('NAT table: iptables-save -t nat, each chain header right before its rules', () => {
  const lab = webLab();
  assert.equal(defaultNatNode(lab.sim), 'node01');
  assert.deepEqual(nodeOrder(lab.sim), ['node01', 'node02', 'controlplane']);
  const rows = rowsOf(lab, 'node01').rows.map((r) => r.text);
  const saved = onNode(lab, 'node01', 'iptables-save -t nat').split('\n');
  assert.deepEqual(rows.filter((l) => l.startsWith('-A')).sort(), saved.filter((l) => l.startsWith('-A')).sort());
  assert.deepEqual(rows.filter((l) => l.startsWith(':')).sort(), saved.filter((l) => l.startsWith(':')).sort());
  assert.equal(rows[0], '*nat');
  assert.equal(rows.at(-1), 'COMMIT');
  let chain = '';
  for (const l of rows) {
    if (l.startsWith(':')) chain = l.slice(1).split(' ')[0]!;
    if (l.startsWith('-A ')) assert.equal(l.split(' ')[1], chain, l);
  }
});

test('NAT table: a new Service\'s rules are added (+), fade after 10 s, lose the marker after 30 s; removed ones are struck out, then gone', () => {
  const lab = webLab();
  let mem: Highlights = trackHighlights({}, lab.sim, ['node01']);
  sh(lab, 'sleep 40');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  assert.deepEqual(rowsOf(lab, 'node01', { highlights: mem.node01 }).rows.filter((r) => r.marker), [], 'the fixture\'s own changes have faded');

  sh(lab, 'kubectl create deployment db --image=redis:7 --replicas=1');
  sh(lab, 'sleep 10');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  sh(lab, 'kubectl expose deployment db --port=6379');
  sh(lab, 'sleep 1');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  const added = (): string[] => rowsOf(lab, 'node01', { highlights: mem.node01 }).rows.filter((r) => r.marker === '+').map((r) => `${r.token} ${r.text}`);
  assert.deepEqual(added(), [
    'added -A KUBE-SEP-LVYYYNMGXWHVHME7 -s 10.244.1.3/32 -m comment --comment "default/db" -j KUBE-MARK-MASQ',
    'added -A KUBE-SEP-LVYYYNMGXWHVHME7 -p tcp -m comment --comment "default/db" -m tcp -j DNAT --to-destination 10.244.1.3:6379',
    'added -A KUBE-SERVICES -d 10.97.76.2/32 -p tcp -m comment --comment "default/db cluster IP" -m tcp --dport 6379 -j KUBE-SVC-2KHWPRMFJERXUJE3',
    'added -A KUBE-SVC-2KHWPRMFJERXUJE3 ! -s 10.244.0.0/16 -d 10.97.76.2/32 -p tcp -m comment --comment "default/db cluster IP" -m tcp --dport 6379 -j KUBE-MARK-MASQ',
    'added -A KUBE-SVC-2KHWPRMFJERXUJE3 -m comment --comment "default/db -> 10.244.1.3:6379" -j KUBE-SEP-LVYYYNMGXWHVHME7',
  ], 'bright at first');
  sh(lab, 'sleep 15');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  assert.equal(added().length, 5);
  assert.ok(added().every((t) => t.startsWith('text -A ')), 'marker only after 10 s');
  sh(lab, 'sleep 40');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  assert.deepEqual(added(), [], 'plain after 30 s');

  sh(lab, 'kubectl scale deployment web --replicas=1');
  sh(lab, 'sleep 2');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  const removed = rowsOf(lab, 'node01', { highlights: mem.node01 }).rows.filter((r) => r.marker === '-');
  assert.ok(removed.length > 0);
  assert.ok(removed.every((r) => r.token === 'removed' && r.strike));
  assert.ok(removed.some((r) => r.text.includes('DNAT --to-destination')), 'the gone endpoint\'s DNAT rule');
  sh(lab, 'sleep 31');
  mem = trackHighlights(mem, lab.sim, ['node01']);
  assert.deepEqual(rowsOf(lab, 'node01', { highlights: mem.node01 }).rows.filter((r) => r.marker === '-'), []);
});

test('NAT table: the first look at a node shows what its last sync changed', () => {
  const lab = testLab();
  sh(lab, 'kubectl create service clusterip db --tcp=5432:5432');
  sh(lab, 'sleep 1');
  const mem = trackHighlights({}, lab.sim, ['node02']);
  assert.deepEqual(Object.keys(mem), ['node02']);
  const key = [...mem.node02!.added.keys()].find((k) => k.includes('default/db'));
  assert.ok(key, 'the db rules are remembered as added');
  assert.equal(changeOf(mem.node02, key, lab.sim.now), 'new');
});

test('NAT table: the filter keeps matching rules (any case) and their chain headers', () => {
  const lab = webLab();
  const out = rowsOf(lab, 'node01', { filter: 'DEFAULT/KUBERNETES' });
  assert.deepEqual(out.rows.map((r) => r.text), [
    '*nat',
    ':KUBE-SEP-7J3FZHL6MJULGV6U - [0:0]',
    '-A KUBE-SEP-7J3FZHL6MJULGV6U -s 192.168.56.10/32 -m comment --comment "default/kubernetes:https" -j KUBE-MARK-MASQ',
    '-A KUBE-SEP-7J3FZHL6MJULGV6U -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 192.168.56.10:6443',
    ':KUBE-SERVICES - [0:0]',
    '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
    ':KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]',
    '-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ',
    '-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> 192.168.56.10:6443" -j KUBE-SEP-7J3FZHL6MJULGV6U',
    'COMMIT',
  ]);
  assert.equal(out.shown, out.rows.filter((r) => r.text.startsWith('-A')).length);
  const chain = rowsOf(lab, 'node01', { filter: ':kube-mark-masq' }).rows.map((r) => r.text);
  assert.deepEqual(chain, ['*nat', ':KUBE-MARK-MASQ - [0:0]', '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000', 'COMMIT'], 'a matching header keeps its chain');
});

test('NAT table: f folds kube-system\'s rules and chains into one line', () => {
  const lab = webLab();
  const open = rowsOf(lab, 'node01').rows;
  const systemRules = open.filter((r) => r.text.startsWith('-A') && r.text.includes('"kube-system/')).length;
  const folded = rowsOf(lab, 'node01', { fold: true });
  assert.equal(folded.folded, systemRules);
  assert.equal(folded.rows[0]!.text, `… ${systemRules} kube-system rules folded (f)`);
  assert.ok(!folded.rows.some((r) => r.text.includes('kube-system/')));
  assert.ok(!folded.rows.some((r) => r.text === ':KUBE-SVC-TCOU7JCQXEZGVUNU - [0:0]'), 'kube-dns\'s service chain folds with its rules');
  assert.ok(folded.rows.some((r) => r.text.includes('"default/web')));
});

test('NAT table: IPVS mode shows ipvsadm -Ln, the kube-ipvs0 addresses and the nat table', () => {
  const lab = webLab();
  sh(lab, 'proxy-mode ipvs');
  sh(lab, 'sleep 10');
  const model = natModel(lab.sim, 'node01');
  assert.equal(model.mode, 'ipvs');
  const rows = natRows(model, { filter: '', fold: false, now: lab.sim.now }).rows.map((r) => r.text);
  const ipvsadm = onNode(lab, 'node01', 'ipvsadm -Ln').split('\n').filter((l) => l).map((l) => l.trimEnd());
  assert.deepEqual(rows.slice(0, ipvsadm.length + 1), ['# ipvsadm -Ln', ...ipvsadm]);
  assert.ok(rows.includes('    inet 10.96.0.10/32 scope global kube-ipvs0'));
  assert.ok(rows.includes('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT'));
  const folded = natRows(model, { filter: '', fold: true, now: lab.sim.now }).rows.map((r) => r.text);
  assert.ok(!folded.includes('TCP  10.96.0.10:53 rr'), 'kube-dns\'s virtual servers fold');
});

test('NAT table: nftables mode shows nft list table ip kube-proxy', () => {
  const lab = webLab();
  sh(lab, 'proxy-mode nftables');
  sh(lab, 'sleep 10');
  const rows = rowsOf(lab, 'node01').rows.map((r) => r.text).join('\n');
  assert.equal(rows, onNode(lab, 'node01', 'nft list table ip kube-proxy').replace(/\t/g, '  ').trimEnd());
  const folded = rowsOf(lab, 'node01', { fold: true });
  assert.ok(folded.folded > 0);
  assert.ok(!folded.rows.some((r) => r.text.startsWith('  chain service-') && r.text.includes('kube-system/')));
});

test('NAT table: a trace lights up the rules it went through, numbered as trace numbers them, for 30 s', () => {
  const lab = webLab();
  const trace = onNode(lab, 'node01', 'trace 10.96.0.10:53 -u').split('\n');
  const marks = traceMarks(lab.shell.lastTrace, 'node01', lab.sim.now);
  const lit = rowsOf(lab, 'node01', { trace: marks }).rows.filter((r) => r.token === 'traced');
  assert.ok(lit.length >= 5);
  for (const r of lit) {
    const n = Number(r.marker.slice(1));
    assert.match(r.marker, /^>\d+$/);
    const line = trace.find((l) => l.startsWith(`${String(n).padStart(3)}  node01 `));
    assert.ok(line?.endsWith(r.text), `${r.marker} ${r.text}`);
  }
  assert.equal(traceMarks(lab.shell.lastTrace, 'controlplane', lab.sim.now).size > 0, true, 'the packet also crossed controlplane');
  sh(lab, 'sleep 31');
  assert.equal(traceMarks(lab.shell.lastTrace, 'node01', lab.sim.now).size, 0);
});

test('kube-proxy log: kubectl logs\' lines for a node, every node merged by time, E and W tokens', () => {
  const lab = webLab();
  const p = lab.sim.proxy!.node01!;
  const kubectl = sh(lab, `kubectl -n kube-system logs ${p.pod}`).out.split('\n');
  assert.deepEqual(logView(lab.sim, 'node01').map((l) => l.text), kubectl);
  const all = logView(lab.sim, null);
  assert.ok(all.every((l) => /^\[(node01|node02|controlplane)\] [IWE]\d{4} /.test(l.text)));
  const times = all.map((l) => l.text.replace(/^\[\S+\] [IWE](\d{4} \S+).*/, '$1'));
  assert.deepEqual(times, [...times].sort());
  log(p, lab.sim.now, { level: 0, severity: 'E', source: 'proxier.go:1', msg: 'Failed to execute iptables-restore' });
  log(p, lab.sim.now, { level: 0, severity: 'W', source: 'proxier.go:2', msg: 'Slow sync' });
  assert.deepEqual(logView(lab.sim, 'node01').slice(-2).map((l) => l.token), ['error', 'warning']);
});

test('kube-proxy log: n cycles node01 → node02 → controlplane → all nodes', () => {
  const nodes = ['node01', 'node02', 'controlplane'];
  const seen = [nextLogSource('node01', nodes), nextLogSource('node02', nodes), nextLogSource('controlplane', nodes), nextLogSource(null, nodes)];
  assert.deepEqual(seen, ['node02', 'controlplane', null, 'node01']);
});
