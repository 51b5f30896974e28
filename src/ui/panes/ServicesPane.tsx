// Pane 2, Services: `kubectl get services` (NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)) with each
// Service's endpoints from its EndpointSlices underneath, so a selector that matches nothing, or
// pods that are not ready yet, show where the learner looks. `s` shows kube-system's services.
import { memo, useMemo, useState, type ReactNode } from 'react';
import { Text, useInput } from 'ink';
import type { SimState } from '../../sim/state.js';
import { PaneFrame, fit, innerSize, type PaneProps } from '../pane-frame.js';
import { isKey, keyChars } from '../keys.js';
import { useScroll } from '../scroll.js';
import { useTheme } from '../theme.js';
import { servicesView, type ServiceLine } from '../view/services.js';

/** What the services pane receives: its frame, the simulation, and the version that changes with it. */
export interface ServicesPaneProps extends PaneProps {
  sim: SimState;
  version: number;
}

const ServiceRow = memo(function ServiceRow(props: { line: ServiceLine; width: number }): ReactNode {
  const theme = useTheme();
  const marker = props.line.token === 'text' || props.line.token === 'ready' ? '' : theme.marker(props.line.token);
  const text = marker && props.line.text.startsWith('  ') ? `${marker} ${props.line.text.slice(2)}` : props.line.text;
  return <Text {...theme.style(props.line.token)}>{fit(text, props.width)}</Text>;
});

/** The services pane. */
export function ServicesPane(props: ServicesPaneProps): ReactNode {
  const { sim, version, focused } = props;
  const theme = useTheme();
  const [showSystem, setShowSystem] = useState(false);
  // `version` stands for the simulation's content: the view is rebuilt only when it changes.
  const view = useMemo(() => servicesView(sim, showSystem), [sim, version, showSystem]);
  const inner = innerSize(props);
  const height = Math.max(1, inner.height - 1);
  const [top, setScroll] = useScroll(view.lines.length, height, focused);

  useInput((input, key) => {
    for (const ch of keyChars(input, key)) {
      if (!isKey('services-system', ch, key)) continue;
      setShowSystem((shown) => !shown);
      setScroll({ top: 0, follow: false });
    }
  }, { isActive: focused });

  const status = `${view.count} service${view.count === 1 ? '' : 's'}${showSystem ? '' : ' · kube-system hidden'}`;
  return (
    <PaneFrame title="Services" number={2} status={status} focused={focused} width={props.width} height={props.height}>
      <Text {...theme.style('heading')}>{fit(view.header, inner.width)}</Text>
      {view.lines.slice(top, top + height).map((l) => <ServiceRow key={l.key} line={l} width={inner.width} />)}
    </PaneFrame>
  );
}
