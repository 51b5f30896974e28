// kube-proxy's IPVS mode, in the style of pkg/proxy/ipvs/proxier_test.go: the ipsets a sync fills,
// the few iptables rules written over them (only the nat rules whose set has members; the filter
// table's access filter, source-range firewall and OUT-FILTER), and the virtual servers.
//
// Addressing plan: node01 = 192.168.56.11 with podCIDR 10.244.1.0/24, clusterCIDR 10.244.0.0/16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeIpvs } from '../../../src/sim/kube-proxy/ipvs-mode/writer.js';
import { ipvsIptables } from '../../../src/sim/kube-proxy/ipvs-mode/tables.js';
import type { EndpointInfo, ServicePortInfo, SyncInput } from '../../../src/sim/kube-proxy/types.js';
import { ep, makeServicePort } from './builders.js';

const port = makeServicePort;

function input(services: ServicePortInfo[], endpoints: Record<string, EndpointInfo[]> = {}): SyncInput {
  return {
    node: { name: 'node01', ips: ['192.168.56.11'], podCIDR: '10.244.1.0/24' },
    config: { mode: 'ipvs', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true, nodePortAddresses: [], ipvsScheduler: '' },
    services,
    endpoints,
  };
}

function tables(i: SyncInput): { nat: Record<string, string[]>; filter: Record<string, string[]>; sets: Record<string, string[]> } {
  const ipvs = writeIpvs(i);
  const t = ipvsIptables(i, ipvs.ipsets);
  return { nat: t.nat.chains, filter: t.filter.chains, sets: Object.fromEntries(ipvs.ipsets.map((s) => [s.name, s.members])) };
}

const FILTER_ACCESS = [
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
];

test('ClusterIP only: the rule count does not depend on the services, the filter table guards host ports behind VIPs', () => {
  const one = tables(input([port('web')], { 'default/web': [ep('10.244.1.5', 8080, 'node01'), ep('10.244.2.7', 8080, 'node02')] }));
  assert.deepEqual(one.nat['KUBE-SERVICES'], [
    '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
    '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
    '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
    '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
  ]);
  assert.deepEqual(one.nat['KUBE-POSTROUTING'], [
    '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
    '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ]);
  assert.deepEqual(one.nat['KUBE-LOAD-BALANCER'], ['-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ']);
  assert.deepEqual(one.nat['KUBE-NODE-PORT'], []);
  assert.deepEqual(one.filter['KUBE-IPVS-FILTER'], FILTER_ACCESS);
  assert.deepEqual(one.filter['KUBE-SOURCE-RANGES-FIREWALL'], ['-A KUBE-SOURCE-RANGES-FIREWALL -j DROP']);
  assert.deepEqual(one.filter['KUBE-PROXY-FIREWALL'], []);
  assert.deepEqual(one.filter['KUBE-IPVS-OUT-FILTER'], []);
  assert.deepEqual(one.filter['KUBE-NODE-PORT'], ['-A KUBE-NODE-PORT -m comment --comment "Kubernetes health check node port" -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT']);
  assert.deepEqual(one.filter.INPUT, [
    '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER',
    '-A INPUT -m comment --comment "kube-proxy firewall rules" -j KUBE-PROXY-FIREWALL',
    '-A INPUT -m comment --comment "kubernetes health check rules" -j KUBE-NODE-PORT',
    '-A INPUT -j KUBE-FIREWALL',
  ]);
  assert.deepEqual(one.filter.OUTPUT, ['-A OUTPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-OUT-FILTER', '-A OUTPUT -j KUBE-FIREWALL']);
  assert.deepEqual(one.sets['KUBE-CLUSTER-IP'], ['10.96.12.7,tcp:80']);
  assert.deepEqual(one.sets['KUBE-LOOP-BACK'], ['10.244.1.5,tcp:8080,10.244.1.5'], 'only the local endpoint hairpins');
  assert.deepEqual(one.sets['KUBE-IPVS-IPS'], ['10.96.12.7']);
  const many = tables(input(Array.from({ length: 50 }, (_, i) => port(`s${i}`, (p) => { p.clusterIP = `10.96.1.${i + 1}`; }))));
  const count = (t: Record<string, string[]>): number => Object.values(t).reduce((n, r) => n + r.length, 0);
  assert.equal(count(many.nat), count(one.nat) - 1, 'fifty services, the same rules (no local endpoint: no hairpin rule)');
  assert.equal(many.sets['KUBE-CLUSTER-IP']!.length, 50);
});

test('NodePort with externalTrafficPolicy Local: its port in both bitmap sets, the RETURN before the masquerade', () => {
  const t = tables(input([port('web', (p) => { p.nodePort = 30080; p.externalPolicyLocal = true; }), port('api', (p) => { p.clusterIP = '10.96.12.8'; p.nodePort = 30081; })]));
  assert.deepEqual(t.nat['KUBE-NODE-PORT'], [
    '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
    '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
  ]);
  assert.deepEqual(t.sets['KUBE-NODE-PORT-TCP'], ['30080', '30081']);
  assert.deepEqual(t.sets['KUBE-NODE-PORT-LOCAL-TCP'], ['30080']);
  assert.deepEqual(t.sets['KUBE-IPVS-IPS'], ['10.96.12.7', '10.96.12.8'], 'node addresses are never bound to kube-ipvs0');
});

test('externalIPs: masquerade, then accept off-machine traffic and traffic to an address the node owns', () => {
  const t = tables(input([port('web', (p) => { p.externalIPs = ['203.0.113.7']; })]));
  assert.deepEqual(t.nat['KUBE-SERVICES']!.slice(2, 5), [
    '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -j KUBE-MARK-MASQ',
    '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT',
    '-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -m addrtype --dst-type LOCAL -j ACCEPT',
  ]);
  assert.deepEqual(t.sets['KUBE-IPVS-IPS'], ['10.96.12.7', '203.0.113.7']);
});

test('LoadBalancer with source ranges that leave the node out: the FW set, the CIDR RETURNs, and an OUT-FILTER drop for the node itself', () => {
  const lb = port('web', (p) => { p.nodePort = 30080; p.loadBalancerIPs = ['192.168.56.240']; p.loadBalancerSourceRanges = ['192.168.56.1/32']; });
  const t = tables(input([lb]));
  assert.deepEqual(t.nat['KUBE-SERVICES']![1], '-A KUBE-SERVICES -m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER');
  assert.deepEqual(t.nat['KUBE-SERVICES']!.at(-1), '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT');
  assert.deepEqual(t.filter['KUBE-PROXY-FIREWALL'], ['-A KUBE-PROXY-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL']);
  assert.deepEqual(t.filter['KUBE-SOURCE-RANGES-FIREWALL'], [
    '-A KUBE-SOURCE-RANGES-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port + source cidr for packet filter purpose" -m set --match-set KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN',
    '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
  ]);
  assert.deepEqual(t.filter['KUBE-IPVS-OUT-FILTER'], ['-A KUBE-IPVS-OUT-FILTER -s 192.168.56.240/32 -m ipvs --vproto 6 --vaddr 192.168.56.240 --vport 80 -j DROP']);
  assert.deepEqual(t.sets['KUBE-LOAD-BALANCER-SOURCE-CIDR'], ['192.168.56.240,tcp:80,192.168.56.1/32']);
  assert.deepEqual(t.sets['KUBE-LOAD-BALANCER-SOURCE-IP'], []);
  const withNode = tables(input([{ ...lb, loadBalancerSourceRanges: ['192.168.56.0/24'] }]));
  assert.deepEqual(withNode.filter['KUBE-IPVS-OUT-FILTER'], [], 'a range holding the node IP lets the node in');
  assert.deepEqual(withNode.sets['KUBE-LOAD-BALANCER-SOURCE-IP'], ['192.168.56.240,tcp:80,192.168.56.240']);
  assert.equal(withNode.filter['KUBE-SOURCE-RANGES-FIREWALL']!.length, 3);
});

test('virtual servers: ClusterIP, each external and LB address, and a NodePort one per node address; endpoints as Masq real servers', () => {
  const s = port('web', (p) => { p.nodePort = 30080; p.loadBalancerIPs = ['192.168.56.240']; p.stickyMaxAgeSeconds = 10800; });
  const ipvs = writeIpvs(input([s], { 'default/web': [ep('10.244.1.5', 8080, 'node01')] }));
  assert.deepEqual(ipvs.virtualServers.map((v) => `${v.protocol} ${v.address}:${v.port} ${v.scheduler} ${v.persistent} ${v.realServers.map((r) => `${r.address}:${r.port}/${r.weight}`).join(',')}`), [
    'TCP 10.96.12.7:80 rr 10800 10.244.1.5:8080/1',
    'TCP 192.168.56.240:80 rr 10800 10.244.1.5:8080/1',
    'TCP 192.168.56.11:30080 rr 10800 10.244.1.5:8080/1',
    'TCP 10.244.1.0:30080 rr 10800 10.244.1.5:8080/1',
    'TCP 10.244.1.1:30080 rr 10800 10.244.1.5:8080/1',
  ]);
  assert.deepEqual(ipvs.dummyAddresses, ['10.96.12.7', '192.168.56.240']);
});
