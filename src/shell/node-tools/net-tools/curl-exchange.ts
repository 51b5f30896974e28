// curl's HTTP/1.1 exchange once connected (lib/http.c): the request it sends (shown with "> " by
// -v), the response (shown with "< "), what -i, -I and -f do with it, and how a silent or resetting
// server ends the transfer ((28) with -m, else (52) Empty reply; (56) Recv failure).
import type { AppAnswer } from '../../../sim/node/catalogue.js';
import { closingLine, leftIntact, type ConnInfo } from './curl-dialect.js';
import type { CurlOpts } from './curl-opts.js';
import type { CurlVersion } from './flavours.js';
import { HTTP_EXCHANGE_MS, type CurlWriter } from './curl-run.js';
import { contentLength, headerLines, headerValue, requestHeaders, type HttpAnswer } from './http-text.js';
import { hostHeader, type HttpUrl } from './url.js';

/** How one request ended: its exit code and error text, the answer, and a Location to follow. */
export interface HopEnd {
  code: number;
  error?: string;
  answer?: HttpAnswer;
  received: number;
  follow?: string;
}

/** The request curl sends for a URL: method, path and headers. */
export function curlRequest(v: CurlVersion, opts: CurlOpts, url: HttpUrl): { method: string; path: string; headers: [string, string][] } {
  const method = opts.method ?? (opts.head ? 'HEAD' : 'GET');
  const defaults: [string, string][] = [['Host', hostHeader(url)], ['User-Agent', opts.userAgent ?? `curl/${v}`], ['Accept', '*/*']];
  return { method, path: url.path, headers: requestHeaders(defaults, opts.headers) };
}

/** Sends the request and reads the answer. */
export function exchange(w: CurlWriter, url: HttpUrl, conn: ConnInfo, answer: AppAnswer | undefined): HopEnd {
  const req = curlRequest(w.v, w.run.opts, url);
  if (w.v === '8.17.0') w.info('using HTTP/1.x');
  w.trace('> ', [`${req.method} ${req.path} HTTP/1.1`, ...req.headers.map(([k, v]) => `${k}: ${v}`), '']);
  if (w.v === '8.17.0') w.info('Request completely sent off');
  w.clockMs += HTTP_EXCHANGE_MS;
  if (answer?.kind === 'http') return response(w, answer, conn, req.method === 'HEAD');
  return noAnswer(w, answer?.kind === 'refused' ? 'reset' : 'silent');
}

function noAnswer(w: CurlWriter, how: 'reset' | 'silent'): HopEnd {
  const max = w.run.opts.maxTimeMs;
  let end: HopEnd;
  if (how === 'reset') end = { code: 56, error: 'Recv failure: Connection reset by peer', received: 0 };
  else if (max) {
    w.clockMs = Math.max(w.clockMs, max + 1);
    w.meterTick();
    end = { code: 28, error: `Operation timed out after ${w.clockMs} milliseconds with 0 bytes received`, received: 0 };
  } else end = { code: 52, error: 'Empty reply from server', received: 0 };
  w.info(end.error!);
  w.meterDone(0);
  w.info(closingLine(w.v));
  return end;
}

function response(w: CurlWriter, a: HttpAnswer, conn: ConnInfo, head: boolean): HopEnd {
  const { opts } = w.run;
  const [status, ...rest] = headerLines(a);
  if (w.v === '7.81.0') w.info('Mark bundle as not supporting multiuse');
  w.trace('< ', [status!]);
  if (opts.fail && a.status >= 400) {
    const error = `The requested URL returned error: ${a.status}`;
    w.info(error);
    w.meterDone(0);
    w.info(closingLine(w.v));
    return { code: 22, error, answer: a, received: 0 };
  }
  w.trace('< ', [...rest, '']);
  const location = headerValue(a.headers, 'Location');
  const follow = opts.location && a.status >= 300 && a.status < 400 && location ? location : undefined;
  const body = head ? '' : a.body;
  if (opts.include || head) w.body(`${[status, ...rest].join('\n')}\n\n`);
  if (w.dataNotes && body) w.o.err(`{ [${body.length} bytes data]\n`);
  if (!follow) w.body(body);
  w.meterDone(body.length, head ? undefined : contentLength(a));
  w.info(leftIntact(w.v, conn.host, conn.port));
  return { code: 0, answer: a, received: body.length, ...(follow ? { follow } : {}) };
}
