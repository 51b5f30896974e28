// The `wget` command: GNU Wget 1.21.2 on the nodes, BusyBox wget in Alpine/BusyBox containers.
// Each request goes through the dataplane; GNU retries timeouts and empty answers (-t, 20 by
// default), both follow redirects; the saved file lands in the host's working directory.
import type { CommandContext, CommandSpec } from '../../types.js';
import { askServer, dial, emit, fileExists, resolveName } from './client.js';
import { connectLimit } from './common.js';
import { toolFlavour } from './flavours.js';
import { hostHeader, parseHttpUrl, type HttpUrl } from './url.js';
import { BUSYBOX_WGET_TIMEOUT_MS, busyboxNext, formatBusyboxWget, type WgetStep } from './wget-busybox.js';
import { formatGnuWget, gnuNext } from './wget-gnu.js';
import { parseWgetArgs, type WgetOpts } from './wget-opts.js';

/** Redirects either wget follows before giving up. */
const MAX_STEPS = 40;

function request(gnu: boolean, opts: WgetOpts, url: HttpUrl): { method: string; path: string; headers: [string, string][] } {
  const agent = opts.userAgent ?? (gnu ? 'Wget/1.21.2' : 'Wget');
  const headers: [string, string][] = gnu
    ? [['User-Agent', agent], ['Accept', '*/*'], ['Accept-Encoding', 'identity'], ['Host', hostHeader(url)], ['Connection', 'Keep-Alive']]
    : [['Host', hostHeader(url)], ['User-Agent', agent], ['Connection', 'close']];
  return { method: opts.spider && gnu ? 'HEAD' : 'GET', path: url.path, headers: [...headers, ...opts.headers] };
}

function step(ctx: CommandContext, gnu: boolean, opts: WgetOpts, url: HttpUrl, retry: boolean): WgetStep {
  const resolved = resolveName(ctx, url.host);
  if (!resolved.ok) return { url, resolved };
  const limit = connectLimit(opts.timeoutMs ?? (gnu ? undefined : BUSYBOX_WGET_TIMEOUT_MS));
  const result = dial(ctx, resolved.ip, url.port, 'tcp', limit);
  const answer = askServer(ctx, result, request(gnu, opts, url));
  return { url, resolved, result, ...(answer ? { answer } : {}), ...(retry ? { retry } : {}) };
}

function runWget(ctx: CommandContext): number {
  const flavour = toolFlavour(ctx, 'wget');
  const gnu = !(flavour?.tool === 'wget' && flavour.impl === 'busybox');
  const parsed = parseWgetArgs(gnu ? 'gnu' : 'busybox', ctx.args);
  if (!parsed.ok) return emit(ctx, 'wget', parsed.out);
  const { opts } = parsed;
  const first = parseHttpUrl(opts.url);
  if (!first.ok) {
    const kind = first.error.kind;
    const why = kind === 'scheme' ? 'Unsupported scheme' : kind === 'no-host' ? 'Invalid host name' : 'Bad port number';
    ctx.stderr(gnu ? `${opts.url}: ${why}.\n` : kind === 'scheme' ? `wget: not an http or ftp url: ${opts.url}\n` : `wget: bad address '${opts.url}'\n`);
    return 1;
  }
  const startMs = ctx.sim.now;
  const steps: WgetStep[] = [step(ctx, gnu, opts, first.url, false)];
  while (steps.length < MAX_STEPS) {
    const next = gnu ? gnuNext({ opts }, steps) : toNext(busyboxNext(steps[steps.length - 1]!));
    if (!next) break;
    steps.push(step(ctx, gnu, opts, next.url, next.retry));
  }
  const run = { opts, steps, startMs, exists: (name: string) => fileExists(ctx, name) };
  return emit(ctx, 'wget', gnu ? formatGnuWget(run) : formatBusyboxWget(run));
}

function toNext(url: HttpUrl | undefined): { url: HttpUrl; retry: boolean } | undefined {
  return url ? { url, retry: false } : undefined;
}

/** `wget`: download a URL (nodes: GNU Wget 1.21.2; BusyBox wget in busybox, alpine and curl images). */
export const WGET_COMMAND: CommandSpec = {
  name: 'wget',
  usage: 'wget [-q] [-O FILE|-] [-T SECS] [--spider] URL',
  summary: 'download a URL from a Service or a pod; -qO- prints it',
  where: 'any',
  group: 'node',
  run: runWget,
};
