// The iptables rules IPVS mode keeps (pkg/proxy/ipvs/proxier.go writeIptablesRules; reference
// kube-proxy.md §2): a fixed handful in nat that match on ipsets, so their number does not grow with
// the services — only the ones whose ipset has members are written. The filter table keeps
// kube-proxy's forwarding rules and the kubelet's KUBE-FIREWALL.
import type { IptablesState, IpSet, SyncInput } from '../types.js';
import { comment, rule } from '../iptables-mode/rule.js';
import { kubeletOnlyTables, table } from '../iptables-mode/tables.js';

function hasMembers(sets: IpSet[], name: string): boolean {
  return (sets.find((s) => s.name === name)?.members.length ?? 0) > 0;
}

function natChains(input: SyncInput, sets: IpSet[]): Record<string, string[]> {
  const nodePort: string[] = [];
  for (const p of ['TCP', 'UDP']) {
    if (hasMembers(sets, `KUBE-NODE-PORT-LOCAL-${p}`)) nodePort.push(rule('KUBE-NODE-PORT', { proto: p.toLowerCase(), matches: [comment(`Kubernetes nodeport ${p} port with externalTrafficPolicy=local`), `-m set --match-set KUBE-NODE-PORT-LOCAL-${p} dst`], target: 'RETURN' }));
    if (hasMembers(sets, `KUBE-NODE-PORT-${p}`)) nodePort.push(rule('KUBE-NODE-PORT', { proto: p.toLowerCase(), matches: [comment(`Kubernetes nodeport ${p} port for masquerade purpose`), `-m set --match-set KUBE-NODE-PORT-${p} dst`], target: 'KUBE-MARK-MASQ' }));
  }
  const services = [rule('KUBE-SERVICES', { src: '127.0.0.0/8', target: 'RETURN' })];
  if (hasMembers(sets, 'KUBE-CLUSTER-IP')) {
    services.push(rule('KUBE-SERVICES', { notSrc: input.config.clusterCIDR || undefined, matches: [comment('Kubernetes service cluster ip + port for masquerade purpose'), '-m set --match-set KUBE-CLUSTER-IP dst,dst'], target: 'KUBE-MARK-MASQ' }));
  }
  services.push(rule('KUBE-SERVICES', { matches: ['-m addrtype --dst-type LOCAL'], target: 'KUBE-NODE-PORT' }));
  if (hasMembers(sets, 'KUBE-CLUSTER-IP')) services.push(rule('KUBE-SERVICES', { matches: ['-m set --match-set KUBE-CLUSTER-IP dst,dst'], target: 'ACCEPT' }));
  const postrouting = [
    ...(hasMembers(sets, 'KUBE-LOOP-BACK') ? [rule('KUBE-POSTROUTING', { matches: [comment('Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose'), '-m set --match-set KUBE-LOOP-BACK dst,dst,src'], target: 'MASQUERADE' })] : []),
    rule('KUBE-POSTROUTING', { matches: ['-m mark ! --mark 0x4000/0x4000'], target: 'RETURN' }),
    rule('KUBE-POSTROUTING', { target: 'MARK --set-xmark 0x4000/0x0' }),
    rule('KUBE-POSTROUTING', { matches: [comment('kubernetes service traffic requiring SNAT')], target: 'MASQUERADE --random-fully' }),
  ];
  return {
    PREROUTING: [rule('PREROUTING', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' })],
    OUTPUT: [rule('OUTPUT', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' })],
    POSTROUTING: [rule('POSTROUTING', { matches: [comment('kubernetes postrouting rules')], target: 'KUBE-POSTROUTING' })],
    'KUBE-KUBELET-CANARY': [],
    'KUBE-LOAD-BALANCER': hasMembers(sets, 'KUBE-LOAD-BALANCER') ? [rule('KUBE-LOAD-BALANCER', { target: 'KUBE-MARK-MASQ' })] : [],
    'KUBE-MARK-MASQ': [rule('KUBE-MARK-MASQ', { target: 'MARK --set-xmark 0x4000/0x4000' })],
    'KUBE-NODE-PORT': nodePort, 'KUBE-POSTROUTING': postrouting, 'KUBE-SERVICES': services,
  };
}

/** The iptables tables of a node in IPVS mode. */
export function ipvsIptables(input: SyncInput, sets: IpSet[]): IptablesState {
  const base = kubeletOnlyTables();
  const forward = [
    rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding rules'), '-m mark --mark 0x4000/0x4000'], target: 'ACCEPT' }),
    rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding conntrack rule'), '-m conntrack --ctstate RELATED,ESTABLISHED'], target: 'ACCEPT' }),
  ];
  const filter = { ...base.filter.chains, 'KUBE-FORWARD': forward, FORWARD: [rule('FORWARD', { matches: [comment('kubernetes forwarding rules')], target: 'KUBE-FORWARD' })] };
  return {
    nat: table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], natChains(input, sets)),
    filter: table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], filter),
    mangle: base.mangle,
  };
}
