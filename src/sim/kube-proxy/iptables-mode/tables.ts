// The whole iptables state of a node in iptables mode (pkg/proxy/iptables/proxier.go): the jump
// rules kube-proxy prepends to the built-in chains, its fixed chains, every service port's rules,
// kubelet's canary and KUBE-FIREWALL rule — and the counts its "Reloading service iptables data"
// line reports. A partial sync rewrites only the changed services' chains and reuses the others'
// arrays as they are (flannel's chains are added beside them, flannel.ts). Services appear in KUBE-SERVICES sorted by name (real kube-proxy follows Go's
// random map order, so no order there is meaningful).
import type { EndpointInfo, IptablesState, IptablesTable, ServicePortInfo, SyncInput } from '../types.js';
import { comment, rule } from './rule.js';
import { writeServicePort, type ServiceRules, type WriterContext } from './service.js';

/** The figures of the sync log line. */
export interface SyncCounts {
  numServices: number;
  numEndpoints: number;
  numFilterChains: number;
  numFilterRules: number;
  numNATChains: number;
  numNATRules: number;
}

const NEW = '-m conntrack --ctstate NEW';

/** The built-in chains' jump rules, in the order prepending leaves them (kubelet's KUBE-FIREWALL jumps came first, so they are last). */
const FILTER_JUMPS: Record<string, string[]> = {
  INPUT: [
    rule('INPUT', { matches: [NEW, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' }),
    rule('INPUT', { matches: [comment('kubernetes health check service ports')], target: 'KUBE-NODEPORTS' }),
    rule('INPUT', { matches: [NEW, comment('kubernetes externally-visible service portals')], target: 'KUBE-EXTERNAL-SERVICES' }),
    rule('INPUT', { target: 'KUBE-FIREWALL' }),
  ],
  FORWARD: [
    rule('FORWARD', { matches: [NEW, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' }),
    rule('FORWARD', { matches: [comment('kubernetes forwarding rules')], target: 'KUBE-FORWARD' }),
    rule('FORWARD', { matches: [NEW, comment('kubernetes service portals')], target: 'KUBE-SERVICES' }),
    rule('FORWARD', { matches: [NEW, comment('kubernetes externally-visible service portals')], target: 'KUBE-EXTERNAL-SERVICES' }),
  ],
  OUTPUT: [
    rule('OUTPUT', { matches: [NEW, comment('kubernetes load balancer firewall')], target: 'KUBE-PROXY-FIREWALL' }),
    rule('OUTPUT', { matches: [NEW, comment('kubernetes service portals')], target: 'KUBE-SERVICES' }),
    rule('OUTPUT', { target: 'KUBE-FIREWALL' }),
  ],
};

const KUBE_FORWARD = [
  rule('KUBE-FORWARD', { matches: ['-m conntrack --ctstate INVALID', '-m nfacct --nfacct-name  ct_state_invalid_dropped_pkts'], target: 'DROP' }),
  rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding rules'), '-m mark --mark 0x4000/0x4000'], target: 'ACCEPT' }),
  rule('KUBE-FORWARD', { matches: [comment('kubernetes forwarding conntrack rule'), '-m conntrack --ctstate RELATED,ESTABLISHED'], target: 'ACCEPT' }),
];

const KUBE_FIREWALL = [rule('KUBE-FIREWALL', { notSrc: '127.0.0.0/8', dst: '127.0.0.0/8', matches: [comment('block incoming localnet connections'), '-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT'], target: 'DROP' })];

const NAT_FIXED: Record<string, string[]> = {
  PREROUTING: [rule('PREROUTING', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' })],
  OUTPUT: [rule('OUTPUT', { matches: [comment('kubernetes service portals')], target: 'KUBE-SERVICES' })],
  POSTROUTING: [rule('POSTROUTING', { matches: [comment('kubernetes postrouting rules')], target: 'KUBE-POSTROUTING' })],
  'KUBE-MARK-MASQ': [rule('KUBE-MARK-MASQ', { target: 'MARK --set-xmark 0x4000/0x4000' })],
  'KUBE-POSTROUTING': [
    rule('KUBE-POSTROUTING', { matches: ['-m mark ! --mark 0x4000/0x4000'], target: 'RETURN' }),
    rule('KUBE-POSTROUTING', { target: 'MARK --set-xmark 0x4000/0x0' }),
    rule('KUBE-POSTROUTING', { matches: [comment('kubernetes service traffic requiring SNAT')], target: 'MASQUERADE --random-fully' }),
  ],
  'KUBE-KUBELET-CANARY': [],
  'KUBE-PROXY-CANARY': [],
};

const NODEPORTS_JUMP = rule('KUBE-SERVICES', { matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), '-m addrtype --dst-type LOCAL'], target: 'KUBE-NODEPORTS' });

/**
 * The rules last written per service port object and writer context, shared by every node's
 * proxier: a service without Local policies or source ranges gets the same rules on every node.
 */
const written = new WeakMap<ServicePortInfo, Map<string, { eps: EndpointInfo[] | undefined; rules: ServiceRules }>>();

function contextKey(s: ServicePortInfo, ctx: WriterContext): string {
  const perNode = s.externalPolicyLocal || s.internalPolicyLocal || s.loadBalancerSourceRanges.length > 0;
  return `${perNode ? `${ctx.node}|${ctx.nodeIP}` : '*'}|${ctx.clusterCIDR}|${ctx.masqueradeAll}|${ctx.localhostNodePortsAcct}`;
}

function serviceRules(s: ServicePortInfo, eps: EndpointInfo[] | undefined, ctx: WriterContext): ServiceRules {
  let byCtx = written.get(s);
  if (!byCtx) {
    byCtx = new Map();
    written.set(s, byCtx);
  }
  const key = contextKey(s, ctx);
  const hit = byCtx.get(key);
  if (hit && hit.eps === eps) return hit.rules;
  const rules = writeServicePort(s, eps ?? [], ctx);
  byCtx.set(key, { eps, rules });
  return rules;
}

function contextOf(input: SyncInput): WriterContext {
  const c = input.config;
  return { node: input.node.name, nodeIP: input.node.ips[0] ?? '', clusterCIDR: c.clusterCIDR, masqueradeAll: c.masqueradeAll, localhostNodePortsAcct: c.localhostNodePorts };
}

/** A table with the given built-ins (policy ACCEPT) and chains. */
export function table(name: IptablesTable['name'], builtins: string[], chains: Record<string, string[]>): IptablesTable {
  return { name, builtins: builtins.map((b) => [b, 'ACCEPT']), chains };
}

/** The tables as the kubelet leaves them before kube-proxy writes anything (its canary chains). */
export function kubeletOnlyTables(): IptablesState {
  return {
    nat: table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], { 'KUBE-KUBELET-CANARY': [] }),
    filter: table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], { 'KUBE-KUBELET-CANARY': [], 'KUBE-FIREWALL': [...KUBE_FIREWALL], INPUT: [FILTER_JUMPS.INPUT!.at(-1)!], OUTPUT: [FILTER_JUMPS.OUTPUT!.at(-1)!] }),
    mangle: table('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'], { 'KUBE-IPTABLES-HINT': [], 'KUBE-KUBELET-CANARY': [] }),
  };
}

/** Writes the node's tables: in full, or (given the previous tables and input.changed) only the changed services' chains. */
export function writeIptables(input: SyncInput, previous?: IptablesState): { tables: IptablesState; counts: SyncCounts } {
  const ctx = contextOf(input);
  const changed = previous && input.changed ? new Set(input.changed) : undefined;
  const per: ServiceRules[] = input.services.map((s) => serviceRules(s, input.endpoints[s.name], ctx));
  const nat: Record<string, string[]> = { ...NAT_FIXED, 'KUBE-SERVICES': [...per.flatMap((r) => r.natServices), NODEPORTS_JUMP], 'KUBE-NODEPORTS': per.flatMap((r) => r.natNodePorts) };
  let writtenChains = 0;
  let writtenRules = 0;
  input.services.forEach((s, i) => {
    for (const [name, rules] of Object.entries(per[i]!.chains)) {
      const keep = changed && !changed.has(s.name) ? previous?.nat.chains[name] : undefined;
      nat[name] = keep ?? rules;
      if (!keep) {
        writtenChains++;
        writtenRules += rules.length;
      }
    }
  });
  const deleted = previous ? Object.keys(previous.nat.chains).filter((c) => /^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(c) && !(c in nat)).length : 0;
  const filter = {
    'KUBE-KUBELET-CANARY': [], 'KUBE-PROXY-CANARY': [], 'KUBE-FIREWALL': KUBE_FIREWALL, 'KUBE-FORWARD': KUBE_FORWARD,
    'KUBE-SERVICES': per.flatMap((r) => r.filterServices), 'KUBE-EXTERNAL-SERVICES': per.flatMap((r) => r.filterExternal),
    'KUBE-NODEPORTS': per.flatMap((r) => r.filterNodePorts), 'KUBE-PROXY-FIREWALL': per.flatMap((r) => r.filterFirewall), ...FILTER_JUMPS,
  };
  const tables: IptablesState = {
    nat: table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], nat),
    filter: table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], filter),
    mangle: table('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'], { 'KUBE-IPTABLES-HINT': [], 'KUBE-KUBELET-CANARY': [], 'KUBE-PROXY-CANARY': [] }),
  };
  const filterRules = 1 + KUBE_FORWARD.length + per.reduce((n, r) => n + r.filterServices.length + r.filterExternal.length + r.filterNodePorts.length + r.filterFirewall.length, 0);
  const counts: SyncCounts = {
    numServices: input.services.length,
    numEndpoints: per.reduce((n, r) => n + r.endpointCount, 0),
    numFilterChains: 6,
    numFilterRules: filterRules,
    numNATChains: 4 + writtenChains,
    numNATRules: 4 + nat['KUBE-SERVICES']!.length + nat['KUBE-NODEPORTS']!.length + writtenRules + deleted,
  };
  return { tables, counts };
}
