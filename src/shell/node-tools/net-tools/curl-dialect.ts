// The texts that differ between the curl releases the lab runs, from each release's source: 7.81.0
// (Ubuntu 22.04, lib/connect.c: strerror texts), 7.88.1 (Debian bookworm: "Couldn't ...") and
// 8.17.0 (curlimages/curl, lib/cf-ip-happy.c: "Could not ...", "Established connection", host:port
// in "left intact"). Verbose lines come back without their "* " prefix.
import type { ConnectOutcome } from '../../../sim/dataplane/types.js';
import { connectErrno } from './common.js';
import type { CurlVersion } from './flavours.js';

/** Where a connection starts and ends, for the verbose lines. */
export interface ConnInfo {
  /** The host as the URL names it. */
  host: string;
  ip: string;
  port: number;
  local: { ip: string; port: number };
}

/** Which timer ended a connect that never finished. */
export type CurlTimer = 'connect-timeout' | 'max-time';

/** A failed connect: the verbose lines before the error, the error text and curl's exit code. */
export interface ConnectFailure {
  info: string[];
  error: string;
  code: number;
  /** True when the error is curl_easy_strerror's fallback, which -v does not print as a "* " line. */
  unlogged?: boolean;
}

const couldnt = (v: CurlVersion): string => (v === '8.17.0' ? 'Could not connect to server' : "Couldn't connect to server");

/** "Connected to" (7.x) or "Established connection to" (8.17) once the TCP handshake is done. */
export function connectedLine(v: CurlVersion, c: ConnInfo): string {
  if (v === '8.17.0') return `Established connection to ${c.host} (${c.ip} port ${c.port}) from ${c.local.ip} port ${c.local.port} `;
  return `Connected to ${c.host} (${c.ip}) port ${c.port} (#0)`;
}

/** The lines 8.17 prints once a name resolves (7.x prints none). */
export function resolvedLines(v: CurlVersion, host: string, port: number, ip: string): string[] {
  return v === '8.17.0' ? [`Host ${host}:${port} was resolved.`, 'IPv6: (none)', `IPv4: ${ip}`] : [];
}

/** The line that ends a transfer whose connection stays open. */
export function leftIntact(v: CurlVersion, host: string, port: number): string {
  return v === '8.17.0' ? `Connection #0 to host ${host}:${port} left intact` : `Connection #0 to host ${host} left intact`;
}

/** The line printed when the connection is closed. */
export function closingLine(v: CurlVersion): string {
  return v === '8.17.0' ? 'closing connection #0' : 'Closing connection 0';
}

/** How a connect that did not succeed is reported. */
export function connectFailure(v: CurlVersion, c: ConnInfo, outcome: Exclude<ConnectOutcome, 'connected'>, elapsedMs: number, timer?: CurlTimer): ConnectFailure {
  if (timer) return timerFailure(v, c, elapsedMs, timer);
  const errno = connectErrno(outcome);
  const failed = (reason: string): string => `Failed to connect to ${c.host} port ${c.port} after ${elapsedMs} ms: ${reason}`;
  if (outcome === 'no-route') {
    const immediate = `Immediate connect fail for ${c.ip}: ${errno}`;
    if (v === '7.81.0') return { info: [immediate], error: couldnt(v), code: 7, unlogged: true };
    return { info: [immediate], error: failed(couldnt(v)), code: 7 };
  }
  const from = v === '8.17.0' ? ` from ${c.local.ip} port ${c.local.port}` : '';
  const error = failed(v === '7.81.0' ? errno : couldnt(v));
  return { info: [`connect to ${c.ip} port ${c.port}${from} failed: ${errno}`], error, code: outcome === 'timeout' ? 28 : 7 };
}

function timerFailure(v: CurlVersion, c: ConnInfo, elapsedMs: number, timer: CurlTimer): ConnectFailure {
  const reached = `Failed to connect to ${c.host} port ${c.port} after ${elapsedMs} ms: Timeout was reached`;
  const timedOut = `Connection timed out after ${elapsedMs} milliseconds`;
  switch (v) {
    case '7.81.0':
      if (timer === 'max-time') return { info: [], error: timedOut, code: 28 };
      return {
        info: [`After ${elapsedMs - 1}ms connect time, move on!`, `connect to ${c.ip} port ${c.port} failed: Connection timed out`],
        error: `Connection timeout after ${elapsedMs} ms`, code: 28,
      };
    case '7.88.1': return { info: [], error: timer === 'max-time' ? timedOut : reached, code: 28 };
    case '8.17.0': return { info: [], error: reached, code: 28 };
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** The text of a resolve failure (exit 6). */
export function resolveFailure(host: string): string {
  return `Could not resolve host: ${host}`;
}

/** The text of a URL curl cannot use (exit 3). */
export function badUrl(v: CurlVersion, kind: 'no-host' | 'bad-port'): string {
  if (v !== '8.17.0') return 'URL using bad/illegal format or missing URL';
  return kind === 'no-host' ? 'URL rejected: No host part in the URL' : 'URL rejected: Port number was not a decimal number between 0 and 65535';
}

/** The text for an unsupported scheme (exit 1). */
export function badScheme(v: CurlVersion, scheme: string): string {
  return v === '8.17.0' ? `Protocol "${scheme}" not supported` : `Protocol "${scheme}" not supported or disabled in libcurl`;
}

/** The complaint when arguments name no URL (exit 2), before the hint line. */
export function noUrl(v: CurlVersion): string {
  return v === '8.17.0' ? 'curl: (2) no URL specified\n' : 'curl: no URL specified!\n';
}
