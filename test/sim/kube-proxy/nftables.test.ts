// kube-proxy's nftables mode (v1.34 pkg/proxy/nftables/proxier.go) as `nft list table ip
// kube-proxy` prints it with nftables 1.0.2. The first test rebuilds a real k3s node's services
// and compares with that node's published dump (chain hashes, element order and wrapping); the
// others follow the proxier source rule by rule, then run packets through the evaluator.
//
// Addressing plan (lab): nodes 192.168.56.10-12, podCIDRs 10.244.0-2.0/24, clusterCIDR
// 10.244.0.0/16, service CIDR 10.96.0.0/12. The k3s node: 10.34.4.246, pods 10.42.0.0/16,
// services 10.43.0.0/16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nftCommand } from '../../../src/sim/kube-proxy/nftables/cli.js';
import { nftEvaluate, type NftContext } from '../../../src/sim/kube-proxy/nftables/evaluate.js';
import { nftListTable, renderChain, renderSet } from '../../../src/sim/kube-proxy/nftables/render.js';
import { writeNftRules } from '../../../src/sim/kube-proxy/nftables/writer.js';
import type { EndpointInfo, NftTable, ServicePortInfo, SyncInput } from '../../../src/sim/kube-proxy/types.js';
import type { NfPacket } from '../../../src/sim/dataplane/types.js';

function svc(ns: string, name: string, port: string, ip: string, n: number, mutate: (p: ServicePortInfo) => void = () => {}): ServicePortInfo {
  const p: ServicePortInfo = { name: `${ns}/${name}${port ? `:${port}` : ''}`, namespace: ns, serviceName: name, portName: port, protocol: 'TCP', clusterIP: ip, port: n, nodePort: 0, externalIPs: [], loadBalancerIPs: [], loadBalancerSourceRanges: [], healthCheckNodePort: 0, externalPolicyLocal: false, internalPolicyLocal: false, stickyMaxAgeSeconds: 0 };
  mutate(p);
  return p;
}

function ep(ip: string, port: number, nodeName = 'node02'): EndpointInfo {
  return { endpoint: `${ip}:${port}`, ip, port, ready: true, serving: true, terminating: false, nodeName };
}

function input(node: string, ip: string, podCIDR: string, services: ServicePortInfo[], endpoints: Record<string, EndpointInfo[]>, clusterCIDR = '10.244.0.0/16', serviceCIDR = '10.96.0.0/12'): SyncInput {
  return { node: { name: node, ips: [ip], podCIDR }, config: { mode: 'nftables', clusterCIDR, serviceCIDR, masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true, nodePortAddresses: [], ipvsScheduler: '' }, services, endpoints };
}

function k3sNode(): NftTable {
  const udp = (p: ServicePortInfo): void => { p.protocol = 'UDP'; };
  const services = [
    svc('default', 'kubernetes', 'https', '10.43.0.1', 443),
    svc('kube-system', 'kube-dns', 'dns', '10.43.0.10', 53, udp),
    svc('kube-system', 'kube-dns', 'dns-tcp', '10.43.0.10', 53),
    svc('kube-system', 'kube-dns', 'metrics', '10.43.0.10', 9153),
    svc('kube-system', 'metrics-server', 'https', '10.43.10.165', 443),
    svc('riset', 'hellopod-np-svc', '', '10.43.195.72', 8000, (p) => { p.nodePort = 30000; }),
    svc('riset', 'latency-extender-svc', 'http', '10.43.34.64', 3001),
    svc('riset', 'opentelemetry-collector', 'otlp', '10.43.22.243', 4317),
    svc('riset', 'opentelemetry-collector', 'otlp-http', '10.43.22.243', 4318),
    svc('riset', 'otelcol-opentelemetry-collector', 'otlp', '10.43.21.102', 4317),
    svc('riset', 'otelcol-opentelemetry-collector', 'otlp-http', '10.43.21.102', 4318),
  ];
  const hello = ['10.42.2.218', '10.42.4.201', '10.42.4.202', '10.42.4.203', '10.42.4.204', '10.42.4.205', '10.42.4.206', '10.42.4.207', '10.42.5.164'].map((i) => ep(i, 8080));
  const endpoints = {
    'default/kubernetes:https': [ep('10.34.4.142', 6443)], 'kube-system/kube-dns:dns': [ep('10.42.0.171', 53)], 'kube-system/kube-dns:dns-tcp': [ep('10.42.0.171', 53)],
    'kube-system/kube-dns:metrics': [ep('10.42.0.171', 9153)], 'kube-system/metrics-server:https': [ep('10.42.0.170', 10250)], 'riset/hellopod-np-svc': hello,
    'riset/latency-extender-svc:http': [ep('10.42.0.174', 3001)], 'riset/opentelemetry-collector:otlp': [ep('10.42.0.181', 4317)], 'riset/opentelemetry-collector:otlp-http': [ep('10.42.0.181', 4318)],
  };
  return writeNftRules(input('k3s', '10.34.4.246', '10.42.4.0/24', services, endpoints, '10.42.0.0/16', '10.43.0.0/16')).nft;
}

test('a real k3s node: sets, maps, element order and wrapping, chains as its `nft list table ip kube-proxy` shows them', () => {
  const t = k3sNode();
  const set = (name: string): string => renderSet(t.sets.find((s) => s.name === name)!);
  const chain = (name: string): string => renderChain(t.chains.find((c) => c.name === name)!);
  assert.equal(set('cluster-ips'), '\tset cluster-ips {\n\t\ttype ipv4_addr\n\t\tcomment "Active ClusterIPs"\n\t\telements = { 10.43.0.1, 10.43.0.10,\n\t\t\t     10.43.10.165, 10.43.21.102,\n\t\t\t     10.43.22.243, 10.43.34.64,\n\t\t\t     10.43.195.72 }\n\t}\n');
  assert.equal(set('service-ips'), ['\tmap service-ips {', '\t\ttype ipv4_addr . inet_proto . inet_service : verdict', '\t\tcomment "ClusterIP, ExternalIP and LoadBalancer IP traffic"',
    '\t\telements = { 10.43.0.10 . tcp . 53 : goto service-NWBZK7IH-kube-system/kube-dns/tcp/dns-tcp,',
    '\t\t\t     10.43.0.10 . udp . 53 : goto service-FY5PMXPG-kube-system/kube-dns/udp/dns,',
    '\t\t\t     10.43.195.72 . tcp . 8000 : goto service-P6J77WGM-riset/hellopod-np-svc/tcp/,',
    '\t\t\t     10.43.34.64 . tcp . 3001 : goto service-LNJAC4UY-riset/latency-extender-svc/tcp/http,',
    '\t\t\t     10.43.0.1 . tcp . 443 : goto service-2QRHZV4L-default/kubernetes/tcp/https,',
    '\t\t\t     10.43.10.165 . tcp . 443 : goto service-WXVQUIFM-kube-system/metrics-server/tcp/https,',
    '\t\t\t     10.43.0.10 . tcp . 9153 : goto service-AS2KJYAD-kube-system/kube-dns/tcp/metrics,',
    '\t\t\t     10.43.22.243 . tcp . 4317 : goto service-MBV4MU3G-riset/opentelemetry-collector/tcp/otlp,',
    '\t\t\t     10.43.22.243 . tcp . 4318 : goto service-Y5V7Q7LN-riset/opentelemetry-collector/tcp/otlp-http }', '\t}', ''].join('\n'));
  assert.equal(set('service-nodeports'), '\tmap service-nodeports {\n\t\ttype inet_proto . inet_service : verdict\n\t\tcomment "NodePort traffic"\n\t\telements = { tcp . 30000 : goto external-P6J77WGM-riset/hellopod-np-svc/tcp/ }\n\t}\n');
  assert.equal(set('no-endpoint-services'), '\tmap no-endpoint-services {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n\t\tcomment "vmap to drop or reject packets to services with no endpoints"\n\t\telements = { 10.43.21.102 . tcp . 4317 comment "riset/otelcol-opentelemetry-collector:otlp" : goto reject-chain,\n\t\t\t     10.43.21.102 . tcp . 4318 comment "riset/otelcol-opentelemetry-collector:otlp-http" : goto reject-chain }\n\t}\n');
  assert.equal(set('nodeport-ips'), '\tset nodeport-ips {\n\t\ttype ipv4_addr\n\t\tcomment "IPs that accept NodePort traffic"\n\t\telements = { 10.34.4.246 }\n\t}\n');
  assert.equal(chain('external-P6J77WGM-riset/hellopod-np-svc/tcp/'), '\tchain external-P6J77WGM-riset/hellopod-np-svc/tcp/ {\n\t\tjump mark-for-masquerade\n\t\tgoto service-P6J77WGM-riset/hellopod-np-svc/tcp/\n\t}\n');
  assert.equal(chain('service-P6J77WGM-riset/hellopod-np-svc/tcp/'), '\tchain service-P6J77WGM-riset/hellopod-np-svc/tcp/ {\n\t\tip daddr 10.43.195.72 tcp dport 8000 ip saddr != 10.42.0.0/16 jump mark-for-masquerade\n\t\tnumgen random mod 9 vmap { 0 : goto endpoint-VNXJG24O-riset/hellopod-np-svc/tcp/__10.42.2.218/8080, 1 : goto endpoint-VGSZZXMZ-riset/hellopod-np-svc/tcp/__10.42.4.201/8080, 2 : goto endpoint-SRWOFVSR-riset/hellopod-np-svc/tcp/__10.42.4.202/8080, 3 : goto endpoint-IMJMHTIB-riset/hellopod-np-svc/tcp/__10.42.4.203/8080, 4 : goto endpoint-YDP3M3R6-riset/hellopod-np-svc/tcp/__10.42.4.204/8080, 5 : goto endpoint-5DYFM3QU-riset/hellopod-np-svc/tcp/__10.42.4.205/8080, 6 : goto endpoint-OK2FDFE2-riset/hellopod-np-svc/tcp/__10.42.4.206/8080, 7 : goto endpoint-JPJY2YFE-riset/hellopod-np-svc/tcp/__10.42.4.207/8080, 8 : goto endpoint-ZWSL4UYY-riset/hellopod-np-svc/tcp/__10.42.5.164/8080 }\n\t}\n');
  assert.equal(chain('endpoint-MIBO4EMV-default/kubernetes/tcp/https__10.34.4.142/6443'), '\tchain endpoint-MIBO4EMV-default/kubernetes/tcp/https__10.34.4.142/6443 {\n\t\tip saddr 10.34.4.142 jump mark-for-masquerade\n\t\tmeta l4proto tcp dnat to 10.34.4.142:6443\n\t}\n');
  assert.equal(chain('filter-prerouting'), '\tchain filter-prerouting {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n\t\tct state new jump firewall-check\n\t}\n');
  assert.equal(chain('filter-output-post-dnat'), '\tchain filter-output-post-dnat {\n\t\ttype filter hook output priority -90; policy accept;\n\t\tct state new jump cluster-ips-check\n\t}\n');
  assert.equal(chain('cluster-ips-check'), '\tchain cluster-ips-check {\n\t\tip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"\n\t\tip daddr 10.43.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"\n\t}\n');
  assert.equal(chain('reject-chain'), '\tchain reject-chain {\n\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"\n\t\treject\n\t}\n');
});

const CP_DNS = [ep('10.244.0.2', 53, 'controlplane'), ep('10.244.0.3', 53, 'controlplane')];

function lab(node: string, i: number, extra: ServicePortInfo[] = [], eps: Record<string, EndpointInfo[]> = {}): NftTable {
  const services = [svc('default', 'kubernetes', 'https', '10.96.0.1', 443), svc('kube-system', 'kube-dns', 'dns', '10.96.0.10', 53, (p) => { p.protocol = 'UDP'; }), ...extra];
  return writeNftRules(input(node, `192.168.56.1${i}`, `10.244.${i}.0/24`, services, { 'default/kubernetes:https': [ep('192.168.56.10', 6443, 'controlplane')], 'kube-system/kube-dns:dns': CP_DNS, ...eps })).nft;
}

test('the whole table of a two-service node, in creation order, as nft 1.0.2 lists it', () => {
  const text = nftListTable(lab('node01', 1));
  const expected = `table ip kube-proxy {
	comment "rules for kube-proxy"
	set cluster-ips {
		type ipv4_addr
		comment "Active ClusterIPs"
		elements = { 10.96.0.1, 10.96.0.10 }
	}

	set nodeport-ips {
		type ipv4_addr
		comment "IPs that accept NodePort traffic"
		elements = { 192.168.56.11 }
	}

	map no-endpoint-services {
		type ipv4_addr . inet_proto . inet_service : verdict
		comment "vmap to drop or reject packets to services with no endpoints"
	}

	map no-endpoint-nodeports {
		type inet_proto . inet_service : verdict
		comment "vmap to drop or reject packets to service nodeports with no endpoints"
	}

	map firewall-ips {
		type ipv4_addr . inet_proto . inet_service : verdict
		comment "destinations that are subject to LoadBalancerSourceRanges"
	}

	map service-ips {
		type ipv4_addr . inet_proto . inet_service : verdict
		comment "ClusterIP, ExternalIP and LoadBalancer IP traffic"
		elements = { 10.96.0.10 . udp . 53 : goto service-FY5PMXPG-kube-system/kube-dns/udp/dns,
			     10.96.0.1 . tcp . 443 : goto service-2QRHZV4L-default/kubernetes/tcp/https }
	}

	map service-nodeports {
		type inet_proto . inet_service : verdict
		comment "NodePort traffic"
	}
`;
  assert.ok(text.startsWith(expected), text.slice(0, expected.length + 200));
  const chainNames = [...text.matchAll(/^\tchain (\S+) \{$/gm)].map((m) => m[1]);
  assert.deepEqual(chainNames.slice(0, 16), ['filter-prerouting', 'filter-input', 'filter-forward', 'filter-output', 'filter-output-post-dnat', 'nat-prerouting', 'nat-output', 'nat-postrouting',
    'nodeport-endpoints-check', 'service-endpoints-check', 'firewall-check', 'services', 'masquerading', 'cluster-ips-check', 'mark-for-masquerade', 'reject-chain']);
  assert.ok(text.includes('\tchain masquerading {\n\t\tmeta mark & 0x00004000 == 0x00000000 return\n\t\tmeta mark set meta mark ^ 0x00004000\n\t\tmasquerade fully-random\n\t}\n'));
  assert.ok(text.includes('\tchain services {\n\t\tip daddr . meta l4proto . th dport vmap @service-ips\n\t\tip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports\n\t}\n'));
  assert.ok(text.endsWith('\t}\n}\n'));
});

const LOCAL = svc('default', 'local', '', '10.96.100.5', 80, (p) => { p.nodePort = 31000; p.externalPolicyLocal = true; });
const LOCAL_EPS = { 'default/local': [ep('10.244.2.9', 8080, 'node02')] };

test('externalTrafficPolicy Local: pods and the node short-circuit; a node without a local endpoint drops outside clients', () => {
  const n1 = lab('node01', 1, [LOCAL], LOCAL_EPS);
  const n2 = lab('node02', 2, [LOCAL], LOCAL_EPS);
  const ext = (t: NftTable): string => renderChain(t.chains.find((c) => c.name.startsWith('external-'))!);
  assert.equal(ext(n1), '\tchain external-O7JKBUXF-default/local/tcp/ {\n\t\tip saddr 10.244.0.0/16 goto service-O7JKBUXF-default/local/tcp/ comment "short-circuit pod traffic"\n\t\tfib saddr type local jump mark-for-masquerade comment "masquerade local traffic"\n\t\tfib saddr type local goto service-O7JKBUXF-default/local/tcp/ comment "short-circuit local traffic"\n\t}\n');
  assert.equal(ext(n2), '\tchain external-O7JKBUXF-default/local/tcp/ {\n\t\tip saddr 10.244.0.0/16 goto service-O7JKBUXF-default/local/tcp/ comment "short-circuit pod traffic"\n\t\tfib saddr type local jump mark-for-masquerade comment "masquerade local traffic"\n\t\tfib saddr type local goto service-O7JKBUXF-default/local/tcp/ comment "short-circuit local traffic"\n\t\tgoto local-O7JKBUXF-default/local/tcp/\n\t}\n');
  assert.deepEqual(n1.sets.find((s) => s.name === 'no-endpoint-nodeports')!.elements, ['tcp . 31000 comment "default/local" : drop']);
  assert.deepEqual(n2.sets.find((s) => s.name === 'no-endpoint-nodeports')!.elements, []);
  assert.deepEqual(n2.chains.find((c) => c.name.startsWith('local-'))!.rules, ['numgen random mod 1 vmap { 0 : goto endpoint-NNRU3VM4-default/local/tcp/__10.244.2.9/8080 }']);
});

const STICKY = svc('default', 'sticky', '', '10.96.200.9', 80, (p) => { p.stickyMaxAgeSeconds = 10800; });
const STICKY_EPS = { 'default/sticky': [ep('10.244.1.6', 80, 'node01'), ep('10.244.2.6', 80)] };

test('sessionAffinity ClientIP: a timeout set per endpoint, checked before numgen, updated in the endpoint chain', () => {
  const t = lab('node01', 1, [STICKY], STICKY_EPS);
  const aff = t.sets.find((s) => s.name.startsWith('affinity-') && s.name.endsWith('10.244.1.6/80'))!;
  assert.equal(renderSet(aff), `\tset ${aff.name} {\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}\n`);
  const service = t.chains.find((c) => c.name.startsWith('service-') && c.name.includes('sticky'))!;
  assert.match(service.rules[1]!, /^ip saddr @affinity-\w{8}-default\/sticky\/tcp\/__10\.244\.1\.6\/80 goto endpoint-\w{8}-default\/sticky\/tcp\/__10\.244\.1\.6\/80$/);
  assert.match(t.chains.find((c) => c.name.startsWith('endpoint-') && c.name.endsWith('sticky/tcp/__10.244.1.6/80'))!.rules[1]!, /^update @affinity-\w{8}-default\/sticky\/tcp\/__10\.244\.1\.6\/80 \{ ip saddr \}$/);
});

function ctx(draws: number[], affinity: NftContext['affinity'] = {}, now = 0): NftContext {
  return { random: () => draws.shift() ?? 0, now, localAddresses: ['192.168.56.11', '10.244.1.0', '10.244.1.1'], affinity, host: 'node01' };
}
const pkt = (src: string, dst: string, dport: number, proto: NfPacket['proto'] = 'tcp'): NfPacket => ({ proto, src, sport: 40000, dst, dport, mark: 0 });
const WEB = svc('default', 'web', 'http', '10.96.12.7', 80, (p) => { p.nodePort = 30080; });
const WEB_EPS = { 'default/web:http': [ep('10.244.1.5', 8080, 'node01'), ep('10.244.2.7', 8080), ep('10.244.2.8', 8080)] };

test('packets: numgen picks by the draw, DNAT ends the chain; NodePort traffic is marked and masqueraded at postrouting', () => {
  const t = lab('node01', 1, [WEB], WEB_EPS);
  const picked = [0, 0.4, 0.9].map((d) => nftEvaluate(t, 'output', pkt('10.244.1.20', '10.96.12.7', 80), ctx([d])).packet.dst);
  assert.deepEqual(picked, ['10.244.1.5', '10.244.2.7', '10.244.2.8']);
  const np = nftEvaluate(t, 'prerouting', pkt('192.168.56.1', '192.168.56.11', 30080), ctx([0.5]));
  assert.deepEqual({ v: np.verdict, dst: `${np.packet.dst}:${np.packet.dport}`, mark: np.packet.mark }, { v: 'accept', dst: '10.244.2.7:8080', mark: 0x4000 });
  assert.deepEqual(np.hops.map((h) => `${h.chain} #${h.index}: ${h.detail}`), [
    'filter-prerouting #1: jump firewall-check',
    'nat-prerouting #1: jump services',
    'services #2: @service-nodeports: tcp . 30080 → goto external-SUSTUHLJ-default/web/tcp/http',
    'external-SUSTUHLJ-default/web/tcp/http #1: jump mark-for-masquerade',
    'mark-for-masquerade #1: mark set to 0x00004000',
    'external-SUSTUHLJ-default/web/tcp/http #2: goto service-SUSTUHLJ-default/web/tcp/http',
    'service-SUSTUHLJ-default/web/tcp/http #2: numgen random mod 3 → 1 → goto endpoint-BZGFZVVG-default/web/tcp/http__10.244.2.7/8080',
    'endpoint-BZGFZVVG-default/web/tcp/http__10.244.2.7/8080 #2: DNAT to 10.244.2.7:8080',
  ]);
  const post = nftEvaluate(t, 'postrouting', np.packet, ctx([]));
  assert.deepEqual({ masq: post.masquerade, mark: post.packet.mark }, { masq: true, mark: 0 });
  assert.equal(nftEvaluate(t, 'postrouting', pkt('10.244.1.20', '10.244.2.7', 8080), ctx([])).masquerade, false);
});

test('packets: no endpoints → reject; Local without a local endpoint → drop; wrong port → reject; unallocated ClusterIP → drop; forwarded after DNAT → accept', () => {
  const none = svc('default', 'empty', '', '10.96.50.50', 80, (p) => { p.nodePort = 30500; });
  const t = lab('node01', 1, [none, LOCAL], LOCAL_EPS);
  const verdict = (hook: 'input' | 'output' | 'forward', p: NfPacket): string => nftEvaluate(t, hook, p, ctx([])).verdict;
  assert.equal(verdict('output', pkt('192.168.56.11', '10.96.50.50', 80)), 'reject');
  assert.equal(verdict('input', pkt('192.168.56.1', '192.168.56.11', 30500)), 'reject');
  assert.equal(verdict('input', pkt('192.168.56.1', '192.168.56.11', 31000)), 'drop');
  assert.equal(verdict('forward', pkt('10.244.1.9', '10.96.0.10', 54)), 'reject');
  assert.equal(verdict('forward', pkt('10.244.1.9', '10.96.77.77', 80)), 'drop');
  const dns = nftEvaluate(t, 'prerouting', pkt('10.244.1.9', '10.96.0.10', 53, 'udp'), ctx([0]));
  assert.equal(verdict('forward', dns.packet), 'accept');
  const pod = nftEvaluate(t, 'prerouting', pkt('10.244.1.9', '192.168.56.11', 31000), ctx([0]));
  assert.equal(`${pod.packet.dst}:${pod.packet.dport}`, '10.244.2.9:8080');
});

test('packets: ClientIP affinity sticks to the endpoint the first draw chose; each packet refreshes the timeout (update)', () => {
  const t = lab('node01', 1, [STICKY], STICKY_EPS);
  const affinity: NftContext['affinity'] = {};
  const first = nftEvaluate(t, 'output', pkt('10.244.1.20', '10.96.200.9', 80), ctx([0.9], affinity, 1000)).packet.dst;
  const again = nftEvaluate(t, 'output', pkt('10.244.1.20', '10.96.200.9', 80), ctx([0], affinity, 5000)).packet.dst;
  assert.equal(affinity[Object.keys(affinity)[0]!]!['10.244.1.20'], 5000 + 10_800_000);
  const later = nftEvaluate(t, 'output', pkt('10.244.1.20', '10.96.200.9', 80), ctx([0], affinity, 5000 + 10_800_000)).packet.dst;
  assert.deepEqual([first, again, later], ['10.244.2.6', '10.244.2.6', '10.244.1.6']);
  const set = Object.keys(affinity).find((k) => k.endsWith('10.244.1.6/80'))!;
  assert.equal(affinity[set]!['10.244.1.20'], 5000 + 2 * 10_800_000);
});

test('the IPv6 proxier\'s table: no services, NodePorts on every local address but ::1, no unallocated-ClusterIP rule', () => {
  const t = writeNftRules(input('node01', '192.168.56.11', '10.244.1.0/24', [], {}), undefined, 'ip6').nft;
  assert.deepEqual(t.sets.map((s) => s.name), ['cluster-ips', 'no-endpoint-services', 'no-endpoint-nodeports', 'firewall-ips', 'service-ips', 'service-nodeports']);
  const rules = (n: string): string[] => t.chains.find((c) => c.name === n)!.rules;
  assert.deepEqual(rules('services'), ['ip6 daddr . meta l4proto . th dport vmap @service-ips', 'fib daddr type local ip6 daddr != ::1 meta l4proto . th dport vmap @service-nodeports']);
  assert.deepEqual(rules('nodeport-endpoints-check'), ['ip6 daddr != ::1 meta l4proto . th dport vmap @no-endpoint-nodeports']);
  assert.deepEqual(rules('cluster-ips-check'), ['ip6 daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"']);
  assert.ok(nftListTable(t).startsWith('table ip6 kube-proxy {\n\tcomment "rules for kube-proxy"\n\tset cluster-ips {\n\t\ttype ipv6_addr\n'));
});

test('a later sync keeps objects in place, appends new ones, flushes a dropped endpoint chain and deletes it the sync after', () => {
  const before = lab('node01', 1, [WEB], WEB_EPS);
  const fewer = { 'default/web:http': WEB_EPS['default/web:http'].slice(0, 2) };
  const mid = writeNftRules(input('node01', '192.168.56.11', '10.244.1.0/24', [svc('default', 'kubernetes', 'https', '10.96.0.1', 443), svc('kube-system', 'kube-dns', 'dns', '10.96.0.10', 53, (p) => { p.protocol = 'UDP'; }), WEB], { 'default/kubernetes:https': [ep('192.168.56.10', 6443, 'controlplane')], 'kube-system/kube-dns:dns': CP_DNS, ...fewer }), before).nft;
  const gone = 'endpoint-BEP7W3JR-default/web/tcp/http__10.244.2.8/8080';
  assert.deepEqual(mid.chains.find((c) => c.name === gone)?.rules, []);
  assert.deepEqual(mid.chains.map((c) => c.name), before.chains.map((c) => c.name));
  const after = writeNftRules({ ...input('node01', '192.168.56.11', '10.244.1.0/24', [], {}) }, mid).nft;
  assert.equal(after.chains.some((c) => c.name === gone), false);
});

test('nft: listings, the version, and errors with the command echoed and carets under the missing name', () => {
  const t = lab('node01', 1);
  assert.deepEqual(nftCommand([t], ['-v']), { stdout: 'nftables v1.0.2 (Lester Gooch)\n', stderr: '', status: 0 });
  assert.deepEqual(nftCommand([], []), { stdout: '', stderr: 'nft: no command specified\n', status: 1 });
  assert.equal(nftCommand([t], ['list', 'tables']).stdout, 'table ip kube-proxy\n');
  assert.equal(nftCommand([t], ['list', 'chain', 'ip', 'kube-proxy', 'mark-for-masquerade']).stdout, 'table ip kube-proxy {\n\tchain mark-for-masquerade {\n\t\tmeta mark set meta mark | 0x00004000\n\t}\n}\n');
  assert.deepEqual(nftCommand([], ['list', 'table', 'ip', 'kube-proxy']), { stdout: '', stderr: 'Error: No such file or directory\nlist table ip kube-proxy\n              ^^^^^^^^^^\n', status: 1 });
  assert.deepEqual(nftCommand([t], ['list', 'chain', 'ip', 'kube-proxy', 'nope']), { stdout: '', stderr: 'Error: No such file or directory\nlist chain ip kube-proxy nope\n                         ^^^^\n', status: 1 });
  assert.equal(nftCommand([t], ['list', 'table', 'kube-proxy']).stdout, nftListTable(t));
  assert.equal(nftCommand([t], ['flush', 'ruleset']).status, 1);
});
