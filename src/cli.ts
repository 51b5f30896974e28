// The composition root: turns argv into the interactive lab (`k8s-svc-lab`, `k8s-svc-lab sandbox`)
// or a script run (`k8s-svc-lab run`). The one place, with src/app and src/ui/main.tsx, that touches
// process, files and the host clock. The interactive lab's modules load only when it opens.
import { readFileSync } from 'node:fs';
import { parseClusterArgs, SYNOPSIS, USAGE } from './cli-args.js';
import { runScript } from './app/script.js';
import { realFiles } from './app/real-files.js';
import { readLesson, readLessons, type LessonEntry } from './app/lesson-files.js';
import { verifyLesson } from './app/lesson-check.js';
import { ProgressStore, type LessonProgress } from './app/progress.js';
import { userDataDir } from './app/user-data.js';
import type { Lesson } from './lessons/types.js';
import type * as UiMain from './ui/main.js';
import { GET_TABWRITER, tabwrite } from './shell/printers/tabwriter.js';

const VERSION = '0.1.0';

/** Reads the script of `run`: a file, or standard input for `-`. */
function readScript(file: string): string | { error: string } {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${file}: No such file or directory` : code === 'EISDIR' ? `${file}: Is a directory` : `${file}: cannot be read` };
  }
}

/** What the lab says when it cannot take over a terminal. */
export const NOT_A_TERMINAL = `k8s-svc-lab: the interactive lab needs a terminal: standard input and output must both be one.
Open it from a terminal window:  npx k8s-svc-lab
To run lab commands from a file or a pipe, use run:
  k8s-svc-lab run --echo demo.sh
  echo 'kubectl get nodes -o wide' | k8s-svc-lab run
`;

/** FORCE_COLOR=0 would also strip bold and inverse, which the no-colour theme relies on: ask for no colour instead. */
function noColourFix(env: Record<string, string | undefined>): void {
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') {
    delete env.FORCE_COLOR;
    env.NO_COLOR = '1';
  }
}

/** A lesson by id, or why it cannot be opened. */
function findLesson(id: string): Lesson | string {
  const entries = readLessons();
  const e = entries.find((x) => (x.parsed.ok ? x.parsed.lesson.id === id : x.file.endsWith(`${id}.yaml`)));
  if (!e) return `no lesson "${id}" (k8s-svc-lab lessons lists them)`;
  return e.parsed.ok ? e.parsed.lesson : `the lesson ${id} is broken:\n${e.parsed.errors.join('\n')}`;
}

/** The lessons with their state, as \`k8s-svc-lab lessons\` prints them. */
export function lessonList(entries: LessonEntry[], progress: Record<string, LessonProgress>): string {
  const rows = entries.map((e, i) => {
    if (!e.parsed.ok) return [String(i + 1), e.file.replace(/^.*\//, ''), '(broken: k8s-svc-lab check-lesson shows why)', ''];
    const l = e.parsed.lesson;
    const p = progress[l.id];
    const state = p?.done ? 'done' : p ? `step ${p.step + 1}/${l.steps.length}` : 'new';
    return [String(i + 1), l.id, l.title, state];
  });
  const table = [['#', 'ID', 'TITLE', 'PROGRESS'], ...rows].map((r) => r.join('\t')).join('\n');
  return `${tabwrite(`${table}\n`, GET_TABWRITER).replace(/ +$/gm, '')}Open one with k8s-svc-lab lesson ID, or the menu with k8s-svc-lab.\n`;
}

/** The streams the command line works with. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
  isTerminal: boolean;
  /** Standard output is a terminal (then `run` shows control characters instead of sending them). */
  outputIsTerminal?: boolean;
  env: Record<string, string | undefined>;
}

/**
 * The interactive lab's modules, loaded when it opens. React picks its production build from
 * NODE_ENV when it is first loaded (the bundle has it fixed at build time; from the sources,
 * `npm start`, it is set here unless the caller chose otherwise).
 */
function loadUi(): Promise<typeof UiMain> {
  const env = process.env;
  env.NODE_ENV ??= 'production';
  return import('./ui/main.js');
}

/** Runs the command line; returns (or resolves with) the exit status. */
export function main(argv: string[], io: Io): number | Promise<number> {
  const { out, err } = io;
  const parsed = parseClusterArgs(argv);
  switch (parsed.kind) {
    case 'help':
      out(USAGE);
      return 0;
    case 'version':
      out(`k8s-svc-lab ${VERSION}\n`);
      return 0;
    case 'error':
      err(`k8s-svc-lab: ${parsed.message}\n\n${SYNOPSIS}\nk8s-svc-lab --help shows every option, with examples.\n`);
      return 2;
    case 'run': {
      const text = readScript(parsed.file);
      if (typeof text !== 'string') {
        err(`k8s-svc-lab: ${text.error}\n`);
        return 2;
      }
      let lesson;
      if (parsed.lesson !== undefined) {
        const found = findLesson(parsed.lesson);
        if (typeof found === 'string') {
          err(`k8s-svc-lab: ${found}\n`);
          return 2;
        }
        lesson = found;
      }
      const r = runScript(text, { config: parsed.config, echo: parsed.echo, host: realFiles(process.cwd()), showControls: Boolean(io.outputIsTerminal), ...(lesson ? { lesson } : {}) });
      out(r.output);
      return r.status;
    }
    case 'lessons': {
      const progress = new ProgressStore(userDataDir(io.env)).load();
      out(lessonList(readLessons(), progress));
      return 0;
    }
    case 'check-lesson': {
      const parsedLesson = readLesson(parsed.file);
      if (!parsedLesson.ok) {
        err(`${parsedLesson.errors.join('\n')}\n`);
        return 1;
      }
      const report = verifyLesson(parsedLesson.lesson);
      out(`${parsedLesson.lesson.id}: ${parsedLesson.lesson.title}\n${report.lines.map((l) => `  ${l}\n`).join('')}`);
      if (!report.ok) err(`${report.problems.join('\n')}\n`);
      return report.ok ? 0 : 1;
    }
    case 'menu':
    case 'lesson': {
      if (!io.isTerminal) {
        err(NOT_A_TERMINAL);
        return 1;
      }
      if (parsed.kind === 'lesson') {
        const found = findLesson(parsed.id);
        if (typeof found === 'string') {
          err(`k8s-svc-lab: ${found}\n`);
          return 2;
        }
      }
      noColourFix(io.env);
      return loadUi().then((m) => m.runLessons(io.env, parsed.kind === 'lesson' ? parsed.id : undefined));
    }
    case 'lab': {
      if (!io.isTerminal) {
        err(NOT_A_TERMINAL);
        return 1;
      }
      noColourFix(io.env);
      return loadUi().then((m) => m.runInteractive(parsed.config, io.env, parsed.preset));
    }
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

const status = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTerminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  outputIsTerminal: Boolean(process.stdout.isTTY),
  env: process.env,
});
if (typeof status === 'number') process.exitCode = status;
else void status.then((s) => { process.exitCode = s; });
