// node01's conntrack table: flows recorded after NAT, found again from either direction, expired
// by their timeouts, cleaned by kube-proxy's UDP reconciliation, and listed as `conntrack -L`
// (conntrack-tools 1.4.6) prints them.
// Addressing plan: pod 10.244.1.20 on node01 (192.168.56.11, flannel.1 10.244.1.0); web
// 10.96.100.10:80 -> 10.244.2.7:8080; kube-dns 10.96.0.10:53 -> 10.244.0.2:53 / 10.244.0.3:53.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conntrackList, ctDeleteUdpStale, ctExpire, ctInsert, ctLookup, KERNEL_CT_TIMEOUTS, KUBE_PROXY_CT_TIMEOUTS,
} from '../../../src/sim/dataplane/conntrack.js';
import type { NodeKernel } from '../../../src/sim/dataplane/types.js';
import type { EndpointInfo, ServicePortInfo } from '../../../src/sim/kube-proxy/types.js';

const T0 = 1_767_603_600_000;
const emptyKernel = (): NodeKernel => ({ conntrack: [], recent: {}, nextId: 1 });

/** The flows a short session on node01 leaves behind. */
function node01(): NodeKernel {
  const k = emptyKernel();
  ctInsert(k, { proto: 'tcp', src: '10.244.1.20', sport: 41234, dst: '10.96.100.10', dport: 80 }, { src: '10.244.2.7', sport: 8080, dst: '10.244.1.20', dport: 41234 }, T0);
  ctInsert(k, { proto: 'udp', src: '192.168.56.11', sport: 41000, dst: '10.96.0.10', dport: 53 }, { src: '10.244.0.2', sport: 53, dst: '10.244.1.0', dport: 41000 }, T0 + 1000);
  ctInsert(k, { proto: 'udp', src: '10.244.1.20', sport: 39000, dst: '10.96.0.10', dport: 53 }, { src: '10.244.0.3', sport: 53, dst: '10.244.1.20', dport: 39000 }, T0 + 1500, KUBE_PROXY_CT_TIMEOUTS, 'UNREPLIED');
  ctInsert(k, { proto: 'tcp', src: '10.244.1.20', sport: 41300, dst: '10.96.100.10', dport: 80 }, { src: '10.244.2.7', sport: 8080, dst: '10.244.1.20', dport: 41300 }, T0 + 2000, KUBE_PROXY_CT_TIMEOUTS, 'TIME_WAIT');
  ctInsert(k, { proto: 'icmp', src: '10.244.1.20', sport: 7, dst: '10.244.2.7', dport: 0 }, { src: '10.244.2.7', sport: 7, dst: '10.244.1.20', dport: 0 }, T0 + 2500);
  return k;
}

test('conntrack -L prints each flow as libnetfilter_conntrack does, the summary on stderr', () => {
  assert.deepEqual(conntrackList(node01(), T0 + 4000), {
    stdout: [
      'tcp      6 86396 ESTABLISHED src=10.244.1.20 dst=10.96.100.10 sport=41234 dport=80 src=10.244.2.7 dst=10.244.1.20 sport=8080 dport=41234 [ASSURED] mark=0 use=1',
      'udp      17 27 src=192.168.56.11 dst=10.96.0.10 sport=41000 dport=53 src=10.244.0.2 dst=10.244.1.0 sport=53 dport=41000 mark=0 use=1',
      'udp      17 27 src=10.244.1.20 dst=10.96.0.10 sport=39000 dport=53 [UNREPLIED] src=10.244.0.3 dst=10.244.1.20 sport=53 dport=39000 mark=0 use=1',
      'tcp      6 118 TIME_WAIT src=10.244.1.20 dst=10.96.100.10 sport=41300 dport=80 src=10.244.2.7 dst=10.244.1.20 sport=8080 dport=41300 [ASSURED] mark=0 use=1',
      'icmp     1 28 src=10.244.1.20 dst=10.244.2.7 type=8 code=0 id=7 src=10.244.2.7 dst=10.244.1.20 type=0 code=0 id=7 mark=0 use=1',
      '',
    ].join('\n'),
    stderr: 'conntrack v1.4.6 (conntrack-tools): 5 flow entries have been shown.\n',
    count: 5,
  });
});

test('conntrack -L filters on protocol, addresses, ports and NAT; -o extended adds the layer 3 columns', () => {
  const k = node01();
  /** The original source ip:port of each listed flow. */
  const flows = (o: Parameters<typeof conntrackList>[2]): string[] =>
    [...conntrackList(k, T0 + 4000, o).stdout.matchAll(/^\S+ +\d+ \d+ (?:[A-Z_]+ )?src=(\S+) dst=\S+ (?:sport|type)=(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(flows({ proto: 'udp' }), ['192.168.56.11:41000', '10.244.1.20:39000']);
  assert.deepEqual(flows({ proto: 'tcp', dport: 80, sport: 41300 }), ['10.244.1.20:41300']);
  assert.deepEqual(flows({ replySrc: '10.244.0.3' }), ['10.244.1.20:39000']);
  assert.deepEqual(flows({ srcNat: true }), ['192.168.56.11:41000']);
  assert.deepEqual(flows({ dstNat: '10.244.0.2' }), ['192.168.56.11:41000']);
  assert.deepEqual(flows({ dstNat: true }), ['10.244.1.20:41234', '192.168.56.11:41000', '10.244.1.20:39000', '10.244.1.20:41300']);
  assert.equal(
    conntrackList(k, T0 + 4000, { src: '192.168.56.11', extended: true, showId: true }).stdout,
    'ipv4     2 udp      17 27 src=192.168.56.11 dst=10.96.0.10 sport=41000 dport=53 src=10.244.0.2 dst=10.244.1.0 sport=53 dport=41000 mark=0 use=1 id=2\n',
  );
  assert.equal(conntrackList(k, T0 + 4000, { dst: '10.1.1.1' }).stderr, 'conntrack v1.4.6 (conntrack-tools): 0 flow entries have been shown.\n');
});

test('a flow is found from its original and its reply direction; expired ones are skipped', () => {
  const k = node01();
  const fwd = ctLookup(k, { proto: 'tcp', src: '10.244.1.20', sport: 41234, dst: '10.96.100.10', dport: 80 }, T0 + 5000);
  assert.deepEqual({ dir: fwd?.direction, id: fwd?.entry.id }, { dir: 'original', id: 1 });
  const back = ctLookup(k, { proto: 'tcp', src: '10.244.2.7', sport: 8080, dst: '10.244.1.20', dport: 41234 });
  assert.deepEqual({ dir: back?.direction, id: back?.entry.id }, { dir: 'reply', id: 1 });
  assert.equal(ctLookup(k, { proto: 'udp', src: '10.244.1.20', sport: 39000, dst: '10.96.0.10', dport: 53 }, T0 + 31_500), undefined);
  assert.equal(ctLookup(k, { proto: 'udp', src: '10.244.1.20', sport: 39000, dst: '10.96.0.10', dport: 53 }, T0 + 31_499)?.entry.id, 3);
});

test('inserting a known tuple refreshes the flow instead of adding one', () => {
  const k = node01();
  const again = ctInsert(k, { proto: 'udp', src: '10.244.1.20', sport: 39000, dst: '10.96.0.10', dport: 53 }, { src: '10.244.0.3', sport: 53, dst: '10.244.1.20', dport: 39000 }, T0 + 10_000, KUBE_PROXY_CT_TIMEOUTS, 'STREAM');
  assert.deepEqual({ id: again.id, count: k.conntrack.length, unreplied: again.unreplied, assured: again.assured, expires: again.expires }, { id: 3, count: 5, unreplied: undefined, assured: true, expires: T0 + 130_000 });
  assert.equal(k.nextId, 6);
});

test('timeouts: the kernel defaults, and what kube-proxy sets at start-up', () => {
  assert.deepEqual([KERNEL_CT_TIMEOUTS.tcpEstablished, KERNEL_CT_TIMEOUTS.tcpTimeWait, KERNEL_CT_TIMEOUTS.udpUnreplied, KERNEL_CT_TIMEOUTS.udpStream, KERNEL_CT_TIMEOUTS.tcpCloseWait], [432000, 120, 30, 120, 60]);
  assert.deepEqual([KUBE_PROXY_CT_TIMEOUTS.tcpEstablished, KUBE_PROXY_CT_TIMEOUTS.tcpCloseWait], [86400, 3600]);
  const k = emptyKernel();
  const e = ctInsert(k, { proto: 'tcp', src: '10.244.1.20', sport: 1, dst: '10.96.100.10', dport: 80 }, { src: '10.244.2.7', sport: 8080, dst: '10.244.1.20', dport: 1 }, T0, KERNEL_CT_TIMEOUTS);
  assert.equal(e.expires, T0 + 432_000_000);
});

test('ctExpire removes the flows whose timeout ran out', () => {
  const k = node01();
  assert.equal(ctExpire(k, T0 + 29_999), 0);
  assert.equal(ctExpire(k, T0 + 31_000), 1, 'the 30 s DNS flow started at +1 s ends at +31 s');
  assert.equal(ctExpire(k, T0 + 32_500), 2, 'the unreplied query and the ping');
  assert.deepEqual(k.conntrack.map((e) => e.state), ['ESTABLISHED', 'TIME_WAIT']);
  assert.equal(ctExpire(k, T0 + 86_400_000), 2);
});

function svc(name: string, patch: Partial<ServicePortInfo>): ServicePortInfo {
  return {
    name, namespace: name.split('/')[0]!, serviceName: name.split('/')[1]!.split(':')[0]!, portName: '', protocol: 'UDP', clusterIP: '', port: 53,
    nodePort: 0, externalIPs: [], loadBalancerIPs: [], loadBalancerSourceRanges: [], healthCheckNodePort: 0,
    externalPolicyLocal: false, internalPolicyLocal: false, stickyMaxAgeSeconds: 0, ...patch,
  };
}

const ep = (ip: string, serving: boolean): EndpointInfo => ({ endpoint: `${ip}:53`, ip, port: 53, ready: serving, serving, terminating: !serving, nodeName: 'controlplane' });

test('kube-proxy deletes UDP flows of a service whose reply source is no serving endpoint, and nothing else', () => {
  const k = emptyKernel();
  const udp = (src: string, dst: string, dport: number, replySrc: string, proto: 'udp' | 'tcp' = 'udp'): void => {
    ctInsert(k, { proto, src, sport: 40000 + k.nextId, dst, dport }, { src: replySrc, sport: dport, dst: src, dport: 40000 + k.nextId }, T0);
  };
  udp('10.244.1.20', '10.96.0.10', 53, '10.244.0.2');
  udp('10.244.1.21', '10.96.0.10', 53, '10.244.0.3');
  udp('10.244.1.22', '10.96.0.10', 53, '10.96.0.10');
  udp('10.244.1.23', '10.96.0.10', 53, '10.244.0.3', 'tcp');
  udp('192.168.56.1', '192.168.56.11', 30053, '10.244.2.5');
  udp('10.244.1.24', '10.96.7.7', 53, '10.244.2.5');
  const input = {
    services: [svc('kube-system/kube-dns:dns', { clusterIP: '10.96.0.10' }), svc('default/dns-np', { clusterIP: '10.96.9.9', nodePort: 30053 })],
    endpoints: { 'kube-system/kube-dns:dns': [ep('10.244.0.2', true), ep('10.244.0.3', false)], 'default/dns-np': [] },
  };
  assert.equal(ctDeleteUdpStale(k, input), 3);
  assert.deepEqual(k.conntrack.map((e) => `${e.proto} ${e.src} -> ${e.dst} via ${e.replySrc}`), [
    'udp 10.244.1.20 -> 10.96.0.10 via 10.244.0.2',
    'tcp 10.244.1.23 -> 10.96.0.10 via 10.244.0.3',
    'udp 10.244.1.24 -> 10.96.7.7 via 10.244.2.5',
  ]);
});
