// Lesson progress in the user data directory (progress.json): per lesson the current step, whether
// it is done and the hints used. Each save takes the file's lock, re-reads it and changes only its
// own lesson's entry, then replaces it atomically (safe-write.ts), so two labs running at once
// never leave a half-written or mixed-up file nor lose each other's lessons. A file that cannot be
// read, or was written by a newer lab, is set aside (renamed) with a message — never a crash,
// never silently lost.
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressSink } from './lesson-run.js';
import { withLock, writeFileAtomic } from './safe-write.js';

export const PROGRESS_FORMAT = 1;

/** One lesson's progress. */
export interface LessonProgress {
  step: number;
  done: boolean;
  hints: number;
}

/** What the file holds. */
export interface ProgressFile {
  format: number;
  lessons: Record<string, LessonProgress>;
}

/** The progress store of a data directory. */
export class ProgressStore implements ProgressSink {
  readonly file: string;
  /** What happened to an unreadable file, for the UI to say once. */
  notice: string | undefined;

  constructor(dir: string, private readonly now: () => number = Date.now) {
    this.file = join(dir, 'progress.json');
  }

  /** Every lesson's progress (empty when there is no file yet). */
  load(): Record<string, LessonProgress> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return {};
    }
    const parsed = parse(text);
    if (parsed) return parsed.lessons;
    const newer = formatOf(text) > PROGRESS_FORMAT;
    const aside = `${this.file}.${newer ? 'newer' : 'unreadable'}-${this.now()}`;
    try {
      renameSync(this.file, aside);
      this.notice = newer
        ? `Your lesson progress file was written by a newer k8s-svc-lab; it was kept as ${aside} and progress starts afresh here.`
        : `Your lesson progress file could not be read (it may be damaged); it was kept as ${aside} and progress starts afresh.`;
    } catch {
      this.notice = `Your lesson progress file ${this.file} could not be read; progress is not saved this time.`;
    }
    return {};
  }

  save(lessonId: string, p: LessonProgress): void {
    try {
      withLock(this.file, () => {
        const current = this.load();
        const before = current[lessonId];
        // A lesson once done stays done, whatever another lab process writes later.
        current[lessonId] = { step: p.step, done: p.done || Boolean(before?.done), hints: p.hints };
        writeFileAtomic(this.file, `${JSON.stringify({ format: PROGRESS_FORMAT, lessons: current } satisfies ProgressFile, null, 2)}\n`);
      });
    } catch {
      // A read-only home: the lab goes on without saving.
    }
  }
}

/** The format number a progress file declares (0 when it declares none or cannot be read). */
function formatOf(text: string): number {
  try {
    const f = (JSON.parse(text) as { format?: unknown } | null)?.format;
    return typeof f === 'number' ? f : 0;
  } catch {
    return 0;
  }
}

function parse(text: string): ProgressFile | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object') return undefined;
    const f = v as Partial<ProgressFile>;
    if (f.format !== PROGRESS_FORMAT || !f.lessons || typeof f.lessons !== 'object') return undefined;
    for (const p of Object.values(f.lessons)) if (!p || typeof p.step !== 'number' || typeof p.done !== 'boolean') return undefined;
    return f as ProgressFile;
  } catch {
    return undefined;
  }
}
