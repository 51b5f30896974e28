// Every rule form of ../shared/reference/kube-proxy.md (§1.3-§1.5 iptables mode, §2 IPVS mode's
// ipset rules, §3 userspace REDIRECT/DNAT, plus the filter-table forms) parses and prints back
// exactly; unknown matches and targets are error values, never exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChain, parseRule } from '../../../src/sim/dataplane/netfilter/parse.js';
import { formatRule } from '../../../src/sim/dataplane/netfilter/format.js';
import type { NfRule } from '../../../src/sim/dataplane/netfilter/types.js';
import { FILTER_RULES, NAT_RULES } from './nat-fixture.js';

const NODEPORTS_NOTE = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';

/** The reference's templates with NS/SVC:PORT = default/web:http, p = tcp, CIDR = 10.244.0.0/16. */
const REFERENCE_FORMS = [
  '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
  '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
  '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
  `-A KUBE-SERVICES -m comment --comment "${NODEPORTS_NOTE}" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  `-A KUBE-SERVICES ! -d 127.0.0.0/8 -m comment --comment "${NODEPORTS_NOTE}" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  `-A KUBE-SERVICES -d 172.18.0.2/32 -m comment --comment "${NODEPORTS_NOTE}" -j KUBE-NODEPORTS`,
  '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
  '-A KUBE-EXTERNAL-SERVICES -d 172.18.0.100/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
  '-A KUBE-SERVICES -d 172.18.0.100/32 -p tcp -m comment --comment "default/web:http external IP" -m tcp --dport 80 -j KUBE-EXT-CDGGSHYLG3RE2FKL',
  '-A KUBE-SERVICES -d 172.18.0.200/32 -p tcp -m comment --comment "default/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-CDGGSHYLG3RE2FKL',
  '-A KUBE-FW-CDGGSHYLG3RE2FKL -s 203.0.113.0/24 -m comment --comment "default/web:http loadbalancer IP" -j KUBE-EXT-CDGGSHYLG3RE2FKL',
  '-A KUBE-FW-CDGGSHYLG3RE2FKL -m comment --comment "other traffic to default/web:http will be dropped by KUBE-PROXY-FIREWALL"',
  '-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http has no local endpoints" -m tcp --dport 80 -j DROP',
  '-A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ',
  '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -m mark --mark 0x4000/0x4000 -j MASQUERADE',
];

/** §2: the iptables rules IPVS mode keeps, matching on ipsets. */
const IPVS_FORMS = [
  '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
  '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
  '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
  '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
  '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
  '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ',
  '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP src,dst -j KUBE-MARK-MASQ',
  '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
  '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-IPVS-IPS dst -m conntrack --ctstate NEW -j REJECT --reject-with icmp-port-unreachable',
];

/** §3: userspace mode's portals, and other forms the evaluator must know. */
const OTHER_FORMS = [
  '-A KUBE-PORTALS-CONTAINER -d 10.0.1.175/32 -p tcp -m comment --comment "default/hostnames:default" -m tcp --dport 80 -j REDIRECT --to-ports 48577',
  '-A KUBE-PORTALS-HOST -d 10.0.1.175/32 -p tcp -m comment --comment "default/hostnames:default" -m tcp --dport 80 -j DNAT --to-destination 10.240.115.247:48577',
  '-A KUBE-NODEPORT-CONTAINER -p tcp -m comment --comment "default/ssh-service1:" -m tcp --dport 30239 -j REDIRECT --to-ports 36463',
  '-A KUBE-NODEPORT-HOST -p tcp -m comment --comment "default/ssh-service1:" -m tcp --dport 30239 -j DNAT --to-destination 10.0.0.5:36463',
  '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
  '-A FORWARD -i cni0 ! -o veth+ -p udp -m udp ! --sport 1024:65535 -j ACCEPT',
  '-A POSTROUTING -s 10.244.1.0/24 -o eth0 -j SNAT --to-source 192.168.56.11:40000 --random-fully',
  '-A KUBE-SVC-X -m recent ! --update --seconds 60 --name L --mask 255.255.255.0 --rdest -g KUBE-SEP-Y',
  '-A KUBE-SVC-X -m statistic --mode random ! --probability 0.25000000000 -j KUBE-SEP-Y',
  '-A X -m comment --comment "say \\"hi\\" to \\\\ and \\\'" -j ACCEPT',
  '-A X -m comment --comment plain_word-1 -m mark --mark 0x1 -m conntrack ! --ctstate NEW,DNAT -j DROP',
];

test('every rule form of the reference and of the fixture prints back exactly as parsed', () => {
  for (const line of [...REFERENCE_FORMS, ...IPVS_FORMS, ...OTHER_FORMS, ...NAT_RULES, ...FILTER_RULES]) {
    const p = parseRule(line);
    assert.ok(p.ok, `${line}: ${p.ok ? '' : p.error}`);
    assert.equal(formatRule(p.rule), line);
  }
});

function rule(line: string): NfRule {
  const p = parseRule(line);
  assert.ok(p.ok, p.ok ? '' : p.error);
  return p.rule;
}

test('a service rule keeps its header matches, extensions and target in order', () => {
  const r = rule('-A KUBE-SVC-H ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-MARK-MASQ');
  assert.equal(r.chain, 'KUBE-SVC-H');
  assert.deepEqual(r.matches, [
    { kind: 'src', addr: { invert: true, cidr: '10.244.0.0/16', base: 0x0af40000, mask: 0xffff0000 } },
    { kind: 'dst', addr: { invert: false, cidr: '10.96.0.10/32', base: 0x0a60000a, mask: 0xffffffff } },
    { kind: 'proto', invert: false, proto: 'udp' },
    { kind: 'comment', text: 'kube-system/kube-dns:dns cluster IP' },
    { kind: 'ports', module: 'udp', dport: { invert: false, from: 53, to: 53 } },
  ]);
  assert.deepEqual(r.target, { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
});

test('affinity, probability, nfacct, set and NAT targets parse into their parts', () => {
  const rec = rule('-A S -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-E1 --mask 255.255.255.255 --rsource -j KUBE-SEP-E1');
  assert.deepEqual(rec.matches[0], { kind: 'recent', invert: false, mode: 'rcheck', seconds: 10800, reap: true, name: 'KUBE-SEP-E1', mask: '255.255.255.255', side: 'rsource' });
  const stat = rule('-A S -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-E1');
  assert.deepEqual(stat.matches[0], { kind: 'statistic', invert: false, probability: 0.33333333349, text: '0.33333333349' });
  const nfacct = rule('-A KUBE-NODEPORTS -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-H');
  assert.deepEqual(nfacct.matches[0], { kind: 'nfacct', name: 'localhost_nps_accepted_pkts' });
  const set = rule('-A P -m set ! --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE');
  assert.deepEqual(set.matches[0], { kind: 'set', invert: true, name: 'KUBE-LOOP-BACK', dirs: ['dst', 'dst', 'src'] });
  assert.deepEqual(rule('-A E -p tcp -m tcp -j DNAT --to-destination 10.244.1.5:8080').target, { kind: 'DNAT', ip: '10.244.1.5', port: 8080 });
  assert.deepEqual(rule('-A E -j DNAT --to-destination 10.244.1.5').target, { kind: 'DNAT', ip: '10.244.1.5' });
  assert.deepEqual(rule('-A P -j MARK --set-xmark 0x4000/0x0').target, { kind: 'MARK', value: 0x4000, mask: 0 });
  assert.deepEqual(rule('-A R -j REJECT').target, { kind: 'REJECT', with: 'icmp-port-unreachable' });
  assert.deepEqual(rule('-A X -m comment --comment "a \\"quoted\\" word" -j ACCEPT').matches[0], { kind: 'comment', text: 'a "quoted" word' });
});

test('an old dump MARK with padded hex keeps its value', () => {
  assert.deepEqual(rule('-A KUBE-MARK-MASQ -j MARK --set-xmark 0x00004000/0x00004000').target, { kind: 'MARK', value: 0x4000, mask: 0x4000 });
});

test('unknown matches, targets and options are error values', () => {
  const cases: [string, string][] = [
    ['-A X -m multiport --dports 80,443 -j ACCEPT', 'match "multiport" is not modelled'],
    ['-A X -j LOG --log-prefix "x: "', 'target "LOG" is not modelled'],
    ['-A X -m statistic --mode nth --every 2 --packet 0 -j Y', 'only --mode random is modelled'],
    ['-A X -m tcp --tcp-flags SYN SYN -j ACCEPT', 'unknown option "--tcp-flags" of -m tcp'],
    ['-A X -m addrtype --dst-type UNICAST -j Y', 'address type "UNICAST" is not modelled (only LOCAL)'],
    ['-A X -m comment --comment "open -j ACCEPT', 'unterminated quote'],
    ['-A X --frobnicate -j ACCEPT', 'unknown option "--frobnicate"'],
    ['-A X -d 10.96.0.300/32 -j ACCEPT', 'bad address "10.96.0.300/32"'],
    ['-A X -j DNAT --to-destination nowhere', 'bad --to-destination "nowhere"'],
    ['-A X -j KUBE-SVC-A --bogus', 'chain KUBE-SVC-A takes no options'],
    ['-A X -m conntrack --ctstate NEW,SOMETIMES -j ACCEPT', 'unknown conntrack state "SOMETIMES"'],
  ];
  for (const [line, error] of cases) assert.deepEqual(parseRule(line), { ok: false, error, line });
});

test('a chain is parsed once per rule array', () => {
  const chain = NAT_RULES.filter((l) => l.startsWith('-A KUBE-SERVICES '));
  const first = parseChain(chain);
  assert.equal(parseChain(chain), first);
  assert.notEqual(parseChain([...chain]), first);
});
