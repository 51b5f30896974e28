// `iptables-save` and `iptables -L/-S` on a node: what the node's kernel holds, as iptables 1.8.7
// (nf_tables) prints it. The lab's tables are kube-proxy's and the kubelet's; commands that would
// change them are refused with a note, since kube-proxy would rewrite them at its next sync.
import type { CommandContext, CommandSpec } from '../types.js';
import { currentHost } from '../types.js';
import type { IptablesState, IptablesTable } from '../../sim/kube-proxy/types.js';
import { emptyRules } from '../../sim/kube-proxy/rules.js';
import { ctime } from '../../sim/node/app-answers.js';
import { listTable } from './iptables-list.js';
import { saveTable, specTable, TABLE_ORDER } from './iptables-view.js';

/** The iptables tables of the node the prompt is on (none on the laptop). */
export function nodeTables(ctx: CommandContext): IptablesState | undefined {
  const h = currentHost(ctx.shell);
  if (h.kind !== 'node' || h.node === 'laptop') return undefined;
  return ctx.sim.proxy?.[h.node]?.rules.iptables ?? emptyRules().iptables;
}

function tableOf(state: IptablesState | undefined, name: string): IptablesTable | undefined {
  return state && (TABLE_ORDER as readonly string[]).includes(name) ? state[name as keyof IptablesState] : undefined;
}

function runSave(ctx: CommandContext): number {
  let only: string | undefined;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '-t' || a === '--table') only = ctx.args[++i];
    else if (a.startsWith('--table=')) only = a.slice(8);
    else if (a !== '-c' && a !== '--counters') {
      ctx.stderr(`iptables-save v1.8.7 (nf_tables): unknown option "${a}"\n`);
      return 1;
    }
  }
  const state = nodeTables(ctx);
  const when = ctime(ctx.sim.now);
  if (only !== undefined) {
    const t = tableOf(state, only);
    if (!t && state) {
      ctx.stderr(`iptables-save v1.8.7 (nf_tables): table '${only}' does not exist\n`);
      return 1;
    }
    if (t) ctx.stdout(saveTable(t, when));
    return 0;
  }
  if (state) ctx.stdout(TABLE_ORDER.map((n) => saveTable(state[n], when)).join(''));
  return 0;
}

const MODIFY = new Set(['-A', '--append', '-I', '--insert', '-D', '--delete', '-R', '--replace', '-F', '--flush', '-X', '--delete-chain', '-N', '--new-chain', '-P', '--policy', '-Z', '--zero', '-E', '--rename-chain']);

interface IptablesArgs { table: string; action: 'L' | 'S' | ''; chain?: string; verbose: boolean; lineNumbers: boolean; modify?: string; bad?: string }

function parseArgs(args: string[]): IptablesArgs {
  const o: IptablesArgs = { table: 'filter', action: '', verbose: false, lineNumbers: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (MODIFY.has(a)) o.modify = a;
    else if (a === '-t' || a === '--table') o.table = args[++i] ?? '';
    else if (a === '-L' || a === '--list' || a === '-S' || a === '--list-rules') {
      o.action = a === '-L' || a === '--list' ? 'L' : 'S';
      if (args[i + 1] && !args[i + 1]!.startsWith('-')) o.chain = args[++i];
    } else if (a === '-v' || a === '--verbose') o.verbose = true;
    else if (a === '--line-numbers') o.lineNumbers = true;
    else if (/^-[nvLwx]+$/.test(a)) {
      if (a.includes('v')) o.verbose = true;
      if (a.includes('L')) o.action = 'L';
    } else if (a !== '-n' && a !== '--numeric' && a !== '-w' && a !== '--wait') o.bad = a;
  }
  return o;
}

function runIptables(ctx: CommandContext): number {
  const o = parseArgs(ctx.args);
  if (o.modify) {
    ctx.stderr(`k8s-svc-lab: the lab's iptables rules are read-only: kube-proxy owns them and rewrites its chains at every sync. Change the Service or its pods instead, and watch the rules follow.\n`);
    return 1;
  }
  if (o.bad || o.action === '') {
    ctx.stderr(o.bad ? `iptables v1.8.7 (nf_tables): unknown option "${o.bad}"\nTry \`iptables -h' or 'iptables --help' for more information.\n` : 'iptables v1.8.7 (nf_tables): no command specified\nTry `iptables -h\' or \'iptables --help\' for more information.\n');
    return 2;
  }
  const t = tableOf(nodeTables(ctx) ?? emptyRules().iptables, o.table);
  if (!t) {
    ctx.stderr(`iptables v1.8.7 (nf_tables): table '${o.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`);
    return 3;
  }
  const text = o.action === 'S' ? (o.chain && !(o.chain in t.chains) ? undefined : specTable(t, o.chain)) : listTable(t, o.chain, o);
  if (text === undefined) {
    ctx.stderr(`iptables v1.8.7 (nf_tables): chain \`${o.chain}' in table \`${o.table}' is incompatible, use 'nft' tool.\n\n`);
    return 1;
  }
  ctx.stdout(text);
  return 0;
}

/** iptables-save and iptables. */
export const IPTABLES_COMMANDS: CommandSpec[] = [
  { name: 'iptables-save', usage: 'iptables-save [-t TABLE] [-c]', summary: "print the node's iptables rules as iptables-save does (kube-proxy's NAT rules are in -t nat)", where: 'node', group: 'node', run: runSave },
  { name: 'iptables', usage: 'iptables [-t TABLE] -L [CHAIN] [-n] [-v] [--line-numbers] | -S [CHAIN]', summary: "list the node's iptables rules (read-only in the lab: kube-proxy owns them)", where: 'node', group: 'node', run: runIptables },
];
