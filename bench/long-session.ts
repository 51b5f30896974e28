// npm run bench (long sessions): 10,000 commands typed into one lesson-size session — creating,
// scaling, curling, deleting — to see that memory stays bounded (history, scrollback, undo and logs
// are capped; events expire) and that the time per command stays flat. Figures only.
import { Session } from '../src/app/session.js';

const TOTAL = Number(process.argv[2] ?? 10_000);
const CYCLE = [
  'kubectl create deployment web-$i --image=nginx --replicas=2',
  'kubectl expose deployment web-$i --port 80',
  'sleep 5',
  "curl -s $(kubectl get svc web-$i -o jsonpath='{.spec.clusterIP}') | head -1",
  'kubectl scale deployment web-$i --replicas=1',
  'kubectl get pods -o wide | wc -l',
  'iptables-save -t nat | grep -c KUBE-SEP',
  'kubectl delete service web-$i',
  'kubectl delete deployment web-$i',
  'sleep 40',
];

const gc = (globalThis as { gc?: () => void }).gc;
const s = new Session();
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const window = Math.min(1000, Math.floor(TOTAL / 5));
const times: number[] = [];
const heaps: [number, number][] = [];
for (let n = 0; n < TOTAL; n++) {
  const i = Math.floor(n / CYCLE.length) % 50;
  const line = CYCLE[n % CYCLE.length]!.replaceAll('$i', String(i));
  const t0 = performance.now();
  s.submit(line);
  times.push(performance.now() - t0);
  if ((n + 1) % (TOTAL / 5) === 0) {
    gc?.();
    heaps.push([n + 1, process.memoryUsage().heapUsed]);
  }
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const first = mean(times.slice(0, window));
const last = mean(times.slice(-window));
console.log(`\nk8s-svc-lab long session (${process.version}): ${TOTAL} commands in one session\n`);
console.log(`time per command: first ${window} ${first.toFixed(2)} ms, last ${window} ${last.toFixed(2)} ms (ratio ${(last / first).toFixed(2)})`);
console.log(`heap after GC: ${heaps.map(([n, h]) => `${n}: ${mb(h)}`).join(', ')}`);
console.log(`kept: history ${s.shell.history.length}, scrollback ${s.lines.length} lines, kube-proxy log lines ${Object.values(s.sim.proxy ?? {}).map((p) => p.log.length).join('/')}, stored objects ${Object.values(s.sim.objects).reduce((n, b) => n + Object.keys(b).length, 0)}`);
