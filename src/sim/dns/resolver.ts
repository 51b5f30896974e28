// The client side: the stub resolvers of the C libraries (glibc resolv/res_query.c
// __res_context_search, musl src/network/lookup_name.c name_from_dns_search) walking the search
// list under `ndots`, and how a query reaches a server. Left out: `rotate`, `edns0`, TCP fallback.
import type { DnsQuery, DnsResponse } from './types.js';
import type { ResolvConf } from './resolv-conf.js';
/** The transport that reaches CoreDNS without the packet dataplane (see transport.ts). */
export { directTransport } from './transport.js';
/** A host's /etc/resolv.conf, and its parser (see resolv-conf.ts). */
export { resolvConfFor, parseResolvConf, type DnsHost, type ResolvConf } from './resolv-conf.js';

/** What one query did: a reply (with the address it came from), no reply in time, or an ICMP port unreachable. */
export type TransportResult = { kind: 'answer'; response: DnsResponse; server: string } | { kind: 'timeout' } | { kind: 'refused' };

/** Sends one query to a server address and reports what came back; every client takes one. */
export type DnsTransport = (serverIP: string, query: DnsQuery) => TransportResult;

/** Which C library's stub resolver a program uses: glibc (Ubuntu, Debian images) or musl (Alpine). */
export type StubFlavor = 'glibc' | 'musl';

/** How one candidate name fared, in the terms a resolver decides on. */
export type CandidateOutcome = 'found' | 'nxdomain' | 'nodata' | 'servfail' | 'unreachable';

/**
 * The names a stub resolver tries for `name`, in order. A trailing dot means absolute: only the name.
 * glibc: with at least `ndots` dots the name as given first, then each search domain, then the name
 * if not tried yet. musl: with at least `ndots` dots only the name; else the search list, then the name.
 */
export function searchCandidates(name: string, conf: Pick<ResolvConf, 'search' | 'ndots'>, flavor: StubFlavor): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const expanded = conf.search.map((d) => `${name}.${d}.`);
  if (dots >= conf.ndots) return flavor === 'musl' ? [`${name}.`] : [`${name}.`, ...expanded];
  return [...expanded, `${name}.`];
}

/**
 * Walks the candidates until one is found. glibc goes on past NXDOMAIN, NODATA and SERVFAIL and
 * stops when no server answers; musl stops at SERVFAIL too. Returns the name found, or why none was.
 */
export function searchNames(
  candidates: string[], flavor: StubFlavor, ask: (fqdn: string) => CandidateOutcome,
): { found: string } | { failed: Exclude<CandidateOutcome, 'found'> } {
  let worst: Exclude<CandidateOutcome, 'found'> = 'nxdomain';
  for (const name of candidates) {
    const outcome = ask(name);
    if (outcome === 'found') return { found: name };
    if (outcome === 'unreachable' || (outcome === 'servfail' && flavor === 'musl')) return { failed: outcome };
    if (outcome === 'nodata' || (outcome === 'servfail' && worst === 'nxdomain')) worst = outcome;
  }
  return { failed: worst };
}

/**
 * What a client sees of a transport result when it waits `timeoutMs` for a reply. bind's tools and
 * busybox give each try its own wait and drop late replies, so the per-try timeout applies; glibc
 * resends the same query and takes a late reply, so its window is the sum of its tries (5 + 10 s).
 * Checked with dig, host, nslookup 9.18, busybox 1.35 and glibc 2.36 against a server that delays.
 */
export function withinTimeout(result: TransportResult, timeoutMs: number): TransportResult {
  return result.kind === 'answer' && result.response.delayMs >= timeoutMs ? { kind: 'timeout' } : result;
}
