// The iptables rules IPVS mode keeps (pkg/proxy/ipvs/proxier.go writeIptablesRules,
// createAndLinkKubeChain, acceptIPVSTraffic; reference kube-proxy.md §2): a fixed handful that match
// on ipsets, so their number does not grow with the services. In nat, only the rules whose ipset has
// members are written; in filter, the ipvs access filter (nothing reaches a host port through a
// service address), the source-range firewall, the health-check accept and the forwarding rules,
// plus one OUT-FILTER drop per load-balancer frontend the node itself may not reach.
import type { IptablesState, IpSet, SyncInput } from '../types.js';
import { comment, rule } from '../iptables-mode/rule.js';
import { kubeletOnlyTables, table } from '../iptables-mode/tables.js';
import { noNodeAccessEntries } from './writer.js';

/** The ipset rules of proxier.go's ipsetWithIptablesChain: set, table, from chain, target, match flags, protocol. */
const SET_RULES: [string, 'nat' | 'filter', string, string, string, string][] = [
  ['KUBE-LOOP-BACK', 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER', 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-LOCAL', 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', ''],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-TCP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
  ['KUBE-NODE-PORT-UDP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
  ['KUBE-LOAD-BALANCER-FW', 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
];

/** Chains in the order the writer appends to them. */
type Chains = Record<string, string[]>;

function push(chains: Chains, line: string): void {
  const chain = line.slice(3, line.indexOf(' ', 3));
  (chains[chain] ??= []).push(line);
}

function matchSet(name: string, flags: string): string {
  return `-m set --match-set ${name} ${flags}`;
}

function writeRules(input: SyncInput, sets: IpSet[]): { nat: Chains; filter: Chains } {
  const byName = new Map(sets.map((s) => [s.name, s]));
  const has = (name: string): boolean => (byName.get(name)?.members.length ?? 0) > 0;
  const note = (name: string): string => comment(byName.get(name)?.comment ?? '');
  const nat: Chains = { 'KUBE-SERVICES': [], 'KUBE-POSTROUTING': [], 'KUBE-NODE-PORT': [], 'KUBE-LOAD-BALANCER': [], 'KUBE-MARK-MASQ': [] };
  const filter: Chains = { 'KUBE-FORWARD': [], 'KUBE-NODE-PORT': [], 'KUBE-PROXY-FIREWALL': [], 'KUBE-SOURCE-RANGES-FIREWALL': [], 'KUBE-IPVS-FILTER': [], 'KUBE-IPVS-OUT-FILTER': [] };
  push(nat, rule('KUBE-SERVICES', { src: '127.0.0.0/8', target: 'RETURN' }));
  for (const [name, t, from, to, flags, proto] of SET_RULES) {
    if (!has(name)) continue;
    push(t === 'nat' ? nat : filter, rule(from, { proto: proto || undefined, matches: [note(name), matchSet(name, flags)], target: to }));
  }
  if (has('KUBE-CLUSTER-IP')) {
    const cidr = input.config.clusterCIDR;
    const spec = input.config.masqueradeAll || cidr ? { notSrc: input.config.masqueradeAll ? undefined : cidr, flags: 'dst,dst' } : { notSrc: undefined, flags: 'src,dst' };
    push(nat, rule('KUBE-SERVICES', { notSrc: spec.notSrc, matches: [note('KUBE-CLUSTER-IP'), matchSet('KUBE-CLUSTER-IP', spec.flags)], target: 'KUBE-MARK-MASQ' }));
  }
  const externalIPRules = (name: string): void => {
    const m = [note(name), matchSet(name, 'dst,dst')];
    push(nat, rule('KUBE-SERVICES', { matches: [...m, '-m physdev ! --physdev-is-in', '-m addrtype ! --src-type LOCAL'], target: 'ACCEPT' }));
    push(nat, rule('KUBE-SERVICES', { matches: [...m, '-m addrtype --dst-type LOCAL'], target: 'ACCEPT' }));
  };
  if (has('KUBE-EXTERNAL-IP')) {
    push(nat, rule('KUBE-SERVICES', { matches: [note('KUBE-EXTERNAL-IP'), matchSet('KUBE-EXTERNAL-IP', 'dst,dst')], target: 'KUBE-MARK-MASQ' }));
    externalIPRules('KUBE-EXTERNAL-IP');
  }
  if (has('KUBE-EXTERNAL-IP-LOCAL')) externalIPRules('KUBE-EXTERNAL-IP-LOCAL');
  push(nat, rule('KUBE-SERVICES', { matches: ['-m addrtype --dst-type LOCAL'], target: 'KUBE-NODE-PORT' }));
  push(nat, rule('KUBE-LOAD-BALANCER', { target: 'KUBE-MARK-MASQ' }));
  push(filter, rule('KUBE-SOURCE-RANGES-FIREWALL', { target: 'DROP' }));
  for (const e of noNodeAccessEntries(input)) {
    push(filter, rule('KUBE-IPVS-OUT-FILTER', { src: e.ip, matches: [`-m ipvs --vproto ${e.protocol === 'tcp' ? 6 : e.protocol === 'udp' ? 17 : 132} --vaddr ${e.ip} --vport ${e.port}`], target: 'DROP' }));
  }
  for (const name of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) if (has(name)) push(nat, rule('KUBE-SERVICES', { matches: [matchSet(name, 'dst,dst')], target: 'ACCEPT' }));
  push(filter, rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding rules'), '-m mark --mark 0x4000/0x4000'], target: 'ACCEPT' }));
  push(filter, rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding conntrack rule'), '-m conntrack --ctstate RELATED,ESTABLISHED'], target: 'ACCEPT' }));
  push(filter, rule('KUBE-NODE-PORT', { matches: [note('KUBE-HEALTH-CHECK-NODE-PORT'), matchSet('KUBE-HEALTH-CHECK-NODE-PORT', 'dst')], target: 'ACCEPT' }));
  for (const [name, flags] of [['KUBE-LOAD-BALANCER', 'dst,dst'], ['KUBE-CLUSTER-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP', 'dst,dst'], ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'], ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst']] as const) {
    push(filter, rule('KUBE-IPVS-FILTER', { matches: [matchSet(name, flags)], target: 'RETURN' }));
  }
  push(filter, rule('KUBE-IPVS-FILTER', { matches: ['-m conntrack --ctstate NEW', matchSet('KUBE-IPVS-IPS', 'dst')], target: 'REJECT --reject-with icmp-port-unreachable' }));
  push(nat, rule('KUBE-POSTROUTING', { matches: ['-m mark ! --mark 0x4000/0x4000'], target: 'RETURN' }));
  push(nat, rule('KUBE-POSTROUTING', { target: 'MARK --set-xmark 0x4000/0x0' }));
  push(nat, rule('KUBE-POSTROUTING', { matches: [comment('kubernetes service traffic requiring SNAT')], target: 'MASQUERADE --random-fully' }));
  push(nat, rule('KUBE-MARK-MASQ', { target: 'MARK --set-xmark 0x4000/0x4000' }));
  return { nat, filter };
}

/**
 * The jump rules of iptablesJumpChain, each prepended (EnsureRule Prepend) after the kubelet's
 * KUBE-FIREWALL jumps: so the last one listed ends up first.
 */
function jumps(kubelet: Chains): Chains {
  const j = (from: string, text: string, to: string): string => rule(from, { matches: [comment(text)], target: to });
  return {
    INPUT: [j('INPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-FILTER'), j('INPUT', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'), j('INPUT', 'kubernetes health check rules', 'KUBE-NODE-PORT'), ...(kubelet.INPUT ?? [])],
    FORWARD: [j('FORWARD', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'), j('FORWARD', 'kubernetes forwarding rules', 'KUBE-FORWARD'), ...(kubelet.FORWARD ?? [])],
    OUTPUT: [j('OUTPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-OUT-FILTER'), ...(kubelet.OUTPUT ?? [])],
  };
}

/** The iptables tables of a node in IPVS mode. */
export function ipvsIptables(input: SyncInput, sets: IpSet[]): IptablesState {
  const base = kubeletOnlyTables();
  const { nat, filter } = writeRules(input, sets);
  const portal = (from: string): string => rule(from, { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' });
  return {
    nat: table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], {
      PREROUTING: [portal('PREROUTING')],
      OUTPUT: [portal('OUTPUT')],
      POSTROUTING: [rule('POSTROUTING', { matches: [comment('kubernetes postrouting rules')], target: 'KUBE-POSTROUTING' })],
      'KUBE-KUBELET-CANARY': [],
      ...nat,
    }),
    filter: table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], { ...base.filter.chains, ...filter, ...jumps(base.filter.chains) }),
    mangle: base.mangle,
  };
}
