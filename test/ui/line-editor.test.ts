// The prompt's line editing, key by key, as readline does it in bash: `|` in a line marks the cursor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import { EMPTY_LINE, candidateColumns, editAction, editLine, longestCommonPrefix, promptView, type LineAction, type LineState } from '../../src/ui/prompt/line-editor.js';

/** A line from `text|more` (the bar is the cursor). */
function line(marked: string): LineState {
  const cursor = marked.indexOf('|');
  return { ...EMPTY_LINE, text: marked.replace('|', ''), cursor };
}

function show(s: LineState): string {
  return `${s.text.slice(0, s.cursor)}|${s.text.slice(s.cursor)}`;
}

const cases: [string, LineAction, string][] = [
  ['kube|ctl', { type: 'insert', text: 'X' }, 'kubeX|ctl'],
  ['|', { type: 'insert', text: 'kubectl get' }, 'kubectl get|'],
  ['kube|ctl', { type: 'backspace' }, 'kub|ctl'],
  ['|kubectl', { type: 'backspace' }, '|kubectl'],
  ['a😀|b', { type: 'backspace' }, 'a|b'],
  ['kube|ctl', { type: 'delete' }, 'kube|tl'],
  ['kubectl|', { type: 'delete' }, 'kubectl|'],
  ['kube|ctl', { type: 'left' }, 'kub|ectl'],
  ['|kubectl', { type: 'left' }, '|kubectl'],
  ['a😀|b', { type: 'left' }, 'a|😀b'],
  ['kube|ctl', { type: 'right' }, 'kubec|tl'],
  ['a|😀b', { type: 'right' }, 'a😀|b'],
  ['kubectl|', { type: 'right' }, 'kubectl|'],
  ['kube|ctl', { type: 'home' }, '|kubectl'],
  ['kube|ctl', { type: 'end' }, 'kubectl|'],
  ['kubectl get| pods', { type: 'kill-line' }, '| pods'],
  ['kubectl get pods|', { type: 'kill-word' }, 'kubectl get |'],
  ['kubectl get pods  |', { type: 'kill-word' }, 'kubectl get |'],
  ['kubectl get -n=kube-system|', { type: 'kill-word' }, 'kubectl get |'],
  ['kubectl ge|t pods', { type: 'kill-word' }, 'kubectl |t pods'],
  ['|kubectl', { type: 'kill-word' }, '|kubectl'],
  ['kubectl get| pods', { type: 'kill-to-end' }, 'kubectl get|'],
  ['kubectl get| pods', { type: 'clear' }, '|'],
  ['kubectl g|', { type: 'complete', from: 8, candidates: ['get'] }, 'kubectl get |'],
  ['kubectl g| pods', { type: 'complete', from: 8, candidates: ['get'] }, 'kubectl get |pods'],
  ['cat /e|', { type: 'complete', from: 4, candidates: ['/etc/'] }, 'cat /etc/|'],
  ['kubectl get po|', { type: 'complete', from: 12, candidates: ['po', 'pod', 'pods'] }, 'kubectl get po|'],
  ['kubectl d|', { type: 'complete', from: 8, candidates: ['delete', 'describe'] }, 'kubectl de|'],
  ['kubectl x|', { type: 'complete', from: 8, candidates: [] }, 'kubectl x|'],
  ['cat "we|', { type: 'complete', from: 4, candidates: ['web.yaml', 'web2.yaml'] }, 'cat web|'],
];

for (const [before, action, after] of cases) {
  test(`${action.type}${'text' in action ? ` ${action.text}` : ''}: ${before} → ${after}`, () => {
    assert.equal(show(editLine(line(before), action)), after);
  });
}

test('history: Up walks back, Down returns to the unfinished line, as bash keeps it', () => {
  const history = ['ls', 'kubectl get pods', 'pwd'];
  const prev: LineAction = { type: 'history-prev', history };
  const next: LineAction = { type: 'history-next', history };
  let s = line('kubectl des|');
  s = editLine(s, prev);
  assert.deepEqual([s.text, s.cursor, s.historyIndex], ['pwd', 3, 2]);
  s = editLine(editLine(s, prev), prev);
  assert.equal(s.text, 'ls');
  assert.equal(editLine(s, prev), s, 'Up at the oldest entry stays');
  s = editLine(s, next);
  assert.equal(s.text, 'kubectl get pods');
  s = editLine(editLine(s, next), next);
  assert.deepEqual([s.text, s.cursor, s.historyIndex], ['kubectl des', 11, undefined]);
  assert.equal(editLine(s, next), s, 'Down on the line being typed stays');
  assert.equal(editLine(line('x|'), { type: 'history-prev', history: [] }).text, 'x');
});

test('longest common prefix', () => {
  assert.equal(longestCommonPrefix(['delete', 'describe']), 'de');
  assert.equal(longestCommonPrefix(['pods']), 'pods');
  assert.equal(longestCommonPrefix(['a', 'b']), '');
  assert.equal(longestCommonPrefix([]), '');
});

const KEY: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };

test('the editing keys: Ctrl+A/E, Home/End, Ctrl+U, Ctrl+W, Backspace, Delete, arrows', () => {
  const cases: [string, Partial<Key>, LineAction['type'] | undefined][] = [
    ['a', { ctrl: true }, 'home'], ['', { home: true }, 'home'], ['e', { ctrl: true }, 'end'], ['', { end: true }, 'end'],
    ['u', { ctrl: true }, 'kill-line'], ['w', { ctrl: true }, 'kill-word'], ['', { backspace: true }, 'backspace'],
    ['', { delete: true }, 'delete'], ['', { leftArrow: true }, 'left'], ['', { rightArrow: true }, 'right'],
    ['a', {}, undefined], ['', { upArrow: true }, undefined], ['', { tab: true }, undefined],
  ];
  for (const [input, key, type] of cases) assert.equal(editAction(input, { ...KEY, ...key })?.type, type, `${input} ${JSON.stringify(key)}`);
});

test('the prompt row: the text around the cursor, cut with …', () => {
  assert.deepEqual(promptView('kubectl', 7, 20), { before: 'kubectl', at: ' ', after: '' });
  assert.deepEqual(promptView('kubectl', 3, 20), { before: 'kub', at: 'e', after: 'ctl' });
  assert.deepEqual(promptView('abcdefghij', 10, 5), { before: '…hij', at: ' ', after: '' });
  assert.deepEqual(promptView('abcdefghij', 0, 5), { before: '', at: 'a', after: 'bcd…' });
  assert.deepEqual(promptView('a\tb', 1, 10), { before: 'a', at: ' ', after: 'b' });
});

test('candidates in columns, down then across, as readline lists them', () => {
  assert.deepEqual(candidateColumns(['delete', 'describe', 'diff', 'drain', 'debug'], 30), ['delete    diff      debug', 'describe  drain']);
  assert.deepEqual(candidateColumns(['a', 'b'], 1), ['a', 'b']);
  assert.deepEqual(candidateColumns([], 80), []);
});
