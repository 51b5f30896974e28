// The screen's arrangement for each terminal size, the themes NO_COLOR / FORCE_COLOR pick, and the
// one key table the help is printed from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLayout, visiblePanes } from '../../src/ui/layout.js';
import { COLOUR_THEME, PLAIN_THEME, themeFor, type Token } from '../../src/ui/theme.js';
import { KEY_COMMANDS, KEY_SCOPE_TITLES } from '../../src/ui/keys.js';
import { helpLines } from '../../src/ui/HelpOverlay.js';

test('80×24: the terminal with pods and services above it; every row and column used', () => {
  const l = computeLayout(80, 24);
  assert.equal(l.kind, 'small');
  if (l.kind !== 'small') return;
  assert.deepEqual(visiblePanes(l), ['pods', 'services', 'terminal']);
  assert.equal(l.pods.width + l.services.width, 80);
  assert.equal(l.pods.height + l.terminal.height, 23, 'the header takes one row');
  assert.ok(l.terminal.height >= 8);
});

test('120×30 and larger: every pane, the NAT table and log on the right, the terminal below', () => {
  for (const [c, r] of [[120, 30], [200, 60]] as const) {
    const l = computeLayout(c, r);
    assert.equal(l.kind, 'large');
    if (l.kind !== 'large') return;
    assert.deepEqual(visiblePanes(l), ['pods', 'services', 'nat', 'log', 'terminal']);
    assert.equal(l.pods.width + l.nat.width, c);
    assert.equal(l.pods.height + l.services.height, l.nat.height + l.log.height);
    assert.equal(l.pods.height + l.services.height + l.terminal.height, r - 1);
    assert.ok(l.nat.width >= l.pods.width, 'rules are long: the NAT table gets at least half');
  }
});

test('a zoomed pane takes the body; a lesson takes a left column when there is room; too small says so', () => {
  const z = computeLayout(100, 30, { zoom: 'nat' });
  assert.deepEqual(z, { kind: 'zoom', pane: 'nat', rect: { width: 100, height: 29 } });
  const withLesson = computeLayout(160, 40, { lessonWidth: 40 });
  assert.equal(withLesson.kind, 'large', '120 columns remain beside the lesson: every pane still fits');
  assert.equal(computeLayout(150, 40, { lessonWidth: 40 }).kind, 'small', '110 columns remain: the small arrangement');
  assert.deepEqual('lesson' in withLesson ? withLesson.lesson : undefined, { width: 40, height: 39 });
  assert.equal(computeLayout(90, 24, { lessonWidth: 40 }).kind, 'small');
  assert.equal('lesson' in computeLayout(90, 24, { lessonWidth: 40 }), false, 'no room for a lesson column beside 60 columns of lab');
  assert.deepEqual(computeLayout(59, 24), { kind: 'too-small', columns: 59, rows: 24 });
  assert.deepEqual(computeLayout(80, 14), { kind: 'too-small', columns: 80, rows: 14 });
});

test('NO_COLOR and FORCE_COLOR pick the theme; the plain theme marks every meaningful token without colour', () => {
  assert.equal(themeFor({}, true), COLOUR_THEME);
  assert.equal(themeFor({}, false), PLAIN_THEME);
  assert.equal(themeFor({ NO_COLOR: '1' }, true), PLAIN_THEME);
  assert.equal(themeFor({ NO_COLOR: '' }, true), COLOUR_THEME, 'an empty NO_COLOR is unset (no-color.org)');
  assert.equal(themeFor({ FORCE_COLOR: '0' }, true), PLAIN_THEME);
  assert.equal(themeFor({ FORCE_COLOR: '1' }, false), COLOUR_THEME);
  const tokens: Token[] = ['text', 'muted', 'heading', 'accent', 'focus', 'border', 'added', 'removed', 'traced', 'error', 'warning', 'hint', 'ready', 'pending', 'failed'];
  for (const t of tokens) assert.equal(PLAIN_THEME.style(t).color, undefined, `${t} has no colour in the plain theme`);
  for (const t of ['added', 'removed', 'traced'] as const) {
    assert.notEqual(PLAIN_THEME.marker(t), '', `${t} carries a marker`);
    assert.equal(COLOUR_THEME.marker(t), PLAIN_THEME.marker(t), 'the colour theme marks them too: never colour alone');
  }
  const distinct = new Set(['added', 'removed', 'traced', 'error', 'focus'].map((t) => JSON.stringify(PLAIN_THEME.style(t as Token)) + PLAIN_THEME.marker(t as Token)));
  assert.equal(distinct.size, 5, 'added, removed, traced, errors and focus look different without colour');
});

test('the key table: unique ids, every scope titled, the help lists every key once', () => {
  const ids = KEY_COMMANDS.map((k) => k.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const k of KEY_COMMANDS) assert.ok(KEY_SCOPE_TITLES.some(([s]) => s === k.scope), k.id);
  const help = helpLines().map((l) => l.text).join('\n');
  for (const k of KEY_COMMANDS) assert.ok(help.includes(k.description), k.id);
  const noKey = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
  const quit = KEY_COMMANDS.find((k) => k.id === 'quit')!;
  assert.ok(quit.match('c', { ...noKey, ctrl: true }));
  assert.ok(!quit.match('c', noKey));
});

test('the README lists every key the key table has', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const k of KEY_COMMANDS) assert.ok(readme.includes(`| \`${k.keys}\` | ${k.description} |`), `${k.id} is in the README`);
});
