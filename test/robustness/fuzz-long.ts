// The long fuzzing run behind `npm run fuzz`: the bounded test's properties over many more
// sessions. They run in a worker that the main thread watches, so that a line that never ends is
// reported with its session instead of stalling the run. Exits 1 on any failure, printing the seed
// and fast-check's shrunk counterexample.
// Usage: node --import tsx test/robustness/fuzz-long.ts [sessions] [seed]
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { hooks, manifestsHold, runsRepeat, sessionsHold, tried } from './properties.js';

/** How long one session may run before the run counts it as a hang. */
const HANG_MS = 120_000;

interface Job { sessions: number; seed: number }
type Message = { kind: 'session'; lines: string[] } | { kind: 'done'; report?: string; tried: typeof tried };

/** The properties, each with its share of the sessions; the first failure ends the run. */
function work({ sessions, seed }: Job): void {
  hooks.beforeSession = (lines) => parentPort!.postMessage({ kind: 'session', lines } satisfies Message);
  const plan: [string, fc.IProperty<[number, string[]]>, number][] = [
    ['command lines', sessionsHold, Math.ceil(sessions * 0.7)],
    ['manifests', manifestsHold, Math.ceil(sessions * 0.25)],
    ['replays', runsRepeat, Math.ceil(sessions * 0.05)],
  ];
  let report: string | undefined;
  for (const [what, property, numRuns] of plan) {
    const details = fc.check(property, { seed, numRuns, includeErrorInReport: true });
    if (details.failed) {
      report = `${what}: ${fc.defaultReportMessage(details) ?? 'failed'}`;
      break;
    }
  }
  parentPort!.postMessage({ kind: 'done', tried, ...(report ? { report } : {}) } satisfies Message);
}

function main(): void {
  const sessions = Number(process.argv[2] ?? 5000);
  const seed = Number(process.argv[3] ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`fuzzing ${sessions} sessions, seed ${seed}`);
  const started = performance.now();
  let last: string[] = [];
  let lastAt = started;
  const worker = new Worker(new URL(import.meta.url), { workerData: { sessions, seed } satisfies Job });
  const watchdog = setInterval(() => {
    if (performance.now() - lastAt < HANG_MS) return;
    console.error(`HANG: a session ran for more than ${HANG_MS / 1000} s (seed ${seed}):\n${JSON.stringify(last, null, 2)}`);
    process.exitCode = 1;
    void worker.terminate();
  }, 1000);
  worker.on('message', (m: Message) => {
    if (m.kind === 'session') {
      last = m.lines;
      lastAt = performance.now();
      return;
    }
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`tried ${m.tried.sessions} sessions, ${m.tried.lines} lines in ${secs} s; slowest line ${Math.round(m.tried.slowest.ms)} ms: ${JSON.stringify(m.tried.slowest.line.slice(0, 200))}`);
    if (m.report) {
      console.error(`FAILED (seed ${seed}):\n${m.report}`);
      process.exitCode = 1;
    } else console.log('no failures');
  });
  worker.on('error', (e) => {
    console.error(`the fuzzer itself failed (seed ${seed}):`, e);
    process.exitCode = 1;
  });
  worker.on('exit', () => clearInterval(watchdog));
}

if (isMainThread) main();
else work(workerData as Job);
