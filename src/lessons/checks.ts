// The named checks a lesson step can use (lessons/FORMAT.md lists them): each validates its
// parameters when the lesson loads and, after every command, answers pass or why not — in the
// learner's terms, computed from the cluster ("web selects app=web, but no pod has that label; the
// pods are labelled app=website"). Checks that send packets or ask DNS work on a copy of the
// simulation, so checking never moves the clock or leaves conntrack entries.
import { getStored, listStored } from '../sim/api-server/store.js';
import { lookupKind, RESOURCES, type ResourceInfo } from '../sim/api-server/resources.js';
import { connect } from '../sim/dataplane/connect.js';
import type { Endpoint } from '../sim/dataplane/topology.js';
import { isPodReady } from '../sim/controllers/pod-util.js';
import { answerQuery } from '../sim/dns/coredns.js';
import { parseResolvConf, resolvConfFor, searchCandidates } from '../sim/dns/resolver.js';
import type { SimState } from '../sim/state.js';
import type { EndpointSlice, KubeObject, Node, Pod, Service } from '../sim/types.js';
import { saveTable } from '../shell/node-tools/iptables-view.js';
import { ipvsadmList } from '../shell/node-tools/ipvs-tools.js';
import { resolveForTool } from '../shell/node-tools/resolve-host.js';
import type { ShellState } from '../shell/types.js';
import type { CheckResult } from './types.js';

/** What a check looks at: the cluster, the shell, this step's commands, and the step's starting pods. */
export interface CheckContext {
  sim: SimState;
  shell: ShellState;
  /** The commands run during this step, with their exit status. */
  commands: { command: string; status: number }[];
  /** The pods (`ns/name` and their labels) that existed when the step started. */
  startPods: { key: string; labels: Record<string, string> }[];
}

type Kind = 'string' | 'number' | 'boolean' | 'map' | 'any';

interface CheckDef {
  params: Record<string, { kind: Kind; required?: boolean }>;
  validate(params: Record<string, unknown>): string[];
  run(ctx: CheckContext, p: Record<string, unknown>): CheckResult;
}

function define(params: CheckDef['params'], run: CheckDef['run'], extra?: (p: Record<string, unknown>) => string[]): CheckDef {
  return {
    params,
    run,
    validate(p) {
      const problems: string[] = [];
      for (const [k, v] of Object.entries(p)) {
        const spec = params[k];
        if (!spec) problems.push(`unknown parameter "${k}" (expected ${Object.keys(params).join(', ')})`);
        else if (spec.kind === 'map' ? !v || typeof v !== 'object' || Array.isArray(v) : spec.kind !== 'any' && typeof v !== spec.kind) problems.push(`${k} must be a ${spec.kind}`);
      }
      for (const [k, spec] of Object.entries(params)) if (spec.required && p[k] === undefined) problems.push(`${k} is required`);
      return [...problems, ...(extra?.(p) ?? [])];
    },
  };
}

const ok: CheckResult = { pass: true, reason: '' };
const no = (reason: string): CheckResult => ({ pass: false, reason });
const ns = (p: Record<string, unknown>): string => (p.namespace as string | undefined) ?? 'default';
const where = (namespace: string): string => (namespace === 'default' ? '' : ` in namespace ${namespace}`);
const labelsText = (m: Record<string, string> | undefined): string => Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '(none)';
const matches = (labels: Record<string, string> | undefined, selector: Record<string, string>): boolean => Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** A kind as a lesson names it (`Service`, `service`), in the API server's resource table. */
function knownKind(kind: string): ResourceInfo | undefined {
  return lookupKind(kind) ?? RESOURCES.find((r) => r.kind.toLowerCase() === kind.toLowerCase() || r.singular === kind.toLowerCase());
}

/** An object by kind, name and namespace. */
function getObject(sim: SimState, kind: string, namespace: string, name: string): KubeObject | undefined {
  const info = knownKind(kind);
  if (!info) return undefined;
  return getStored(sim, info.resource, info.namespaced ? `${namespace}/${name}` : name);
}

/** A dotted path into an object (`spec.ports.0.port`; `data.config\\.conf` for a key with a dot). */
function at(obj: unknown, path: string): unknown {
  const keys = path.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, '.'));
  return keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

const show = (v: unknown): string => (v === undefined ? 'not set' : typeof v === 'string' ? v : JSON.stringify(v));

function objectCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const kind = p.kind as string;
  const name = p.name as string;
  const obj = getObject(ctx.sim, kind, ns(p), name);
  if (p.absent) return obj ? no(`the ${kind} ${name}${where(ns(p))} still exists`) : ok;
  if (!obj) return no(`there is no ${kind} named ${name}${where(ns(p))} yet`);
  for (const [path, want] of Object.entries((p.fields as Record<string, unknown>) ?? {})) {
    const got = at(obj, path);
    if (String(got) !== String(want)) return no(`the ${kind} ${name} has ${path} ${show(got)}, not ${show(want)}`);
  }
  return ok;
}

function portOf(svc: Service): NonNullable<Service['spec']['ports']>[number] | undefined {
  return svc.spec.ports?.[0];
}

function podsSelected(sim: SimState, namespace: string, selector: Record<string, string>): Pod[] {
  return listStored<Pod>(sim, 'pods', namespace).filter((pod) => matches(pod.metadata.labels, selector) && !pod.metadata.deletionTimestamp);
}

function serviceCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const name = p.name as string;
  const svc = getStored<Service>(ctx.sim, 'services', `${ns(p)}/${name}`);
  if (!svc) return no(`there is no Service named ${name}${where(ns(p))} yet`);
  const type = svc.spec.type ?? 'ClusterIP';
  if (p.type !== undefined && type !== p.type) return no(`the Service ${name} is of type ${type}, not ${p.type as string}`);
  const port = portOf(svc);
  if (p.port !== undefined && port?.port !== p.port) return no(`the Service ${name} listens on port ${port?.port ?? 'none'}, not ${p.port as number}`);
  if (p.targetPort !== undefined && String(port?.targetPort ?? port?.port) !== String(p.targetPort)) return no(`the Service ${name} sends traffic to targetPort ${String(port?.targetPort ?? port?.port)}, but the pods listen on ${String(p.targetPort)}`);
  if (p.nodePort !== undefined && port?.nodePort !== p.nodePort) return no(`the Service ${name} has nodePort ${port?.nodePort ?? 'none'}, not ${p.nodePort as number}`);
  if (p.selector !== undefined) {
    const want = p.selector as Record<string, string>;
    const got = svc.spec.selector ?? {};
    if (labelsText(got) !== labelsText(want)) {
      const pods = listStored<Pod>(ctx.sim, 'pods', ns(p));
      const selected = podsSelected(ctx.sim, ns(p), got).length;
      return no(`${name} selects ${labelsText(got)}${selected ? ` (${selected} pods)` : `, but no pod has ${Object.keys(got).length > 1 ? 'all those labels' : 'that label'}${pods.length ? `; the pods are labelled ${[...new Set(pods.map((x) => labelsText(x.metadata.labels)))].slice(0, 3).join(' / ')}` : ''}`}`);
    }
  }
  return ok;
}

/** The endpoints of a Service's EndpointSlices: ready and not ready. */
export function serviceEndpoints(sim: SimState, namespace: string, name: string): { ready: string[]; notReady: string[] } {
  const slices = listStored<EndpointSlice>(sim, 'endpointslices', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  const ready: string[] = [];
  const notReady: string[] = [];
  for (const s of slices) for (const e of s.endpoints ?? []) for (const a of e.addresses) (e.conditions?.ready === false ? notReady : ready).push(a);
  return { ready, notReady };
}

function whyNoEndpoints(ctx: CheckContext, namespace: string, name: string): string {
  const svc = getStored<Service>(ctx.sim, 'services', `${namespace}/${name}`);
  if (!svc) return `there is no Service named ${name}${where(namespace)} yet`;
  const selector = svc.spec.selector;
  if (!selector || !Object.keys(selector).length) return `${name} has no selector, so nothing fills its endpoints`;
  const pods = podsSelected(ctx.sim, namespace, selector);
  if (!pods.length) {
    const all = listStored<Pod>(ctx.sim, 'pods', namespace);
    return `${name} selects ${labelsText(selector)}, but no pod has ${Object.keys(selector).length > 1 ? 'all those labels' : 'that label'}${all.length ? `; the pods are labelled ${[...new Set(all.map((x) => labelsText(x.metadata.labels)))].slice(0, 3).join(' / ')}` : ''}`;
  }
  const notReady = pods.filter((x) => !isPodReady(x));
  if (notReady.length) return `${name} selects ${pods.length} pod${pods.length === 1 ? '' : 's'}, ${notReady.length} not ready yet (${notReady.map((x) => x.metadata.name).slice(0, 3).join(', ')})`;
  return `${name} selects ${pods.length} ready pod${pods.length === 1 ? '' : 's'}`;
}

function endpointsCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const name = p.service as string;
  const { ready, notReady } = serviceEndpoints(ctx.sim, ns(p), name);
  const want = p.ready as number | undefined;
  const min = p.minReady as number | undefined;
  if ((want !== undefined && ready.length !== want) || (min !== undefined && ready.length < min)) {
    const expected = want !== undefined ? `${want}` : `at least ${min}`;
    return no(`${name} has ${ready.length === 0 ? 'no ready endpoints' : `${ready.length} ready endpoint${ready.length === 1 ? '' : 's'} (${ready.join(', ')})`}, ${expected} wanted: ${whyNoEndpoints(ctx, ns(p), name)}`);
  }
  if (p.notReady !== undefined && notReady.length !== p.notReady) return no(`${name} has ${notReady.length} not-ready endpoints, ${p.notReady as number} wanted`);
  return ok;
}

function podsCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const selector = p.selector as Record<string, string>;
  const pods = podsSelected(ctx.sim, ns(p), selector);
  const running = pods.filter((x) => x.status?.phase === 'Running');
  const ready = pods.filter(isPodReady);
  const text = `${pods.length} pod${pods.length === 1 ? '' : 's'} labelled ${labelsText(selector)}${where(ns(p))}, ${running.length} running`;
  if (p.running !== undefined && running.length !== p.running) return no(`there are ${text}; ${p.running as number} running wanted`);
  if (p.minRunning !== undefined && running.length < (p.minRunning as number)) return no(`there are ${text}; at least ${p.minRunning as number} running wanted`);
  if (p.ready !== undefined && ready.length !== p.ready) return no(`there are ${text}, ${ready.length} ready; ${p.ready as number} ready wanted`);
  return ok;
}

function podReplacedCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const selector = p.selector as Record<string, string>;
  const now = podsSelected(ctx.sim, ns(p), selector);
  const before = ctx.startPods.filter((x) => x.key.startsWith(`${ns(p)}/`) && matches(x.labels, selector));
  const gone = before.filter((x) => {
    const pod = getStored<Pod>(ctx.sim, 'pods', x.key);
    return !pod || Boolean(pod.metadata.deletionTimestamp);
  });
  const fresh = now.filter((x) => !before.some((b) => b.key === `${ns(p)}/${x.metadata.name}`) && x.status?.phase === 'Running');
  if (!gone.length) return no(`every pod labelled ${labelsText(selector)} is still the one that was there when this step began: delete one`);
  if (!fresh.length) return no('a pod is gone, and its replacement is not running yet');
  return ok;
}

/** Where a `from:` parameter puts the client. */
function endpointOf(sim: SimState, from: string): Endpoint | string {
  if (from === 'laptop') return { kind: 'laptop' };
  const [kind, rest] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
  if (kind === 'node') return getStored<Node>(sim, 'nodes', rest) ? { kind: 'node', node: rest } : `there is no node ${rest}`;
  if (kind === 'pod') {
    const [namespace, name] = rest.includes('/') ? rest.split('/') as [string, string] : ['default', rest];
    const pod = getStored<Pod>(sim, 'pods', `${namespace}/${name}`);
    if (!pod?.status?.podIP || !pod.spec.nodeName) return `there is no running pod ${name}${where(namespace)} to connect from`;
    return { kind: 'pod', namespace, name, node: pod.spec.nodeName, ip: pod.status.podIP };
  }
  return `from must be node:NAME, pod:NAME or laptop, not ${from}`;
}

/** Where a `to:` parameter points: an address and port, or why it cannot be worked out. */
function targetOf(sim: SimState, to: string): { ip: string; port: number; text: string } | string {
  const colon = to.lastIndexOf(':');
  const svcRef = (ref: string): Service | undefined => {
    const [namespace, name] = ref.includes('/') ? ref.split('/') as [string, string] : ['default', ref];
    return getStored<Service>(sim, 'services', `${namespace}/${name}`);
  };
  if (to.startsWith('nodeport:')) {
    const [name, node] = to.slice(9).split('@') as [string, string | undefined];
    const svc = svcRef(name);
    const nodePort = svc?.spec.ports?.[0]?.nodePort;
    if (!svc) return `there is no Service ${name}`;
    if (!nodePort) return `the Service ${name} has no nodePort (it is of type ${svc.spec.type ?? 'ClusterIP'})`;
    const n = getStored<Node>(sim, 'nodes', node ?? 'node01');
    const ip = n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    return ip ? { ip, port: nodePort, text: `${node ?? 'node01'}'s ${ip}:${nodePort}` } : `there is no node ${node}`;
  }
  if (colon < 0) return `to must be HOST:PORT, not ${to}`;
  const host = to.slice(0, colon);
  const port = Number(to.slice(colon + 1));
  if (!Number.isInteger(port)) return `to must end with a port number, not ${to}`;
  if (host.startsWith('svc:')) {
    const svc = svcRef(host.slice(4));
    const ip = svc?.spec.clusterIP;
    return svc && ip && ip !== 'None' ? { ip, port, text: `${host.slice(4)} (${ip}:${port})` } : `there is no Service ${host.slice(4)} with a cluster IP`;
  }
  if (host.startsWith('lb:')) {
    const svc = svcRef(host.slice(3));
    const ip = svc?.status?.loadBalancer?.ingress?.[0]?.ip;
    return ip ? { ip, port, text: `${host.slice(3)}'s load balancer ${ip}:${port}` } : `the Service ${host.slice(3)} has no load-balancer address`;
  }
  return { ip: host, port, text: `${host}:${port}` };
}

const OUTCOME_TEXT: Record<string, string> = { connected: 'reaches a pod', refused: 'is refused', timeout: 'times out', unreachable: 'finds no route', 'no-route': 'finds no route' };

function attempt(ctx: CheckContext, p: Record<string, unknown>): { outcome: string; backend?: string; text: string } | string {
  const sim = structuredClone(ctx.sim);
  const from = endpointOf(sim, p.from as string);
  if (typeof from === 'string') return from;
  const to = targetOf(sim, p.to as string);
  if (typeof to === 'string') return to;
  const r = connect(sim, from, to.ip, to.port, ((p.proto as string | undefined) ?? 'tcp') as 'tcp' | 'udp', { timeoutMs: 5000 });
  const backend = r.server?.pod ? `${r.server.pod}` : r.server?.node;
  return { outcome: r.outcome, ...(backend ? { backend } : {}), text: `a connection from ${p.from as string} to ${to.text}` };
}

function connectCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const a = attempt(ctx, p);
  if (typeof a === 'string') return no(a);
  const want = p.expect as string;
  const got = a.outcome === 'connected' ? 'reached' : a.outcome === 'refused' ? 'refused' : 'timeout';
  if (got === want) return ok;
  return no(`${a.text} ${OUTCOME_TEXT[a.outcome] ?? a.outcome}${a.backend && a.outcome === 'connected' ? ` (${a.backend})` : ''}; it should ${want === 'reached' ? 'reach a pod' : want === 'refused' ? 'be refused' : 'time out'}`);
}

function spreadCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const tries = (p.tries as number | undefined) ?? 12;
  const atLeast = (p.atLeast as number | undefined) ?? 2;
  const sim = structuredClone(ctx.sim);
  const from = endpointOf(sim, p.from as string);
  if (typeof from === 'string') return no(from);
  const to = targetOf(sim, p.to as string);
  if (typeof to === 'string') return no(to);
  const seen = new Set<string>();
  for (let i = 0; i < tries; i++) {
    const r = connect(sim, from, to.ip, to.port, 'tcp', { timeoutMs: 5000 });
    if (r.outcome === 'connected' && r.server?.pod) seen.add(r.server.pod);
  }
  return seen.size >= atLeast ? ok : no(`${tries} connections to ${to.text} reached ${seen.size === 0 ? 'no pod' : `only ${[...seen].join(', ')}`}; at least ${atLeast} different pods wanted`);
}

function rulesText(ctx: CheckContext, node: string, table: 'nat' | 'filter'): string[] | string {
  const p = ctx.sim.proxy?.[node];
  if (!p) return `kube-proxy has not run on ${node}`;
  return saveTable(p.rules.iptables[table], '').split('\n').filter((l) => l.startsWith('-A '));
}

function countCheck(lines: string[] | string, p: Record<string, unknown>, what: string): CheckResult {
  if (typeof lines === 'string') return no(lines);
  const re = new RegExp(p.matches as string);
  const n = lines.filter((l) => re.test(l)).length;
  if (p.absent) return n === 0 ? ok : no(`${n} ${what} still match ${p.matches as string}`);
  const want = p.count as number | undefined;
  if (want !== undefined ? n !== want : n === 0) return no(`${n === 0 ? 'no' : n} ${what} match ${p.matches as string}${want !== undefined ? `; ${want} wanted` : ''}`);
  return ok;
}

function ruleCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const node = (p.node as string | undefined) ?? 'node01';
  const table = ((p.table as string | undefined) ?? 'nat') as 'nat' | 'filter';
  return countCheck(rulesText(ctx, node, table), p, `${table} rules on ${node}`);
}

function ipvsCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const node = (p.node as string | undefined) ?? 'node01';
  const ipvs = ctx.sim.proxy?.[node]?.rules.ipvs;
  const lines = ipvs ? ipvsadmList(ipvs, []).split('\n') : `${node} has no IPVS virtual servers (kube-proxy is not in IPVS mode there)`;
  return countCheck(lines, p, `lines of ipvsadm -Ln on ${node}`);
}

function nodesOf(ctx: CheckContext, node: string | undefined): string[] {
  return node ? [node] : listStored<Node>(ctx.sim, 'nodes').map((n) => n.metadata.name!);
}

function proxyModeCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  for (const n of nodesOf(ctx, p.node as string | undefined)) {
    const px = ctx.sim.proxy?.[n];
    if (!px?.running) return no(`kube-proxy is not running on ${n}`);
    if (px.mode !== p.mode) return no(`kube-proxy on ${n} runs in ${px.mode} mode, not ${p.mode as string}`);
  }
  return ok;
}

function kubeProxyCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const node = p.node as string;
  const running = Boolean(ctx.sim.proxy?.[node]?.running);
  const want = (p.running as boolean | undefined) ?? true;
  return running === want ? ok : no(`kube-proxy on ${node} is ${running ? 'running' : 'not running'}`);
}

function dnsCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const from = p.from as string;
  const name = p.name as string;
  const podRef = from.startsWith('pod:') ? from.slice(4) : from;
  const [namespace, podName] = podRef.includes('/') ? podRef.split('/') as [string, string] : ['default', podRef];
  const pod = getStored<Pod>(ctx.sim, 'pods', `${namespace}/${podName}`);
  if (!pod?.spec.nodeName || pod.status?.phase !== 'Running') return no(`there is no running pod ${podName}${where(namespace)} to ask from`);
  const expect = p.expect as string;
  if (expect.startsWith('cname:')) {
    const conf = parseResolvConf(resolvConfFor(ctx.sim, { kind: 'pod', namespace, pod: podName }));
    for (const candidate of searchCandidates(name, conf, 'glibc')) {
      const r = answerQuery(ctx.sim, { name: candidate, type: 'A' });
      const cname = r.answer.find((rec) => rec.type === 'CNAME');
      if (cname && cname.type === 'CNAME') return cname.target.replace(/\.$/, '') === expect.slice(6).replace(/\.$/, '') ? ok : no(`${name} is a CNAME for ${cname.target.replace(/\.$/, '')}, not ${expect.slice(6)}`);
      if (r.rcode === 'NOERROR' && r.answer.length) return no(`${name} answers with an address, not a CNAME`);
    }
    return no(`${name} does not resolve from ${podName} (no such name)`);
  }
  const shell: ShellState = { ...ctx.shell, hosts: [ctx.shell.hosts[0]!, { kind: 'pod', namespace, pod: podName, container: pod.spec.containers[0]!.name, node: pod.spec.nodeName, shell: 'sh' }] };
  const r = resolveForTool({ sim: structuredClone(ctx.sim), shell }, name);
  if (expect === 'nxdomain') return r.ok ? no(`${name} resolves to ${r.ip} from ${podName}`) : ok;
  let want = expect;
  if (expect.startsWith('svc:')) {
    const ref = expect.slice(4);
    const [sns, sname] = ref.includes('/') ? ref.split('/') as [string, string] : ['default', ref];
    want = getStored<Service>(ctx.sim, 'services', `${sns}/${sname}`)?.spec.clusterIP ?? '(no such Service)';
  }
  if (!r.ok) return no(`${name} does not resolve from ${podName}: ${r.reason === 'nxdomain' ? 'no such name — check the namespace and the search path' : r.reason === 'timeout' ? 'no DNS server answered' : 'the DNS server failed'}`);
  return r.ip === want ? ok : no(`${name} resolves to ${r.ip} from ${podName}, not ${want}`);
}

/** A command pattern as a learner reads it: `^kubectl\s+get\s+.*` → `kubectl get …`. */
function patternText(re: string): string {
  return re.replace(/^\^|\$$/g, '').replace(/\\s[+*]/g, ' ').replace(/\.[*+]/g, '…').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
}

function ranCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const re = new RegExp(p.command as string);
  const succeeded = (p.succeeded as boolean | undefined) ?? true;
  const tried = ctx.commands.filter((c) => re.test(c.command));
  if (tried.some((c) => !succeeded || c.status === 0)) return ok;
  return no(tried.length ? `${patternText(p.command as string)} failed each time you ran it in this step` : `you have not run ${patternText(p.command as string)} in this step`);
}

function fileCheck(ctx: CheckContext, p: Record<string, unknown>): CheckResult {
  const host = (p.host as string | undefined) ?? 'controlplane';
  const raw = p.path as string;
  const path = raw.startsWith('/') ? raw : `/root/${raw}`;
  const entry = ctx.shell.files[`node/${host}`]?.[path];
  if (!entry || entry.type !== 'file') return no(`there is no file ${path} on ${host}`);
  if (p.contains !== undefined && !new RegExp(p.contains as string, 'm').test(entry.content)) return no(`${path} does not contain ${p.contains as string}`);
  return ok;
}

const regexOk = (key: string) => (p: Record<string, unknown>): string[] => {
  if (typeof p[key] !== 'string') return [];
  try {
    new RegExp(p[key] as string);
    return [];
  } catch {
    return [`${key} "${p[key] as string}" is not a valid regular expression`];
  }
};

const oneOf = (key: string, values: string[], prefixes: string[] = []) => (p: Record<string, unknown>): string[] => {
  const v = p[key];
  return typeof v !== 'string' || values.includes(v) || prefixes.some((x) => v.startsWith(x)) ? [] : [`${key} must be one of ${[...values, ...prefixes.map((x) => `${x}...`)].join(', ')}`];
};

const S = { kind: 'string' as const };
const N = { kind: 'number' as const };
const B = { kind: 'boolean' as const };
const M = { kind: 'map' as const };
const req = <T extends { kind: Kind }>(x: T): T & { required: true } => ({ ...x, required: true });

/** Every check, by name. */
export const CHECKS: Record<string, CheckDef> = {
  object: define({ kind: req(S), name: req(S), namespace: S, fields: M, absent: B }, objectCheck, (p) => (typeof p.kind === 'string' && !knownKind(p.kind) ? [`kind "${p.kind}" is not one the lab serves (${RESOURCES.map((r) => r.kind).join(', ')})`] : [])),
  service: define({ name: req(S), namespace: S, type: S, port: N, targetPort: { kind: 'any' }, nodePort: N, selector: M }, serviceCheck),
  endpoints: define({ service: req(S), namespace: S, ready: N, minReady: N, notReady: N }, endpointsCheck, (p) => (p.ready === undefined && p.minReady === undefined && p.notReady === undefined ? ['give ready, minReady or notReady'] : [])),
  pods: define({ selector: req(M), namespace: S, running: N, minRunning: N, ready: N }, podsCheck),
  'pod-replaced': define({ selector: req(M), namespace: S }, podReplacedCheck),
  connect: define({ from: req(S), to: req(S), expect: req(S), proto: S }, connectCheck, (p) => [...oneOf('expect', ['reached', 'refused', 'timeout'])(p), ...oneOf('from', ['laptop'], ['node:', 'pod:'])(p)]),
  spread: define({ from: req(S), to: req(S), tries: N, atLeast: N }, spreadCheck, oneOf('from', ['laptop'], ['node:', 'pod:'])),
  rule: define({ node: S, table: S, matches: req(S), count: N, absent: B }, ruleCheck, (p) => [...regexOk('matches')(p), ...oneOf('table', ['nat', 'filter'])(p)]),
  ipvs: define({ node: S, matches: req(S), count: N, absent: B }, ipvsCheck, regexOk('matches')),
  'proxy-mode': define({ mode: req(S), node: S }, proxyModeCheck, oneOf('mode', ['iptables', 'ipvs', 'nftables', 'userspace'])),
  'kube-proxy': define({ node: req(S), running: B }, kubeProxyCheck),
  dns: define({ from: req(S), name: req(S), expect: req(S) }, dnsCheck),
  ran: define({ command: req(S), succeeded: B }, ranCheck, regexOk('command')),
  file: define({ path: req(S), host: S, contains: S }, fileCheck, regexOk('contains')),
};

/** Runs one check; a bug inside a check is a failing check with a clear reason, never a crash. */
export function runCheck(ctx: CheckContext, name: string, params: Record<string, unknown>): CheckResult {
  const def = CHECKS[name];
  if (!def) return no(`unknown check ${name}`);
  try {
    return def.run(ctx, params);
  } catch (e) {
    return no(`the check ${name} could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
