// `nft list table|chain|set|ruleset|tables` as nftables 1.0.2 (Ubuntu 22.04) prints them
// (src/rule.c table_print, set_print_declaration, chain_print_declaration; src/expression.c
// set_expr_print): tab indentation, one attribute per line, sets before chains in creation order,
// elements sorted by value and wrapped as calculate_delim does. Dynamic affinity elements are
// printed from the kernel state passed in, with nft's `timeout`/`expires` durations.
import type { NftChain, NftSet, NftTable } from '../types.js';
import { elementsPerLine, sortedElements } from './elements.js';

/** Runtime contents of the dynamic affinity sets: set name → source IP → expiry (ms), and the clock. */
export interface NftDynamic {
  now: number;
  affinity: Record<string, Record<string, number>>;
}

/** nft's duration format (src/datatype.c time_print): `3h`, `2h59m58s992ms`. */
export function nftDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's'], [1, 'ms']];
  let rest = Math.max(0, Math.floor(ms));
  let out = '';
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  return out;
}

function familyOf(t: NftTable): string {
  return t.family ?? 'ip';
}

function dynamicElements(s: NftSet, dyn: NftDynamic | undefined): string[] {
  if (!s.timeout || !dyn) return s.elements;
  const live = Object.entries(dyn.affinity[s.name] ?? {}).filter(([, until]) => until > dyn.now);
  return live.map(([ip, until]) => `${ip} timeout ${nftDuration(s.timeout! * 1000)} expires ${nftDuration(until - dyn.now)}`);
}

function elementsLine(s: NftSet, elements: string[]): string {
  const perLine = elementsPerLine(s.type);
  let out = '{ ';
  sortedElements(s.type, elements).forEach((e, i) => {
    if (i > 0) out += i % perLine === 0 ? ',\n\t\t\t     ' : ', ';
    out += e;
  });
  return `\t\telements = ${out} }\n`;
}

/** One set or map as `nft list` prints it inside a table. */
export function renderSet(s: NftSet, dyn?: NftDynamic): string {
  let out = `\t${s.kind} ${s.name} {\n\t\ttype ${s.type}\n`;
  // nft gives a set filled from the packet path (`update @set`) a default size of 65535.
  if (s.flags?.includes('dynamic')) out += '\t\tsize 65535\n';
  if (s.flags?.length) out += `\t\tflags ${s.flags.join(',')}\n`;
  if (s.timeout) out += `\t\ttimeout ${nftDuration(s.timeout * 1000)}\n`;
  if (s.comment) out += `\t\tcomment "${s.comment}"\n`;
  const elements = dynamicElements(s, dyn);
  if (elements.length) out += elementsLine(s, elements);
  return `${out}\t}\n`;
}

/** One chain as `nft list` prints it inside a table. */
export function renderChain(c: NftChain): string {
  let out = `\tchain ${c.name} {`;
  if (c.comment) out += `\n\t\tcomment "${c.comment}"`;
  out += '\n';
  if (c.hook) out += `\t\t${c.hook}\n`;
  for (const r of c.rules) out += `\t\t${r}\n`;
  return `${out}\t}\n`;
}

/** `nft list table ip kube-proxy`. */
export function nftListTable(t: NftTable, dyn?: NftDynamic): string {
  const blocks = [...t.sets.map((s) => renderSet(s, dyn)), ...t.chains.map(renderChain)];
  return `table ${familyOf(t)} kube-proxy {\n\tcomment "rules for kube-proxy"\n${blocks.join('\n')}}\n`;
}

/** `nft list ruleset`: every table, one after the other. */
export function nftListRuleset(tables: NftTable[], dyn?: NftDynamic): string {
  return tables.map((t) => nftListTable(t, dyn)).join('');
}

/** `nft list tables`. */
export function nftListTables(tables: NftTable[]): string {
  return tables.map((t) => `table ${familyOf(t)} kube-proxy\n`).join('');
}

/** `nft list chain FAMILY kube-proxy NAME` (the table line, the chain, the closing brace). */
export function nftListChain(t: NftTable, chain: NftChain): string {
  return `table ${familyOf(t)} kube-proxy {\n${renderChain(chain)}}\n`;
}

/** `nft list set|map FAMILY kube-proxy NAME`. */
export function nftListSet(t: NftTable, s: NftSet, dyn?: NftDynamic): string {
  return `table ${familyOf(t)} kube-proxy {\n${renderSet(s, dyn)}}\n`;
}
