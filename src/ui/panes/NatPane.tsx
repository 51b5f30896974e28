// Pane 3, NAT table: the chosen node's rules as its proxy mode's tools print them (iptables-save -t
// nat, ipvsadm -Ln, nft list table ip kube-proxy), grouped by chain, with what the last syncs added
// (+) and removed (-, struck out) fading on the simulated clock, and the last `trace`'s hops lit
// (>N, N the hop's number in the trace). `n` next node, `/` filter, `f` fold kube-system's rules.
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Text, useInput } from 'ink';
import type { SimState } from '../../sim/state.js';
import { PaneFrame, fit, innerSize, type PaneProps } from '../pane-frame.js';
import { isKey, keyChars } from '../keys.js';
import { useScroll } from '../scroll.js';
import { useTheme } from '../theme.js';
import { defaultNatNode, natModel, natRows, nodeOrder, type NatRow } from '../view/nat.js';
import { trackHighlights, traceMarks, type Highlights, type TraceMemo } from '../view/nat-highlights.js';

/** What the NAT pane receives: its frame, the simulation, its version, and the shell's last trace. */
export interface NatPaneProps extends PaneProps {
  sim: SimState;
  version: number;
  trace?: TraceMemo;
  /** Told when the filter input opens and closes: while it is open every key is text for it. */
  onFilterEditing?(editing: boolean): void;
}

const NatLine = memo(function NatLine(props: { row: NatRow; width: number; gutter: number }): ReactNode {
  const theme = useTheme();
  const style = theme.style(props.row.token);
  const { gutter } = props;
  return (
    <Text>
      {gutter > 0 ? <Text {...style}>{props.row.marker.padEnd(gutter)}</Text> : null}
      <Text {...style} strikethrough={props.row.strike}>{fit(props.row.text, Math.max(1, props.width - gutter))}</Text>
    </Text>
  );
});

function gutterOf(rows: NatRow[]): number {
  let w = 0;
  for (const r of rows) if (r.marker.length > w) w = r.marker.length;
  return w === 0 ? 0 : w + 1;
}

interface EditKey { return: boolean; escape: boolean; backspace: boolean; delete: boolean; ctrl: boolean; meta: boolean }

/** The filter text after one key of the filter input (Esc clears it; control keys leave it). */
function edited(text: string, input: string, key: EditKey): string {
  if (key.escape) return '';
  if (key.backspace || key.delete) return text.slice(0, -1);
  if (key.return || key.ctrl || key.meta || [...input].some((c) => c < ' ')) return text;
  return text + input;
}


function nextNode(node: string, order: string[]): string {
  return order[(order.indexOf(node) + 1) % order.length] ?? node;
}

/** The NAT table pane. */
export function NatPane(props: NatPaneProps): ReactNode {
  const { sim, version, focused, trace, onFilterEditing } = props;
  const theme = useTheme();
  const [chosen, setNode] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState(false);
  const [fold, setFold] = useState(false);
  const memory = useRef<Highlights>({});
  const node = chosen ?? defaultNatNode(sim);
  // `version` stands for the simulation's content: models and highlights are rebuilt only when it changes.
  const highlights = useMemo(() => (memory.current = trackHighlights(memory.current, sim, [node])), [sim, version, node]);
  const model = useMemo(() => natModel(sim, node), [sim, version, node]);
  const marks = useMemo(() => traceMarks(trace, node, sim.now), [trace, node, sim, version]);
  const out = useMemo(() => natRows(model, { filter, fold, now: sim.now, highlights: highlights[node], trace: marks }), [model, filter, fold, sim, highlights, node, marks]);
  const gutter = useMemo(() => gutterOf(out.rows), [out]);
  const inner = innerSize(props);
  const filterLine = editing || filter !== '';
  const height = Math.max(1, inner.height - (filterLine ? 1 : 0));
  const [top, setScroll] = useScroll(out.rows.length, height, focused && !editing);

  useEffect(() => {
    onFilterEditing?.(editing);
  }, [editing, onFilterEditing]);
  // A new trace shows the node its first rule was matched on (where the client's packet met netfilter).
  const traceAt = trace?.at;
  useEffect(() => {
    if (traceAt === undefined || !trace) return;
    const nodes = nodeOrder(sim);
    const first = trace.hops.find((h) => h.table && nodes.includes(h.host));
    if (first) setNode(first.host);
    // Only a new trace moves the pane; later renders keep the learner's choice.
  }, [traceAt]);
  // A new change or trace brings its first lit row into view (in a table of thousands of rules the
  // learner would otherwise never see what just happened).
  const firstLit = useMemo(() => out.rows.findIndex((r) => r.token === 'traced' || r.token === 'added'), [out]);
  const litSignature = firstLit < 0 ? '' : `${node}|${marks.size}|${trace?.at ?? ''}|${highlights[node]?.added.size ?? 0}|${highlights[node]?.removed.size ?? 0}`;
  const shownLit = useRef('');
  useEffect(() => {
    if (!litSignature || litSignature === shownLit.current) return;
    shownLit.current = litSignature;
    if (firstLit < top || firstLit >= top + height) setScroll({ top: Math.max(0, firstLit - 2), follow: false });
  }, [litSignature, firstLit, top, height, setScroll]);
  useEffect(() => {
    if (!focused) setEditing(false);
  }, [focused]);

  useInput((input, key) => {
    let open = editing;
    for (const ch of keyChars(input, key)) {
      if (open) {
        setFilter((f) => edited(f, ch, key));
        if (key.return || key.escape) open = false;
      } else if (isKey('nat-filter', ch, key)) {
        // As in less and vim, `/` starts a new search.
        open = true;
        setFilter('');
      } else if (isKey('nat-fold', ch, key)) setFold((f) => !f);
      else if (isKey('nat-node', ch, key)) setNode((n) => nextNode(n ?? defaultNatNode(sim), nodeOrder(sim)));
      else continue;
      setScroll({ top: 0, follow: false });
    }
    if (open !== editing) setEditing(open);
  }, { isActive: focused });

  const rules = filter ? `${out.shown}/${model.ruleCount} rules` : `${model.ruleCount} rules`;
  const status = `${node} · ${model.mode} · ${rules}${fold ? ' · folded' : ''}`;
  return (
    <PaneFrame title="NAT table" number={3} status={status} focused={focused} width={props.width} height={props.height}>
      {filterLine ? (
        <Text {...theme.style(editing ? 'accent' : 'muted')}>
          {fit(`/${filter}`, inner.width - 1)}{editing ? <Text inverse> </Text> : null}
        </Text>
      ) : null}
      {model.entries.length === 0 ? <Text {...theme.style('muted')}>{fit(`kube-proxy has not programmed ${node} yet`, inner.width)}</Text> : null}
      {out.rows.slice(top, top + height).map((r, i) => <NatLine key={top + i} row={r} width={inner.width} gutter={gutter} />)}
    </PaneFrame>
  );
}
