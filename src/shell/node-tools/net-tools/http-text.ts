// HTTP/1.1 messages as the clients send and receive them: the status line and header block of an
// AppAnswer, the request headers curl builds (Host, User-Agent, Accept, then -H overrides, an empty
// value deleting a default), and parsing a request typed into nc or telnet.
// CRLF line ends are shown as plain newlines (the terminal shows no difference).
import type { AppAnswer } from '../../../sim/node/catalogue.js';

/** An application's HTTP answer. */
export type HttpAnswer = Extract<AppAnswer, { kind: 'http' }>;

/** The status line: "HTTP/1.1 200 OK". */
export function statusLine(a: HttpAnswer): string {
  return `HTTP/1.1 ${a.status} ${a.statusText}`.trimEnd();
}

/** The status line and headers, one per line, without the blank line that ends them. */
export function headerLines(a: HttpAnswer): string[] {
  return [statusLine(a), ...a.headers.map(([k, v]) => `${k}: ${v}`)];
}

/** A header's value (case-insensitive name), if present. */
export function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** Content-Length as a number, when the answer has one. */
export function contentLength(a: HttpAnswer): number | undefined {
  const v = headerValue(a.headers, 'Content-Length');
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Request headers as curl's http.c builds them: a custom Host takes the default's place, any other
 * custom header drops the same-named default and follows the defaults; an empty value only drops.
 */
export function requestHeaders(defaults: [string, string][], custom: [string, string][]): [string, string][] {
  const named = (n: string): [string, string] | undefined => custom.find(([k]) => k.toLowerCase() === n.toLowerCase());
  const isHost = (k: string): boolean => k.toLowerCase() === 'host';
  const out: [string, string][] = [];
  for (const [k, v] of defaults) {
    const c = named(k);
    if (!c) out.push([k, v]);
    else if (isHost(k) && c[1] !== '') out.push(c);
  }
  for (const [k, v] of custom) if (v !== '' && !isHost(k)) out.push([k, v]);
  return out;
}

/** A request typed into nc or telnet (`GET / HTTP/1.0` and headers), or undefined when the text is not one. */
export function parseTypedRequest(text: string | undefined): { method: string; path: string; headers: [string, string][] } | undefined {
  if (!text) return undefined;
  const lines = text.replace(/\r/g, '').split('\n');
  const m = /^([A-Z]+) (\S+)(?: HTTP\/1\.[01])?$/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers: [string, string][] = [];
  for (const l of lines.slice(1)) {
    if (l === '') break;
    const colon = l.indexOf(':');
    if (colon > 0) headers.push([l.slice(0, colon), l.slice(colon + 1).trim()]);
  }
  return { method: m[1]!, path: m[2]!, headers };
}
