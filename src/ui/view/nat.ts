// The NAT table pane's rows: a node's rules as the node's own tools print them — `iptables-save -t nat`
// in iptables and userspace mode, `ipvsadm -Ln`, the kube-ipvs0 addresses and `iptables-save -t nat`
// in IPVS mode, `nft list table ip kube-proxy` in nftables mode — regrouped so each chain's header
// comes right before its rules (iptables-save lists every header first). iptables-save's
// Generated/Completed comments are left out and nft's tabs are shown as two spaces.
import type { SimState } from '../../sim/state.js';
import type { Node } from '../../sim/types.js';
import type { IptablesTable, IpvsState, NftTable, ProgrammedRules } from '../../sim/kube-proxy/types.js';
import { listStored } from '../../sim/api-server/store.js';
import { ctime } from '../../sim/node/app-answers.js';
import { nftListTable } from '../../sim/kube-proxy/nftables/render.js';
import { saveTable } from '../../shell/node-tools/iptables-view.js';
import { ipvsadmList } from '../../shell/node-tools/ipvs-tools.js';
import { ipAddr } from '../../shell/hosts/net.js';
import type { Token } from '../theme.js';
import { changeOf, removedKeys, type NodeHighlights } from './nat-highlights.js';

/** One line of a node's rules: its text, the rule-diff key of a rule, and whether it belongs to kube-system. */
export interface NatLine {
  text: string;
  key?: string;
  system?: boolean;
  removed?: boolean;
}

/** A chain (or IPVS virtual server, or nft set/chain) with its rules, or a line outside any chain. */
export type NatEntry =
  | { kind: 'fixed'; text: string }
  | { kind: 'group'; id: string; header: NatLine; rules: NatLine[]; footer: string[]; system: boolean };

/** A node's rules, ready to filter and decorate. */
export interface NatModel {
  node: string;
  mode: string;
  /** The sections shown: `nat`, `ipvs`, `nft` (rule-diff key prefixes). */
  sections: string[];
  entries: NatEntry[];
  ruleCount: number;
}

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** The nodes in the order the panes cycle through them: workers by name, then the control plane. */
export function nodeOrder(sim: SimState): string[] {
  const nodes = listStored<Node>(sim, 'nodes');
  const isCp = (n: Node): boolean => CONTROL_PLANE_LABEL in (n.metadata.labels ?? {});
  return [...nodes.filter((n) => !isCp(n)), ...nodes.filter(isCp)].map((n) => n.metadata.name!);
}

/** The node the NAT pane starts on: node01 (where pods run) when it exists. */
export function defaultNatNode(sim: SimState): string {
  const order = nodeOrder(sim);
  return order.includes('node01') ? 'node01' : order[0] ?? 'controlplane';
}

const SYSTEM_COMMENT = /--comment "?kube-system\//;
const SERVICE_CHAIN = /^KUBE-(SVC|SEP|SVL|EXT|FW)-/;

/** `iptables-save -t <table>` regrouped by chain, with rule-diff keys. */
function iptablesEntries(t: IptablesTable, when: string): NatEntry[] {
  const headers: [string, string][] = [];
  const rules = new Map<string, NatLine[]>();
  for (const line of saveTable(t, when).split('\n')) {
    if (line.startsWith(':')) {
      const chain = line.slice(1, line.indexOf(' '));
      headers.push([chain, line]);
      rules.set(chain, []);
    } else if (line.startsWith('-A ')) {
      const chain = line.slice(3, line.indexOf(' ', 3));
      rules.get(chain)?.push({ text: line, key: `${t.name}\t${line}`, system: SYSTEM_COMMENT.test(line) });
    }
  }
  const groups = headers.map(([chain, text]): NatEntry => {
    const rs = rules.get(chain)!;
    const system = SERVICE_CHAIN.test(chain) && rs.length > 0 && rs.every((r) => r.system);
    return { kind: 'group', id: `${t.name}:${chain}`, header: { text }, rules: rs, footer: [], system };
  });
  return [{ kind: 'fixed', text: `*${t.name}` }, ...groups, { kind: 'fixed', text: 'COMMIT' }];
}

/** `ipvsadm -Ln`, each virtual server a group of its real servers. */
function ipvsEntries(ipvs: IpvsState, sim: SimState, node: string): NatEntry[] {
  const lines = ipvsadmList(ipvs, sim.kernel?.[node]?.conntrack ?? []).split('\n').filter((l) => l !== '');
  const service = new Map(ipvs.virtualServers.map((v) => [`${v.protocol} ${v.address}:${v.port}`, v.service]));
  const out: NatEntry[] = lines.slice(0, 3).map((text) => ({ kind: 'fixed', text }));
  let group: Extract<NatEntry, { kind: 'group' }> | undefined;
  let vs = '';
  for (const raw of lines.slice(3)) {
    const text = raw.trimEnd();
    if (text.startsWith('  -> ')) {
      group?.rules.push({ text, key: `ipvs\t${vs} -> ${text.slice(5).split(' ')[0]}`, system: group.system });
      continue;
    }
    const [proto, addr, scheduler] = text.split(/ +/);
    vs = `${proto} ${addr}`;
    const system = (service.get(vs) ?? '').startsWith('kube-system/');
    group = { kind: 'group', id: `ipvs:${vs}`, header: { text, key: `ipvs\t${vs} ${scheduler}` }, rules: [], footer: [], system };
    out.push(group);
  }
  return out;
}

/** The kube-ipvs0 lines of `ip addr` (the interface line and its addresses). */
function dummyEntries(sim: SimState, node: string): NatEntry[] {
  const lines = ipAddr(sim, { kind: 'node', node }).split('\n');
  const at = lines.findIndex((l) => /^\d+: kube-ipvs0:/.test(l));
  if (at < 0) return [];
  const rules = lines.slice(at + 1).filter((l) => l.trimStart().startsWith('inet ')).map((text) => ({ text }));
  return [{ kind: 'group', id: 'addr:kube-ipvs0', header: { text: lines[at]!.trimEnd() }, rules, footer: [], system: false }];
}

/** `nft list table ip kube-proxy`, each set, map and chain a group (its closing brace the footer). */
function nftEntries(t: NftTable): NatEntry[] {
  const out: NatEntry[] = [];
  let group: Extract<NatEntry, { kind: 'group' }> | undefined;
  for (const raw of nftListTable(t).split('\n')) {
    if (raw === '' && !group) continue;
    const text = raw.replace(/\t/g, '  ');
    const open = /^\t(set|map|chain) (\S+) \{$/.exec(raw);
    if (open) {
      const name = open[2]!;
      group = { kind: 'group', id: `nft:${name}`, header: { text }, rules: [], footer: [], system: open[1] === 'chain' && name.includes('-kube-system/') };
      out.push(group);
    } else if (group && raw.startsWith('\t\t')) {
      const chain = group.id.slice(4);
      group.rules.push({ text, key: `nft\t${chain}\t${raw.slice(2)}`, system: group.system });
    } else if (group && (raw === '\t}' || raw === '')) {
      group.footer.push(text);
    } else {
      group = undefined;
      out.push({ kind: 'fixed', text });
    }
  }
  return out;
}

/** Entries already built for a table object: a sync writes new table objects, so an unchanged node is not rebuilt at every change elsewhere. */
const built = new WeakMap<object, NatEntry[]>();

function cached(table: object, build: () => NatEntry[]): NatEntry[] {
  let entries = built.get(table);
  if (!entries) built.set(table, (entries = build()));
  return entries;
}

function countRules(entries: NatEntry[]): number {
  return entries.reduce((n, e) => n + (e.kind === 'group' ? e.rules.filter((r) => r.key).length : 0), 0);
}

/** A node's rules as its mode's tools print them (an empty model when its kube-proxy never ran). */
export function natModel(sim: SimState, node: string): NatModel {
  const p = sim.proxy?.[node];
  const rules: ProgrammedRules | undefined = p?.rules;
  const mode = rules?.mode ?? p?.mode ?? sim.config.proxyMode;
  let entries: NatEntry[] = [];
  let sections = ['nat'];
  if (rules && mode === 'nftables') {
    sections = ['nft'];
    entries = rules.nft ? cached(rules.nft, () => nftEntries(rules.nft!)) : [];
  } else if (rules && mode === 'ipvs') {
    sections = ['ipvs', 'nat'];
    const caption = (text: string): NatEntry => ({ kind: 'fixed', text: `# ${text}` });
    entries = [caption('ipvsadm -Ln'), ...ipvsEntries(rules.ipvs ?? { virtualServers: [], dummyAddresses: [], ipsets: [] }, sim, node),
      caption('ip addr show kube-ipvs0'), ...dummyEntries(sim, node), caption('iptables-save -t nat'), ...iptablesEntries(rules.iptables.nat, ctime(sim.now))];
  } else if (rules) {
    const nat = rules.iptables.nat;
    entries = cached(nat, () => iptablesEntries(nat, ctime(sim.now)));
  }
  return { node, mode, sections, entries, ruleCount: countRules(entries) };
}

/** A removed rule put back where it was: its group, its text, and whether it is the group's header. */
function removedLine(key: string): { group: string; line: NatLine; header: boolean } {
  const [section, ...rest] = key.split('\t');
  if (section === 'nft') {
    const chain = rest[0]!;
    return { group: `nft:${chain}`, line: { text: `    ${rest.slice(1).join('\t')}`, key, system: chain.includes('-kube-system/'), removed: true }, header: false };
  }
  if (section === 'ipvs') {
    const rs = /^(\S+) (\S+) -> (\S+)$/.exec(rest[0]!);
    if (rs) return { group: `ipvs:${rs[1]} ${rs[2]}`, line: { text: `  -> ${rs[3]}`, key, removed: true }, header: false };
    const [proto, addr, scheduler] = rest[0]!.split(' ');
    return { group: `ipvs:${proto} ${addr}`, line: { text: `${proto}  ${addr} ${scheduler}`, key, removed: true }, header: true };
  }
  const rule = rest.join('\t');
  return { group: `${section}:${rule.split(' ')[1]}`, line: { text: rule, key, system: SYSTEM_COMMENT.test(rule), removed: true }, header: false };
}

type Group = Extract<NatEntry, { kind: 'group' }>;

/** The header of a group that exists only because its rules were removed. */
function goneHeader(id: string): { header: NatLine; footer: string[] } {
  const [section, name] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  if (section === 'nft') return { header: { text: `  chain ${name} {`, removed: true }, footer: ['  }'] };
  if (section === 'ipvs') return { header: { text: name.replace(' ', '  '), removed: true }, footer: [] };
  return { header: { text: `:${name} - [0:0]`, removed: true }, footer: [] };
}

/** The entries with the recently removed rules back in their groups (struck out), and groups that are gone put back after their section. */
function withRemoved(model: NatModel, h: NodeHighlights | undefined, now: number): NatEntry[] {
  const keys = removedKeys(h, now).filter((k) => model.sections.includes(k.slice(0, k.indexOf('\t'))));
  if (keys.length === 0) return model.entries;
  const groups = new Map<string, Group>();
  const entries = model.entries.map((e) => (e.kind === 'group' ? { ...e, rules: [...e.rules] } : e));
  for (const e of entries) if (e.kind === 'group') groups.set(e.id, e);
  for (const k of keys) {
    const r = removedLine(k);
    let g = groups.get(r.group);
    if (!g) {
      g = { kind: 'group', id: r.group, ...goneHeader(r.group), rules: [], system: r.line.system ?? false };
      groups.set(r.group, g);
      const section = `${r.group.slice(0, r.group.indexOf(':'))}:`;
      const last = entries.findLastIndex((e) => e.kind === 'group' && e.id.startsWith(section));
      entries.splice(last < 0 ? entries.length : last + 1, 0, g);
    }
    if (r.header) g.header = r.line;
    else g.rules.push(r.line);
  }
  return entries;
}

/** One row of the NAT pane: text, token, the marker in the gutter (`+`, `-`, `>3`), and whether it is struck out. */
export interface NatRow {
  text: string;
  token: Token;
  marker: string;
  strike: boolean;
}

/** What the pane asks for: a filter text, folding, the clock, and the node's highlights and trace marks. */
export interface NatRowOptions {
  filter: string;
  fold: boolean;
  now: number;
  highlights?: NodeHighlights;
  trace?: Map<string, number>;
}

/** The rows, how many kube-system rules were folded away, and how many current rules are shown. */
export interface NatRows {
  rows: NatRow[];
  folded: number;
  shown: number;
}

function decorate(line: NatLine, traceKey: string | undefined, base: Token, o: NatRowOptions): NatRow {
  const order = traceKey === undefined ? undefined : o.trace?.get(traceKey);
  if (order !== undefined) return { text: line.text, token: 'traced', marker: `>${order}`, strike: false };
  if (line.removed) return { text: line.text, token: 'removed', marker: '-', strike: true };
  const change = line.key ? changeOf(o.highlights, line.key, o.now) : undefined;
  if (change === 'new') return { text: line.text, token: 'added', marker: '+', strike: false };
  if (change === 'recent') return { text: line.text, token: base, marker: '+', strike: false };
  return { text: line.text, token: base, marker: '', strike: false };
}

/** The rows of a group that survive the filter and folding (none when nothing of it is left). */
function groupRows(g: Group, o: NatRowOptions, match: (t: string) => boolean, count: { folded: number; shown: number }): NatRow[] {
  const rules = (rs: NatLine[]): number => rs.filter((r) => r.key && !r.removed).length;
  if (o.fold && g.system) {
    count.folded += rules(g.rules);
    return [];
  }
  const headerMatch = match(g.header.text);
  const kept: NatLine[] = [];
  for (const r of g.rules) {
    if (o.fold && r.system) count.folded += rules([r]);
    else if (headerMatch || match(r.text)) kept.push(r);
  }
  if (!headerMatch && kept.length === 0) return [];
  count.shown += rules(kept);
  return [
    decorate(g.header, g.id, 'heading', o),
    ...kept.map((r) => decorate(r, r.key, 'text', o)),
    ...g.footer.map((text): NatRow => ({ text, token: 'muted', marker: '', strike: false })),
  ];
}

/** The NAT pane's rows for a model: removed rules put back, filtered (case-insensitive; a chain whose header matches keeps all its rules), kube-system folded, each row decorated. */
export function natRows(model: NatModel, o: NatRowOptions): NatRows {
  const needle = o.filter.toLowerCase();
  const match = needle ? (t: string): boolean => t.toLowerCase().includes(needle) : (): boolean => true;
  const count = { folded: 0, shown: 0 };
  const rows: NatRow[] = [];
  for (const e of withRemoved(model, o.highlights, o.now)) {
    if (e.kind === 'fixed') rows.push({ text: e.text, token: 'muted', marker: '', strike: false });
    else for (const r of groupRows(e, o, match, count)) rows.push(r);
  }
  if (count.folded > 0) rows.unshift({ text: `… ${count.folded} kube-system rules folded (f)`, token: 'muted', marker: '', strike: false });
  return { rows, ...count };
}
