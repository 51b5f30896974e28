// curl as a pure function: from its arguments, the dataplane's connect results and the servers'
// answers to exactly what curl writes (src/tool_operate.c: one transfer per hop, the error line
// after the transfer, -w last). Only the first URL of the command line is fetched.
import { isIPv4 } from '../../../sim/net.js';
import { attemptEnd, Output, type AttemptEnd, type ToolOutput } from './common.js';
import { badScheme, badUrl, closingLine, connectedLine, connectFailure, noUrl, resolvedLines, resolveFailure, type ConnInfo, type CurlTimer } from './curl-dialect.js';
import { exchange, type HopEnd } from './curl-exchange.js';
import { CURL_HINT, parseCurlArgs, type CurlOpts } from './curl-opts.js';
import { CurlWriter, type CurlHop, type CurlRun } from './curl-run.js';
import { writeOut } from './curl-writeout.js';
import type { CurlVersion } from './flavours.js';
import { headerValue } from './http-text.js';
import { parseHttpUrl, urlString, type HttpUrl } from './url.js';

/** The run and hop types, for callers that build runs. */
export type { CurlHop, CurlRun } from './curl-run.js';

/** The timer that limits connecting: -m or --connect-timeout, whichever is shorter (0 means none). */
export function curlTimer(opts: CurlOpts): { ms: number; kind: CurlTimer } | undefined {
  const m = opts.maxTimeMs || undefined;
  const c = opts.connectTimeoutMs || undefined;
  if (m !== undefined && (c === undefined || m <= c)) return { ms: m, kind: 'max-time' };
  return c !== undefined ? { ms: c, kind: 'connect-timeout' } : undefined;
}

/** Checks curl's command line: the options and the URL to fetch, or what curl prints before giving up. */
export function curlPreflight(version: CurlVersion, args: string[]): { ok: true; opts: CurlOpts; url: HttpUrl } | { ok: false; out: ToolOutput } {
  const o = new Output();
  if (args.length === 0) return { ok: false, out: o.err(CURL_HINT).done(2, 0) };
  const parsed = parseCurlArgs(args);
  if (!parsed.ok) return { ok: false, out: o.err(parsed.message).done(2, 0) };
  const { opts } = parsed;
  if (opts.urls.length === 0) return { ok: false, out: o.err(noUrl(version) + CURL_HINT).done(2, 0) };
  const url = parseHttpUrl(opts.urls[0]!);
  if (url.ok) return { ok: true, opts, url: url.url };
  const showErr = !opts.silent || opts.showError;
  const [code, text] = url.error.kind === 'scheme' ? [1, badScheme(version, url.error.scheme)] : [3, badUrl(version, url.error.kind)];
  if (showErr) o.err(`curl: (${code}) ${text}\n`);
  return { ok: false, out: o.done(code, 0) };
}

/** The URL -L goes to next after a hop, if any. */
export function nextLocation(opts: CurlOpts, hop: CurlHop): string | undefined {
  const a = hop.answer;
  if (!opts.location || a?.kind !== 'http' || a.status < 300 || a.status >= 400) return undefined;
  return headerValue(a.headers, 'Location');
}

/** Everything curl writes for a run. */
export function formatCurl(run: CurlRun): ToolOutput {
  const w = new CurlWriter(run);
  let end: HopEnd = { code: 0, received: 0 };
  let conn: ConnInfo | undefined;
  for (let i = 0; i < run.hops.length; i++) {
    const hop = run.hops[i]!;
    if (i > 0) w.info(`Issue another request to this URL: '${urlString(hop.url)}'`);
    conn = hop.resolved.ok && hop.result ? { host: hop.url.host, ip: hop.resolved.ip, port: hop.url.port, local: hop.result.from } : conn;
    end = doHop(w, hop, i === 0);
    if (end.code !== 0 || !end.follow) break;
  }
  if (end.code !== 0) w.fail(end.code, end.error ?? '');
  if (run.opts.writeOut !== undefined) {
    const last = run.hops[run.hops.length - 1]!;
    const wo = writeOut(run.opts.writeOut, {
      httpCode: end.answer?.status ?? 0, remoteIp: conn?.ip ?? '', remotePort: conn?.port ?? 0, totalMs: w.clockMs,
      connectMs: end.answer ? w.clockMs - 1 : 0, sizeDownload: end.received, urlEffective: urlString(last.url),
      contentType: end.answer ? headerValue(end.answer.headers, 'Content-Type') : undefined, exitCode: end.code, errorMessage: end.error ?? '',
    });
    w.o.out(wo.out).err(wo.err);
  }
  const out = run.opts.output;
  const file = out !== undefined && out !== '-' && out !== '/dev/null' && end.code === 0 ? { path: out, content: w.file } : undefined;
  return w.o.done(end.code, w.clockMs, file);
}

function doHop(w: CurlWriter, hop: CurlHop, first: boolean): HopEnd {
  const { url } = hop;
  const named = !isIPv4(url.host);
  if (named && first) w.meterStart();
  if (!hop.resolved.ok || !hop.result) {
    const error = resolveFailure(url.host);
    w.info(error);
    w.info(closingLine(w.v));
    return { code: 6, error, received: 0 };
  }
  const ip = hop.resolved.ip;
  if (named) for (const line of resolvedLines(w.v, url.host, url.port, ip)) w.info(line);
  w.info(`  Trying ${ip}:${url.port}...`);
  if (first) w.meterStart();
  const conn: ConnInfo = { host: url.host, ip, port: url.port, local: hop.result.from };
  const timer = curlTimer(w.run.opts);
  const end = attemptEnd(hop.result, timer?.ms);
  if (end.outcome !== 'connected') return connectFailed(w, conn, end, timer?.kind);
  w.clockMs += end.elapsedMs;
  w.info(connectedLine(w.v, conn));
  return exchange(w, url, conn, hop.answer);
}

function connectFailed(w: CurlWriter, conn: ConnInfo, end: AttemptEnd, timer: CurlTimer | undefined): HopEnd {
  const elapsed = end.byTool ? end.elapsedMs + 1 : end.elapsedMs;
  w.clockMs += elapsed;
  const outcome = end.outcome === 'connected' ? 'refused' : end.outcome;
  const f = connectFailure(w.v, conn, outcome, elapsed, end.byTool ? timer : undefined);
  w.meterTick();
  for (const line of f.info) w.info(line);
  if (!f.unlogged) w.info(f.error);
  w.meterDone(0);
  w.info(closingLine(w.v));
  return { code: f.code, error: f.error, received: 0 };
}
