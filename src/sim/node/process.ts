// What runs inside a container: the image's ENTRYPOINT/CMD combined with the pod's command/args
// (as containerd's CRI plugin builds the OCI process), and what that process then does: serve its
// ports, exit after `sleep N`, or ignore SIGTERM as PID 1 (sh, sleep, python without a handler).
// Left out: real shells; a script is only read for `sleep`, `exit N` and endless loops.
import type { Container } from '../types.js';
import { appFor, type AppAnswer, type AppPort, type AppRequest, type AppSpec, pullRange, type StopBehaviour } from './catalogue.js';

/** The plan of a container's main process. */
export interface ProcessPlan {
  argv: string[];
  /** The catalogue entry of the image, if it is known. */
  app?: AppSpec;
  /** True when the image's own application runs (and so listens on its ports). */
  serving: boolean;
  ports: AppPort[];
  /** When and how the process ends by itself; undefined while it runs until stopped. */
  exit?: { afterMs: number; exitCode: number };
  stop: StopBehaviour;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);
const ONE_SHOT = new Set(['echo', 'date', 'env', 'printenv', 'hostname', 'nslookup', 'dig', 'host', 'cat', 'ls', 'whoami', 'id', 'uname', 'wget', 'curl', 'true']);
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const basename = (p: string | undefined): string => (p ?? '').slice((p ?? '').lastIndexOf('/') + 1);
const RUNS_ON: ProcessPlan['exit'] = undefined;

/** The argv containerd runs: command replaces ENTRYPOINT (and drops CMD), args replace CMD. */
export function effectiveArgv(container: Container, app: AppSpec | undefined): string[] {
  if (container.command?.length) return [...container.command, ...(container.args ?? [])];
  return [...(app?.entrypoint ?? []), ...(container.args ?? app?.cmd ?? [])];
}

/** busybox `sleep` durations: 3600, 10s, 5m, 1h, 1d, infinity; undefined when it is not one. */
function sleepMs(arg: string | undefined): number | 'forever' | undefined {
  if (arg === 'infinity') return 'forever';
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg ?? '');
  return m ? Math.round(Number(m[1]) * UNIT_MS[m[2]!]!) : undefined;
}

/** What `sh -c SCRIPT` does, read coarsely: loops forever, or sleeps its sleeps and exits. */
function scriptExit(script: string): ProcessPlan['exit'] {
  if (/while\s+(true|:)|sleep\s+infinity|tail\s+-f/.test(script)) return RUNS_ON;
  let total = 0;
  for (const m of script.matchAll(/sleep\s+([^\s;&|]+)/g)) {
    const ms = sleepMs(m[1]);
    if (ms === 'forever') return RUNS_ON;
    total += ms ?? 0;
  }
  const exit = /(?:^|[;&|\s])exit\s+(\d+)\s*$/.exec(script.trim());
  return { afterMs: total, exitCode: exit ? Number(exit[1]) : 0 };
}

/** What a generic program does: `sleep`, a shell, a one-shot tool, or (unknownRuns) something that keeps running. */
function genericExit(full: string[], unknownRuns: boolean): ProcessPlan['exit'] {
  // A docker-entrypoint.sh / entrypoint.sh only execs its arguments.
  const argv = /entrypoint\.sh$/.test(basename(full[0])) ? full.slice(1) : full;
  const prog = basename(argv[0]);
  if (argv.length === 0) return unknownRuns ? RUNS_ON : { afterMs: 0, exitCode: 0 };
  if (SHELLS.has(prog)) {
    const c = argv.indexOf('-c');
    return c >= 0 ? scriptExit(argv[c + 1] ?? '') : { afterMs: 0, exitCode: 0 };
  }
  if (prog === 'sleep') {
    const ms = sleepMs(argv[1]);
    return ms === 'forever' ? RUNS_ON : ms === undefined ? { afterMs: 0, exitCode: 1 } : { afterMs: ms, exitCode: 0 };
  }
  if (prog === 'tail') return argv.includes('-f') ? RUNS_ON : { afterMs: 0, exitCode: 0 };
  if (prog === 'ping') return argv.includes('-c') ? { afterMs: 3000, exitCode: 0 } : RUNS_ON;
  if (prog === 'false') return { afterMs: 0, exitCode: 1 };
  if (prog === 'curl' && argv.length === 1) return { afterMs: 0, exitCode: 2 };
  if (ONE_SHOT.has(prog)) return { afterMs: 0, exitCode: 0 };
  return unknownRuns ? RUNS_ON : { afterMs: 0, exitCode: 0 };
}

/** True when argv starts the app itself: its binary, or a shell script that execs it. */
function runsApp(app: AppSpec, argv: string[]): boolean {
  if (app.binaries.includes(basename(argv[0]))) return true;
  if (!SHELLS.has(basename(argv[0]))) return false;
  const script = argv[argv.indexOf('-c') + 1] ?? '';
  return app.binaries.some((b) => new RegExp(`(^|[\\s;&|/])${b}(\\s|$)`).test(script));
}

/** The ports a container of an unknown image listens on: the ones it declares. */
function declaredPorts(container: Container): AppPort[] {
  return (container.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' }));
}

/** What the container's main process will do once started. */
export function planProcess(container: Container): ProcessPlan {
  const app = appFor(container.image);
  const argv = effectiveArgv(container, app);
  if (!app) {
    const exit = genericExit(argv, true);
    const serving = exit === undefined && !['sleep', 'tail', ...SHELLS].includes(basename(argv[0]));
    return { argv, serving, ports: serving ? declaredPorts(container) : [], exit, stop: serving ? { ms: [500, 2000], exitCode: 0 } : 'ignores' };
  }
  if (app.role === 'server' && runsApp(app, argv)) {
    const run = app.run?.(argv) ?? { ports: app.ports };
    if ('exitCode' in run) return { argv, app, serving: false, ports: [], exit: { afterMs: 0, exitCode: run.exitCode }, stop: app.stop };
    return { argv, app, serving: true, ports: run.ports, stop: app.stop };
  }
  return { argv, app, serving: false, ports: [], exit: genericExit(argv, false), stop: 'ignores' };
}

/** The ports a running container listens on. */
export function listeningPorts(container: Container): AppPort[] {
  return planProcess(container).ports;
}

/** What a request to a running container gets: refused on a port nobody listens on, else the app's answer. */
export function answerFor(container: Container, req: AppRequest): AppAnswer {
  const plan = planProcess(container);
  if (!plan.ports.some((p) => p.port === req.port && p.protocol === req.protocol)) return { kind: 'refused' };
  const env = Object.fromEntries((container.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  return plan.app ? plan.app.answer({ ...req, image: container.image ?? req.image, argv: plan.argv, env: { ...env, ...req.env } }) : { kind: 'open' };
}

/** FNV-1a of a string: a stable number for images the catalogue does not know. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The compressed size containerd reports for an image (catalogue size, or a stable 20-200 MB). */
export function imageSize(image: string): number {
  return appFor(image)?.sizeBytes ?? 20_000_000 + (fnv1a(image) % 180_000_000);
}

/** The range a fresh pull of the image takes, in milliseconds. */
export function imagePullMs(image: string): [number, number] {
  return appFor(image)?.pullMs ?? pullRange(imageSize(image));
}
