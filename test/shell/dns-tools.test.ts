// The DNS clients on the default lab, text in, exact text out. Formats were checked by running the
// real bind9 9.18 dig/host/nslookup, busybox 1.35's nslookup and glibc's getent against a server
// answering with the lab's CoreDNS replies; busybox 1.28's form is kubectl.md §6.3's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance } from '../../src/sim/index.js';
import { getStored } from '../../src/sim/api-server/store.js';
import type { Service } from '../../src/sim/types.js';
import { sh } from './bash-helpers.js';
import { testLab, type TestLab } from './harness.js';

const lines = (...ls: string[]): string => ls.join('\n');
const TIMEOUT3 = (server: string): string[] => Array(3).fill(`;; communications error to ${server}#53: timed out`);

/** A lab with three client pods: busybox 1.28, busybox latest and the Kubernetes dnsutils image. */
function clients(): TestLab {
  const lab = testLab();
  sh(lab, 'kubectl run old --image=busybox:1.28 -- sleep 3600');
  sh(lab, 'kubectl run bb --image=busybox -- sleep 3600');
  sh(lab, 'kubectl run dn --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600');
  sh(lab, 'kubectl run web --image=nginx');
  advance(lab.sim, 60_000);
  return lab;
}

test('busybox 1.28 nslookup: server and address names from reverse lookups (kubectl.md §6.3)', () => {
  const lab = clients();
  assert.deepEqual(sh(lab, 'kubectl exec old -- nslookup kubernetes'), {
    out: lines('Server:    10.96.0.10', 'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local', '', 'Name:      kubernetes', 'Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local'),
    err: '', status: 0,
  });
  assert.deepEqual(sh(lab, 'kubectl exec old -- nslookup kube-dns.kube-system'), {
    out: lines('Server:    10.96.0.10', 'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local', '', 'Name:      kube-dns.kube-system', 'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local'),
    err: '', status: 0,
  });
});

test('busybox nslookup (1.29+): A and AAAA per search domain, every reply printed, exit 1', () => {
  const lab = clients();
  const nx = (n: string): string[] => [`** server can't find ${n}: NXDOMAIN`, ''];
  assert.deepEqual(sh(lab, 'kubectl exec bb -- nslookup kubernetes'), {
    out: lines('Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', 'Name:\tkubernetes.default.svc.cluster.local', 'Address: 10.96.0.1', '',
      ...nx('kubernetes.svc.cluster.local'), ...nx('kubernetes.cluster.local'), '', ...nx('kubernetes.svc.cluster.local'), ...nx('kubernetes.cluster.local')),
    err: 'command terminated with exit code 1', status: 1,
  });
});

test('bind nslookup in a dnsutils pod: CoreDNS sets no RA bit, so nslookup says so for every reply', () => {
  const lab = clients();
  assert.deepEqual(sh(lab, 'kubectl exec dn -- nslookup kubernetes'), {
    out: lines(';; Got recursion not available from 10.96.0.10', 'Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '', 'Name:\tkubernetes.default.svc.cluster.local',
      'Address: 10.96.0.1', ';; Got recursion not available from 10.96.0.10', ''),
    err: '', status: 0,
  });
  assert.deepEqual(sh(lab, 'kubectl exec dn -- nslookup nope.default.svc.cluster.local'), {
    out: lines(...Array(4).fill(';; Got recursion not available from 10.96.0.10'), 'Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '',
      "** server can't find nope.default.svc.cluster.local: NXDOMAIN", ''),
    err: 'command terminated with exit code 1', status: 1,
  });
  assert.deepEqual(sh(lab, 'kubectl exec dn -- nslookup 10.96.0.10'), {
    out: lines(';; Got recursion not available from 10.96.0.10', '10.0.96.10.in-addr.arpa\tname = kube-dns.kube-system.svc.cluster.local.', ''), err: '', status: 0,
  });
});

test('a Service in another namespace: by name.namespace through the search list', () => {
  const lab = clients();
  sh(lab, 'kubectl create namespace shop');
  sh(lab, 'kubectl create deployment cart --image=nginx -n shop');
  sh(lab, 'kubectl expose deployment cart --port=8080 --target-port=80 -n shop');
  advance(lab.sim, 60_000);
  const ip = getStored<Service>(lab.sim, 'services', 'shop/cart')!.spec.clusterIP!;
  assert.deepEqual(sh(lab, 'kubectl exec dn -- host cart.shop'), { out: `cart.shop.svc.cluster.local has address ${ip}`, err: '', status: 0 });
  assert.deepEqual(sh(lab, 'kubectl exec web -- getent hosts cart.shop'), { out: `${ip.padEnd(15)} cart.shop.svc.cluster.local`, err: '', status: 0 });
  assert.deepEqual(sh(lab, 'kubectl exec dn -- dig +short +search cart.shop'), { out: ip, err: '', status: 0 });
  assert.deepEqual(sh(lab, 'kubectl exec dn -- dig +short -x ' + ip), { out: 'cart.shop.svc.cluster.local.', err: '', status: 0 });
});

test('dig from a node straight to kube-dns: the whole report, MSG SIZE from the wire format', () => {
  const lab = testLab();
  const r = sh(lab, 'dig @10.96.0.10 kubernetes.default.svc.cluster.local');
  const masked = r.out.replace(/id: \d+/, 'id: ID').replace(/COOKIE: [0-9a-f]{16}/, 'COOKIE: C');
  assert.equal(masked, lines('', '; <<>> DiG 9.18.30-0ubuntu0.22.04.2-Ubuntu <<>> @10.96.0.10 kubernetes.default.svc.cluster.local', '; (1 server found)',
    ';; global options: +cmd', ';; Got answer:', ';; WARNING: .local is reserved for Multicast DNS',
    ';; You are currently testing what happens when an mDNS query is leaked to DNS', ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID',
    ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1', ';; WARNING: recursion requested but not available', '',
    ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', '; COOKIE: C (echoed)', ';; QUESTION SECTION:',
    ';kubernetes.default.svc.cluster.local. IN A', '', ';; ANSWER SECTION:', 'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1', '',
    ';; Query time: 0 msec', ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)', ';; WHEN: Thu Jan 15 09:00:00 UTC 2026', ';; MSG SIZE  rcvd: 129', ''));
  assert.equal(r.status, 0);
});

test('on a node, names go to systemd-resolved, which knows the nodes but not the cluster', () => {
  const lab = testLab();
  assert.deepEqual(sh(lab, 'nslookup kubernetes.default.svc.cluster.local'), {
    out: lines(...TIMEOUT3('127.0.0.53'), ';; no servers could be reached', ''), err: '', status: 1,
  });
  assert.deepEqual(sh(lab, 'getent hosts node02'), { out: '192.168.56.12   node02', err: '', status: 0 });
  assert.deepEqual(sh(lab, 'host kubernetes.default.svc.cluster.local 10.96.0.10'), {
    out: lines('Using domain server:', 'Name: 10.96.0.10', 'Address: 10.96.0.10#53', 'Aliases: ', '', 'kubernetes.default.svc.cluster.local has address 10.96.0.1'),
    err: '', status: 0,
  });
});

test('ExternalName: an in-cluster target is chased by CoreDNS; an outside one waits on the unreachable upstream', () => {
  const lab = clients();
  sh(lab, 'kubectl create service externalname inner --external-name=kubernetes.default.svc.cluster.local');
  sh(lab, 'kubectl create service externalname db --external-name=db.example.com');
  assert.deepEqual(sh(lab, 'kubectl exec dn -- host inner'), {
    out: lines('inner.default.svc.cluster.local is an alias for kubernetes.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.local has address 10.96.0.1'),
    err: '', status: 0,
  });
  assert.deepEqual(sh(lab, 'kubectl exec dn -- dig +short db.default.svc.cluster.local'), {
    out: lines(...TIMEOUT3('10.96.0.10'), ';; no servers could be reached'), err: 'command terminated with exit code 9', status: 9,
  });
  assert.deepEqual(sh(lab, 'kubectl exec web -- getent hosts inner'), { out: '10.96.0.1       kubernetes.default.svc.cluster.local inner.default.svc.cluster.local', err: '', status: 0 });
});

test('CoreDNS scaled to zero: kube-dns has no endpoints, kube-proxy rejects, clients fail', () => {
  const lab = clients();
  sh(lab, 'kubectl scale deployment coredns -n kube-system --replicas=0');
  advance(lab.sim, 60_000);
  assert.deepEqual(sh(lab, 'kubectl exec old -- nslookup kubernetes'), {
    out: lines('Server:    10.96.0.10', 'Address 1: 10.96.0.10', ''), err: lines("nslookup: can't resolve 'kubernetes'", 'command terminated with exit code 1'), status: 1,
  });
  const refused = Array(3).fill(';; communications error to 10.96.0.10#53: connection refused');
  assert.deepEqual(sh(lab, 'dig @10.96.0.10 +short kubernetes.default.svc.cluster.local'), { out: lines(...refused, ';; no servers could be reached'), err: '', status: 9 });
  assert.deepEqual(sh(lab, 'kubectl exec web -- getent hosts kubernetes'), { out: '', err: 'command terminated with exit code 2', status: 2 });
});

test('a program the image does not ship is not found, in the words of its shell', () => {
  const lab = clients();
  assert.deepEqual(sh(lab, 'kubectl exec bb -- dig kubernetes'), { out: '', err: lines('sh: dig: not found', 'command terminated with exit code 127'), status: 127 });
  assert.deepEqual(sh(lab, 'kubectl exec web -- nslookup kubernetes'), { out: '', err: lines('bash: nslookup: command not found', 'command terminated with exit code 127'), status: 127 });
  sh(lab, 'kubectl exec -it bb -- sh');
  assert.deepEqual(sh(lab, 'getent hosts kubernetes'), { out: '', err: 'sh: getent: not found', status: 127 });
});
