// The header line: what is running (the sandbox, or a lesson and its step), the cluster (nodes,
// kube-proxy's mode as the running proxiers have it, the simulated clock to the minute) and the key
// for help. One row; parts drop from the right when the terminal is narrow.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { SimState } from '../sim/state.js';
import { utcFields } from '../sim/clock.js';
import { useTheme } from './theme.js';

/** What the header says about the activity: the sandbox, or a lesson with its step. */
export interface Activity {
  title: string;
  step?: string;
}

/** The proxy mode the kube-proxies run now (after a switch it differs from the start-up option). */
export function liveProxyMode(sim: SimState): string {
  const modes = new Set(Object.values(sim.proxy ?? {}).filter((p) => p.running).map((p) => p.mode));
  return modes.size === 0 ? sim.config.proxyMode : [...modes].sort().join('+');
}

/** HH:MM of the simulated clock. */
export function clockText(ms: number): string {
  const f = utcFields(ms);
  return `${String(f.h).padStart(2, '0')}:${String(f.mi).padStart(2, '0')}`;
}

export function Header(props: { sim: SimState; version: number; activity: Activity; width: number }): ReactNode {
  const theme = useTheme();
  const nodes = Object.keys(props.sim.objects.nodes ?? {}).length;
  const left = ` k8s-svc-lab · ${props.activity.title}${props.activity.step ? ` · ${props.activity.step}` : ''}`;
  const middle = `${nodes} node${nodes === 1 ? '' : 's'} · kube-proxy ${liveProxyMode(props.sim)} · ${clockText(props.sim.now)} UTC`;
  const right = '? keys ';
  const room = props.width - left.length - right.length;
  const showMiddle = room >= middle.length + 4;
  return (
    <Box width={props.width} height={1}>
      <Text {...theme.style('heading')}>{left.slice(0, props.width)}</Text>
      <Box flexGrow={1} justifyContent="center">{showMiddle ? <Text {...theme.style('muted')}>{middle}</Text> : null}</Box>
      {props.width - left.length > right.length ? <Text {...theme.style('accent')}>{right}</Text> : null}
    </Box>
  );
}
