// Every lesson file, played by the book: it loads and validates; at each step's start every check
// fails with a reason; each plausible wrong attempt leaves a check failing with the expected reason;
// the reference solution passes the step; the whole lesson completes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLessons } from '../../src/app/lesson-files.js';
import { verifyLesson } from '../../src/app/lesson-check.js';

const entries = readLessons();

test('every lesson file loads, ids are unique', () => {
  const broken = entries.filter((e) => !e.parsed.ok).flatMap((e) => (e.parsed.ok ? [] : e.parsed.errors));
  assert.deepEqual(broken, []);
  const ids = entries.flatMap((e) => (e.parsed.ok ? [e.parsed.lesson.id] : []));
  assert.equal(new Set(ids).size, ids.length);
});

for (const e of entries) {
  if (!e.parsed.ok) continue;
  const lesson = e.parsed.lesson;
  test(`lesson ${lesson.id}: checks fail at each step's start, wrong attempts fail for the stated reason, solutions pass`, () => {
    const report = verifyLesson(lesson);
    assert.deepEqual(report.problems, []);
    assert.equal(report.lines.length, lesson.steps.length);
  });
}
