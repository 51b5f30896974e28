// The first screen a newcomer sees, once: what the lab is, how to move in it, where help is. Any key
// goes on to the lesson menu.
import type { ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { useTheme } from './theme.js';

const ABOUT = [
  'A three-node Kubernetes v1.34 cluster runs inside this terminal: a control plane and two workers,',
  'kube-proxy on each, CoreDNS and flannel. It is simulated, so it starts at once and needs no Docker,',
  'VM, root or network — yet what you type are real commands (kubectl, curl, iptables-save, ipvsadm,',
  'nslookup, ssh node01) and what it prints is what a real cluster prints.',
  '',
  'The lessons show how Services really work: pods that come and go, ClusterIPs, NodePorts and load',
  'balancers, the rules kube-proxy writes on every node and the names CoreDNS answers. Around the',
  'prompt, live panes show the pods, the Services with their endpoints, a node\'s NAT table and',
  'kube-proxy\'s log, and light up what your last command changed.',
];

const KEYS: [string, string][] = [
  ['Up/Down, Enter', 'choose a lesson in the menu (s opens the sandbox, q quits)'],
  ['at the prompt', 'type commands; hint, check, solution and undo help in a lesson'],
  ['Shift+Tab, 1-5', 'move from the prompt to a pane (Esc comes back, z zooms it)'],
  ['?', 'every key, at any time (on an empty prompt)'],
  ['Ctrl+D', 'leave: your progress is saved as you go'],
];

export function Welcome(props: { width: number; height: number; onDone(): void }): ReactNode {
  const theme = useTheme();
  useInput(() => props.onDone());
  const keyWidth = Math.max(...KEYS.map(([k]) => k.length));
  return (
    <Box flexDirection="column" width={props.width} height={props.height} paddingX={1}>
      <Text {...theme.style('heading')}>Welcome to k8s-svc-lab</Text>
      <Text> </Text>
      {ABOUT.map((l, i) => <Text key={i} {...theme.style('text')} wrap="wrap">{l || ' '}</Text>)}
      <Text> </Text>
      <Text {...theme.style('heading')}>How to move</Text>
      {KEYS.map(([k, what]) => <Text key={k} wrap="truncate"><Text {...theme.style('accent')}>{`  ${k.padEnd(keyWidth)}  `}</Text><Text {...theme.style('text')}>{what}</Text></Text>)}
      <Text> </Text>
      <Text {...theme.style('muted')}>Press any key for the lessons.</Text>
    </Box>
  );
}
