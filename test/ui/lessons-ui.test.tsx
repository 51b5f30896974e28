// The lesson menu and the lesson column in ink-testing-library: each lesson's state, the selection
// on where the learner left off, a broken file shown as broken, opening a lesson, its column's live
// checks and hints, and `lessons` leading back to the menu with the progress saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import { Root, type RootDeps } from '../../src/ui/Root.js';
import { startIndex } from '../../src/ui/Menu.js';
import { LessonPane, reflow } from '../../src/ui/LessonPane.js';
import { LessonRun } from '../../src/app/lesson-run.js';
import { parseLesson } from '../../src/lessons/parse.js';
import type { LessonEntry } from '../../src/app/lesson-files.js';
import type { LessonProgress } from '../../src/app/progress.js';
import { memoryHistory } from '../../src/app/user-data.js';

const TINY = readFileSync(new URL('../lessons/fixtures/tiny.yaml', import.meta.url), 'utf8');
const tick = (ms = 40): Promise<void> => new Promise((r) => setTimeout(r, ms));

function deps(progress: Record<string, LessonProgress> = {}): RootDeps & { saved: Record<string, LessonProgress> } {
  const saved: Record<string, LessonProgress> = { ...progress };
  const entries: LessonEntry[] = [
    { file: '01-tiny.yaml', parsed: parseLesson(TINY, '01-tiny.yaml') },
    { file: '02-other.yaml', parsed: parseLesson(TINY.replace('id: tiny', 'id: other').replace('title: A tiny lesson', 'title: Another lesson'), '02-other.yaml') },
    { file: '03-broken.yaml', parsed: parseLesson('id: [', '03-broken.yaml') },
  ];
  return {
    entries, saved, history: memoryHistory(), host: {}, onSuspendReady: () => {},
    progress: { load: () => ({ ...saved }), save: (id, p) => void (saved[id] = p), notice: undefined },
  };
}

test('the menu: states, the selection where the learner left off, a broken lesson, the sandbox', async () => {
  const d = deps({ tiny: { step: 1, done: true, hints: 0 }, other: { step: 1, done: false, hints: 2 } });
  assert.equal(startIndex(d.entries, d.saved), 1, 'the lesson in progress');
  assert.equal(startIndex(d.entries, {}), 0);
  const r = render(<Root deps={d} size={{ columns: 100, rows: 30 }} />);
  await tick();
  const f = r.lastFrame() ?? '';
  assert.match(f, / {2}1 {2}✓ {2}A tiny lesson {2}\(done\)/);
  assert.match(f, /› {2}2 {2}… {2}Another lesson {2}\(step 2\/2\)/);
  assert.match(f, / {2}3 {2}! {2}03-broken\.yaml is broken \(k8s-svc-lab check-lesson shows why\)/);
  assert.match(f, /4 {5}Sandbox: the same lab, no lesson/);
  r.unmount();
});

test('a first run opens on the welcome; any key leads to the menu with lesson 1 chosen, and the welcome is remembered', async () => {
  let welcomed = 0;
  const d = { ...deps(), firstRun: true, welcomed: () => void welcomed++ };
  const r = render(<Root deps={d} size={{ columns: 110, rows: 30 }} />);
  await tick();
  const f = r.lastFrame() ?? '';
  assert.match(f, /Welcome to k8s-svc-lab/);
  assert.match(f, /How to move/);
  assert.match(f, /\? +every key, at any time/);
  assert.match(f, /Press any key for the lessons\./);
  assert.doesNotMatch(f, /Sandbox: the same lab/);
  r.stdin.write(' ');
  await tick();
  assert.match(r.lastFrame() ?? '', /› {2}1 {5}A tiny lesson/);
  assert.equal(welcomed, 1);
  r.unmount();
  const again = render(<Root deps={{ ...deps(), firstRun: false }} size={{ columns: 110, rows: 30 }} />);
  await tick();
  assert.doesNotMatch(again.lastFrame() ?? '', /Welcome/);
  again.unmount();
});

test('opening a lesson from the menu: its column shows the goal and live checks; hint and lessons work', async () => {
  const d = deps();
  const r = render(<Root deps={d} size={{ columns: 150, rows: 40 }} />);
  await tick();
  r.stdin.write('\r');
  await tick(200);
  let f = r.lastFrame() ?? '';
  assert.match(f, /k8s-svc-lab · A tiny lesson · step 1\/2/);
  assert.match(f, /│ A tiny lesson/);
  assert.match(f, /✗ there is no Service named web yet/);
  for (const c of 'hint') r.stdin.write(c);
  r.stdin.write('\r');
  await tick(100);
  f = r.lastFrame() ?? '';
  assert.match(f, /hint 1: kubectl expose makes a/);
  for (const c of 'kubectl expose deployment web --port 80') r.stdin.write(c);
  r.stdin.write('\r');
  await tick(200);
  assert.match(r.lastFrame() ?? '', /step 2\/2/);
  assert.deepEqual(d.saved.tiny, { step: 1, done: false, hints: 0 });
  for (const c of 'lessons') r.stdin.write(c);
  r.stdin.write('\r');
  await tick(200);
  assert.match(r.lastFrame() ?? '', /› {2}1 {2}… {2}A tiny lesson {2}\(step 2\/2\)/);
  r.unmount();
});

test('reflowed to a width, lines break between words and never start with the space they broke at', () => {
  assert.equal(reflow('so you can always tell who answered', 12), 'so you can\nalways tell\nwho answered');
  assert.equal(reflow('a reallyreallylongword here', 6), 'a\nreallyreallylongword\nhere');
  assert.equal(reflow('Type:\n  kubectl get endpoints web -o wide --show-labels', 10), 'Type:\n  kubectl get endpoints web -o wide --show-labels', 'commands are not broken');
});

test('paragraphs written with hard line breaks are reflowed; indented commands keep their lines', () => {
  assert.equal(reflow('A Service is\na stable door.\n\nType:\n  kubectl get svc\n  kubectl get ep\nThen look.'), 'A Service is a stable door.\n\nType:\n  kubectl get svc\n  kubectl get ep\nThen look.');
});

test('at 80×24 the lesson is a strip above the lab: the goal and what is missing', async () => {
  const d = deps();
  const r = render(<Root deps={d} lessonId="tiny" size={{ columns: 80, rows: 24 }} />);
  await tick(200);
  const f = r.lastFrame() ?? '';
  assert.match(f, /│ A tiny lesson · step 1 of 2/);
  assert.match(f, /✗ there is no Service named web yet/);
  assert.match(f, /1 Pods[\s\S]*2 Services[\s\S]*5 terminal/);
  r.unmount();
});

test('the sandbox from the menu: reset starts a fresh cluster, preset NAME another start, a wrong name lists them', async () => {
  const d = deps();
  const r = render(<Root deps={d} size={{ columns: 120, rows: 40 }} />);
  await tick();
  r.stdin.write('s');
  await tick(200);
  const type = async (line: string): Promise<void> => {
    for (const c of line) r.stdin.write(c);
    r.stdin.write('\r');
    await tick(200);
  };
  await type('kubectl create deployment extra --image=nginx');
  assert.match(r.lastFrame() ?? '', /deployment\.apps\/extra created/);
  await type('reset');
  assert.doesNotMatch(r.lastFrame() ?? '', /deployment\.apps\/extra created/, 'a fresh session');
  await type('kubectl get deploy');
  assert.match(r.lastFrame() ?? '', /No resources found in default namespace\./);
  await type('preset nope');
  assert.match(r.lastFrame() ?? '', /preset: choose one of/);
  await type('preset db');
  assert.match(r.lastFrame() ?? '', /k8s-svc-lab · sandbox · db/);
  await type('kubectl get svc db --no-headers | wc -l');
  assert.match(r.lastFrame() ?? '', /wc -l\s*│\s*\n│1 /);
  r.unmount();
});

test('a column too short for the introduction cuts the introduction, never the title, the goal or the checks', async () => {
  const p = parseLesson(TINY, 'tiny.yaml');
  assert.ok(p.ok);
  if (!p.ok) return;
  const lesson = { ...p.lesson, intro: Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of a long introduction.`).join('\n\n') };
  const run = new LessonRun(lesson);
  const r = render(<LessonPane view={run.view()} width={40} height={22} version={0} />);
  await tick();
  const rows = (r.lastFrame() ?? '').split('\n').map((l) => l.replace(/^[│╭╰]\s?|\s*[│╮╯]$/g, '').trim());
  assert.equal(rows[1], 'A tiny lesson', 'the title keeps its row');
  assert.equal(rows[2], 'step 1 of 2');
  assert.equal(rows[3], 'Paragraph 1 of a long introduction.');
  const goal = rows.findIndex((l) => l.startsWith('Expose the web Deployment'));
  assert.ok(goal > 3, rows.join('\n'));
  assert.ok(rows.slice(goal).some((l) => l.startsWith('✗ ')), 'a failing check is shown with its reason');
  assert.match(rows.at(-2) ?? '', /^hint · check/);
  r.unmount();
});
