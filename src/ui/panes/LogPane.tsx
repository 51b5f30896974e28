// Pane 4, kube-proxy log: the chosen node's kube-proxy klog lines as `kubectl logs` shows them,
// newest at the bottom and followed as they arrive; `n` cycles the nodes, then all nodes merged by
// time. E lines are drawn as errors and W lines as warnings; long lines are cut, never wrapped.
import { memo, useMemo, useState, type ReactNode } from 'react';
import { Text, useInput } from 'ink';
import type { SimState } from '../../sim/state.js';
import { PaneFrame, fit, innerSize, type PaneProps } from '../pane-frame.js';
import { isKey, keyChars } from '../keys.js';
import { useScroll } from '../scroll.js';
import { useTheme } from '../theme.js';
import { nodeOrder } from '../view/nat.js';
import { defaultLogSource, logView, nextLogSource, type LogLine, type LogSource } from '../view/log.js';

/** What the log pane receives: its frame, the simulation, and the version that changes with it. */
export interface LogPaneProps extends PaneProps {
  sim: SimState;
  version: number;
}

const LogRow = memo(function LogRow(props: { line: LogLine; width: number }): ReactNode {
  const theme = useTheme();
  return <Text {...theme.style(props.line.token)}>{fit(props.line.text, props.width)}</Text>;
});

/** The kube-proxy log pane. */
export function LogPane(props: LogPaneProps): ReactNode {
  const { sim, version, focused } = props;
  const theme = useTheme();
  const [chosen, setSource] = useState<LogSource | undefined>(undefined);
  const source = chosen === undefined ? defaultLogSource(sim) : chosen;
  // `version` stands for the simulation's content: the lines are rebuilt only when it changes.
  const lines = useMemo(() => logView(sim, source), [sim, version, source]);
  const inner = innerSize(props);
  const [top, setScroll] = useScroll(lines.length, inner.height, focused, true);

  useInput((input, key) => {
    for (const ch of keyChars(input, key)) {
      if (!isKey('log-node', ch, key)) continue;
      setSource((s) => nextLogSource(s === undefined ? defaultLogSource(sim) : s, nodeOrder(sim)));
      setScroll({ top: 0, follow: true });
    }
  }, { isActive: focused });

  const status = `${source ?? 'all nodes'} · ${lines.length} line${lines.length === 1 ? '' : 's'}`;
  return (
    <PaneFrame title="kube-proxy log" number={4} status={status} focused={focused} width={props.width} height={props.height}>
      {lines.length === 0 ? <Text {...theme.style('muted')}>{fit(`no kube-proxy has run on ${source ?? 'any node'} yet`, inner.width)}</Text> : null}
      {lines.slice(top, top + inner.height).map((l, i) => <LogRow key={top + i} line={l} width={inner.width} />)}
    </PaneFrame>
  );
}
