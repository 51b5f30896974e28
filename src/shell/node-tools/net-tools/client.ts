// The thin, impure side of the client tools: where the prompt is (the Endpoint traffic starts
// from), name resolution, one connection through the dataplane, the server's answer, and writing a
// formatter's output back: chunks to the terminal, saved files, and the clock moved on by as long
// as the tool blocked (a real curl to a dropped port holds the prompt for two minutes).
import { connect } from '../../../sim/dataplane/connect.js';
import { serverAnswer } from '../../../sim/dataplane/answer.js';
import type { ConnectResult } from '../../../sim/dataplane/types.js';
import type { Endpoint } from '../../../sim/dataplane/topology.js';
import { getStored } from '../../../sim/api-server/store.js';
import type { AppAnswer } from '../../../sim/node/catalogue.js';
import { isIPv4 } from '../../../sim/net.js';
import { advance } from '../../../sim/settle.js';
import type { Pod } from '../../../sim/types.js';
import { resolvePath, statPath, writeFile } from '../../fs.js';
import { currentHost, type CommandContext } from '../../types.js';
import { resolveForTool } from '../resolve-host.js';
import type { ToolOutput } from './common.js';

/** A host name resolved, or why not. */
export type Resolved = { ok: true; ip: string; canonical: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };

/** Where the prompt's traffic starts: a node's own stack, the laptop, or the container's pod. */
export function clientEndpoint(ctx: Pick<CommandContext, 'sim' | 'shell'>): Endpoint {
  const h = currentHost(ctx.shell);
  if (h.kind === 'node') return h.node === 'laptop' ? { kind: 'laptop' } : { kind: 'node', node: h.node };
  const pod = getStored<Pod>(ctx.sim, 'pods', `${h.namespace}/${h.pod}`);
  return { kind: 'pod', namespace: h.namespace, name: h.pod, node: h.node, ip: pod?.status?.podIP ?? '' };
}

/** Resolves what a learner typed: an IPv4 address as is, a name through the host's resolver. */
export function resolveName(ctx: CommandContext, name: string): Resolved {
  if (isIPv4(name)) return { ok: true, ip: name, canonical: name };
  return resolveForTool(ctx, name);
}

/** One connection attempt from the prompt's host, given up after `limitMs`. */
export function dial(ctx: CommandContext, ip: string, port: number, proto: 'tcp' | 'udp' | 'icmp', limitMs: number): ConnectResult {
  return connect(ctx.sim, clientEndpoint(ctx), ip, port, proto, { timeoutMs: limitMs });
}

/** What the server that accepted a connection answers (nothing when the connection failed). */
export function askServer(ctx: CommandContext, result: ConnectResult, http?: { method: string; path: string; headers: [string, string][] }): AppAnswer | undefined {
  if (result.outcome !== 'connected') return undefined;
  return serverAnswer(ctx.sim, result, http ? { http } : {});
}

const ERROR_LINE = /^(curl|wget|nc|ping|telnet): /;

/** Writes a formatter's output, saves its file, moves the clock on by the time the tool ran; returns the exit status. */
export function emit(ctx: CommandContext, tool: string, out: ToolOutput): number {
  for (const c of out.chunks) {
    if (c.fd === 1) ctx.stdout(c.text);
    else for (const part of c.text.split(/(?<=\n)/)) ctx.stderr(part, ERROR_LINE.test(part) ? 'error' : 'plain');
  }
  let status = out.status;
  if (out.file) {
    const w = writeFile(ctx, out.file.path, out.file.content);
    if (!w.ok) {
      ctx.stderr(`${tool}: ${out.file.path}: ${w.error}\n`);
      status = status || (tool === 'curl' ? 23 : tool === 'wget' ? 3 : 1);
    }
  }
  advance(ctx.sim, out.elapsedMs);
  return status;
}

/** Whether a file exists in the current directory (wget's naming and no-clobber checks). */
export function fileExists(ctx: CommandContext, name: string): boolean {
  return statPath(ctx, resolvePath(ctx.shell, name)) !== undefined;
}
