// The `nc` command: netcat-openbsd on the nodes and in netshoot, BusyBox nc elsewhere. One
// connection through the dataplane (TCP, or UDP with -u), limited by -w or the kernel; a request
// piped on stdin (`printf 'GET / HTTP/1.0\r\n\r\n' | nc web 80`) is answered by the server.
import type { CommandContext, CommandSpec } from '../../types.js';
import { askServer, dial, emit, resolveName } from './client.js';
import { toolFlavour } from './flavours.js';
import { parseTypedRequest } from './http-text.js';
import { formatNc, ncConnectLimit, parseNcArgs, type NcRun } from './nc-format.js';

function runNc(ctx: CommandContext): number {
  const flavour = toolFlavour(ctx, 'nc');
  const impl: NcRun['impl'] = flavour?.tool === 'nc' && flavour.impl === 'busybox' ? 'busybox' : 'openbsd';
  const parsed = parseNcArgs(impl, ctx.args);
  if (!parsed.ok) return emit(ctx, 'nc', parsed.out);
  const { opts } = parsed;
  const resolved = resolveName(ctx, opts.host);
  if (!resolved.ok) return emit(ctx, 'nc', formatNc({ impl, opts, resolved }));
  const result = dial(ctx, resolved.ip, opts.port, opts.udp ? 'udp' : 'tcp', ncConnectLimit(opts));
  const typed = opts.zero || opts.udp ? undefined : parseTypedRequest(ctx.stdin);
  const answer = typed ? askServer(ctx, result, typed) : undefined;
  const run: NcRun = { impl, opts, resolved: { ok: true, ip: resolved.ip }, result, ...(answer ? { answer } : {}), sent: ctx.stdin?.length ?? 0 };
  return emit(ctx, 'nc', formatNc(run));
}

/** `nc`: open a TCP or UDP connection; `nc -zv HOST PORT` tells whether a port accepts. */
export const NC_COMMAND: CommandSpec = {
  name: 'nc',
  usage: 'nc [-zvu] [-w SECS] HOST PORT',
  summary: 'test whether a port accepts connections (-zv), or talk to it',
  where: 'any',
  group: 'node',
  run: runNc,
};
