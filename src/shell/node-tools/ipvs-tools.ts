// `ipvsadm -Ln` and `ipset list` on a node (ipvsadm 1.31 ipvsadm.c print_service_entry /
// list_all, libipvs's sort by protocol, address — compared as a signed difference, which wraps for
// addresses 2^31 apart, so 192.168.x comes before 10.x — and port; ipset 7.15's list format).
// Connection counts come from the node's conntrack entries of each real server.
import type { CommandContext, CommandSpec } from '../types.js';
import { currentHost } from '../types.js';
import type { IpSet, IptablesState, IptablesTable, IpvsState, IpvsVirtualServer } from '../../sim/kube-proxy/types.js';
import { ipToInt } from '../../sim/net.js';
import type { ConntrackEntry } from '../../sim/dataplane/types.js';

const PROTO_NUMBER: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

function addrCompare(a: string, b: string): number {
  return (ipToInt(a) - ipToInt(b)) | 0;
}

function byAddress<T extends { address: string; port: number }>(x: T, y: T): number {
  return addrCompare(x.address, y.address) || x.port - y.port;
}

function nodeState(ctx: CommandContext): { ipvs?: IpvsState; iptables?: IptablesState; conntrack: ConntrackEntry[] } | undefined {
  const h = currentHost(ctx.shell);
  if (h.kind !== 'node') return undefined;
  const rules = ctx.sim.proxy?.[h.node]?.rules;
  return { ...(rules?.ipvs ? { ipvs: rules.ipvs } : {}), ...(rules ? { iptables: rules.iptables } : {}), conntrack: ctx.sim.kernel?.[h.node]?.conntrack ?? [] };
}

function connections(ct: ConntrackEntry[], vs: IpvsVirtualServer, address: string, port: number): [number, number] {
  let active = 0;
  let inactive = 0;
  for (const e of ct) {
    if (e.dst !== vs.address || e.dport !== vs.port || e.replySrc !== address || e.replySport !== port) continue;
    if (e.state === 'ESTABLISHED') active++;
    else inactive++;
  }
  return [active, inactive];
}

/** The `ipvsadm -Ln` text of an IPVS table. */
export function ipvsadmList(ipvs: IpvsState, ct: ConntrackEntry[]): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  const services = [...ipvs.virtualServers].sort((a, b) => (PROTO_NUMBER[a.protocol] ?? 0) - (PROTO_NUMBER[b.protocol] ?? 0) || byAddress(a, b));
  for (const vs of services) {
    lines.push(`${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}${vs.persistent ? ` persistent ${vs.persistent}` : ''}`);
    for (const rs of [...vs.realServers].sort(byAddress)) {
      const [active, inactive] = connections(ct, vs, rs.address, rs.port);
      lines.push(`  -> ${`${rs.address}:${rs.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${String(rs.weight).padEnd(6)} ${String(active).padEnd(10)} ${String(inactive).padEnd(10)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function runIpvsadm(ctx: CommandContext): number {
  const st = nodeState(ctx);
  const a = ctx.args;
  if (a.some((x) => /^-[ADEaedCRZ]$|^--(add|delete|edit|clear|restore|zero)/.test(x))) {
    ctx.stderr("k8s-svc-lab: the lab's IPVS table is read-only: kube-proxy owns it and rewrites it at every sync.\n");
    return 1;
  }
  if (!st) {
    ctx.stderr("Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n");
    return 2;
  }
  if (a.length > 0 && !a.every((x) => /^-[Lln]+$|^--(list|numeric)$/.test(x))) {
    ctx.stderr(`ipvsadm: invalid option -- '${a.find((x) => !/^-[Lln]+$/.test(x))!.replace(/^-+/, '')}'\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`);
    return 2;
  }
  // ipvsadm loads the ip_vs module itself when it is missing, so a node that never ran IPVS mode lists an empty table.
  ctx.stdout(ipvsadmList(st.ipvs ?? { virtualServers: [], dummyAddresses: [], ipsets: [] }, st.conntrack));
  return 0;
}

/** How many iptables rules match on the set: the kernel's reference count that `ipset list` prints. */
function referenceCount(name: string, tables: IptablesTable[]): number {
  const needle = `--match-set ${name} `;
  return tables.reduce((n, t) => n + Object.values(t.chains).reduce((m, rules) => m + rules.filter((r) => r.includes(needle)).length, 0), 0);
}

function ipsetText(s: IpSet, tables: IptablesTable[]): string {
  const header = s.type.startsWith('bitmap') ? 'range 0-65535' : 'family inet hashsize 1024 maxelem 65536';
  return [`Name: ${s.name}`, `Type: ${s.type}`, `Revision: ${s.type.startsWith('bitmap') ? 3 : 6}`, `Header: ${header}`, `Size in memory: ${s.type.startsWith('bitmap') ? 532 : 440 + 112 * s.members.length}`, `References: ${referenceCount(s.name, tables)}`, `Number of entries: ${s.members.length}`, 'Members:', ...s.members].join('\n');
}

function runIpset(ctx: CommandContext): number {
  const [cmd, name] = ctx.args;
  if (cmd !== 'list' && cmd !== '-L' && cmd !== '-l') {
    ctx.stderr(cmd ? `ipset v7.15: The lab's ipsets are kube-proxy's and read-only; use \`ipset list [NAME]\`\n` : 'ipset v7.15: No command specified: unknown argument -file\nTry `ipset help\' for more help.\n');
    return 1;
  }
  const st = nodeState(ctx);
  const sets = st?.ipvs?.ipsets ?? [];
  const tables = st?.iptables ? [st.iptables.nat, st.iptables.filter] : [];
  const chosen = name ? sets.filter((s) => s.name === name) : sets;
  if (name && chosen.length === 0) {
    ctx.stderr(`ipset v7.15: The set with the given name does not exist\n`);
    return 1;
  }
  if (chosen.length) ctx.stdout(`${chosen.map((x) => ipsetText(x, tables)).join('\n')}\n`);
  return 0;
}

/** ipvsadm and ipset. */
export const IPVS_COMMANDS: CommandSpec[] = [
  { name: 'ipvsadm', usage: 'ipvsadm -Ln', summary: "list the node's IPVS virtual servers and their real servers (kube-proxy's IPVS mode)", where: 'node', group: 'node', run: runIpvsadm },
  { name: 'ipset', usage: 'ipset list [NAME]', summary: "list the node's ipsets (the sets IPVS mode's few iptables rules match on)", where: 'node', group: 'node', run: runIpset },
];
