// Verifying a lesson the way its author and the test suite do: at each step's start every check
// fails with a reason, each wrong attempt leaves a check failing for the stated reason, the
// reference solution passes the step, and the lesson completes. Returns a report, line by line.
import type { Lesson } from '../lessons/types.js';
import { LessonRun } from './lesson-run.js';

/** What verifying a lesson found. */
export interface LessonReport {
  ok: boolean;
  lines: string[];
  problems: string[];
}

export function verifyLesson(lesson: Lesson): LessonReport {
  const lines: string[] = [];
  const problems: string[] = [];
  const where = (line: number): string => `${lesson.file}:${line}`;
  const run = new LessonRun(lesson);
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i]!;
    if (run.step !== i) {
      problems.push(`${where(step.line)}: step ${i + 1} was never reached`);
      break;
    }
    run.evaluate().forEach((r, j) => {
      const c = step.checks[j]!;
      if (r.pass) problems.push(`${where(c.line)}: check ${c.check} already passes at the start of step ${i + 1}`);
      else if (!r.reason) problems.push(`${where(c.line)}: check ${c.check} fails without a reason`);
    });
    for (const w of step.wrong) {
      run.runAsTyped(w.commands);
      const reasons = run.evaluate().filter((r) => !r.pass).map((r) => r.reason);
      if (run.step !== i) problems.push(`${where(w.line)}: this wrong attempt passes step ${i + 1}`);
      else if (!reasons.some((r) => new RegExp(w.reason).test(r))) problems.push(`${where(w.line)}: this wrong attempt should fail with /${w.reason}/, but the reasons were: ${reasons.join(' | ') || '(none)'}`);
      run.reset();
    }
    run.solveQuietly();
    if (run.step === i && !run.done) problems.push(`${where(step.line)}: the solution of step ${i + 1} does not pass: ${run.results.filter((r) => !r.pass).map((r) => r.reason).join(' | ')}`);
    else lines.push(`step ${i + 1} ✓ ${step.goal}${step.wrong.length ? ` (${step.wrong.length} wrong attempt${step.wrong.length === 1 ? '' : 's'} refused)` : ''}`);
  }
  if (!run.done && !problems.length) problems.push(`${lesson.file}: the lesson does not complete`);
  return { ok: problems.length === 0, lines, problems };
}
