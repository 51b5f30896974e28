// The lessons that ship with the lab (the lessons/ directory beside the program, whether it runs
// from the sources or from the bundle), read and parsed; a file that does not parse is listed with
// its errors so the menu can show it as broken, never stopping the lab.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson, type ParsedLesson } from '../lessons/parse.js';

/** A lesson file and what it parsed into. */
export interface LessonEntry {
  file: string;
  parsed: ParsedLesson;
}

/** The lessons directory: $K8S_SVC_LAB_LESSONS, or the package's lessons/ (the one with FORMAT.md) next to src/ or dist/. */
export function lessonsDir(env: Record<string, string | undefined> = process.env): string {
  if (env.K8S_SVC_LAB_LESSONS) return env.K8S_SVC_LAB_LESSONS;
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/cli.js sits one level below the package, src/app/*.ts two; src/lessons is the engine, not the lessons.
  for (const up of ['..', '../..']) {
    const dir = join(here, up, 'lessons');
    if (existsSync(join(dir, 'FORMAT.md'))) return dir;
  }
  return join(here, '..', 'lessons');
}

/** Reads and parses one lesson file. */
export function readLesson(file: string): ParsedLesson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`${file}:1: cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  return parseLesson(text, file);
}

/** Every lesson file of a directory, in file-name order. */
export function readLessons(dir: string = lessonsDir()): LessonEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ file: join(dir, n), parsed: readLesson(join(dir, n)) }));
}
