// npm run bench: builds a big cluster through the simulation's own API and prints figures.
// Scale of the issue's target: 100 nodes, 1,000 Deployments x 10 replicas (10,000 pods), 1,000 Services.
// Figures only: nothing here fails on time; machines are noisy, so compare runs on one machine.
import { createCluster } from '../src/sim/cluster.js';
import { apiCreate } from '../src/sim/api-server/registry.js';
import { apiDelete } from '../src/sim/api-server/delete.js';
import { isApiError } from '../src/sim/api-server/errors.js';
import { listStored } from '../src/sim/api-server/store.js';
import { advance, settle } from '../src/sim/settle.js';
import type { SimState } from '../src/sim/state.js';
import type { Deployment, Pod, Service } from '../src/sim/types.js';
import { syncInput } from '../src/sim/kube-proxy/sync.js';
import { writeIptables } from '../src/sim/kube-proxy/iptables-mode/tables.js';
import { connect } from '../src/sim/dataplane/connect.js';
import { calibrate, ratio } from './baseline.js';

const args = process.argv.slice(2);
const SERVICES = Number(args[0] ?? 1000);
const REPLICAS = Number(args[1] ?? 10);
const NODES = Number(args[2] ?? 100);

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rows: [string, string, string][] = [];

const REF = calibrate();
const figures: Record<string, number> = {};

function time<T>(label: string, count: number, fn: () => T, key?: string): T {
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  sample();
  if (key) figures[key] = ms;
  rows.push([label, `${ms.toFixed(1)} ms`, `${ratio(ms, REF.ms).padStart(7)} baseline${count > 1 ? `  ${((ms / count) * 1000).toFixed(1)} µs/op` : ''}`]);
  return r;
}

function must<T>(r: T): T {
  if (isApiError(r)) throw new Error(r.message);
  return r;
}

function deployment(i: number): Deployment {
  const labels = { app: `app-${i}` };
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${i}`, namespace: 'default', labels },
    spec: { replicas: REPLICAS, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } },
  };
}

function service(i: number, type = 'ClusterIP'): Service {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name: `app-${i}`, namespace: 'default' },
    spec: { type, selector: { app: `app-${i}` }, ports: [{ port: 80, targetPort: 80 }] },
  };
}

const state: SimState = time(`boot a ${NODES}-node cluster`, 1, () => createCluster({ nodes: NODES }));
time(`create ${SERVICES} Deployments (API only)`, SERVICES, () => {
  for (let i = 0; i < SERVICES; i++) must(apiCreate(state, deployment(i)));
});
time(`controllers: ${SERVICES * REPLICAS} pods created and scheduled`, SERVICES * REPLICAS, () => settle(state));
time(`create ${SERVICES} Services (API + endpoint controllers)`, SERVICES, () => {
  for (let i = 0; i < SERVICES; i++) must(apiCreate(state, service(i, i % 2 ? 'NodePort' : 'ClusterIP')));
  settle(state);
});
time('advance 60 s: every pod starts, endpoints fill', SERVICES * REPLICAS, () => advance(state, 60_000));
const pods = listStored<Pod>(state, 'pods', 'default');
const running = pods.filter((p) => p.status?.phase === 'Running').length;
time('one more Service at scale', 1, () => {
  must(apiCreate(state, service(SERVICES)));
  settle(state);
});
time('delete one pod at scale (replacement created)', 1, () => {
  must(apiDelete(state, 'Pod', 'default', pods[0]!.metadata.name!));
  advance(state, 5_000);
});

const node = 'node01';
const proxier = state.proxy![node]!;
const input = syncInput(state, proxier, undefined);
const fresh = { ...input, services: input.services.map((s) => ({ ...s })) };
const full = time(`kube-proxy full sync on ${node} (${input.services.length} service ports, iptables)`, 1, () => writeIptables(fresh), 'full');
const one = input.services.find((s) => s.name === 'default/app-1')!;
const changedInput = { ...fresh, services: fresh.services.map((s) => (s.name === one.name ? { ...one } : s)), changed: [one.name] };
time('kube-proxy partial sync after one service changed', 1, () => writeIptables(changedInput, full.tables), 'partial');
const target = listStored<Service>(state, 'services', 'default').find((s) => s.metadata.name === `app-${SERVICES - 1}`)!;
time('trace one connection to the last service (cold)', 1, () => connect(state, { kind: 'node', node }, target.spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 }), 'cold');
time('trace one connection to the last service (warm)', 1, () => connect(state, { kind: 'node', node }, target.spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 }), 'warm');
must(apiCreate(state, service(SERVICES + 1)));
advance(state, 2_000);
time('trace again after another Service was created and synced', 1, () => connect(state, { kind: 'node', node }, target.spec.clusterIP!, 80, 'tcp', { timeoutMs: 5000 }), 'changed');
const natRules = Object.values(full.tables.nat.chains).reduce((n, c) => n + c.length, 0);

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`k8s-svc-lab control-plane benchmark (${process.version}, ${NODES} nodes, ${SERVICES} services, ${SERVICES * REPLICAS} pods)`);
console.log(`baseline: ${REF.label} ${REF.ms.toFixed(1)} ms (each figure's ratio to it follows the time)\n`);
for (const [label, total, per] of rows) console.log(`${label.padEnd(w)}  ${total.padStart(11)}  ${per}`);
console.log(`\npods Running: ${running}/${pods.length}; objects stored: ${Object.values(state.objects).reduce((n, b) => n + Object.keys(b).length, 0)}`);
console.log(`nat rules on ${node}: ${natRules}; kube-proxy log lines kept: ${proxier.log.length}`);
console.log(`peak RSS: ${mb(peakRss)}; heap used now: ${mb(process.memoryUsage().heapUsed)}`);
const vs = (ms: number, target: number, unit = 'ms'): string => `${ms.toFixed(1)} ${unit} (${ratio(ms, target)} the ${target} ${unit} target)`;
console.log(`\nagainst the targets: full sync ${vs(figures.full!, 100)}; partial sync ${((figures.partial! / figures.full!) * 100).toFixed(1)} % of the full one (target 2 %); trace ${vs(figures.cold!, 10)} the first time, ${vs(figures.changed!, 10)} after a change, ${vs(figures.warm!, 10)} repeated; peak RSS ${vs(peakRss / 1024 / 1024, 300, 'MB')}`);
