// `nft` on a node: a thin adapter over the pure command line in src/sim/kube-proxy/nftables/cli.ts,
// reading the tables the node's kube-proxy last programmed in nftables mode and the kernel's
// affinity sets. Inside a container it does not exist.
import { nftCommand } from '../../sim/kube-proxy/nftables/cli.js';
import type { NftTable, ProgrammedRules } from '../../sim/kube-proxy/types.js';
import { currentHost, type CommandContext, type CommandSpec } from '../types.js';

function nodeOf(ctx: Pick<CommandContext, 'shell'>): string | undefined {
  const h = currentHost(ctx.shell);
  return h.kind === 'node' ? h.node : undefined;
}

function rulesOf(ctx: Pick<CommandContext, 'sim' | 'shell'>): ProgrammedRules | undefined {
  const node = nodeOf(ctx);
  return node ? ctx.sim.proxy?.[node]?.rules : undefined;
}

function nftTables(r: ProgrammedRules | undefined): NftTable[] {
  return [r?.nft, r?.nft6].filter((t): t is NftTable => t !== undefined);
}

/** nft. */
export const NFT_COMMAND: CommandSpec = {
  name: 'nft',
  usage: 'nft list ruleset | list tables | list table [ip|ip6] kube-proxy | list chain|set|map [ip|ip6] kube-proxy NAME',
  summary: 'list the nftables tables kube-proxy programs in nftables mode',
  where: 'node',
  group: 'node',
  complete: (ctx, words) => {
    if (words.length <= 1) return ['list'];
    if (words.length === 2) return ['ruleset', 'tables', 'table', 'chain', 'set', 'map'];
    const t = rulesOf(ctx)?.nft;
    return words.length < 5 ? ['ip', 'ip6', 'kube-proxy'] : [...(t?.chains ?? []), ...(t?.sets ?? [])].map((o) => o.name);
  },
  run(ctx) {
    const node = nodeOf(ctx);
    const affinity = node ? ctx.sim.kernel?.[node]?.nftAffinity ?? {} : {};
    const r = nftCommand(nftTables(rulesOf(ctx)), ctx.args, { now: ctx.sim.now, affinity });
    if (r.stdout) ctx.stdout(r.stdout);
    if (r.stderr) ctx.stderr(r.stderr, r.stderr.startsWith('k8s-svc-lab:') ? 'hint' : 'error');
    return r.status;
  },
};
