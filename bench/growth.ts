// npm run bench (part): how kube-proxy's work grows with the number of Services — 100, 1,000 and
// 10,000 service ports of 10 endpoints each on a 100-node pod network — measured on the rule writer
// and the packet evaluator directly (a cluster with 100,000 pods would measure the controllers
// instead). Each figure is the median of a few runs, printed with its ratio to the row before.
import { writeIptables } from '../src/sim/kube-proxy/iptables-mode/tables.js';
import type { EndpointInfo, ServicePortInfo, SyncInput } from '../src/sim/kube-proxy/types.js';
import { traverse } from '../src/sim/dataplane/netfilter/evaluate.js';
import { calibrate, median, ratio } from './baseline.js';

const SIZES = [100, 1_000, 10_000];

/** A full garbage collection before a timed step when node runs with --expose-gc, so one run's garbage is not billed to the next. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
const ENDPOINTS = 10;
const NODES = 100;

function servicePort(i: number): ServicePortInfo {
  return {
    name: `default/app-${i}`, namespace: 'default', serviceName: `app-${i}`, portName: '', protocol: 'TCP',
    clusterIP: `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`, port: 80, nodePort: i % 2 ? 30000 + (i % 2768) : 0,
    externalIPs: [], loadBalancerIPs: [], loadBalancerSourceRanges: [], healthCheckNodePort: 0, externalPolicyLocal: false, internalPolicyLocal: false, stickyMaxAgeSeconds: 0,
  };
}

function endpoints(i: number, shift = 0): EndpointInfo[] {
  return Array.from({ length: ENDPOINTS }, (_, k) => {
    const n = (i * ENDPOINTS + k + shift) % NODES;
    const ip = `10.244.${n}.${2 + ((i * ENDPOINTS + k) % 250)}`;
    return { endpoint: `${ip}:80`, ip, port: 80, ready: true, serving: true, terminating: false, nodeName: `node${String(n).padStart(2, '0')}` };
  });
}

export function input(services: number): SyncInput {
  const ports = Array.from({ length: services }, (_, i) => servicePort(i));
  return {
    node: { name: 'node01', ips: ['192.168.56.11'], podCIDR: '10.244.1.0/24' },
    config: { mode: 'iptables', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true, nodePortAddresses: [], ipvsScheduler: '' },
    services: ports,
    endpoints: Object.fromEntries(ports.map((p, i) => [p.name, endpoints(i)])),
  };
}

/** Fresh service port objects, so the writer's per-service memo does not answer for it. */
const fresh = (i: SyncInput): SyncInput => ({ ...i, services: i.services.map((s) => ({ ...s })) });

interface Row {
  services: number;
  rules: number;
  full: number;
  partial: number;
  walkCold: number;
  walkWarm: number;
}

function measure(services: number): Row {
  const base = input(services);
  const fulls: number[] = [];
  const partials: number[] = [];
  const colds: number[] = [];
  const warms: number[] = [];
  let rules = 0;
  for (let run = 0; run < 5; run++) {
    const start = fresh(base);
    collect();
    let t = performance.now();
    const full = writeIptables(start);
    fulls.push(performance.now() - t);
    rules = Object.values(full.tables.nat.chains).reduce((n, c) => n + c.length, 0);
    const one = start.services[services >> 1]!;
    const changed: SyncInput = { ...start, endpoints: { ...start.endpoints, [one.name]: endpoints(services >> 1, 1) }, changed: [one.name] };
    t = performance.now();
    const partial = writeIptables(changed, full.tables);
    partials.push(performance.now() - t);
    const last = start.services.at(-1)!;
    const walk = (): void => {
      traverse(partial.tables.nat, 'OUTPUT', { proto: 'tcp', src: '192.168.56.11', sport: 40000, dst: last.clusterIP, dport: 80, mark: 0 }, {
        host: 'node01', tableName: 'nat', localAddresses: ['192.168.56.11', '127.0.0.1'], recent: {}, now: 0, random: () => 0.5, ctstate: 'NEW',
      });
    };
    t = performance.now();
    walk();
    colds.push(performance.now() - t);
    t = performance.now();
    walk();
    warms.push(performance.now() - t);
  }
  return { services, rules, full: median(fulls), partial: median(partials), walkCold: median(colds), walkWarm: median(warms) };
}

export function growth(): void {
  const ref = calibrate();
  const rows = SIZES.map(measure);
  const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
  console.log(`\nkube-proxy growth (iptables mode, ${ENDPOINTS} endpoints per service port, median of 5; baseline: ${ref.label} ${fmt(ref.ms)})\n`);
  const head = ['service ports', 'nat rules', 'full sync', 'partial sync', 'partial/full', 'walk (cold)', 'walk (warm)', 'full ×baseline'];
  const lines = rows.map((r, i) => {
    const prev = rows[i - 1];
    const step = (now: number, before: number | undefined): string => (before === undefined ? '' : ` (${ratio(now, before)} of the row above)`);
    return [String(r.services), String(r.rules), `${fmt(r.full)}${step(r.full, prev?.full)}`, `${fmt(r.partial)}${step(r.partial, prev?.partial)}`,
      `${((r.partial / r.full) * 100).toFixed(1)} %`, `${fmt(r.walkCold)}${step(r.walkCold, prev?.walkCold)}`, fmt(r.walkWarm), ratio(r.full, ref.ms)];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  for (const l of [head, ...lines]) console.log(l.map((x, c) => x.padEnd(widths[c]!)).join('  ').trimEnd());
}

if (import.meta.url === `file://${process.argv[1]}`) growth();
