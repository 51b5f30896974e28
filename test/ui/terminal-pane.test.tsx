// The terminal pane driven as a learner drives it: typing, Enter, history, readline's editing keys,
// Tab completion against a real lab, a pasted heredoc, the control keys, and a long scrollback
// paged with PgUp. Colour is forced on so the frames carry the cursor's inverse video.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import type { ReactElement } from 'react';
import type { OutLine } from '../../src/shell/types.js';
import type { TerminalPaneProps } from '../../src/ui/prompt/TerminalPane.js';
import { complete } from '../../src/shell/complete.js';
import { testLab } from '../shell/harness.js';

process.env.FORCE_COLOR = '1';
const { render } = await import('ink-testing-library');
const { TerminalPane } = await import('../../src/ui/prompt/TerminalPane.js');
const { ThemeContext, PLAIN_THEME, COLOUR_THEME } = await import('../../src/ui/theme.js');

const KEYS = { up: '\u001B[A', down: '\u001B[B', pageUp: '\u001B[5~', home: '\u001B[H', tab: '\t', enter: '\r', ctrlA: '\u0001', ctrlC: '\u0003', ctrlD: '\u0004', ctrlE: '\u0005', ctrlL: '\u000C', ctrlU: '\u0015', ctrlW: '\u0017' };
const INVERSE = '\u001B[7m';
const PROMPT = 'root@controlplane:~# ';

const out = (text: string, tone: OutLine['tone'] = 'plain'): OutLine => ({ text, tone, stream: tone === 'plain' ? 'stdout' : 'stderr' });

/** What the pane told the session. */
interface Calls { submitted: string[]; clear: number; eof: number; interrupts: string[]; help: number }

/** Renders the pane with a real lab's completion; returns the stdin, the frame as text, and the calls. */
function mount(over: Partial<TerminalPaneProps> = {}, theme = COLOUR_THEME) {
  const lab = testLab();
  const calls: Calls = { submitted: [], clear: 0, eof: 0, interrupts: [], help: 0 };
  const props: TerminalPaneProps = {
    width: 60, height: 10, focused: false, promptActive: true,
    lines: [out('Welcome to the lab')], version: 1, prompt: PROMPT, continuation: false, history: [],
    complete: (line, cursor) => complete(lab, line, cursor),
    onSubmit: (l) => calls.submitted.push(l), onClear: () => calls.clear++, onEof: () => calls.eof++,
    onInterrupt: (had) => calls.interrupts.push(had), onHelp: () => calls.help++,
    ...over,
  };
  const tree = (p: TerminalPaneProps): ReactElement => <ThemeContext.Provider value={theme}><TerminalPane {...p} /></ThemeContext.Provider>;
  const r = render(tree(props));
  const raw = (): string => r.lastFrame() ?? '';
  const frame = (): string => stripVTControlCharacters(raw());
  /** The prompt row's text, without the frame's borders and padding. */
  const promptRow = (): string => frame().split('\n').find((l) => l.includes(PROMPT) || l.startsWith('│> '))?.slice(1, -1).trimEnd() ?? '';
  const rerender = (p: Partial<TerminalPaneProps>): void => r.rerender(tree({ ...props, ...p }));
  return { stdin: r.stdin, raw, frame, promptRow, rerender, calls, unmount: r.unmount };
}

/** Waits until the predicate holds (the frame has caught up with the keys). */
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Writes keys one event at a time, letting each render before the next. */
async function type(m: ReturnType<typeof mount>, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    m.stdin.write(k);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('typing shows at the prompt; Enter submits the line and clears it', async () => {
  const m = mount();
  await until('mounted', () => m.promptRow() === PROMPT.trimEnd());
  await type(m, 'kubectl get pods');
  await until('typed text', () => m.promptRow() === `${PROMPT}kubectl get pods`);
  await type(m, KEYS.enter);
  await until('submitted', () => m.calls.submitted.length === 1);
  assert.deepEqual(m.calls.submitted, ['kubectl get pods']);
  await until('cleared', () => m.promptRow() === PROMPT.trimEnd());
  m.unmount();
});

test('Up and Down walk the history and bring back the unfinished line', async () => {
  const m = mount({ history: ['ls', 'kubectl get svc'] });
  await type(m, 'hos', KEYS.up);
  await until('newest entry', () => m.promptRow() === `${PROMPT}kubectl get svc`);
  await type(m, KEYS.up);
  await until('older entry', () => m.promptRow() === `${PROMPT}ls`);
  await type(m, KEYS.down, KEYS.down);
  await until('the draft', () => m.promptRow() === `${PROMPT}hos`);
  await type(m, KEYS.up, KEYS.enter);
  await until('submitted', () => m.calls.submitted.length === 1);
  assert.deepEqual(m.calls.submitted, ['kubectl get svc']);
  m.unmount();
});

test('Ctrl+W, Ctrl+A, Ctrl+E and Ctrl+U edit as readline does', async () => {
  const m = mount();
  await type(m, 'kubectl get pods', KEYS.ctrlW);
  await until('word killed', () => m.promptRow() === `${PROMPT}kubectl get`);
  await type(m, KEYS.ctrlA, '#');
  await until('inserted at the start', () => m.promptRow() === `${PROMPT}#kubectl get`);
  await type(m, KEYS.ctrlE, 'x', KEYS.ctrlA, KEYS.ctrlE, KEYS.ctrlU);
  await until('line killed', () => m.promptRow() === PROMPT.trimEnd());
  await type(m, 'ab', '\u001B[D', 'X', KEYS.enter);
  await until('submitted', () => m.calls.submitted.length === 1);
  assert.deepEqual(m.calls.submitted, ['aXb']);
  m.unmount();
});

test('Tab completes a unique word; a second Tab lists the candidates in columns until the next key', async () => {
  const m = mount();
  await type(m, 'kubectl g', KEYS.tab);
  await until('get completed', () => m.promptRow() === `${PROMPT}kubectl get`);
  await type(m, 'po', KEYS.tab);
  await until('no change', () => m.promptRow() === `${PROMPT}kubectl get po`);
  assert.doesNotMatch(m.frame(), /pods/);
  await type(m, KEYS.tab);
  await until('candidates listed', () => /│po +pod +pods +│/.test(m.frame()));
  const rows = m.frame().split('\n');
  assert.ok(rows.findIndex((r) => r.includes('pods')) < rows.findIndex((r) => r.includes(PROMPT)), 'above the prompt');
  await type(m, 'd');
  await until('list gone', () => !/pods/.test(m.frame()));
  await type(m, KEYS.tab);
  await until('pod completed', () => m.promptRow() === `${PROMPT}kubectl get pod`);
  await type(m, ' -n kube-system k', KEYS.tab);
  await until('common prefix', () => m.promptRow().endsWith('kubectl get pod -n kube-system kube-'));
  await type(m, KEYS.tab);
  await until('pod names listed', () => m.frame().includes('kube-apiserver-controlplane'));
  assert.match(m.frame(), /│kube-scheduler-controlplane +│\n│root@/);
  await type(m, 'p', KEYS.tab, KEYS.tab);
  await until('kube-proxy pods listed', () => /│kube-proxy-\w{5} {2}kube-proxy-\w{5} {2}kube-proxy-\w{5} +│/.test(m.frame()));
  await type(m, 'x');
  await type(m, KEYS.ctrlU, 'kubectl get pods -A ', KEYS.tab, KEYS.tab);
  await until('cut list', () => /… 12 possibilities in all/.test(m.frame()));
  m.unmount();
});

test('a pasted heredoc submits each line in order and leaves the unterminated rest in the editor', async () => {
  const m = mount();
  await type(m, 'cat <<EOF');
  m.stdin.write('\u001B[200~ | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nEOF\nkubectl get ns\u001B[201~');
  await until('three lines', () => m.calls.submitted.length === 4);
  assert.deepEqual(m.calls.submitted, ['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: Namespace', 'EOF']);
  await until('the rest', () => m.promptRow() === `${PROMPT}kubectl get ns`);
  m.stdin.write('\u001B[200~-o wide\u001B[201~');
  await until('pasted without newline', () => m.promptRow() === `${PROMPT}kubectl get ns-o wide`);
  m.rerender({ continuation: true });
  await until('PS2', () => m.promptRow() === '> kubectl get ns-o wide');
  m.unmount();
});

test('Ctrl+L clears, Ctrl+D ends only an empty line, Ctrl+C interrupts and clears, ? asks for help on an empty line', async () => {
  const m = mount();
  await type(m, KEYS.ctrlL);
  await until('clear', () => m.calls.clear === 1);
  await type(m, 'ab', KEYS.ctrlA, KEYS.ctrlD);
  await until('Ctrl+D deletes under the cursor', () => m.promptRow() === `${PROMPT}b`);
  assert.equal(m.calls.eof, 0);
  await type(m, KEYS.ctrlC);
  await until('interrupted', () => m.calls.interrupts.length === 1);
  await until('cleared', () => m.promptRow() === PROMPT.trimEnd());
  await type(m, KEYS.ctrlC, KEYS.ctrlD);
  await until('eof', () => m.calls.eof === 1);
  assert.deepEqual(m.calls.interrupts, ['b', '']);
  await type(m, '?');
  await until('help', () => m.calls.help === 1);
  await type(m, 'ls ?');
  await until('? typed', () => m.promptRow() === `${PROMPT}ls ?`);
  assert.equal(m.calls.help, 1);
  m.unmount();
});

test('without the keyboard the prompt ignores keys', async () => {
  const m = mount({ promptActive: false });
  await type(m, 'ls', KEYS.enter, KEYS.ctrlL);
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(m.calls, { submitted: [], clear: 0, eof: 0, interrupts: [], help: 0 });
  assert.equal(m.promptRow(), PROMPT.trimEnd());
  m.unmount();
});

test('a long scrollback lays out only the visible rows, follows new output, and pages back with PgUp', async () => {
  const lines = Array.from({ length: 5000 }, (_, i) => out(`line ${i}`));
  const m = mount({ lines, height: 10 });
  await until('the bottom', () => m.frame().includes('line 4999'));
  assert.equal(m.frame().split('\n').length, 10);
  assert.match(m.frame(), /┐\n│line 4993 +│\n/);
  assert.doesNotMatch(m.frame(), /line 4992\b/);
  await type(m, KEYS.pageUp);
  await until('a page up', () => /┐\n│line 4987 +│\n/.test(m.frame()) && !m.frame().includes('line 4994'));
  assert.match(m.frame(), /4988-4994 of 5000/);
  m.rerender({ lines: [...lines, out('line 5000')], version: 2 });
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(!m.frame().includes('line 5000'), 'scrolled back stays put');
  await type(m, 'x');
  await until('a key returns to the bottom', () => m.frame().includes('line 5000'));
  m.rerender({ lines: [...lines, out('line 5000'), out('line 5001')], version: 3 });
  await until('follows', () => m.frame().includes('line 5001'));
  m.unmount();
});

test('a focused pane scrolls with the arrows and Home/End', async () => {
  const lines = Array.from({ length: 100 }, (_, i) => out(`line ${i}`));
  const m = mount({ lines, focused: true, promptActive: false });
  await type(m, KEYS.home);
  await until('the top', () => /┃line 0 +┃/.test(m.frame()));
  assert.match(m.frame(), /1-7 of 100/);
  await type(m, KEYS.down);
  await until('a line down', () => /┃line 1 +┃/.test(m.frame()) && !/┃line 0 +┃/.test(m.frame()));
  await type(m, '\u001B[F');
  await until('the bottom', () => /┃line 99 +┃/.test(m.frame()));
  m.unmount();
});

test('long lines are cut with …; tones map to the theme\'s tokens; the cursor shows in the no-colour theme', async () => {
  const lines = [out('x'.repeat(200)), out('Error from server (NotFound)', 'error')];
  const colour = mount({ lines });
  await until('drawn', () => colour.frame().includes('Error'));
  assert.match(colour.frame(), /│x{57}…│/);
  assert.ok(colour.raw().includes('\u001B[31mError from server'), 'errors in red');
  await type(colour, 'ls');
  await until('cursor after the text', () => colour.raw().includes(`ls${INVERSE} `));
  colour.unmount();

  const plain = mount({ lines }, PLAIN_THEME);
  await type(plain, 'kubectl', KEYS.ctrlA);
  await until('cursor on the k', () => plain.raw().includes(`${INVERSE}k`));
  assert.ok([31, 32, 33, 34, 35, 36, 37, 90].every((c) => !plain.raw().includes(`\u001B[${c}m`)), 'no colour');
  assert.ok(plain.raw().includes('\u001B[1mError from server'), 'errors in bold');
  plain.unmount();
});
