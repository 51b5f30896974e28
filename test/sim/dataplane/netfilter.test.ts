// Packets through node01's nat and filter tables (nat-fixture.ts: its addressing plan is there),
// hook by hook as the kernel runs them: nat PREROUTING/OUTPUT, filter INPUT/FORWARD/OUTPUT, nat
// POSTROUTING. `draws` are the PRNG values the statistic matches get, in order; every flow must use
// exactly its draws (a draw happens only when a statistic match is reached).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traverse } from '../../../src/sim/dataplane/netfilter/evaluate.js';
import type { NfContext, NfResult } from '../../../src/sim/dataplane/netfilter/types.js';
import type { RecentList } from '../../../src/sim/dataplane/types.js';
import { filterTable, natTable } from './nat-fixture.js';

const NODE01 = ['192.168.56.11', '10.244.1.0', '10.244.1.1'];
const POD = '10.244.1.20';
const LAPTOP = '192.168.56.1';
const T0 = 1_767_603_600_000;

interface Flow {
  from: string;
  hook: 'OUTPUT' | 'PREROUTING';
  to: string;
  draws: number[];
  expect: string;
}

function context(draws: number[], recent: Record<string, RecentList>, now: number): NfContext {
  return {
    host: 'node01', tableName: 'nat', localAddresses: NODE01, recent, now, ctstate: 'NEW',
    random: () => {
      const d = draws.shift();
      assert.ok(d !== undefined, 'a statistic match drew more numbers than the flow gave');
      return d;
    },
  };
}

/** Runs one flow through the hooks; the outcome as `DNAT ip:port[ + MASQUERADE]`, `ACCEPT`, `DROP` or `REJECT`. */
function send(f: Flow, recent: Record<string, RecentList> = {}, now = T0): string {
  const [addr, proto] = f.to.split('/');
  const [dst, dport] = addr!.split(':');
  const draws = [...f.draws];
  const ctx = context(draws, recent, now);
  const packet = { proto: proto as 'tcp' | 'udp', src: f.from, sport: 40000, dst: dst!, dport: Number(dport), mark: 0 };
  const nat = traverse(natTable(), f.hook, packet, ctx);
  assert.equal(nat.errors, undefined);
  if (nat.verdict !== 'ACCEPT') return nat.verdict;
  const natted = nat.packet.dst !== packet.dst || nat.packet.dport !== packet.dport;
  const hook = f.hook === 'OUTPUT' ? 'OUTPUT' : NODE01.includes(nat.packet.dst) ? 'INPUT' : 'FORWARD';
  const filter = traverse(filterTable(), hook, nat.packet, { ...ctx, tableName: 'filter', ctstate: natted ? ['NEW', 'DNAT'] : 'NEW' });
  if (filter.verdict !== 'ACCEPT') return filter.verdict;
  const post = traverse(natTable(), 'POSTROUTING', filter.packet, ctx);
  assert.deepEqual(draws, [], 'draws left over');
  const masq = post.masquerade ? ' + MASQUERADE' : '';
  return natted ? `DNAT ${nat.packet.dst}:${nat.packet.dport}${masq}` : `ACCEPT${masq}`;
}

const FLOWS: Flow[] = [
  { from: POD, hook: 'PREROUTING', to: '10.96.0.10:53/udp', draws: [0.9], expect: 'DNAT 10.244.0.3:53' },
  { from: POD, hook: 'PREROUTING', to: '10.96.0.10:53/udp', draws: [0.2], expect: 'DNAT 10.244.0.2:53' },
  { from: '192.168.56.11', hook: 'OUTPUT', to: '10.96.0.10:53/udp', draws: [0.2], expect: 'DNAT 10.244.0.2:53 + MASQUERADE' },
  { from: POD, hook: 'PREROUTING', to: '10.96.100.10:80/tcp', draws: [0.1], expect: 'DNAT 10.244.1.5:8080' },
  { from: POD, hook: 'PREROUTING', to: '10.96.100.10:80/tcp', draws: [0.9, 0.2], expect: 'DNAT 10.244.2.7:8080' },
  { from: POD, hook: 'PREROUTING', to: '10.96.100.10:80/tcp', draws: [0.9, 0.6], expect: 'DNAT 10.244.2.8:8080' },
  { from: POD, hook: 'PREROUTING', to: '10.96.100.10:8080/tcp', draws: [], expect: 'ACCEPT' },
  { from: LAPTOP, hook: 'PREROUTING', to: '192.168.56.11:30080/tcp', draws: [0.5, 0.4], expect: 'DNAT 10.244.2.7:8080 + MASQUERADE' },
  { from: '127.0.0.1', hook: 'OUTPUT', to: '127.0.0.1:30080/tcp', draws: [0.1], expect: 'DNAT 10.244.1.5:8080 + MASQUERADE' },
  { from: LAPTOP, hook: 'PREROUTING', to: '192.168.56.11:30081/tcp', draws: [], expect: 'DNAT 10.244.1.6:8080' },
  { from: POD, hook: 'PREROUTING', to: '192.168.56.11:30081/tcp', draws: [0.7], expect: 'DNAT 10.244.2.9:8080' },
  { from: '192.168.56.11', hook: 'OUTPUT', to: '192.168.56.11:30081/tcp', draws: [0.2], expect: 'DNAT 10.244.1.6:8080 + MASQUERADE' },
  { from: LAPTOP, hook: 'PREROUTING', to: '192.168.56.11:30082/tcp', draws: [], expect: 'DROP' },
  { from: POD, hook: 'PREROUTING', to: '192.168.56.11:30082/tcp', draws: [], expect: 'DNAT 10.244.2.11:8080' },
  { from: POD, hook: 'PREROUTING', to: '10.96.50.5:3306/tcp', draws: [], expect: 'REJECT' },
  { from: '192.168.56.11', hook: 'OUTPUT', to: '10.96.50.5:3306/tcp', draws: [], expect: 'REJECT' },
  { from: POD, hook: 'PREROUTING', to: '10.244.2.7:8080/tcp', draws: [], expect: 'ACCEPT' },
  { from: LAPTOP, hook: 'PREROUTING', to: '192.168.56.11:22/tcp', draws: [], expect: 'ACCEPT' },
  { from: '192.168.56.11', hook: 'OUTPUT', to: '192.168.56.11:30082/tcp', draws: [], expect: 'DNAT 10.244.2.11:8080 + MASQUERADE' },
];

for (const f of FLOWS) {
  test(`${f.from} -> ${f.to} (${f.hook}, draws ${JSON.stringify(f.draws)}): ${f.expect}`, () => {
    assert.equal(send(f), f.expect);
  });
}

const WEB_SVC = 'KUBE-SVC-CDGGSHYLG3RE2FKL';

function hopsOf(r: NfResult): [string | undefined, string | undefined, number | undefined, string | undefined, string][] {
  return r.hops.map((h) => [h.kind, h.chain, h.index, h.rule, h.detail]);
}

test('a pod reaching web:80 leaves one hop per matched rule, the draw recorded on the rule that matched', () => {
  const packet = { proto: 'tcp' as const, src: POD, sport: 40000, dst: '10.96.100.10', dport: 80, mark: 0 };
  const r = traverse(natTable(), 'PREROUTING', packet, context([0.9, 0.2], {}, T0));
  assert.deepEqual(hopsOf(r), [
    ['rule', 'PREROUTING', 1, '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES', 'jump to KUBE-SERVICES'],
    ['rule', 'KUBE-SERVICES', 2, `-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${WEB_SVC}`, `jump to ${WEB_SVC}`],
    ['rule', WEB_SVC, 3, `-A ${WEB_SVC} -m comment --comment "default/web:http -> 10.244.2.7:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-2RIJ5GIYXEFH6G4D`, 'probability 0.50000000000 (drew 0.2): jump to KUBE-SEP-2RIJ5GIYXEFH6G4D'],
    ['rule', 'KUBE-SEP-2RIJ5GIYXEFH6G4D', 2, '-A KUBE-SEP-2RIJ5GIYXEFH6G4D -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.2.7:8080', 'DNAT to 10.244.2.7:8080'],
  ]);
  assert.deepEqual(r.packet, { ...packet, dst: '10.244.2.7', dport: 8080 });
  assert.equal(r.hops[3]!.packet.dst, '10.244.2.7');
  assert.equal(r.hops[0]!.host, 'node01');
  assert.equal(r.hops[0]!.table, 'nat');
});

test('the node reaching kube-dns is marked, then masqueraded in POSTROUTING', () => {
  const packet = { proto: 'udp' as const, src: '192.168.56.11', sport: 40000, dst: '10.96.0.10', dport: 53, mark: 0 };
  const out = traverse(natTable(), 'OUTPUT', packet, context([0.9], {}, T0));
  assert.equal(out.packet.mark, 0x4000);
  assert.equal(out.hops[3]!.detail, 'mark 0x0 → 0x4000');
  const post = traverse(natTable(), 'POSTROUTING', out.packet, context([], {}, T0));
  assert.deepEqual(hopsOf(post).map(([kind, chain, index, , detail]) => [kind, chain, index, detail]), [
    ['rule', 'POSTROUTING', 1, 'jump to KUBE-POSTROUTING'],
    ['rule', 'KUBE-POSTROUTING', 2, 'mark 0x4000 → 0x0'],
    ['rule', 'KUBE-POSTROUTING', 3, 'MASQUERADE: the source becomes the outgoing interface\'s address'],
  ]);
  assert.equal(post.masquerade, true);
});

test('an unmarked packet returns from KUBE-POSTROUTING and meets the built-in policy', () => {
  const packet = { proto: 'tcp' as const, src: POD, sport: 40000, dst: '10.244.2.7', dport: 8080, mark: 0 };
  const post = traverse(natTable(), 'POSTROUTING', packet, context([], {}, T0));
  assert.deepEqual(hopsOf(post).slice(1), [
    ['rule', 'KUBE-POSTROUTING', 1, '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN', 'RETURN to POSTROUTING'],
    ['policy', 'POSTROUTING', 2, '-P POSTROUTING ACCEPT', 'end of built-in chain POSTROUTING: policy ACCEPT'],
  ]);
  assert.deepEqual({ verdict: post.verdict, masquerade: post.masquerade }, { verdict: 'ACCEPT', masquerade: false });
});

test('ClientIP affinity sticks within --seconds and expires after, reaping the stale address', () => {
  const recent: Record<string, RecentList> = {};
  const flow = (draws: number[]): Flow => ({ from: POD, hook: 'PREROUTING', to: '10.96.60.6:80/tcp', draws, expect: '' });
  assert.equal(send(flow([0.7]), recent, T0), 'DNAT 10.244.2.10:80');
  assert.deepEqual(recent, { 'KUBE-SEP-RKKDUXIDYMYOKIJQ': { [POD]: T0 } });
  assert.equal(send(flow([]), recent, T0 + 60_000), 'DNAT 10.244.2.10:80');
  assert.equal(send(flow([]), recent, T0 + 10_860_000), 'DNAT 10.244.2.10:80', 'exactly --seconds after the last packet still matches');
  const later = T0 + 10_860_000 + 10_800_001;
  assert.equal(send(flow([0.3]), recent, later), 'DNAT 10.244.1.7:80');
  assert.deepEqual(recent, { 'KUBE-SEP-RKKDUXIDYMYOKIJQ': {}, 'KUBE-SEP-2FJZOYV5LQTFJHUK': { [POD]: later } });
});

test('the affinity hop says how long ago the client was seen', () => {
  const recent = { 'KUBE-SEP-RKKDUXIDYMYOKIJQ': { [POD]: T0 } };
  const packet = { proto: 'tcp' as const, src: POD, sport: 40000, dst: '10.96.60.6', dport: 80, mark: 0 };
  const r = traverse(natTable(), 'PREROUTING', packet, context([], recent, T0 + 42_000));
  assert.equal(r.hops[2]!.detail, 'recent: 10.244.1.20 is in KUBE-SEP-RKKDUXIDYMYOKIJQ, last seen 42 s ago (within 10800 s): jump to KUBE-SEP-RKKDUXIDYMYOKIJQ');
  assert.equal(r.hops[2]!.index, 3);
  assert.equal(r.hops[3]!.detail, 'recent: 10.244.1.20 recorded in KUBE-SEP-RKKDUXIDYMYOKIJQ: DNAT to 10.244.2.10:80');
});
