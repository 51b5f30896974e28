// kube-proxy's iptables mode, in the style of pkg/proxy/iptables/proxier_test.go: builders for
// service ports and endpoints, full expected rule text for each service shape, and the chain
// names and probabilities of reference kube-proxy.md §1.6–§1.7.
//
// Addressing plan: nodes controlplane/node01/node02 = 192.168.56.10-12 with podCIDRs
// 10.244.0-2.0/24, clusterCIDR 10.244.0.0/16, service CIDR 10.96.0.0/12.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointChain, nftChainName, serviceChains } from '../../../src/sim/kube-proxy/chain-names.js';
import { probability } from '../../../src/sim/kube-proxy/iptables-mode/rule.js';
import { writeServicePort, type WriterContext } from '../../../src/sim/kube-proxy/iptables-mode/service.js';
import { writeIptables } from '../../../src/sim/kube-proxy/iptables-mode/tables.js';
import type { EndpointInfo, ServicePortInfo, SyncInput } from '../../../src/sim/kube-proxy/types.js';
import { ep, makeServicePort } from './builders.js';

const NODE01: WriterContext = { node: 'node01', nodeIP: '192.168.56.11', clusterCIDR: '10.244.0.0/16', masqueradeAll: false, localhostNodePortsAcct: true };
const WEB_EPS = [ep('10.244.1.5', 8080, 'node01'), ep('10.244.2.7', 8080, 'node02'), ep('10.244.2.8', 8080, 'node02')];

test('chain names are the ones real clusters show (reference §1.6, §4)', () => {
  assert.equal(serviceChains('default/kubernetes:https', 'TCP').svc, 'KUBE-SVC-NPX46M4PTMTKRN6Y');
  assert.equal(endpointChain('default/kubernetes:https', 'tcp', '172.18.0.2:6443'), 'KUBE-SEP-V2PECCYPB6X2GSCW');
  assert.equal(serviceChains('kube-system/kube-dns:dns', 'udp').svc, 'KUBE-SVC-TCOU7JCQXEZGVUNU');
  assert.equal(serviceChains('kube-system/kube-dns:dns-tcp', 'tcp').svc, 'KUBE-SVC-ERIFXISQEP7F7OF4');
  assert.equal(serviceChains('kube-system/kube-dns:metrics', 'tcp').svc, 'KUBE-SVC-JD5MR3NA4I4DYORP');
  assert.deepEqual(serviceChains('default/web:http', 'tcp'), { svc: 'KUBE-SVC-CDGGSHYLG3RE2FKL', svl: 'KUBE-SVL-CDGGSHYLG3RE2FKL', ext: 'KUBE-EXT-CDGGSHYLG3RE2FKL', fw: 'KUBE-FW-CDGGSHYLG3RE2FKL' });
  assert.equal(endpointChain('default/web:http', 'tcp', '10.244.1.5:8080'), 'KUBE-SEP-AFGSLHOD2HFNCBX4');
  assert.equal(serviceChains('default/db', 'tcp').svc, 'KUBE-SVC-2KHWPRMFJERXUJE3');
  assert.equal(endpointChain('default/db', 'tcp', '10.244.1.2:3306'), 'KUBE-SEP-FWRZADDAE2S3OEZ2');
  assert.equal(serviceChains('default/service1:downloader', 'tcp').svc, 'KUBE-SVC-XFIT55N4IPARHPG5');
  assert.equal(serviceChains('my-namespace/my-app', 'tcp').svc, 'KUBE-SVC-HLZB4VDDFP2JZATZ');
  assert.equal(endpointChain('kube-system/kube-dns:dns', 'udp', '10.244.0.4:53'), 'KUBE-SEP-WXWGHGKZOCNYRYI7');
  assert.equal(nftChainName('service', 'default/kubernetes/tcp/https'), 'service-2QRHZV4L-default/kubernetes/tcp/https');
  assert.equal(nftChainName('endpoint', 'default/kubernetes/tcp/https__172.18.0.2/6443'), 'endpoint-KJBNWEXB-default/kubernetes/tcp/https__172.18.0.2/6443');
});

test('probabilities as iptables-save prints them back (reference §1.7)', () => {
  const want = ['0.50000000000', '0.33333333349', '0.25000000000', '0.20000000019', '0.16666666651', '0.14285714272', '0.12500000000', '0.11111111101', '0.10000000009'];
  assert.deepEqual([2, 3, 4, 5, 6, 7, 8, 9, 10].map(probability), want);
});

test('ClusterIP with three endpoints: KUBE-SERVICES → KUBE-SVC (masquerade off-cluster, cascade) → KUBE-SEP (hairpin, DNAT)', () => {
  const r = writeServicePort(makeServicePort('web', (p) => { p.name = 'default/web:http'; p.portName = 'http'; }), WEB_EPS, NODE01);
  assert.deepEqual(r.natServices, ['-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL']);
  assert.deepEqual(r.chains['KUBE-SVC-CDGGSHYLG3RE2FKL'], [
    '-A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s 10.244.0.0/16 -d 10.96.12.7/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-AFGSLHOD2HFNCBX4',
    `-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -m statistic --mode random --probability 0.50000000000 -j ${endpointChain('default/web:http', 'tcp', '10.244.2.7:8080')}`,
    `-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.8:8080" -j ${endpointChain('default/web:http', 'tcp', '10.244.2.8:8080')}`,
  ]);
  assert.deepEqual(r.chains['KUBE-SEP-AFGSLHOD2HFNCBX4'], [
    '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -s 10.244.1.5/32 -m comment --comment "default/web:http" -j KUBE-MARK-MASQ',
    '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.5:8080',
  ]);
  assert.equal(Object.keys(r.chains).length, 4);
});

test('no ready endpoints: nothing in nat, a REJECT in filter', () => {
  const r = writeServicePort(makeServicePort('db', (p) => { p.port = 3306; p.nodePort = 30306; }), [ep('10.244.1.2', 3306, 'node01', (e) => { e.ready = false; e.serving = false; })], NODE01);
  assert.deepEqual([r.natServices, r.natNodePorts, Object.keys(r.chains)], [[], [], []]);
  assert.deepEqual(r.filterServices, ['-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/db has no endpoints" -m tcp --dport 3306 -j REJECT --reject-with icmp-port-unreachable']);
  assert.deepEqual(r.filterExternal, ['-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/db has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30306 -j REJECT --reject-with icmp-port-unreachable']);
  assert.equal(r.endpointCount, 1);
});

test('NodePort (Cluster policy): two KUBE-NODEPORTS rules into KUBE-EXT, which masquerades', () => {
  const r = writeServicePort(makeServicePort('web', (p) => { p.nodePort = 31110; }), WEB_EPS.slice(0, 1), NODE01);
  const ext = serviceChains('default/web', 'tcp').ext;
  assert.deepEqual(r.natNodePorts, [
    `-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/web" -m tcp --dport 31110 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j ${ext}`,
    `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 31110 -j ${ext}`,
  ]);
  assert.deepEqual(r.chains[ext], [
    `-A ${ext} -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ`,
    `-A ${ext} -j ${serviceChains('default/web', 'tcp').svc}`,
  ]);
});

test('externalTrafficPolicy Local: KUBE-SVL on a node with a local endpoint, a DROP in filter on one without', () => {
  const svc = makeServicePort('web', (p) => { p.nodePort = 31110; p.externalPolicyLocal = true; });
  const names = serviceChains('default/web', 'tcp');
  const on01 = writeServicePort(svc, WEB_EPS, NODE01);
  assert.deepEqual(on01.chains[names.ext], [
    `-A ${names.ext} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j ${names.svc}`,
    `-A ${names.ext} -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
    `-A ${names.ext} -m comment --comment "route LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j ${names.svc}`,
    `-A ${names.ext} -j ${names.svl}`,
  ]);
  assert.deepEqual(on01.chains[names.svl], [`-A ${names.svl} -m comment --comment "default/web -> 10.244.1.5:8080" -j ${endpointChain('default/web', 'tcp', '10.244.1.5:8080')}`]);
  assert.deepEqual(on01.filterExternal, []);
  const onCp = writeServicePort(svc, WEB_EPS, { ...NODE01, node: 'controlplane', nodeIP: '192.168.56.10' });
  assert.equal(onCp.chains[names.svl], undefined);
  assert.equal(onCp.chains[names.ext]!.length, 3);
  assert.deepEqual(onCp.filterExternal, ['-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31110 -j DROP']);
});

test('internalTrafficPolicy Local: KUBE-SERVICES jumps to KUBE-SVL; without a local endpoint the ClusterIP is dropped', () => {
  const svc = makeServicePort('web', (p) => { p.internalPolicyLocal = true; });
  const svl = serviceChains('default/web', 'tcp').svl;
  assert.deepEqual(writeServicePort(svc, WEB_EPS, NODE01).natServices, [`-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${svl}`]);
  const cp = writeServicePort(svc, WEB_EPS, { ...NODE01, node: 'controlplane' });
  assert.deepEqual(cp.filterServices, ['-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/web has no local endpoints" -m tcp --dport 80 -j DROP']);
  assert.deepEqual(Object.keys(cp.chains), []);
});

test('sessionAffinity ClientIP: recent checks first, then the cascade; the SEP sets the list', () => {
  const r = writeServicePort(makeServicePort('web', (p) => { p.stickyMaxAgeSeconds = 10800; }), WEB_EPS.slice(0, 2), NODE01);
  const svc = serviceChains('default/web', 'tcp').svc;
  const [a, b] = WEB_EPS.slice(0, 2).map((e) => endpointChain('default/web', 'tcp', e.endpoint));
  assert.deepEqual(r.chains[svc]!.slice(1), [
    `-A ${svc} -m comment --comment "default/web -> 10.244.1.5:8080" -m recent --rcheck --seconds 10800 --reap --name ${a} --mask 255.255.255.255 --rsource -j ${a}`,
    `-A ${svc} -m comment --comment "default/web -> 10.244.2.7:8080" -m recent --rcheck --seconds 10800 --reap --name ${b} --mask 255.255.255.255 --rsource -j ${b}`,
    `-A ${svc} -m comment --comment "default/web -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j ${a}`,
    `-A ${svc} -m comment --comment "default/web -> 10.244.2.7:8080" -j ${b}`,
  ]);
  assert.equal(r.chains[a!]![1], `-A ${a} -p tcp -m comment --comment "default/web" -m recent --set --name ${a} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.5:8080`);
});

test('LoadBalancer with source ranges: KUBE-FW, and a DROP in KUBE-PROXY-FIREWALL', () => {
  const r = writeServicePort(makeServicePort('lb', (p) => { p.nodePort = 30080; p.loadBalancerIPs = ['203.0.113.10']; p.loadBalancerSourceRanges = ['198.51.100.0/24']; }), WEB_EPS, NODE01);
  const n = serviceChains('default/lb', 'tcp');
  assert.equal(r.natServices[1], `-A KUBE-SERVICES -d 203.0.113.10/32 -p tcp -m comment --comment "default/lb loadbalancer IP" -m tcp --dport 80 -j ${n.fw}`);
  assert.deepEqual(r.chains[n.fw], [
    `-A ${n.fw} -s 198.51.100.0/24 -m comment --comment "default/lb loadbalancer IP" -j ${n.ext}`,
    `-A ${n.fw} -m comment --comment "other traffic to default/lb will be dropped by KUBE-PROXY-FIREWALL"`,
  ]);
  assert.deepEqual(r.filterFirewall, [`-A KUBE-PROXY-FIREWALL -d 203.0.113.10/32 -p tcp -m comment --comment "default/lb traffic not accepted by ${n.fw}" -m tcp --dport 80 -j DROP`]);
});

test('externalIPs and UDP', () => {
  const r = writeServicePort(makeServicePort('dns', (p) => { p.protocol = 'UDP'; p.port = 53; p.externalIPs = ['192.168.56.200']; }), [ep('10.244.1.9', 53, 'node01')], NODE01);
  const n = serviceChains('default/dns', 'udp');
  assert.equal(r.natServices[1], `-A KUBE-SERVICES -d 192.168.56.200/32 -p udp -m comment --comment "default/dns external IP" -m udp --dport 53 -j ${n.ext}`);
  assert.equal(r.chains[endpointChain('default/dns', 'udp', '10.244.1.9:53')]![1], `-A ${endpointChain('default/dns', 'udp', '10.244.1.9:53')} -p udp -m comment --comment "default/dns" -m udp -j DNAT --to-destination 10.244.1.9:53`);
});

function baselineInput(): SyncInput {
  const k = makeServicePort('kubernetes', (p) => { p.name = 'default/kubernetes:https'; p.portName = 'https'; p.clusterIP = '10.96.0.1'; p.port = 443; });
  const dns = (port: string, proto: 'TCP' | 'UDP', n: number): ServicePortInfo => makeServicePort('kube-dns', (p) => { p.name = `kube-system/kube-dns:${port}`; p.namespace = 'kube-system'; p.portName = port; p.protocol = proto; p.clusterIP = '10.96.0.10'; p.port = n; });
  const services = [k, dns('dns', 'UDP', 53), dns('dns-tcp', 'TCP', 53), dns('metrics', 'TCP', 9153)];
  const coredns = (port: number): EndpointInfo[] => [ep('10.244.0.2', port, 'controlplane'), ep('10.244.0.3', port, 'controlplane')];
  return {
    node: { name: 'node01', ips: ['192.168.56.11'], podCIDR: '10.244.1.0/24' },
    config: { mode: 'iptables', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true, nodePortAddresses: [], ipvsScheduler: '' },
    services,
    endpoints: { 'default/kubernetes:https': [ep('192.168.56.10', 6443, 'controlplane')], 'kube-system/kube-dns:dns': coredns(53), 'kube-system/kube-dns:dns-tcp': coredns(53), 'kube-system/kube-dns:metrics': coredns(9153) },
  };
}

test('the counts of a kubeadm cluster\'s partial sync match real logs (reference §5.4)', () => {
  const full = writeIptables(baselineInput());
  const partial = writeIptables({ ...baselineInput(), changed: [] }, full.tables);
  assert.deepEqual(partial.counts, { numServices: 4, numEndpoints: 7, numFilterChains: 6, numFilterRules: 4, numNATChains: 4, numNATRules: 9 });
  assert.deepEqual(partial.tables, full.tables);
});

test('a partial sync writes only the changed chains into the previous chain map; the tables and counts are those of a sync from scratch', async () => {
  const { diffRules } = await import('../../../src/sim/kube-proxy/rule-diff.js');
  const web = makeServicePort('web', (p) => { p.nodePort = 31110; });
  const db = makeServicePort('db', (p) => { p.port = 3306; });
  const start = baselineInput();
  start.services.push(web, db);
  start.endpoints['default/web'] = WEB_EPS;
  start.endpoints['default/db'] = [ep('10.244.1.2', 3306, 'node01')];
  const first = writeIptables(start);
  const firstState = { iptables: first.tables };
  const firstRules = structuredClone(first.tables.nat.chains);
  const firstCopy = structuredClone(first.tables);
  // web loses an endpoint, db goes away
  const next: SyncInput = { ...start, services: start.services.filter((s) => s !== db), endpoints: { ...start.endpoints, 'default/web': WEB_EPS.slice(0, 2) }, changed: ['default/web', 'default/db'] };
  delete next.endpoints['default/db'];
  const partial = writeIptables(next, first.tables);
  assert.equal(partial.tables.nat.chains, first.tables.nat.chains, 'the same chain map, as iptables-restore --noflush changes the kernel\'s table');
  const scratch = writeIptables({ ...next, changed: undefined } as SyncInput);
  assert.deepEqual(partial.tables, scratch.tables);
  const fromCopy = writeIptables(next, firstCopy);
  assert.deepEqual(partial.counts, fromCopy.counts, 'the log line counts what a sync that rebuilt the map counts');
  const dbChains = serviceChains('default/db', 'tcp');
  assert.ok(!(dbChains.svc in partial.tables.nat.chains));
  // the earlier state is still readable through the diff, although its chain map was written over
  const d = diffRules(firstState, { iptables: partial.tables });
  const want = { added: [] as string[], removed: [] as string[] };
  for (const c of new Set([...Object.keys(firstRules), ...Object.keys(scratch.tables.nat.chains)])) {
    const a = new Set(firstRules[c] ?? []);
    const b = new Set(scratch.tables.nat.chains[c] ?? []);
    for (const r of b) if (!a.has(r)) want.added.push(`nat\t${r}`);
    for (const r of a) if (!b.has(r)) want.removed.push(`nat\t${r}`);
  }
  const natOnly = (l: string[]): string[] => l.filter((r) => r.startsWith('nat\t')).sort();
  assert.deepEqual(natOnly(d.added), want.added.sort());
  assert.deepEqual(natOnly(d.removed), want.removed.sort());
  assert.ok(d.removed.some((r) => r.includes(`-A ${dbChains.svc} `)));
  // a full sync after the in-place one starts a new map; the diff from the first state still holds
  const full = writeIptables({ ...next, changed: undefined } as SyncInput, partial.tables);
  assert.notEqual(full.tables.nat.chains, first.tables.nat.chains);
  const d2 = diffRules(firstState, { iptables: full.tables });
  assert.deepEqual(natOnly(d2.added), want.added.sort());
  assert.deepEqual(natOnly(d2.removed), want.removed.sort());
});

test('every jump of a full table lands on a chain that exists', () => {
  const input = baselineInput();
  input.services.push(makeServicePort('web', (p) => { p.nodePort = 31110; p.externalPolicyLocal = true; p.stickyMaxAgeSeconds = 60; }));
  input.endpoints['default/web'] = WEB_EPS;
  for (const t of Object.values(writeIptables(input).tables)) {
    for (const rules of Object.values((t as { chains: Record<string, string[]> }).chains)) {
      for (const r of rules) {
        const target = / -j ([A-Z][A-Z0-9-]+)/.exec(r)?.[1];
        if (target && target.startsWith('KUBE-')) assert.ok(target in t.chains, `${r} jumps to a missing chain`);
      }
    }
  }
});

test('a sync remembers what it replaced, so the added and removed rules can be shown', async () => {
  const { testLab } = await import('../../shell/harness.js');
  const { sh } = await import('../../shell/bash-helpers.js');
  const { lastRuleDiff } = await import('../../../src/sim/kube-proxy/rule-diff.js');
  const lab = testLab();
  sh(lab, 'kubectl create service clusterip web --tcp=80:80');
  const diff = lastRuleDiff(lab.sim.proxy!['node01']!);
  assert.ok(diff.added.some((r) => /^filter\t-A KUBE-SERVICES .*"default\/web:80-80 has no endpoints".* -j REJECT/.test(r)), diff.added.join('\n'));
  const before = lab.sim.proxy!['node01']!.rules;
  sh(lab, 'kubectl create deployment web --image=nginx');
  sh(lab, 'sleep 10');
  const p = lab.sim.proxy!['node01']!;
  const { diffRules } = await import('../../../src/sim/kube-proxy/rule-diff.js');
  const d = diffRules(before, p.rules);
  assert.ok(d.removed.some((r) => r.includes('default/web:80-80 has no endpoints')));
  assert.ok(d.added.some((r) => /^nat\t-A KUBE-SERVICES .*"default\/web:80-80 cluster IP"/.test(r)));
});

test('both traffic policies Local: the EXT chain short-circuits pod and node traffic to a KUBE-SVC chain that exists', () => {
  const r = writeServicePort(makeServicePort('web', (p) => { p.nodePort = 31110; p.externalPolicyLocal = true; p.internalPolicyLocal = true; }), WEB_EPS, NODE01);
  const n = serviceChains('default/web', 'tcp');
  assert.ok(r.chains[n.ext]!.some((rule) => rule.endsWith(`-j ${n.svc}`)));
  assert.ok(n.svc in r.chains, 'the cluster chain the short-circuit jumps to');
});
