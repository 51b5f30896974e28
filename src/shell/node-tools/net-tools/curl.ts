// The `curl` command: parse like curl, resolve, connect through the dataplane (with -m or
// --connect-timeout, else the kernel's SYN timeout), ask the server, follow -L redirects, then
// print what the host's curl release prints (curl-format.ts) and block the clock that long.
import type { CommandContext, CommandSpec } from '../../types.js';
import { askServer, dial, emit, resolveName } from './client.js';
import { connectLimit } from './common.js';
import { curlRequest } from './curl-exchange.js';
import { curlPreflight, curlTimer, formatCurl, nextLocation, type CurlHop } from './curl-format.js';
import type { CurlOpts } from './curl-opts.js';
import { toolFlavour, type CurlVersion } from './flavours.js';
import { parseHttpUrl, resolveLocation, type HttpUrl } from './url.js';

/** curl's default --max-redirs. */
const MAX_REDIRECTS = 50;

function fetchHop(ctx: CommandContext, version: CurlVersion, opts: CurlOpts, url: HttpUrl): CurlHop {
  const resolved = resolveName(ctx, url.host);
  if (!resolved.ok) return { url, resolved };
  const result = dial(ctx, resolved.ip, url.port, 'tcp', connectLimit(curlTimer(opts)?.ms));
  const answer = askServer(ctx, result, curlRequest(version, opts, url));
  return { url, resolved: { ok: true, ip: resolved.ip }, result, ...(answer ? { answer } : {}) };
}

function runCurl(ctx: CommandContext): number {
  const flavour = toolFlavour(ctx, 'curl');
  const version: CurlVersion = flavour?.tool === 'curl' ? flavour.version : '7.81.0';
  const pre = curlPreflight(version, ctx.args);
  if (!pre.ok) return emit(ctx, 'curl', pre.out);
  const hops: CurlHop[] = [];
  let url = pre.url;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    const hop = fetchHop(ctx, version, pre.opts, url);
    hops.push(hop);
    const location = nextLocation(pre.opts, hop);
    const next = location ? parseHttpUrl(resolveLocation(url, location)) : undefined;
    if (!next?.ok) break;
    url = next.url;
  }
  return emit(ctx, 'curl', formatCurl({ version, opts: pre.opts, stdoutTty: ctx.isatty !== false, hops }));
}

/** `curl`: transfer a URL (nodes: curl 7.81.0; containers: whichever curl the image ships). */
export const CURL_COMMAND: CommandSpec = {
  name: 'curl',
  usage: 'curl [-sSvIiLkf] [-o FILE] [-w FORMAT] [-X METHOD] [-H HEADER] [-m SECS] [--connect-timeout SECS] URL',
  summary: 'send an HTTP request to a Service, a pod or a node port and print the answer',
  where: 'any',
  group: 'node',
  run: runCurl,
};
