// Lesson progress on disk: it survives a restart, two labs saving at once never corrupt the file or
// lose each other's lessons, and a damaged or newer-format file is set aside with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileHistory } from '../../src/app/user-data.js';
import { ProgressStore } from '../../src/app/progress.js';

function withDir(fn: (dir: string) => void | Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-progress-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('progress survives a restart, and a lesson once done stays done', withDir((dir) => {
  new ProgressStore(dir).save('first-clusterip', { step: 1, done: false, hints: 2 });
  new ProgressStore(dir).save('pods-are-mortal', { step: 2, done: true, hints: 0 });
  assert.deepEqual(new ProgressStore(dir).load(), { 'first-clusterip': { step: 1, done: false, hints: 2 }, 'pods-are-mortal': { step: 2, done: true, hints: 0 } });
  new ProgressStore(dir).save('pods-are-mortal', { step: 0, done: false, hints: 0 });
  assert.equal(new ProgressStore(dir).load()['pods-are-mortal']?.done, true);
  assert.deepEqual(readdirSync(dir), ['progress.json'], 'no temporary files left behind');
}));

test('a damaged file, or one from a newer lab, is set aside with a message and progress starts afresh', withDir((dir) => {
  for (const bad of ['{"format": 1, "lessons": {"x": {"step": "two"}}', '{"format": 2, "lessons": {}}', '\u0000garbage']) {
    writeFileSync(join(dir, 'progress.json'), bad);
    const store = new ProgressStore(dir, () => 42);
    assert.deepEqual(store.load(), {});
    const kept = bad.includes('"format": 2') ? 'newer' : 'unreadable';
    assert.match(store.notice ?? '', kept === 'newer' ? /written by a newer k8s-svc-lab; it was kept as .*progress\.json\.newer-42/ : /could not be read \(it may be damaged\); it was kept as .*progress\.json\.unreadable-42/);
    assert.equal(readFileSync(join(dir, `progress.json.${kept}-42`), 'utf8'), bad);
    rmSync(join(dir, `progress.json.${kept}-42`));
    assert.equal(existsSync(join(dir, 'progress.json')), false);
  }
}));

test('two lab processes saving at once: the file stays valid and keeps both lessons', withDir(async (dir) => {
  const script = (id: string): string => `import { ProgressStore } from ${JSON.stringify(new URL('../../src/app/progress.ts', import.meta.url).pathname)};
const s = new ProgressStore(${JSON.stringify(dir)});
for (let i = 0; i < 150; i++) s.save(${JSON.stringify(id)} + (i % 3), { step: i, done: i === 149, hints: 0 });`;
  const run = (id: string): Promise<number> => new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(id)], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
  const progress = new ProgressStore(dir).load();
  assert.equal(new ProgressStore(dir).notice, undefined, 'never a damaged file');
  assert.deepEqual(Object.keys(progress).sort(), ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'], 'each lab takes the lock in turn: no lesson is lost');
  assert.equal(progress.a2?.done && progress.b2?.done, true);
  assert.deepEqual(readdirSync(dir), ['progress.json'], 'no lock or temporary file left');
}));

test('the progress and history files are private to the user', withDir((dir) => {
  const home = join(dir, 'home');
  new ProgressStore(home).save('x', { step: 1, done: false, hints: 0 });
  fileHistory(home).append('kubectl get pods');
  assert.equal(statSync(home).mode & 0o777, 0o700);
  assert.equal(statSync(join(home, 'progress.json')).mode & 0o777, 0o600);
  assert.equal(statSync(join(home, 'history')).mode & 0o777, 0o600);
}));

test('a lab killed while saving never leaves a damaged file: 40 kills at random moments', withDir(async (dir) => {
  const lesson = 'x'.repeat(2000);
  const script = `import { ProgressStore } from ${JSON.stringify(new URL('../../src/app/progress.ts', import.meta.url).pathname)};
const s = new ProgressStore(${JSON.stringify(dir)});
process.stdout.write('ready\\n');
for (let i = 0; ; i++) s.save(${JSON.stringify(lesson)} + (i % 50), { step: i, done: false, hints: i });`;
  let kills = 0;
  for (let round = 0; round < 40; round++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 20 + ((round * 37) % 90)));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    kills++;
    const store = new ProgressStore(dir);
    const p = store.load();
    assert.equal(store.notice, undefined, `after kill ${kills} the file reads back`);
    assert.ok(Object.keys(p).length > 0, 'something was saved');
  }
  new ProgressStore(dir).save('after', { step: 0, done: false, hints: 0 });
  assert.deepEqual(readdirSync(dir), ['progress.json'], 'temporary files and locks of killed labs are cleaned up');
}));
