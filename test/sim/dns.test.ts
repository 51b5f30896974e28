// CoreDNS's answers (kubernetes plugin, kubeadm Corefile) and the stub resolvers' search lists.
// Addressing plan: the default lab (kube-dns 10.96.0.10, pods 10.244.N.x); `web` has two ready
// pods behind a ClusterIP and a headless Service, `db` and `inner` are ExternalName Services.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster, advance, apiCreate, isApiError } from '../../src/sim/index.js';
import type { EndpointSlice, KubeObject, Service } from '../../src/sim/types.js';
import { listByLabels, getStored } from '../../src/sim/api-server/store.js';
import { answerQuery, FORWARD_GIVE_UP_MS } from '../../src/sim/dns/coredns.js';
import { zoneSerial } from '../../src/sim/dns/zone.js';
import { searchCandidates, searchNames, directTransport, parseResolvConf, resolvConfFor } from '../../src/sim/dns/resolver.js';
import { encodeResponse } from '../../src/sim/dns/wire.js';
import { makeDeployment, makeService } from './builders.js';

function create(state: ReturnType<typeof createCluster>, obj: KubeObject): void {
  const r = apiCreate(state, obj);
  assert.ok(!isApiError(r), isApiError(r) ? r.message : '');
}

/** The lab of the addressing plan, settled for a minute so the pods are ready. */
function lab(): ReturnType<typeof createCluster> {
  const state = createCluster({ seed: 1 });
  create(state, makeDeployment('web', (d) => { d.spec.replicas = 2; }));
  create(state, makeService('web', (s) => { s.spec.ports = [{ name: 'http', port: 80, targetPort: 80 }]; }));
  create(state, makeService('web-h', (s) => { s.spec.clusterIP = 'None'; s.spec.selector = { app: 'web' }; s.spec.ports = [{ name: 'http', port: 80 }]; }));
  create(state, makeService('db', (s) => { s.spec = { type: 'ExternalName', externalName: 'db.example.com' }; }));
  create(state, makeService('inner', (s) => { s.spec = { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' }; }));
  advance(state, 60_000);
  return state;
}

const state = lab();
const webIP = getStored<Service>(state, 'services', 'default/web')!.spec.clusterIP!;
const podIPs = listByLabels<EndpointSlice>(state, 'endpointslices', 'default', { 'kubernetes.io/service-name': 'web-h' })
  .flatMap((s) => (s.endpoints ?? []).flatMap((e) => e.addresses));
const soa = { name: 'cluster.local.', ttl: 30, type: 'SOA', mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', serial: zoneSerial(state), refresh: 7200, retry: 1800, expire: 86400, minimum: 30 };

test('a ClusterIP Service answers A with its ClusterIP, TTL 30, authoritative, no RA', () => {
  const r = answerQuery(state, { name: 'web.default.svc.cluster.local', type: 'A' });
  assert.deepEqual([r.rcode, r.authoritative, r.recursionAvailable], ['NOERROR', true, false]);
  assert.deepEqual(r.answer, [{ name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', address: webIP }]);
  assert.deepEqual(answerQuery(state, { name: 'Kubernetes.Default.svc.cluster.local.', type: 'A' }).answer, [{ name: 'Kubernetes.Default.svc.cluster.local.', ttl: 30, type: 'A', address: '10.96.0.1' }]);
});

test('AAAA of an existing name is NODATA: NOERROR with the zone SOA in the authority section', () => {
  const r = answerQuery(state, { name: 'web.default.svc.cluster.local.', type: 'AAAA' });
  assert.deepEqual([r.rcode, r.answer, r.authority], ['NOERROR', [], [soa]]);
});

test('an unknown name in the cluster zone is NXDOMAIN with the SOA; so is an unknown namespace', () => {
  for (const name of ['nope.default.svc.cluster.local.', 'web.nosuchns.svc.cluster.local.', 'a.b.c.d.default.svc.cluster.local.']) {
    const r = answerQuery(state, { name, type: 'A' });
    assert.deepEqual([r.rcode, r.authority], ['NXDOMAIN', [soa]], name);
  }
  assert.equal(answerQuery(state, { name: 'default.svc.cluster.local.', type: 'A' }).rcode, 'NOERROR');
});

test('a headless Service answers with each ready endpoint; endpoints also have their own names', () => {
  const r = answerQuery(state, { name: 'web-h.default.svc.cluster.local.', type: 'A' });
  assert.deepEqual(r.answer.map((a) => (a.type === 'A' ? a.address : '')), podIPs);
  const one = podIPs[0]!;
  const named = answerQuery(state, { name: `${one.replaceAll('.', '-')}.web-h.default.svc.cluster.local.`, type: 'A' });
  assert.deepEqual(named.answer, [{ name: `${one.replaceAll('.', '-')}.web-h.default.svc.cluster.local.`, ttl: 30, type: 'A', address: one }]);
});

test('a headless Service with no ready endpoints is NXDOMAIN (findServices leaves errNoItems)', () => {
  const s = createCluster({ seed: 2 });
  create(s, makeService('lonely', (svc) => { svc.spec.clusterIP = 'None'; }));
  advance(s, 5_000);
  assert.equal(answerQuery(s, { name: 'lonely.default.svc.cluster.local.', type: 'A' }).rcode, 'NXDOMAIN');
});

test('ExternalName gives a CNAME: chased inside the zone, alone (after the upstream gives up) outside it', () => {
  const inner = answerQuery(state, { name: 'inner.default.svc.cluster.local.', type: 'A' });
  assert.deepEqual(inner.answer, [
    { name: 'inner.default.svc.cluster.local.', ttl: 30, type: 'CNAME', target: 'web.default.svc.cluster.local.' },
    { name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', address: webIP },
  ]);
  const db = answerQuery(state, { name: 'db.default.svc.cluster.local.', type: 'A' });
  assert.deepEqual([db.rcode, db.answer, db.delayMs], ['NOERROR', [{ name: 'db.default.svc.cluster.local.', ttl: 30, type: 'CNAME', target: 'db.example.com.' }], FORWARD_GIVE_UP_MS]);
});

test('SRV for a named port: weight ⌊100/N⌋, one per endpoint for headless, A records in the extra section', () => {
  const svc = answerQuery(state, { name: '_http._tcp.web.default.svc.cluster.local.', type: 'SRV' });
  assert.deepEqual(svc.answer, [{ name: '_http._tcp.web.default.svc.cluster.local.', ttl: 30, type: 'SRV', priority: 0, weight: 100, port: 80, target: 'web.default.svc.cluster.local.' }]);
  assert.deepEqual(svc.additional, [{ name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', address: webIP }]);
  const h = answerQuery(state, { name: '_http._tcp.web-h.default.svc.cluster.local.', type: 'SRV' });
  assert.deepEqual(h.answer.map((a) => (a.type === 'SRV' ? `${a.weight} ${a.port} ${a.target}` : '')),
    podIPs.map((ip) => `50 80 ${ip.replaceAll('.', '-')}.web-h.default.svc.cluster.local.`));
  assert.equal(answerQuery(state, { name: '_https._tcp.web.default.svc.cluster.local.', type: 'SRV' }).rcode, 'NXDOMAIN');
});

test('pods insecure: any dashed address in an existing namespace answers with that address', () => {
  assert.deepEqual(answerQuery(state, { name: '1-2-3-4.default.pod.cluster.local.', type: 'A' }).answer, [{ name: '1-2-3-4.default.pod.cluster.local.', ttl: 30, type: 'A', address: '1.2.3.4' }]);
  assert.equal(answerQuery(state, { name: '1-2-3-4.nosuchns.pod.cluster.local.', type: 'A' }).rcode, 'NXDOMAIN');
});

test('PTR: a ClusterIP names its Service, an endpoint address its endpoint name under each Service', () => {
  assert.deepEqual(answerQuery(state, { name: '10.0.96.10.in-addr.arpa.', type: 'PTR' }).answer, [{ name: '10.0.96.10.in-addr.arpa.', ttl: 30, type: 'PTR', target: 'kube-dns.kube-system.svc.cluster.local.' }]);
  const ip = podIPs[0]!;
  const rev = `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  assert.deepEqual(answerQuery(state, { name: rev, type: 'PTR' }).answer.map((a) => (a.type === 'PTR' ? a.target : '')),
    [`${ip.replaceAll('.', '-')}.web.default.svc.cluster.local.`, `${ip.replaceAll('.', '-')}.web-h.default.svc.cluster.local.`]);
});

test('names outside the cluster zone, and unknown reverse names, are forwarded upstream: SERVFAIL after the forward gives up', () => {
  for (const name of ['example.com.', 'web.', '9.9.244.10.in-addr.arpa.']) {
    const r = answerQuery(state, { name, type: name.endsWith('arpa.') ? 'PTR' : 'A' });
    assert.deepEqual([r.rcode, r.delayMs, r.authoritative], ['SERVFAIL', FORWARD_GIVE_UP_MS, false], name);
  }
});

test('the zone apex: NS is kube-dns, SOA is the SOA, dns-version is 1.1.0', () => {
  const ns = answerQuery(state, { name: 'cluster.local.', type: 'NS' });
  assert.deepEqual(ns.answer, [{ name: 'cluster.local.', ttl: 30, type: 'NS', target: 'kube-dns.kube-system.svc.cluster.local.' }]);
  assert.deepEqual(answerQuery(state, { name: 'cluster.local.', type: 'SOA' }).answer, [soa]);
  assert.deepEqual(answerQuery(state, { name: 'dns-version.cluster.local.', type: 'TXT' }).answer, [{ name: 'dns-version.cluster.local.', ttl: 28800, type: 'TXT', text: '1.1.0' }]);
});

test('the wire size of a reply is what dig 9.18 reports as MSG SIZE rcvd (checked against real dig)', () => {
  const r = answerQuery(state, { name: 'web.default.svc.cluster.local.', type: 'A' });
  const cookie: [number, Uint8Array][] = [[10, new Uint8Array(8)]];
  assert.equal(encodeResponse(r, 1, true, { udpSize: 1232, options: cookie }).length, 115);
  const nx = answerQuery(state, { name: 'nope.default.svc.cluster.local.', type: 'A' });
  assert.equal(encodeResponse(nx, 1, true, { udpSize: 1232, options: cookie }).length, 164);
});

test('search lists under ndots: glibc tries the search list first below ndots, musl never searches at or above it', () => {
  const conf = parseResolvConf(resolvConfFor(state, { kind: 'pod', namespace: 'shop', pod: 'x' }));
  assert.deepEqual([conf.search, conf.nameservers, conf.ndots], [['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ['10.96.0.10'], 5]);
  assert.deepEqual(searchCandidates('web', conf, 'glibc'), ['web.shop.svc.cluster.local.', 'web.svc.cluster.local.', 'web.cluster.local.', 'web.']);
  assert.deepEqual(searchCandidates('a.b.c.d.e.f', conf, 'glibc'), ['a.b.c.d.e.f.', 'a.b.c.d.e.f.shop.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.']);
  assert.deepEqual(searchCandidates('a.b.c.d.e.f', conf, 'musl'), ['a.b.c.d.e.f.']);
  assert.deepEqual(searchCandidates('web.default.svc.cluster.local.', conf, 'glibc'), ['web.default.svc.cluster.local.']);
  const seen: string[] = [];
  const r = searchNames(searchCandidates('web', conf, 'musl'), 'musl', (n) => { seen.push(n); return n === 'web.svc.cluster.local.' ? 'servfail' : 'nxdomain'; });
  assert.deepEqual([r, seen], [{ failed: 'servfail' }, ['web.shop.svc.cluster.local.', 'web.svc.cluster.local.']]);
});

test('a node resolves through systemd-resolved, which knows /etc/hosts but not the cluster', () => {
  const t = directTransport(state, { kind: 'node', node: 'controlplane' });
  const hit = t('127.0.0.53', { name: 'node01.', type: 'A' });
  assert.deepEqual(hit.kind === 'answer' && hit.response.answer, [{ name: 'node01.', ttl: 0, type: 'A', address: '192.168.56.11' }]);
  assert.deepEqual(t('127.0.0.53', { name: 'web.default.svc.cluster.local.', type: 'A' }), { kind: 'timeout' });
  assert.equal(t('10.96.0.10', { name: 'web.default.svc.cluster.local.', type: 'A' }).kind, 'answer');
});
