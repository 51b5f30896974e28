// `conntrack` on a node, as conntrack-tools 1.4.6 (Ubuntu 22.04's package, which kubeadm's
// preflight requires) behaves: -L lists the node's connection-tracking table with the summary on
// stderr, -D deletes matching flows, -C counts, -F flushes (src/conntrack.c do_command_ct).
// Events (-E), stats (-S) and creating or updating flows (-I, -U) are left out.
import { conntrackSelect, formatConntrackEntry } from '../../sim/dataplane/conntrack-list.js';
import { conntrackList } from '../../sim/dataplane/conntrack.js';
import type { NodeKernel } from '../../sim/dataplane/types.js';
import { currentHost, type CommandContext, type CommandSpec } from '../types.js';
import { CONNTRACK_USAGE, parseConntrackArgs, type CtArgs } from './conntrack-args.js';

const PREFIX = 'conntrack v1.4.6 (conntrack-tools): ';

function kernelHere(ctx: CommandContext): NodeKernel | undefined {
  const h = currentHost(ctx.shell);
  return ctx.sim.kernel?.[h.node];
}

function list(ctx: CommandContext, a: CtArgs): number {
  if (a.table === 'expect') {
    ctx.stderr(`${PREFIX}0 expectations have been shown.\n`, 'plain');
    return 0;
  }
  const out = conntrackList(a.table === 'dying' ? undefined : kernelHere(ctx), ctx.sim.now, a.filters);
  ctx.stdout(out.stdout);
  ctx.stderr(out.stderr, 'plain');
  return 0;
}

function remove(ctx: CommandContext, a: CtArgs): number {
  const kernel = kernelHere(ctx);
  const gone = a.table === 'conntrack' ? conntrackSelect(kernel, ctx.sim.now, a.filters) : [];
  if (kernel && gone.length) {
    const ids = new Set(gone.map((e) => e.id));
    ctx.stdout(gone.map((e) => `${formatConntrackEntry(e, ctx.sim.now, a.filters.extended, a.filters.showId)}\n`).join(''));
    kernel.conntrack = kernel.conntrack.filter((e) => !ids.has(e.id));
  }
  const what = a.table === 'expect' ? 'expectations have been shown' : 'flow entries have been deleted';
  ctx.stderr(`${PREFIX}${gone.length} ${what}.\n`, 'plain');
  return gone.length ? 0 : 1;
}

function flush(ctx: CommandContext, a: CtArgs): number {
  const kernel = kernelHere(ctx);
  if (kernel && a.table === 'conntrack') kernel.conntrack = [];
  ctx.stderr(`${PREFIX}${a.table === 'expect' ? 'expectation' : 'connection tracking'} table has been emptied.\n`, 'plain');
  return 0;
}

function runParsed(ctx: CommandContext, a: CtArgs): number {
  switch (a.command) {
    case undefined:
    case 'help':
      ctx.stdout(CONNTRACK_USAGE);
      return 0;
    case 'version':
      ctx.stdout('conntrack v1.4.6 (conntrack-tools)\n');
      return 0;
    case 'list': return list(ctx, a);
    case 'delete': return remove(ctx, a);
    case 'count':
      ctx.stdout(`${a.table === 'expect' ? 0 : conntrackSelect(kernelHere(ctx), ctx.sim.now).length}\n`);
      return 0;
    case 'flush': return flush(ctx, a);
    default: {
      const never: never = a.command;
      return never;
    }
  }
}

const OPTIONS = ['-L', '-D', '-C', '-F', '-h', '-V', '-p', '-s', '-d', '-r', '-q', '--sport', '--dport', '--dst-nat', '--src-nat', '-o'];

const conntrack: CommandSpec = {
  name: 'conntrack',
  usage: 'conntrack -L|-D|-C|-F [-p tcp|udp|icmp] [-s IP] [-d IP] [--sport N] [--dport N] [--dst-nat [IP]] [-o extended]',
  summary: "list, count, delete or flush the node's connection-tracking entries (the NAT decisions of live flows)",
  where: 'node',
  group: 'node',
  complete(_ctx, words, partial) {
    if (words[words.length - 1] === '-p') return ['tcp', 'udp', 'icmp'].filter((p) => p.startsWith(partial));
    return OPTIONS.filter((o) => o.startsWith(partial));
  },
  run(ctx) {
    const parsed = parseConntrackArgs(ctx.args);
    if (typeof parsed === 'string') {
      if (parsed.startsWith('k8s-svc-lab:')) {
        ctx.stderr(`${parsed}\n`);
        return 1;
      }
      ctx.stderr(`${PREFIX}${parsed}\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`);
      return 2;
    }
    return runParsed(ctx, parsed);
  },
};

/** The conntrack command of the node tools. */
export const CONNTRACK_COMMANDS: CommandSpec[] = [conntrack];
