// The `telnet` command: netkit telnet on the nodes, BusyBox telnet in busybox and netshoot. One
// TCP connection through the dataplane (no timeout of its own: the kernel's); what stdin sends is
// answered when it is an HTTP request, then the session ends as it does when stdin is not a tty.
import type { CommandContext, CommandSpec } from '../../types.js';
import { askServer, dial, emit, resolveName } from './client.js';
import { KERNEL_SYN_TIMEOUT_MS } from './common.js';
import { toolFlavour } from './flavours.js';
import { parseTypedRequest } from './http-text.js';
import { formatTelnet, parseTelnetArgs, type TelnetRun } from './telnet-format.js';

function runTelnet(ctx: CommandContext): number {
  const flavour = toolFlavour(ctx, 'telnet');
  const impl: TelnetRun['impl'] = flavour?.tool === 'telnet' && flavour.impl === 'busybox' ? 'busybox' : 'netkit';
  const parsed = parseTelnetArgs(impl, ctx.args);
  if (!parsed.ok) return emit(ctx, 'telnet', parsed.out);
  const { host, port } = parsed;
  const resolved = resolveName(ctx, host);
  if (!resolved.ok) return emit(ctx, 'telnet', formatTelnet({ impl, host, port, resolved }));
  const result = dial(ctx, resolved.ip, port, 'tcp', KERNEL_SYN_TIMEOUT_MS);
  const typed = parseTypedRequest(ctx.stdin);
  const answer = typed ? askServer(ctx, result, typed) : undefined;
  return emit(ctx, 'telnet', formatTelnet({ impl, host, port, resolved, result, ...(answer ? { answer } : {}) }));
}

/** `telnet`: open a TCP connection to a port and show whether it was accepted. */
export const TELNET_COMMAND: CommandSpec = {
  name: 'telnet',
  usage: 'telnet HOST [PORT]',
  summary: 'open a TCP connection to a port (Trying... Connected to ...)',
  where: 'any',
  group: 'node',
  run: runTelnet,
};
