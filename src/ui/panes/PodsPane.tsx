// Pane 1, Pods: `kubectl get pods -o wide --show-labels` as a live table (NAME, READY, STATUS, IP,
// NODE, LABELS), the STATUS cell drawn in its token so ContainerCreating → Running is seen as it
// happens. `n` cycles the namespace filter, `s` shows the system namespaces.
import { memo, useMemo, useState, type ReactNode } from 'react';
import { Text, useInput } from 'ink';
import type { SimState } from '../../sim/state.js';
import { PaneFrame, fit, innerSize, type PaneProps } from '../pane-frame.js';
import { isKey, keyChars } from '../keys.js';
import { useScroll } from '../scroll.js';
import { useTheme } from '../theme.js';
import { isSystemNamespace, nextNamespace, podNamespaces, podsView, type PodRow, type PodsFilter } from '../view/pods.js';

/** What the pods pane receives: its frame, the simulation, and the version that changes with it. */
export interface PodsPaneProps extends PaneProps {
  sim: SimState;
  version: number;
}

const PodLine = memo(function PodLine(props: { row: PodRow; width: number }): ReactNode {
  const theme = useTheme();
  const text = fit(props.row.text, props.width);
  const { statusStart: a, statusEnd: b } = props.row;
  return (
    <Text>
      {text.slice(0, a)}
      <Text {...theme.style(props.row.token)}>{text.slice(a, b)}</Text>
      {text.slice(b)}
    </Text>
  );
});

/** `s`: system namespaces shown or hidden (a system namespace filter falls back to all). */
function toggleSystem(f: PodsFilter): PodsFilter {
  const showSystem = !f.showSystem;
  const keep = f.namespace === null || showSystem || !isSystemNamespace(f.namespace);
  return { showSystem, namespace: keep ? f.namespace : null };
}

function statusText(f: PodsFilter, count: number): string {
  const ns = f.namespace === null ? 'all namespaces' : `ns ${f.namespace}`;
  return `${ns} · ${count} pod${count === 1 ? '' : 's'}${f.showSystem ? '' : ' · system hidden'}`;
}

/** The pods pane. */
export function PodsPane(props: PodsPaneProps): ReactNode {
  const { sim, version, focused } = props;
  const theme = useTheme();
  const [filter, setFilter] = useState<PodsFilter>({ namespace: null, showSystem: false });
  // `version` stands for the simulation's content: the view is rebuilt only when it changes.
  const view = useMemo(() => podsView(sim, filter), [sim, version, filter]);
  const inner = innerSize(props);
  const height = Math.max(1, inner.height - 1);
  const [top, setScroll] = useScroll(view.rows.length, height, focused);

  useInput((input, key) => {
    for (const ch of keyChars(input, key)) {
      if (isKey('pods-system', ch, key)) setFilter(toggleSystem);
      else if (isKey('pods-namespace', ch, key)) setFilter((f) => ({ ...f, namespace: nextNamespace(f.namespace, podNamespaces(sim, f.showSystem)) }));
      else continue;
      setScroll({ top: 0, follow: false });
    }
  }, { isActive: focused });

  const empty = filter.namespace === null ? 'No resources found' : `No resources found in ${filter.namespace} namespace.`;
  return (
    <PaneFrame title="Pods" number={1} status={statusText(filter, view.rows.length)} focused={focused} width={props.width} height={props.height}>
      <Text {...theme.style('heading')}>{fit(view.header, inner.width)}</Text>
      {view.rows.length === 0 ? <Text {...theme.style('muted')}>{fit(empty, inner.width)}</Text> : null}
      {view.rows.slice(top, top + height).map((r) => <PodLine key={r.key} row={r} width={inner.width} />)}
    </PaneFrame>
  );
}
