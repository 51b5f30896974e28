// The lookup loop bind's tools share (bind9 bin/dig/dighost.c setup_lookup, next_origin, recv_done):
// the search list under ndots, a new query per try, `communications error` lines for each failed
// try, and the `;; Got ... from` comments nslookup prints. Left out: TCP, several servers, +trace.
import type { DnsResponse, DnsType } from '../../../sim/dns/types.js';
import { withinTimeout } from '../../../sim/dns/resolver.js';
import type { DnsEnv } from './env.js';

/** How one bind lookup is run. */
export interface BindLookupOptions {
  /** Walk the search list (nslookup, host; dig only with +search). */
  search: boolean;
  tries: number;
  server: string;
  /** nslookup's check_ra: say so when a reply lacks RA (off when a server is named on the command line). */
  checkRa: boolean;
  /** nslookup's -nofail (the default): say so when a reply is SERVFAIL. */
  sayServfail: boolean;
}

/** What a lookup produced: comment and error lines in order, and the reply it settled on (none: no server reached). */
export interface BindLookupResult {
  lines: string[];
  reply?: { response: DnsResponse; server: string; qname: string };
}

/** The timeout bind's tools wait for each try (dighost.c UDP_TIMEOUT). */
export const BIND_TIMEOUT_MS = 5000;

/** The names setup_lookup and next_origin try: as-is first with ndots met, else the search list first. */
export function bindCandidates(name: string, env: DnsEnv, search: boolean): string[] {
  if (name.endsWith('.')) return [name];
  if (!search) return [`${name}.`];
  const expanded = env.conf.search.map((d) => `${name}.${d}.`);
  const dots = name.split('.').length - 1;
  if (dots < env.conf.ndots) return [...expanded, `${name}.`];
  return name.split('.').length > env.conf.ndots ? [`${name}.`] : [`${name}.`, ...expanded];
}

/** Runs one lookup: each candidate in turn while the server says NXDOMAIN, each try until one is answered. */
export function bindLookup(env: DnsEnv, name: string, type: DnsType, opts: BindLookupOptions): BindLookupResult {
  const lines: string[] = [];
  const candidates = bindCandidates(name, env, opts.search);
  for (let i = 0; i < candidates.length; i++) {
    const qname = candidates[i]!;
    let reply: BindLookupResult['reply'];
    for (let t = 0; t < opts.tries && !reply; t++) {
      const r = withinTimeout(env.transport(opts.server, { name: qname, type }), BIND_TIMEOUT_MS);
      if (r.kind === 'answer') reply = { response: r.response, server: r.server, qname };
      else lines.push(`;; communications error to ${opts.server}#53: ${r.kind === 'timeout' ? 'timed out' : 'connection refused'}`);
    }
    if (!reply) return { lines };
    const res = reply.response;
    if (res.rcode === 'SERVFAIL' && opts.sayServfail) lines.push(`;; Got SERVFAIL reply from ${opts.server}`);
    else if (opts.checkRa && !res.recursionAvailable) lines.push(`;; Got recursion not available from ${opts.server}`);
    if (res.rcode !== 'NXDOMAIN' || i === candidates.length - 1) return { lines, reply };
  }
  return { lines };
}

/** The name at the end of a reply's CNAME chain (nslookup.c and host.c chase_cnamechain). */
export function chaseCnames(response: DnsResponse, qname: string): string {
  let name = qname;
  for (let i = 0; i < 16; i++) {
    const next = response.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === name.toLowerCase());
    if (!next || next.type !== 'CNAME') return name;
    name = next.target;
  }
  return name;
}
