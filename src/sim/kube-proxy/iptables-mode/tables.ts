// The whole iptables state of a node in iptables mode (pkg/proxy/iptables/proxier.go): the jump
// rules kube-proxy prepends to the built-in chains, its fixed chains, every service port's rules,
// kubelet's canary and KUBE-FIREWALL rule — and the counts its "Reloading service iptables data"
// line reports. A partial sync rewrites only the changed services' chains and reuses the others'
// arrays as they are (flannel's chains are added beside them, flannel.ts). Services appear in KUBE-SERVICES sorted by name (real kube-proxy follows Go's
// random map order, so no order there is meaningful).
import type { EndpointInfo, IptablesState, IptablesTable, ServicePortInfo, SyncInput } from '../types.js';
import { comment, rule } from './rule.js';
import { writeServicePort, type ServiceRules, type WriterContext } from './service.js';
import { recordInPlace } from '../table-history.js';

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

/** The memo keys of a writer context: one for services written alike on every node, one for this node's own. */
function contextKeys(ctx: WriterContext): { shared: string; node: string } {
  const rest = `${ctx.clusterCIDR}|${ctx.masqueradeAll}|${ctx.localhostNodePortsAcct}`;
  return { shared: `*|${rest}`, node: `${ctx.node}|${ctx.nodeIP}|${rest}` };
}

function serviceRules(s: ServicePortInfo, eps: EndpointInfo[] | undefined, ctx: WriterContext, keys: { shared: string; node: string }): ServiceRules {
  let byCtx = written.get(s);
  if (!byCtx) {
    byCtx = new Map();
    written.set(s, byCtx);
  }
  const key = s.externalPolicyLocal || s.internalPolicyLocal || s.loadBalancerSourceRanges.length > 0 ? keys.node : keys.shared;
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

/** What a full or partial sync wrote into a nat chain map: each service port's rules, and the listing chains built from them. */
interface Written {
  byName: Map<string, ServiceRules>;
  listing: Listing;
}

/** Per chain map, what was written into it, so a partial sync knows which chains to delete and whether the listings still hold. */
const owners = new WeakMap<Record<string, string[]>, Written>();

/** The chains listing every service port, gathered in one pass over the services' rules. */
interface Listing {
  natServices: string[];
  natNodePorts: string[];
  filter: Record<string, string[]>;
  filterRules: number;
  endpoints: number;
}

function gather(per: ServiceRules[]): Listing {
  const l: Listing = { natServices: [], natNodePorts: [], filter: {}, filterRules: 1 + KUBE_FORWARD.length, endpoints: 0 };
  const services: string[] = [];
  const external: string[] = [];
  const nodePorts: string[] = [];
  const firewall: string[] = [];
  const add = (to: string[], rules: string[]): void => {
    for (const r of rules) to.push(r);
  };
  for (const r of per) {
    add(l.natServices, r.natServices);
    add(l.natNodePorts, r.natNodePorts);
    add(services, r.filterServices);
    add(external, r.filterExternal);
    add(nodePorts, r.filterNodePorts);
    add(firewall, r.filterFirewall);
    l.endpoints += r.endpointCount;
  }
  l.natServices.push(NODEPORTS_JUMP);
  l.filterRules += services.length + external.length + nodePorts.length + firewall.length;
  l.filter = {
    'KUBE-KUBELET-CANARY': [], 'KUBE-PROXY-CANARY': [], 'KUBE-FIREWALL': KUBE_FIREWALL, 'KUBE-FORWARD': KUBE_FORWARD,
    'KUBE-SERVICES': services, 'KUBE-EXTERNAL-SERVICES': external, 'KUBE-NODEPORTS': nodePorts, 'KUBE-PROXY-FIREWALL': firewall, ...FILTER_JUMPS,
  };
  return l;
}

/** The figures of the sync's log line. */
function countsOf(input: SyncInput, l: Listing, writtenChains: number, writtenRules: number, deleted: number): SyncCounts {
  return {
    numServices: input.services.length,
    numEndpoints: l.endpoints,
    numFilterChains: 6,
    numFilterRules: l.filterRules,
    numNATChains: 4 + writtenChains,
    numNATRules: 4 + l.natServices.length + l.natNodePorts.length + writtenRules + deleted,
  };
}

const filterTable = (l: Listing): IptablesTable => table('filter', ['INPUT', 'FORWARD', 'OUTPUT'], l.filter);

const mangle = (): IptablesTable => table('mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'], { 'KUBE-IPTABLES-HINT': [], 'KUBE-KUBELET-CANARY': [], 'KUBE-PROXY-CANARY': [] });

const sameRules = (a: string[], b: string[]): boolean => a.length === b.length && a.every((r, i) => r === b[i]);

/** True when a service port's rules list it the same way in KUBE-SERVICES, KUBE-NODEPORTS and the filter chains. */
function sameListing(a: ServiceRules | undefined, b: ServiceRules | undefined): boolean {
  if (!a || !b) return false;
  return sameRules(a.natServices, b.natServices) && sameRules(a.natNodePorts, b.natNodePorts) && sameRules(a.filterServices, b.filterServices)
    && sameRules(a.filterExternal, b.filterExternal) && sameRules(a.filterNodePorts, b.filterNodePorts) && sameRules(a.filterFirewall, b.filterFirewall);
}

/**
 * A partial sync into the previous nat table's chain map: only the changed service ports' chains
 * are replaced (table-history.ts keeps what they held), and the chains listing every service only
 * when a changed service's place in them changed — so the cost follows the change, not the cluster.
 */
function writeInPlace(input: SyncInput, previous: IptablesState, changed: Set<string>, own: Written, rulesOf: (s: ServicePortInfo) => ServiceRules): { tables: IptablesState; counts: SyncCounts } {
  const chains = previous.nat.chains;
  const replaced = new Map<string, string[] | undefined>();
  const put = (c: string, rules: string[] | undefined): void => {
    if (chains[c] === rules) return;
    if (!replaced.has(c)) replaced.set(c, chains[c]);
    if (rules) chains[c] = rules;
    else delete chains[c];
  };
  const now = new Map<string, ServiceRules>();
  for (const s of input.services) if (changed.has(s.name)) now.set(s.name, rulesOf(s));
  let writtenChains = 0;
  let writtenRules = 0;
  let deleted = 0;
  let listed = true;
  let endpointDelta = 0;
  for (const name of changed) {
    const before = own.byName.get(name);
    const after = now.get(name);
    listed &&= sameListing(before, after);
    endpointDelta += (after?.endpointCount ?? 0) - (before?.endpointCount ?? 0);
    const next = after?.chains ?? {};
    for (const c of before ? Object.keys(before.chains) : []) {
      if (c in next) continue;
      put(c, undefined);
      deleted++;
    }
    for (const [c, rules] of Object.entries(next)) {
      put(c, rules);
      writtenChains++;
      writtenRules += rules.length;
    }
    if (after) own.byName.set(name, after);
    else own.byName.delete(name);
  }
  const l = listed ? { ...own.listing, endpoints: own.listing.endpoints + endpointDelta } : gather(input.services.map((s) => own.byName.get(s.name) ?? rulesOf(s)));
  own.listing = l;
  put('KUBE-SERVICES', l.natServices);
  put('KUBE-NODEPORTS', l.natNodePorts);
  const nat: IptablesTable = { name: 'nat', builtins: previous.nat.builtins, chains };
  recordInPlace(previous.nat, nat, replaced);
  return { tables: { nat, filter: listed ? previous.filter : filterTable(l), mangle: previous.mangle }, counts: countsOf(input, l, writtenChains, writtenRules, deleted) };
}

/**
 * Writes the node's tables: in full, or (given the previous tables and input.changed) only the
 * changed services' chains — written into the previous chain map when this writer made it.
 */
export function writeIptables(input: SyncInput, previous?: IptablesState): { tables: IptablesState; counts: SyncCounts } {
  const ctx = contextOf(input);
  const changed = previous && input.changed ? new Set(input.changed) : undefined;
  const keys = contextKeys(ctx);
  const rulesOf = (s: ServicePortInfo): ServiceRules => serviceRules(s, input.endpoints[s.name], ctx, keys);
  const own = previous && owners.get(previous.nat.chains);
  if (changed && previous && own) return writeInPlace(input, previous, changed, own, rulesOf);
  const per = input.services.map(rulesOf);
  const l = gather(per);
  const nat: Record<string, string[]> = { ...NAT_FIXED, 'KUBE-SERVICES': l.natServices, 'KUBE-NODEPORTS': l.natNodePorts };
  const byName = new Map<string, ServiceRules>();
  let writtenChains = 0;
  let writtenRules = 0;
  input.services.forEach((s, i) => {
    const mine = per[i]!.chains;
    byName.set(s.name, per[i]!);
    for (const [name, rules] of Object.entries(mine)) {
      const keep = changed && !changed.has(s.name) ? previous?.nat.chains[name] : undefined;
      nat[name] = keep ?? rules;
      if (!keep) {
        writtenChains++;
        writtenRules += rules.length;
      }
    }
  });
  owners.set(nat, { byName, listing: l });
  const deleted = previous ? Object.keys(previous.nat.chains).filter((c) => /^KUBE-(SVC|SVL|EXT|FW|SEP)-/.test(c) && !(c in nat)).length : 0;
  return { tables: { nat: table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], nat), filter: filterTable(l), mangle: mangle() }, counts: countsOf(input, l, writtenChains, writtenRules, deleted) };
}
