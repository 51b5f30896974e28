// BusyBox wget (networking/wget.c, libbb/progress.c) as a pure function: "Connecting to HOST
// (IP:PORT)", "writing to stdout" / "saving to 'FILE'", the one-line progress bar (an 80-column
// terminal: 32 stars), "written to stdout" / "'FILE' saved"; every failure is one "wget: ..."
// line and exit 1. -T (default 900 s) is an alarm around connect and each read.
import { attemptEnd, connectErrno, Output, type ToolOutput } from './common.js';
import { contentLength, headerValue, statusLine, type HttpAnswer } from './http-text.js';
import { parseHttpUrl, resolveLocation, type HttpUrl } from './url.js';
import type { WgetOpts } from './wget-opts.js';
import type { ConnectResult } from '../../../sim/dataplane/types.js';
import type { AppAnswer } from '../../../sim/node/catalogue.js';

/** One request wget makes: the first, a redirect it follows, or (GNU) a retry. */
export interface WgetStep {
  url: HttpUrl;
  resolved: { ok: true; ip: string; canonical: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };
  result?: ConnectResult;
  answer?: AppAnswer;
  /** True when this step is GNU wget trying the previous one again. */
  retry?: boolean;
}

/** Everything a wget run's output depends on. */
export interface WgetRun {
  opts: WgetOpts;
  steps: WgetStep[];
  /** The simulated clock when wget started (GNU prints timestamps). */
  startMs: number;
  /** Whether a file exists in the working directory (where wget would save). */
  exists: (name: string) => boolean;
}

/** BusyBox's default -T: 900 seconds. */
export const BUSYBOX_WGET_TIMEOUT_MS = 900_000;

/** The file wget saves to when no -O is given: the URL path's last part, or index.html. */
export function defaultFileName(url: HttpUrl): string {
  const last = url.path.split('?')[0]!.split('/').pop() ?? '';
  return last === '' ? 'index.html' : last;
}

/** The redirect BusyBox wget follows after a step, if any (it follows up to 16 without being asked). */
export function busyboxNext(step: WgetStep): HttpUrl | undefined {
  const a = step.answer;
  const location = a?.kind === 'http' && a.status >= 300 && a.status < 400 ? headerValue(a.headers, 'Location') : undefined;
  if (!location) return undefined;
  const next = parseHttpUrl(resolveLocation(step.url, location));
  return next.ok ? next.url : undefined;
}

/** Everything BusyBox wget writes for a run. */
export function formatBusyboxWget(run: WgetRun): ToolOutput {
  const o = new Output();
  const { opts } = run;
  const limit = opts.timeoutMs ?? BUSYBOX_WGET_TIMEOUT_MS;
  let clock = 0;
  for (const step of run.steps) {
    const where = step.url.explicitPort ? `${step.url.host}:${step.url.port}` : step.url.host;
    if (!step.resolved.ok || !step.result) return o.err(`wget: bad address '${step.url.host}'\n`).done(1, clock);
    if (!opts.quiet) o.err(`Connecting to ${where} (${step.resolved.ip}:${step.url.port})\n`);
    const end = attemptEnd(step.result, limit);
    clock += end.elapsedMs;
    if (end.byTool) return o.err('wget: download timed out\n').done(1, clock);
    if (end.outcome !== 'connected') return o.err(`wget: can't connect to remote host (${step.resolved.ip}): ${connectErrno(end.outcome)}\n`).done(1, clock);
    clock += 1;
    const a = step.answer;
    if (a?.kind !== 'http') return o.err(`wget: error getting response${a?.kind === 'refused' ? ': Connection reset by peer' : ''}\n`).done(1, clock);
    if (busyboxNext(step)) continue;
    if (a.status < 200 || a.status >= 300) return o.err(`wget: server returned error: ${statusLine(a)}\n`).done(1, clock);
    return save(o, run, step.url, a, clock);
  }
  return o.done(1, clock);
}

function save(o: Output, run: WgetRun, url: HttpUrl, a: HttpAnswer, clock: number): ToolOutput {
  const { opts } = run;
  if (opts.spider) {
    if (!opts.quiet) o.err('remote file exists\n');
    return o.done(0, clock);
  }
  const toStdout = opts.output === '-';
  const name = opts.output ?? defaultFileName(url);
  if (opts.output === undefined && run.exists(name)) return o.err(`wget: can't open '${name}': File exists\n`).done(1, clock);
  if (!opts.quiet) o.err(toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`);
  if (toStdout) o.out(a.body);
  if (!opts.quiet) {
    o.err(`${progressLine(name.split('/').pop()!, a.body.length, contentLength(a))}\n`);
    o.err(toStdout ? 'written to stdout\n' : `'${name}' saved\n`);
  }
  return o.done(0, clock, toStdout ? undefined : { path: name, content: a.body });
}

/** bb_progress_update() at the end of a download, on an 80-column terminal. */
export function progressLine(file: string, bytes: number, size: number | undefined): string {
  const name = `${file.slice(0, 20).padEnd(20)} `;
  const count = smartUlltoa5(bytes);
  if (!size) return `${name}${count} --:--:-- ETA`;
  const ratio = Math.floor((100 * bytes) / size);
  const stars = Math.floor((32 * bytes) / size);
  return `${name}${String(ratio).padStart(3)}% |${'*'.repeat(stars).padEnd(32)}| ${count}  0:00:00 ETA`;
}

/** libbb's smart_ulltoa5: five columns, scaled to k, M, G past 99999. */
function smartUlltoa5(n: number): string {
  if (n <= 99999) return String(n).padStart(5);
  let v = n * 10;
  let idx = 0;
  do { v = Math.floor(v / 1024); idx++; } while (v >= 100000);
  const unit = ' kMGTPEZY'[idx]!;
  const whole = Math.floor(v / 10);
  return whole >= 100 ? `${String(whole).padStart(4)}${unit}` : `${String(whole).padStart(2)}.${v % 10}${unit}`;
}
