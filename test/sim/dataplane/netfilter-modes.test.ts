// The other proxy modes' rules through the same evaluator: IPVS mode's ipset rules (reference §2,
// node01 with ClusterIP 10.96.100.10:80 on kube-ipvs0, NodePort 30080, local endpoint
// 10.244.1.5:8080) and userspace mode's REDIRECT/DNAT portals (§3); plus where the statistic match
// draws, and rule sets with jump loops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traverse } from '../../../src/sim/dataplane/netfilter/evaluate.js';
import type { NfContext, NfIpSet } from '../../../src/sim/dataplane/netfilter/types.js';
import type { NfPacket } from '../../../src/sim/dataplane/types.js';
import { tableOf } from './nat-fixture.js';

const IPVS_NAT = tableOf('nat', [
  '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
  '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
  '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
  '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
  '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
  '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
  '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
  '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
  '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
], ['KUBE-LOAD-BALANCER']);

const IPSETS: NfIpSet[] = [
  { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', members: ['10.96.0.10,udp:53', '10.96.100.10,tcp:80'] },
  { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', members: ['10.244.1.5,tcp:8080,10.244.1.5'] },
  { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', members: ['30080'] },
];

function ctx(draws: number[] = [], extra: Partial<NfContext> = {}): NfContext {
  return {
    host: 'node01', tableName: 'nat', localAddresses: ['192.168.56.11', '10.96.0.10', '10.96.100.10'], ipsets: IPSETS,
    recent: {}, now: 0, ctstate: 'NEW', random: () => draws.shift() ?? assert.fail('unexpected draw'), ...extra,
  };
}

const pkt = (src: string, dst: string, dport: number, proto: NfPacket['proto'] = 'tcp'): NfPacket => ({ proto, src, sport: 40000, dst, dport, mark: 0 });
const chains = (hops: { chain?: string; index?: number }[]): string[] => hops.map((h) => `${h.chain}#${h.index}`);

test('IPVS mode: a pod reaching a ClusterIP is accepted by the KUBE-CLUSTER-IP set, unmarked', () => {
  const r = traverse(IPVS_NAT, 'PREROUTING', pkt('10.244.1.20', '10.96.100.10', 80), ctx());
  assert.deepEqual({ verdict: r.verdict, mark: r.packet.mark }, { verdict: 'ACCEPT', mark: 0 });
  assert.deepEqual(chains(r.hops), ['PREROUTING#1', 'KUBE-SERVICES#3', 'KUBE-SERVICES#4']);
  assert.equal(r.hops[2]!.detail, 'ACCEPT');
});

test('IPVS mode: the node reaching a ClusterIP, and the laptop reaching a NodePort, are marked for masquerade', () => {
  const fromNode = traverse(IPVS_NAT, 'OUTPUT', pkt('192.168.56.11', '10.96.0.10', 53, 'udp'), ctx());
  assert.deepEqual(chains(fromNode.hops), ['OUTPUT#1', 'KUBE-SERVICES#2', 'KUBE-MARK-MASQ#1', 'KUBE-SERVICES#3', 'KUBE-SERVICES#4']);
  assert.equal(fromNode.packet.mark, 0x4000);
  const nodePort = traverse(IPVS_NAT, 'PREROUTING', pkt('192.168.56.1', '192.168.56.11', 30080), ctx());
  assert.equal(nodePort.packet.mark, 0x4000);
  assert.deepEqual(chains(nodePort.hops), ['PREROUTING#1', 'KUBE-SERVICES#3', 'KUBE-NODE-PORT#1', 'KUBE-MARK-MASQ#1', 'PREROUTING#2']);
  const udpPort = traverse(IPVS_NAT, 'PREROUTING', pkt('192.168.56.1', '10.96.100.10', 80, 'udp'), ctx());
  assert.equal(udpPort.hops.at(-1)!.kind, 'policy', 'udp:80 is no member of KUBE-CLUSTER-IP');
});

test('IPVS mode: hairpin traffic (a pod reaching itself through its service) is masqueraded by KUBE-LOOP-BACK', () => {
  const hairpin = traverse(IPVS_NAT, 'POSTROUTING', pkt('10.244.1.5', '10.244.1.5', 8080), ctx());
  assert.deepEqual({ masquerade: hairpin.masquerade, at: chains(hairpin.hops).at(-1) }, { masquerade: true, at: 'KUBE-POSTROUTING#1' });
  const other = traverse(IPVS_NAT, 'POSTROUTING', pkt('10.244.1.20', '10.244.1.5', 8080), ctx());
  assert.equal(other.masquerade, false);
});

const USERSPACE_NAT = tableOf('nat', [
  '-A PREROUTING -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-CONTAINER',
  '-A OUTPUT -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-HOST',
  '-A KUBE-PORTALS-CONTAINER -d 10.0.1.175/32 -p tcp -m comment --comment "default/hostnames:default" -m tcp --dport 80 -j REDIRECT --to-ports 48577',
  '-A KUBE-PORTALS-HOST -d 10.0.1.175/32 -p tcp -m comment --comment "default/hostnames:default" -m tcp --dport 80 -j DNAT --to-destination 10.240.115.247:48577',
]);

test('userspace mode: pods are REDIRECTed to kube-proxy\'s port, the host is DNATed to it', () => {
  const fromPod = traverse(USERSPACE_NAT, 'PREROUTING', pkt('10.244.1.20', '10.0.1.175', 80), ctx([], { inAddress: '10.244.1.1' }));
  assert.deepEqual({ redirect: fromPod.redirectPort, dst: `${fromPod.packet.dst}:${fromPod.packet.dport}` }, { redirect: 48577, dst: '10.244.1.1:48577' });
  assert.equal(fromPod.hops.at(-1)!.detail, 'REDIRECT to 10.244.1.1:48577');
  const fromHost = traverse(USERSPACE_NAT, 'OUTPUT', pkt('10.240.115.247', '10.0.1.175', 80), ctx());
  assert.deepEqual({ redirect: fromHost.redirectPort, dst: `${fromHost.packet.dst}:${fromHost.packet.dport}` }, { redirect: undefined, dst: '10.240.115.247:48577' });
});

test('a statistic match draws only when the matches before it held, and only once per rule reached', () => {
  const table = tableOf('nat', [
    '-A PREROUTING -s 10.0.0.0/8 -m statistic --mode random --probability 0.50000000000 -j DROP',
    '-A PREROUTING -m statistic --mode random --probability 0.50000000000 -d 192.0.2.1/32 -j DROP',
    '-A PREROUTING -m statistic --mode random --probability 0.25000000000 -j ACCEPT',
  ]);
  const draws = [0.1, 0.3];
  const r = traverse(table, 'PREROUTING', pkt('192.168.56.1', '192.168.56.11', 80), ctx(draws));
  assert.deepEqual(draws, [], 'rule 1 never drew (its -s failed first); rules 2 and 3 drew once each');
  assert.deepEqual(r.hops.map((h) => [h.index, h.detail]), [[4, 'end of built-in chain PREROUTING: policy ACCEPT']]);
});

test('jump and goto loops end in a DROP instead of hanging', () => {
  for (const [a, b] of [['-j', '-j'], ['-g', '-g'], ['-j', '-g']]) {
    const table = tableOf('nat', ['-A PREROUTING -j LOOP-A', `-A LOOP-A ${a} LOOP-B`, `-A LOOP-B ${b} LOOP-A`]);
    const r = traverse(table, 'PREROUTING', pkt('10.244.1.20', '10.96.0.10', 53, 'udp'), ctx());
    assert.equal(r.verdict, 'DROP');
    assert.equal(r.hops.at(-1)!.kind, 'drop');
    assert.match(r.hops.at(-1)!.detail, /jump loop/);
    assert.ok(r.errors?.some((e) => e.startsWith('jump loop')));
  }
});

test('a missing chain, an unparsable rule and a DROP policy are reported, not thrown', () => {
  const table = tableOf('filter', ['-A INPUT -j NOWHERE', '-A INPUT -m multiport --dports 1,2 -j ACCEPT']);
  table.builtins = [['INPUT', 'DROP']];
  const r = traverse(table, 'INPUT', pkt('192.168.56.1', '192.168.56.11', 80), ctx());
  assert.equal(r.verdict, 'DROP');
  assert.deepEqual(r.errors, ['INPUT: jump to missing chain NOWHERE', 'INPUT rule 2: match "multiport" is not modelled: -A INPUT -m multiport --dports 1,2 -j ACCEPT']);
  assert.deepEqual(r.hops.map((h) => [h.kind, h.index, h.rule, h.detail]), [
    ['rule', 1, '-A INPUT -j NOWHERE', 'jump to missing chain NOWHERE: ignored'],
    ['policy', 3, '-P INPUT DROP', 'end of built-in chain INPUT: policy DROP'],
  ]);
});
