// The `ping` command: iputils on the nodes and in netshoot, BusyBox ping elsewhere. Each echo
// request goes through the dataplane as ICMP; replies carry the TTL the path leaves them (64
// less one per routing node on the way back) and a round trip drawn from the simulation's PRNG.
import type { ServerSide } from '../../../sim/dataplane/types.js';
import type { Endpoint } from '../../../sim/dataplane/topology.js';
import { isIPv4 } from '../../../sim/net.js';
import { randInt } from '../../../sim/rng.js';
import type { CommandContext, CommandSpec } from '../../types.js';
import { clientEndpoint, dial, emit, resolveName } from './client.js';
import { Output } from './common.js';
import { toolFlavour } from './flavours.js';
import { formatPing, INTERRUPT_AFTER, pingResolveError, type PingProbe, type PingRun } from './ping-format.js';
import { parsePingArgs } from './ping-opts.js';

/** The most echo requests one ping sends: past them the lab stops it as if the learner pressed Ctrl-C. */
const MAX_PROBES = 100;

/** The TTL of a reply: 64 less one for each node that forwards it back (pods sit behind their node). */
export function replyTtl(from: Endpoint, server: ServerSide): number {
  const clientNode = from.kind === 'laptop' ? undefined : from.node;
  let ttl = 64;
  const sameBridge = from.kind === 'pod' && clientNode === server.node;
  const ownNode = from.kind === 'node' && clientNode === server.node;
  if (server.kind === 'pod' && !sameBridge && !ownNode) ttl--;
  if (from.kind === 'pod' && server.node !== clientNode) ttl--;
  return ttl;
}

function probe(ctx: CommandContext, ip: string, waitMs: number): PingProbe {
  const result = dial(ctx, ip, 0, 'icmp', waitMs);
  if (result.outcome === 'unreachable') return { outcome: 'unreachable', from: result.from.ip };
  if (result.outcome === 'refused' && result.rejectedBy) return { outcome: 'port-unreachable', from: result.rejectedBy };
  if (result.outcome !== 'connected' || !result.server) return { outcome: 'lost' };
  const from = clientEndpoint(ctx);
  const local = from.kind !== 'laptop' && from.node === result.server.node;
  const base = local ? 40 : 400;
  const rttUs = Math.round((base * (750 + randInt(ctx.sim.rng, 500))) / 1000);
  return { outcome: 'reply', ttl: replyTtl(from, result.server), rttMs: rttUs / 1000 };
}

function runPing(ctx: CommandContext): number {
  const flavour = toolFlavour(ctx, 'ping');
  const impl: PingRun['impl'] = flavour?.tool === 'ping' && flavour.impl === 'busybox' ? 'busybox' : 'iputils';
  const parsed = parsePingArgs(impl, ctx.args);
  if (!parsed.ok) return emit(ctx, 'ping', parsed.out);
  const { opts } = parsed;
  const resolved = resolveName(ctx, opts.target);
  if (!resolved.ok) {
    const e = pingResolveError(impl, opts.target, resolved.reason);
    return emit(ctx, 'ping', new Output().err(e.text).done(e.status, 0));
  }
  const wanted = opts.count ?? (opts.deadlineMs !== undefined ? Math.max(1, Math.floor(opts.deadlineMs / 1000)) : INTERRUPT_AFTER);
  const interrupted = (opts.count === undefined && opts.deadlineMs === undefined) || wanted > MAX_PROBES;
  const n = Math.min(wanted, MAX_PROBES);
  const probes = Array.from({ length: n }, () => probe(ctx, resolved.ip, opts.waitMs ?? 10_000));
  const named = !isIPv4(opts.target);
  return emit(ctx, 'ping', formatPing({
    impl, target: opts.target, ip: resolved.ip, probes, quiet: opts.quiet, interrupted,
    ...(named ? { canonical: resolved.canonical } : {}),
    ...(opts.count !== undefined ? { count: opts.count } : {}),
    ...(opts.deadlineMs !== undefined ? { deadlineMs: opts.deadlineMs } : {}),
    ...(opts.waitMs !== undefined ? { waitMs: opts.waitMs } : {}),
  }));
}

/** `ping`: send ICMP echo requests (a ClusterIP never answers them in iptables mode). */
export const PING_COMMAND: CommandSpec = {
  name: 'ping',
  usage: 'ping [-c COUNT] [-W SECS] [-w SECS] [-q] HOST',
  summary: 'send ICMP echo requests to a pod, a node or a Service IP',
  where: 'any',
  group: 'node',
  run: runPing,
};
