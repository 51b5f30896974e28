// The whole screen with ink-testing-library: what each terminal size shows, focus moving with
// Shift+Tab / Tab / number keys / Esc (several keys at once each counting), zoom, the help overlay
// printed from the key table, typing at the prompt reaching the session, and the too-small message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { App, focusReducer } from '../../src/ui/App.js';
import { Session } from '../../src/app/session.js';
import { ThemeContext, PLAIN_THEME } from '../../src/ui/theme.js';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary.js';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

const KEY = { btab: '\u001B[Z', tab: '\t', esc: '\u001B', enter: '\r', ctrlC: '\u0003' };
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

function mount(columns: number, rows: number, session = new Session()) {
  const r = render(<ThemeContext.Provider value={PLAIN_THEME}><App session={session} tickMs={0} size={{ columns, rows }} /></ThemeContext.Provider>);
  return { ...r, session, frame: () => r.lastFrame() ?? '' };
}

async function press(m: ReturnType<typeof mount>, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    m.stdin.write(k);
    await tick();
  }
}

test('80×24 shows the terminal, pods and services; 150×40 every pane', async () => {
  const small = mount(80, 24);
  await tick();
  assert.match(small.frame(), /1 Pods[\s\S]*2 Services[\s\S]*5 terminal/);
  assert.doesNotMatch(small.frame(), /3 NAT table|4 kube-proxy log/);
  small.unmount();
  const large = mount(150, 40);
  await tick();
  assert.match(large.frame(), /k8s-svc-lab · sandbox/);
  for (const t of ['1 Pods', '2 Services', '3 NAT table', '4 kube-proxy log', '5 terminal']) assert.ok(large.frame().includes(t), t);
  large.unmount();
});

test('typing goes to the prompt and runs in the session', async () => {
  const m = mount(120, 30);
  await tick();
  await press(m, 'kubectl get ns --no-headers | wc -l', KEY.enter);
  assert.equal(m.session.lines.at(-1)?.text, '5');
  assert.match(m.frame(), /root@controlplane:~# kubectl get ns --no-headers \| wc -l\s*│\s*\n│5/);
  m.unmount();
});

test('Shift+Tab leaves the prompt for the panes; keys pressed together each count; numbers, z and Esc', async () => {
  const m = mount(80, 24);
  await tick();
  m.stdin.write(KEY.btab + KEY.btab + KEY.btab);
  await tick();
  assert.match(m.frame(), /┏━ 3 NAT table/, 'three Shift+Tabs: terminal, log, NAT — shown zoomed at 80×24');
  await press(m, '1');
  assert.match(m.frame(), /┏━ 1 Pods/);
  assert.match(m.frame(), /2 Services/);
  await press(m, 'z');
  assert.doesNotMatch(m.frame(), /2 Services/, 'zoomed');
  await press(m, KEY.tab);
  assert.match(m.frame(), /┏━ 2 Services/, 'the zoom follows the focus');
  await press(m, KEY.esc);
  assert.match(m.frame(), /1 Pods[\s\S]*2 Services/);
  assert.doesNotMatch(m.frame(), /┏━/, 'back at the prompt, no pane focused');
  m.unmount();
});

test('? on an empty prompt opens the keys from the key table; any key closes it', async () => {
  const m = mount(120, 40);
  await tick();
  await press(m, '?');
  assert.match(m.frame(), /Keys — .*any other key closes[\s\S]*Anywhere[\s\S]*Ctrl\+C +abandon the typed line/);
  await press(m, '\u001B[6~', '\u001B[6~');
  assert.match(m.frame(), /At the prompt[\s\S]*Ctrl\+W +delete the word before the cursor/, 'PgDn scrolls the list instead of closing it');
  await press(m, 'x');
  assert.doesNotMatch(m.frame(), /Keys — /);
  assert.match(m.frame(), /root@controlplane:~# *│/, 'the closing key is not typed');
  m.unmount();
});

test('a terminal below 60×15 is told the size it needs', async () => {
  const m = mount(50, 12);
  await tick();
  assert.match(m.frame(), /needs a terminal of at least 60×15;\s+this one is 50×12/);
  m.unmount();
});

test('the focus reducer: zoom follows focus, Esc unzooms, zoom does nothing at the prompt', () => {
  assert.deepEqual(focusReducer({ focus: 'prompt' }, { type: 'step', step: -1 }), { focus: 'terminal' });
  assert.deepEqual(focusReducer({ focus: 'prompt' }, { type: 'step', step: 1 }), { focus: 'pods' });
  assert.deepEqual(focusReducer({ focus: 'nat', zoom: 'nat' }, { type: 'step', step: 1 }), { focus: 'log', zoom: 'log' });
  assert.deepEqual(focusReducer({ focus: 'nat', zoom: 'nat' }, { type: 'prompt' }), { focus: 'prompt' });
  assert.deepEqual(focusReducer({ focus: 'prompt' }, { type: 'zoom' }), { focus: 'prompt' });
  assert.deepEqual(focusReducer({ focus: 'log' }, { type: 'zoom' }), { focus: 'log', zoom: 'log' });
});

test('the lesson column: the slot is drawn left of the panes with the size the layout gives it', async () => {
  const session = new Session();
  const seen: string[] = [];
  const r = render(<App session={session} tickMs={0} size={{ columns: 180, rows: 40 }} lesson={{ width: 44, render: (size) => (seen.push(`${size.width}×${size.height}`), <Box width={size.width} height={size.height} borderStyle="single"><Text>LESSON HERE</Text></Box>) }} />);
  await tick();
  assert.match(r.lastFrame() ?? '', /│LESSON HERE +││ *1 Pods|LESSON HERE/);
  assert.equal(seen.at(-1), '44×39');
  assert.match(r.lastFrame() ?? '', /3 NAT table/, '136 columns remain: every pane');
  r.unmount();
});

test('a drawing bug shows an overview with the seed and commands; Enter draws the lab again', async () => {
  let broken = true;
  function Fragile(): ReactNode {
    if (broken) throw new Error('a pane fell over');
    return <Text>all well</Text>;
  }
  const quit: number[] = [];
  const r = render(<ErrorBoundary seed={7} commands={() => ['kubectl get pods', 'cat <<EOF\nx\nEOF']} onQuit={() => quit.push(1)}><Fragile /></ErrorBoundary>);
  await tick();
  const f = r.lastFrame() ?? '';
  assert.match(f, /The lab's display hit a bug: a pane fell over/);
  assert.match(f, /seed 7[\s\S]*kubectl get pods[\s\S]*cat <<EOF/);
  broken = false;
  r.stdin.write('\r');
  await tick();
  assert.equal(r.lastFrame(), 'all well');
  r.unmount();
});

test('Ctrl+C abandons a typed line; on an empty prompt it warns, and a second one quits', async () => {
  const m = mount(100, 30);
  await tick();
  await press(m, 'kubectl get po', KEY.ctrlC);
  assert.equal(m.session.lines.at(-1)?.text, 'root@controlplane:~# kubectl get po^C');
  await press(m, KEY.ctrlC);
  assert.match(m.session.lines.at(-1)?.text ?? '', /press Ctrl\+C again to leave the lab/);
  assert.match(m.frame(), /press Ctrl\+C again/);
  const lines = m.session.lines.length;
  await press(m, KEY.ctrlC);
  assert.equal(m.session.lines.length, lines, 'the second Ctrl+C quits instead of printing another ^C');
  m.unmount();
});
