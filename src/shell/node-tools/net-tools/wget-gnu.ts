// GNU Wget 1.21.2 (Ubuntu 22.04; src/http.c http_loop, connect.c, host.c) as a pure function: its
// stderr log from "--TIME--  URL" to the "saved [N/N]" summary. A timeout or an empty answer is
// retried (20 tries, waiting 1, 2 ... 10 s between); a refusal or an unreachable host is not.
// Exit 4 on network failure, 8 on a server error. Left out: -r, -c, -N, cookies, FTP.
import { utcFields } from '../../../sim/clock.js';
import { isIPv4 } from '../../../sim/net.js';
import { attemptEnd, connectErrno, Output, type ToolOutput } from './common.js';
import { contentLength, headerValue, type HttpAnswer } from './http-text.js';
import { urlString, type HttpUrl } from './url.js';
import { barImage, DOWNLOAD_SECONDS, humanReadable, retrRate } from './wget-bar.js';
import { busyboxNext, defaultFileName, type WgetRun, type WgetStep } from './wget-busybox.js';

const DEFAULT_TRIES = 20;

/** Seconds GNU wget sleeps before try `n` (--waitretry 10): 1, 2, ... 10. */
export function retryWaitMs(n: number): number {
  return n <= 1 ? 0 : Math.min(n - 1, 10) * 1000;
}

type StepEnd = { kind: 'retry' } | { kind: 'follow' } | { kind: 'done'; status: number };

/** What GNU wget does after a step: retry it, follow a redirect, or stop. */
export function gnuNext(run: Pick<WgetRun, 'opts'>, steps: WgetStep[]): { url: HttpUrl; retry: boolean } | undefined {
  const last = steps[steps.length - 1]!;
  let tries = 1;
  for (let i = steps.length - 1; i > 0 && steps[i]!.retry; i--) tries++;
  if (classify(run, last) === 'retry' && tries < (run.opts.tries || DEFAULT_TRIES)) return { url: last.url, retry: true };
  const next = busyboxNext(last);
  return next ? { url: next, retry: false } : undefined;
}

function classify(run: Pick<WgetRun, 'opts'>, step: WgetStep): 'retry' | 'other' {
  if (!step.resolved.ok || !step.result) return 'other';
  const end = attemptEnd(step.result, run.opts.timeoutMs);
  if (end.outcome === 'timeout') return 'retry';
  return end.outcome === 'connected' && step.answer?.kind !== 'http' ? 'retry' : 'other';
}

/** wget's log timestamp: "2026-01-05 09:00:00". */
export function wgetTime(ms: number): string {
  const f = utcFields(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${f.y}-${p(f.m)}-${p(f.d)} ${p(f.h)}:${p(f.mi)}:${p(f.s)}`;
}

/** Everything GNU wget writes for a run. */
export function formatGnuWget(run: WgetRun): ToolOutput {
  const o = new Output();
  const log = (t: string): void => { if (!run.opts.quiet) o.err(t); };
  let clock = 0;
  let tryNo = 0;
  let end: StepEnd = { kind: 'done', status: 4 };
  for (let i = 0; i < run.steps.length; i++) {
    const step = run.steps[i]!;
    tryNo = step.retry ? tryNo + 1 : 1;
    clock += retryWaitMs(tryNo);
    const tms = wgetTime(run.startMs + clock);
    log(`--${tms}--  ${tryNo > 1 ? `(try:${String(tryNo).padStart(2)})  ` : ''}${urlString(step.url)}\n`);
    const firstToHost = i === 0 || run.steps[i - 1]!.url.host !== step.url.host;
    const r = gnuStep(run, step, firstToHost, tms, { o, log });
    clock += r.elapsedMs;
    end = r.end;
    if (end.kind === 'retry') log(tryNo >= (run.opts.tries || DEFAULT_TRIES) ? 'Giving up.\n\n' : 'Retrying.\n\n');
    if (end.kind === 'done') return o.done(end.status, clock, r.file);
  }
  return o.done(end.kind === 'done' ? end.status : 4, clock);
}

interface Ctx { o: Output; log: (text: string) => void }
type StepResult = { end: StepEnd; elapsedMs: number; file?: ToolOutput['file'] };

function gnuStep(run: WgetRun, step: WgetStep, firstToHost: boolean, tms: string, c: Ctx): StepResult {
  const { url } = step;
  const log = c.log;
  const named = !isIPv4(url.host);
  if (named && firstToHost) log(`Resolving ${url.host} (${url.host})... `);
  if (!step.resolved.ok || !step.result) {
    log(`failed: ${step.resolved.ok || step.resolved.reason !== 'nxdomain' ? 'Temporary failure in name resolution' : 'Name or service not known'}.\n`);
    log(`wget: unable to resolve host address ‘${url.host}’\n`);
    return { end: { kind: 'done', status: 4 }, elapsedMs: 0 };
  }
  const ip = step.resolved.ip;
  if (named && firstToHost) log(`${ip}\n`);
  log(named ? `Connecting to ${url.host} (${url.host})|${ip}|:${url.port}... ` : `Connecting to ${ip}:${url.port}... `);
  const end = attemptEnd(step.result, run.opts.timeoutMs);
  if (end.outcome !== 'connected') {
    log(`failed: ${connectErrno(end.outcome)}.\n`);
    return { end: end.outcome === 'timeout' ? { kind: 'retry' } : { kind: 'done', status: 4 }, elapsedMs: end.elapsedMs };
  }
  log('connected.\nHTTP request sent, awaiting response... ');
  const a = step.answer;
  if (a?.kind !== 'http') {
    log(a?.kind === 'refused' ? 'Read error (Connection reset by peer) in headers.\n' : 'No data received.\n');
    return { end: { kind: 'retry' }, elapsedMs: end.elapsedMs + 1 };
  }
  log(`${a.status} ${a.statusText}\n`);
  return { ...answered(run, step, a, tms, c), elapsedMs: end.elapsedMs + 1 };
}

function answered(run: WgetRun, step: WgetStep, a: HttpAnswer, tms: string, c: Ctx): Omit<StepResult, 'elapsedMs'> {
  const log = c.log;
  const location = headerValue(a.headers, 'Location');
  if (a.status >= 300 && a.status < 400 && location) {
    log(`Location: ${location} [following]\n`);
    return { end: { kind: 'follow' } };
  }
  if (a.status >= 400) {
    log(`${tms} ERROR ${a.status}: ${a.statusText}.\n\n`);
    return { end: { kind: 'done', status: 8 } };
  }
  const size = contentLength(a);
  const type = headerValue(a.headers, 'Content-Type');
  const sizeText = size === undefined ? 'unspecified' : size >= 1024 ? `${size} (${humanReadable(size, 10, 1)})` : String(size);
  log(`Length: ${sizeText}${type ? ` [${type}]` : ''}\n`);
  if (run.opts.spider) {
    log(type?.startsWith('text/html') ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n' : 'Remote file exists.\n\n');
    return { end: { kind: 'done', status: 0 } };
  }
  return saveBody(run, step.url, a, tms, c);
}

function saveBody(run: WgetRun, url: HttpUrl, a: HttpAnswer, tms: string, c: Ctx): Omit<StepResult, 'elapsedMs'> {
  const toStdout = run.opts.output === '-';
  const name = run.opts.output ?? freeName(run, defaultFileName(url));
  const size = contentLength(a);
  const bytes = a.body.length;
  const shown = toStdout ? '-' : name;
  c.log(`Saving to: ‘${toStdout ? 'STDOUT' : name}’\n\n${barImage(shown, 0, size, false)}`);
  if (toStdout) c.o.out(a.body);
  const saved = toStdout ? 'written to stdout ' : `‘${name}’ saved `;
  c.log(`\r${barImage(shown, bytes, size, true)}\n\n${tms} (${retrRate(bytes, DOWNLOAD_SECONDS)}) - ${saved}[${size === undefined ? bytes : `${bytes}/${size}`}]\n\n`);
  return { end: { kind: 'done', status: 0 }, ...(toStdout ? {} : { file: { path: name, content: a.body } }) };
}

/** GNU wget never overwrites without -O: index.html, then index.html.1, index.html.2 ... */
function freeName(run: WgetRun, name: string): string {
  if (!run.exists(name)) return name;
  let n = 1;
  while (run.exists(`${name}.${n}`)) n++;
  return `${name}.${n}`;
}
