// npm run bench (UI part): how fast the interactive lab answers. Keystroke to frame and change to
// frame, measured on the real App through ink-testing-library's virtual terminal, at lesson size
// and with 1,000 Services; and the cold start to the first interactive frame in a real terminal
// (tmux), next to the time of `node -e 0` measured the same way. Figures only, never a verdict.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { App } from '../src/ui/App.js';
import { Session } from '../src/app/session.js';
import { Terminal, tmuxMissing } from '../test/tui/tmux.js';
import { calibrate, median, ratio } from './baseline.js';
import { input as syntheticInput } from './growth.js';
import { writeIptables } from '../src/sim/kube-proxy/iptables-mode/tables.js';

const RUNS = 15;
const FRAME_MS = 16;

/** Waits (spinning on the event loop) until `frame()` differs from `before`; returns the ms it took. */
async function untilFrameChanges(frame: () => string | undefined, before: string | undefined, t0: number): Promise<number> {
  for (;;) {
    if (frame() !== before) return performance.now() - t0;
    if (performance.now() - t0 > 2000) return NaN;
    await new Promise((r) => setImmediate(r));
  }
}

/** Median and max of the presses that changed the frame (a table already at its end does not move). */
function scrollText(times: number[]): string {
  const moved = times.filter(Number.isFinite);
  if (!moved.length) return 'the table fits: nothing to scroll';
  return `median ${median(moved).toFixed(1)} ms  (max ${Math.max(...moved).toFixed(1)} ms; ${ratio(median(moved), REF.ms)} baseline; ${times.length - moved.length} of ${times.length} presses at the end moved nothing)`;
}

/** A latency figure with its ratios to the run's baseline and to its target. */
function figure(times: number[], target: number): string {
  const m = median(times);
  return `median ${m.toFixed(1)} ms  (max ${Math.max(...times).toFixed(1)} ms; ${ratio(m, REF.ms)} baseline, ${ratio(m, target)} the ${target} ms target)`;
}

const REF = calibrate();

/**
 * The App in ink-testing-library's virtual terminal, 160×48. Its stdout has columns but no rows,
 * so Ink would ask \`tput\` for the size at every frame (a process spawn a real terminal never
 * costs): the rows are given as a terminal gives them.
 */
function renderApp(session: Session): ReturnType<typeof render> {
  const r = render(<App session={session} tickMs={0} size={{ columns: 160, rows: 48 }} />);
  Object.defineProperty(Object.getPrototypeOf(r.stdout), 'rows', { get: () => 48, configurable: true });
  return r;
}

/** Focuses the NAT pane (Shift+Tab three times from the prompt), then pages down, and home every fourth press. */
async function paging(r: ReturnType<typeof render>): Promise<number[]> {
  for (let i = 0; i < 3; i++) {
    r.stdin.write('\u001B[Z');
    await new Promise((res) => setTimeout(res, 40));
  }
  const pages: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = r.lastFrame();
    const t0 = performance.now();
    r.stdin.write(i % 4 === 3 ? '\u001B[H' : '\u001B[6~');
    pages.push(await untilFrameChanges(r.lastFrame, before, t0));
    await new Promise((res) => setTimeout(res, 40));
  }
  return pages;
}

async function latencies(label: string, session: Session, command: (i: number) => string, target: number): Promise<string[]> {
  const r = renderApp(session);
  await new Promise((res) => setTimeout(res, 100));
  const keys: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = r.lastFrame();
    const t0 = performance.now();
    r.stdin.write(i % 2 ? '\u007F' : 'k');
    keys.push(await untilFrameChanges(r.lastFrame, before, t0));
    await new Promise((res) => setTimeout(res, 40));
  }
  const changes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = r.lastFrame();
    const t0 = performance.now();
    session.submit(command(i));
    changes.push(await untilFrameChanges(r.lastFrame, before, t0));
    await new Promise((res) => setTimeout(res, 40));
  }
  const pages = await paging(r);
  const natRules = Object.values(session.sim.proxy?.node01?.rules.iptables.nat.chains ?? {}).reduce((n, c) => n + c.length, 0);
  const idle: number[] = [];
  const v = session.version;
  session.tick(120_000);
  for (let i = 0; i < 50; i++) session.tick(200);
  idle.push(session.version - v);
  r.unmount();
  return [
    `${label}: keystroke → frame  ${figure(keys, target)}`,
    `${label}: command → panes updated (${command(0).replace(/=\d+$/, '=N')})  ${figure(changes, target)}`,
    `${label}: idle clock ticks that caused a render: ${idle[0]! > 1 ? idle[0] : 0} of 50`,
    `${label}: NAT table page down / home (${natRules} nat rules on node01) → frame  ${scrollText(pages)}`,
  ];
}

function lessonSession(): Session {
  const s = new Session();
  for (const l of ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl expose deployment web --port 80 --type NodePort',
    'kubectl create deployment api --image=nginx --replicas=2', 'kubectl expose deployment api --port 80']) s.submit(l);
  s.tick(20_000);
  return s;
}

const scaleWeb = (i: number): string => `kubectl scale deployment web --replicas=${2 + (i % 2)}`;
const scaleApi = (i: number): string => `kubectl scale deployment api --replicas=${1 + (i % 2)}`;

function bigSession(services: number): Session {
  const s = lessonSession();
  const t0 = performance.now();
  for (let i = 0; i < services; i++) s.submit(`kubectl expose deployment web --name svc-${i} --port 80`);
  s.tick(5_000);
  const rules = Object.values(s.sim.proxy?.node01?.rules.iptables.nat.chains ?? {}).reduce((n, c) => n + c.length, 0);
  console.error(`  (built ${services} Services over the 3 web pods through the shell in ${((performance.now() - t0) / 1000).toFixed(1)} s; node01 has ${rules} nat rules)`);
  return s;
}

/** The NAT pane alone over a node holding a table of about 50,000 rules (1,500 service ports of 10 endpoints, written by kube-proxy's writer). */
async function hugeTable(): Promise<string> {
  const s = lessonSession();
  const p = s.sim.proxy!.node01!;
  p.rules = { ...p.rules, iptables: writeIptables(syntheticInput(1_500)).tables };
  const rules = Object.values(p.rules.iptables.nat.chains).reduce((n, c) => n + c.length, 0);
  const r = renderApp(s);
  await new Promise((res) => setTimeout(res, 300));
  const pages = await paging(r);
  r.unmount();
  return `NAT table page down / home (${rules} nat rules on node01) → frame  ${scrollText(pages)}`;
}

/** Real terminal: ms from starting the command to the screen matching `ready`, median of `runs`. */
async function coldStart(command: string, ready: RegExp, runs: number): Promise<number> {
  const times: number[] = [];
  const home = mkdtempSync(join(tmpdir(), 'lab-bench-'));
  try {
    for (let i = 0; i < runs; i++) {
      const t = new Terminal(`${command}; printf 'READY\\n'`, 120, 40, { K8S_SVC_LAB_HOME: home });
      const t0 = performance.now();
      try {
        await t.waitFor(ready, 20_000);
        times.push(performance.now() - t0);
      } finally {
        t.close();
      }
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return median(times);
}

const out: string[] = [];
out.push(`baseline: ${REF.label} ${REF.ms.toFixed(1)} ms; targets: one frame (${FRAME_MS} ms) at lesson size, 50 ms with 1,000 Services`);
out.push(...(await latencies('lesson size (3 nodes, 2 Services)', lessonSession(), scaleWeb, FRAME_MS)));
const big = bigSession(1000);
out.push(...(await latencies('1,000 Services, one changes', big, scaleApi, 50)));
out.push(...(await latencies('1,000 Services, all change (each selects the scaled pods)', big, scaleWeb, 50)));
out.push(await hugeTable());
const skip = tmuxMissing();
if (skip) out.push(`cold start: not measured (${skip})`);
else {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const base = await coldStart(`${process.execPath} -e 0`, /READY/, 7);
  const menu = await coldStart(`${process.execPath} dist/cli.js`, /Welcome to k8s-svc-lab/, 7);
  const lab = await coldStart(`${process.execPath} dist/cli.js sandbox`, /root@controlplane:~# *│/, 7);
  const empty = await coldStart(`printf '' | ${process.execPath} dist/cli.js run`, /READY/, 7);
  const version = await coldStart(`${process.execPath} dist/cli.js --version`, /READY/, 7);
  const bytes = spawnSync('wc', ['-c', 'dist/cli.js'], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0];
  const vsNode = (x: number): string => `${x.toFixed(0)} ms (${ratio(x, base)})`;
  out.push(`cold start in tmux (dist/cli.js, ${bytes} bytes), baseline node -e 0 ${base.toFixed(0)} ms: --version ${vsNode(version)} [target 2×]; run of an empty script ${vsNode(empty)} [3×]; the first-run welcome (first interactive frame) ${vsNode(menu)} [300 ms, 5×]; the sandbox's prompt ${vsNode(lab)}`);
}
console.log(`\nk8s-svc-lab interactive lab (${process.version})\n`);
for (const l of out) console.log(l);
