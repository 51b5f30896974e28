// Cluster configuration: the defaults of ARCHITECTURE.md and every reason a configuration is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, nodeIP, nodeNames, parsePortRange, resolveConfig, validateConfig } from '../../src/sim/config.js';
import { formatTimestamp, parseTimestamp, utcMillis } from '../../src/sim/clock.js';
import { NAME_ALPHABET, randInt, randString, randUuid, seedRng } from '../../src/sim/rng.js';

test('the default cluster is the one ARCHITECTURE.md describes', () => {
  assert.equal(DEFAULT_CONFIG.nodes, 3);
  assert.equal(DEFAULT_CONFIG.serviceCIDR, '10.96.0.0/12');
  assert.equal(DEFAULT_CONFIG.podCIDR, '10.244.0.0/16');
  assert.equal(DEFAULT_CONFIG.nodePortRange, '30000-32767');
  assert.equal(DEFAULT_CONFIG.proxyMode, 'iptables');
  assert.equal(DEFAULT_CONFIG.kubernetesVersion, 'v1.34.0');
  assert.deepEqual(validateConfig(DEFAULT_CONFIG), []);
});

test('nodes are controlplane, node01, ... with InternalIPs counting up from 192.168.56.10', () => {
  assert.deepEqual(nodeNames(4), ['controlplane', 'node01', 'node02', 'node03']);
  assert.equal(nodeNames(101)[100], 'node100');
  assert.deepEqual([0, 1, 2, 99].map((i) => nodeIP(DEFAULT_CONFIG, i)), ['192.168.56.10', '192.168.56.11', '192.168.56.12', '192.168.56.109']);
});

const refused: [string, Partial<typeof DEFAULT_CONFIG>, string][] = [
  ['overlapping CIDRs name the shared addresses', { serviceCIDR: '10.96.0.0/12', podCIDR: '10.100.0.0/16' },
    'service CIDR 10.96.0.0/12 overlaps pod CIDR 10.100.0.0/16: addresses 10.100.0.0-10.100.255.255 would belong to both Services and Pods; choose ranges that do not overlap'],
  ['pod CIDR inside the service CIDR', { podCIDR: '10.96.0.0/16' },
    'service CIDR 10.96.0.0/12 overlaps pod CIDR 10.96.0.0/16: addresses 10.96.0.0-10.96.255.255 would belong to both Services and Pods; choose ranges that do not overlap'],
  ['service CIDR that is not a network', { serviceCIDR: '10.96.0.0/33' }, 'invalid service CIDR "10.96.0.0/33": must be an IPv4 network such as 10.96.0.0/12'],
  ['service CIDR with host bits', { serviceCIDR: '10.96.0.1/12' }, 'invalid service CIDR "10.96.0.1/12": must be an IPv4 network such as 10.96.0.0/12'],
  ['service CIDR too large', { serviceCIDR: '12.0.0.0/7' }, 'invalid service CIDR "12.0.0.0/7": the prefix length must be between /8 and /28'],
  ['pod CIDR garbage', { podCIDR: 'pods' }, 'invalid pod CIDR "pods": must be an IPv4 network such as 10.244.0.0/16'],
  ['too many nodes for the pod CIDR', { podCIDR: '10.244.0.0/23', nodes: 3 }, 'pod CIDR 10.244.0.0/23 holds only 2 /24 node ranges, but the cluster has 3 nodes'],
  ['no nodes', { nodes: 0 }, 'invalid node count 0: must be a whole number from 1 to 245'],
  ['too many nodes', { nodes: 300 }, 'invalid node count 300: must be a whole number from 1 to 245'],
  ['backwards NodePort range', { nodePortRange: '32767-30000' }, 'invalid NodePort range "32767-30000": must look like 30000-32767, with ports from 1 to 65535'],
  ['NodePort range past 65535', { nodePortRange: '30000-70000' }, 'invalid NodePort range "30000-70000": must look like 30000-32767, with ports from 1 to 65535'],
  ['tiny NodePort range', { nodePortRange: '30000-30005' }, 'invalid NodePort range "30000-30005": it must hold at least 16 ports'],
  ['unknown proxy mode', { proxyMode: 'ebpf' as never }, 'invalid proxy mode "ebpf": must be one of iptables, ipvs, nftables, userspace'],
];

for (const [name, partial, message] of refused) {
  test(`config refused: ${name}`, () => {
    const r = resolveConfig(partial);
    assert.ok('errors' in r);
    assert.deepEqual(r.errors, [message]);
  });
}

test('valid alternatives are accepted', () => {
  for (const partial of [{ nodes: 1 }, { nodes: 100 }, { serviceCIDR: '10.100.0.0/16', podCIDR: '10.32.0.0/12' }, { nodePortRange: '30000-30100' }, { proxyMode: 'ipvs' as const }]) {
    assert.ok('config' in resolveConfig(partial), JSON.stringify(partial));
  }
});

test('port ranges parse as the apiserver flag does', () => {
  assert.deepEqual(parsePortRange('30000-32767'), { base: 30000, size: 2768 });
  assert.deepEqual(parsePortRange('8080'), { base: 8080, size: 1 });
  assert.equal(parsePortRange('a-b'), undefined);
});

test('timestamps are RFC 3339 in UTC without touching the host clock', () => {
  assert.equal(formatTimestamp(utcMillis(2026, 1, 5, 9, 0, 0)), '2026-01-05T09:00:00Z');
  assert.equal(formatTimestamp(utcMillis(2024, 2, 29, 23, 59, 59) + 999), '2024-02-29T23:59:59Z');
  assert.equal(parseTimestamp('2026-01-05T09:00:00Z'), utcMillis(2026, 1, 5, 9));
  assert.ok(Number.isNaN(parseTimestamp('yesterday')));
});

test('the PRNG is seeded and reproducible, and names use the apimachinery alphabet', () => {
  const a = seedRng(42);
  const b = seedRng(42);
  const seqA = Array.from({ length: 5 }, () => randString(a, 5));
  const seqB = Array.from({ length: 5 }, () => randString(b, 5));
  assert.deepEqual(seqA, seqB);
  assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => randString(seedRng(43), 5)));
  for (const s of seqA) assert.match(s, new RegExp(`^[${NAME_ALPHABET}]{5}$`));
  assert.match(randUuid(a), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const counts = new Array(4).fill(0);
  for (let i = 0; i < 4000; i++) counts[randInt(a, 4)]++;
  for (const c of counts) assert.ok(c > 850 && c < 1150, `roughly uniform: ${counts.join(',')}`);
});
