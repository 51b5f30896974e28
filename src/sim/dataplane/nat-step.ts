// netfilter's hooks on one node for the packet being walked: the nat table at PREROUTING/OUTPUT
// (DNAT and marks), the filter table at INPUT/FORWARD/OUTPUT (kube-proxy's REJECT and DROP rules),
// and nat POSTROUTING (masquerade) — over whatever the node's kernel holds: iptables tables, the
// nftables `kube-proxy` table, and IPVS's ipsets.
import type { SimState } from '../state.js';
import { nextUint32 } from '../rng.js';
import { traverse } from './netfilter/evaluate.js';
import type { NfContext, NfCtState } from './netfilter/types.js';
import { kernelOf } from './kernel.js';
import { nftEvaluate, type NftHook } from '../kube-proxy/nftables/evaluate.js';
import { localAddresses, type NetNode } from './topology.js';
import { cidrContains } from '../net.js';
import type { IptablesTable, ProgrammedRules } from '../kube-proxy/types.js';
import type { Hop, NfPacket } from './types.js';

/** What one hook decided. */
export interface NatResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  packet: NfPacket;
  masquerade: boolean;
  redirectPort?: number;
  hops: Hop[];
}

function rulesOf(state: SimState, node: NetNode): ProgrammedRules | undefined {
  return state.proxy?.[node.name]?.rules;
}

/** A draw in [0,1) from the simulation's PRNG. */
export function simRandom(state: SimState): () => number {
  return () => nextUint32(state.rng) / 4294967296;
}

function context(state: SimState, node: NetNode, tableName: string, ctstate: NfCtState | NfCtState[], packet: NfPacket): NfContext {
  const ipvs = rulesOf(state, node)?.ipvs;
  const ctx: NfContext = { host: node.name, tableName, localAddresses: localAddresses(state, node), recent: kernelOf(state, node.name).recent, now: state.now, random: simRandom(state), ctstate, inAddress: node.ip };
  // A local pod's packet comes in through its veth, a port of the cni0 bridge.
  if (packet.src !== node.cni0 && cidrContains(node.podCIDR, packet.src)) ctx.bridged = true;
  if (ipvs) {
    ctx.ipsets = ipvs.ipsets;
    ctx.ipvsVirtual = (p) => ipvs.virtualServers.some((v) => v.address === p.dst && v.port === p.dport && v.protocol.toLowerCase() === p.proto);
  }
  return ctx;
}

function run(table: IptablesTable | undefined, chain: string, packet: NfPacket, ctx: NfContext): NatResult {
  if (!table || !table.chains[chain]) return { verdict: 'ACCEPT', packet, masquerade: false, hops: [] };
  const r = traverse(table, chain, packet, ctx);
  const out: NatResult = { verdict: r.verdict, packet: r.packet, masquerade: r.masquerade, hops: r.hops };
  if (r.redirectPort !== undefined) out.redirectPort = r.redirectPort;
  return out;
}

/** The `table ip kube-proxy` chains hooked at one hook (nftables mode), after the iptables ones. */
function thenNft(state: SimState, node: NetNode, hook: NftHook, r: NatResult): NatResult {
  const table = rulesOf(state, node)?.nft;
  if (!table || r.verdict !== 'ACCEPT') return r;
  const k = kernelOf(state, node.name);
  const n = nftEvaluate(table, hook, r.packet, { random: simRandom(state), now: state.now, localAddresses: localAddresses(state, node), affinity: (k.nftAffinity ??= {}), host: node.name });
  return { verdict: n.verdict === 'accept' ? 'ACCEPT' : n.verdict === 'drop' ? 'DROP' : 'REJECT', packet: n.packet, masquerade: r.masquerade || n.masquerade, hops: [...r.hops, ...n.hops] };
}

/** nat PREROUTING (a packet arriving) or OUTPUT (a packet a local process sends). */
export function natAt(state: SimState, node: NetNode, hook: 'PREROUTING' | 'OUTPUT', packet: NfPacket): NatResult {
  const r = run(rulesOf(state, node)?.iptables.nat, hook, packet, context(state, node, 'nat', 'NEW', packet));
  return thenNft(state, node, hook === 'PREROUTING' ? 'prerouting' : 'output', r);
}

/** filter INPUT, FORWARD or OUTPUT for a connection's first packet (`dnat`: its destination was rewritten). */
export function filterAt(state: SimState, node: NetNode, chain: 'INPUT' | 'FORWARD' | 'OUTPUT', packet: NfPacket, dnat = false): NatResult {
  const r = run(rulesOf(state, node)?.iptables.filter, chain, packet, context(state, node, 'filter', dnat ? ['NEW', 'DNAT'] : 'NEW', packet));
  // The nftables output hook (all its chains, filter and nat, in priority order) already ran at natAt('OUTPUT').
  if (chain === 'OUTPUT') return r;
  return thenNft(state, node, chain === 'INPUT' ? 'input' : 'forward', r);
}

/** nat POSTROUTING: whether the packet leaves masqueraded. */
export function natPostrouting(state: SimState, node: NetNode, packet: NfPacket): { masquerade: boolean; hops: Hop[] } {
  const r = thenNft(state, node, 'postrouting', run(rulesOf(state, node)?.iptables.nat, 'POSTROUTING', packet, context(state, node, 'nat', 'NEW', packet)));
  return { masquerade: r.masquerade, hops: r.hops };
}
