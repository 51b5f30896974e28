// URLs as curl's urlapi.c and wget's url.c take them from a command line: a missing scheme means
// http, the default port follows the scheme, an empty path is `/`, a fragment is never sent.
// Left out: user:password@, IPv6 literals, percent-encoding and IDN.

/** A parsed http(s) URL. */
export interface HttpUrl {
  scheme: 'http' | 'https';
  /** The host as written (a name or an IPv4 address). */
  host: string;
  port: number;
  /** True when the URL named the port (the Host header then carries it when it is not the default). */
  explicitPort: boolean;
  /** The path and query sent in the request line, starting with `/`. */
  path: string;
}

/** Why a URL was rejected. */
export type UrlError = { kind: 'no-host' } | { kind: 'bad-port' } | { kind: 'scheme'; scheme: string };

/** Parses a command-line URL. */
export function parseHttpUrl(text: string): { ok: true; url: HttpUrl } | { ok: false; error: UrlError } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(text);
  const scheme = (m ? m[1]! : 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, error: { kind: 'scheme', scheme: m![1]! } };
  const rest = (m ? m[2]! : text).replace(/#.*$/s, '');
  const cut = rest.search(/[/?]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  const [host, portText] = authority.split(/:(.*)/s, 2) as [string, string | undefined];
  if (host === '') return { ok: false, error: { kind: 'no-host' } };
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = portText === undefined || portText === '' ? defaultPort : /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) return { ok: false, error: { kind: 'bad-port' } };
  const path = tail === '' ? '/' : tail.startsWith('?') ? `/${tail}` : tail;
  return { ok: true, url: { scheme, host, port, explicitPort: portText !== undefined && portText !== '', path } };
}

/** The Host header value: the host, with the port when it is not the scheme's default. */
export function hostHeader(url: HttpUrl): string {
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  return url.port === defaultPort ? url.host : `${url.host}:${url.port}`;
}

/** The URL as curl and wget print it back: scheme, host, port when not the default, path. */
export function urlString(url: HttpUrl): string {
  return `${url.scheme}://${hostHeader(url)}${url.path}`;
}

/** Resolves a redirect's Location against the URL that answered it. */
export function resolveLocation(base: HttpUrl, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  if (location.startsWith('/')) return `${base.scheme}://${hostHeader(base)}${location}`;
  const dir = base.path.split('?')[0]!.replace(/[^/]*$/, '');
  return `${base.scheme}://${hostHeader(base)}${dir}${location}`;
}
