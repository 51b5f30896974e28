// A lesson being played: its cluster prepared (options, setup commands, the learner's files), the
// current step's checks evaluated after every command with their reasons, hints one at a time, the
// reference solution on request, undo (the cluster before the last command) and reset (the step's or
// the lesson's start) — snapshots are cheap because the simulation is a value — and progress saved.
import { listStored } from '../sim/api-server/store.js';
import type { Pod } from '../sim/types.js';
import { runCheck, type CheckContext } from '../lessons/checks.js';
import type { CheckResult, Lesson, Step } from '../lessons/types.js';
import type { OutLine, ShellHost } from '../shell/types.js';
import { Session, type SessionSnapshot } from './session.js';
import type { HistoryStore } from './user-data.js';

/** How many commands `undo` can take back. */
export const UNDO_LIMIT = 20;

/** The lesson words the prompt answers itself, instead of the shell. */
export const LESSON_COMMANDS = ['hint', 'solution', 'check', 'reset', 'undo', 'next', 'lessons'] as const;

/** Where a lesson run reports progress. */
export interface ProgressSink {
  save(lessonId: string, p: { step: number; done: boolean; hints: number }): void;
}

/** What the lesson pane shows. */
export interface LessonView {
  lesson: Lesson;
  step: number;
  done: boolean;
  results: CheckResult[];
  hintsShown: number;
  /** The explanation of the step just finished (until the next one is under way). */
  explained?: string;
}

/** One lesson in play. */
export class LessonRun {
  readonly session: Session;
  step = 0;
  done = false;
  hintsShown = 0;
  results: CheckResult[] = [];
  explained: string | undefined;
  /** A command typed after `next`/`lessons` that the UI must act on. */
  request: 'next' | 'lessons' | undefined;
  private lessonStart: SessionSnapshot;
  private stepStart!: SessionSnapshot;
  private startPods: { key: string; labels: Record<string, string> }[] = [];
  private evaluating = false;
  private commands: { command: string; status: number }[] = [];
  private undoStack: SessionSnapshot[] = [];
  private solutionAsked = false;

  constructor(readonly lesson: Lesson, private readonly opts: { host?: ShellHost; history?: HistoryStore; progress?: ProgressSink; startStep?: number } = {}) {
    this.session = new Session({ config: lesson.cluster, ...(opts.host ? { host: opts.host } : {}), ...(opts.history ? { history: opts.history } : {}) });
    this.evaluating = true;
    const home = (this.session.shell.files['node/controlplane'] ??= {});
    for (const [name, text] of Object.entries(lesson.files)) home[`/root/${name}`] = { type: 'file', content: text };
    for (const cmd of lesson.setup) this.session.runQuietly(cmd);
    this.lessonStart = this.session.snapshot();
    this.beginStep();
    const skip = Math.min(opts.startStep ?? 0, lesson.steps.length - 1);
    for (let i = 0; i < skip; i++) this.solveQuietly();
    this.session.onCommand((c) => this.afterCommand(c.command, c.status));
    // A step can come true with time alone (pods starting): the clock's changes are checked too.
    this.session.subscribe(() => this.afterChange());
    this.evaluate();
    this.evaluating = false;
  }

  private afterChange(): void {
    if (this.evaluating || this.done || this.session.continuation) return;
    this.busy(() => {
      this.evaluate();
      if (this.results.length && this.results.every((r) => r.pass)) this.finishStep();
    });
  }

  /** Runs the lesson's own work without the clock watcher stepping in (its notes change the session too). */
  private busy<T>(fn: () => T): T {
    const was = this.evaluating;
    this.evaluating = true;
    try {
      return fn();
    } finally {
      this.evaluating = was;
    }
  }

  /** The current step. */
  get current(): Step {
    return this.lesson.steps[Math.min(this.step, this.lesson.steps.length - 1)]!;
  }

  /** What the lesson pane shows now. */
  view(): LessonView {
    const v: LessonView = { lesson: this.lesson, step: this.step, done: this.done, results: this.results, hintsShown: this.hintsShown };
    if (this.explained) v.explained = this.explained;
    return v;
  }

  /** A typed line: a lesson command, or a lab command run in the session. */
  submit(line: string): void {
    const word = line.trim();
    if (!this.session.continuation && (LESSON_COMMANDS as readonly string[]).includes(word.split(/\s+/)[0] ?? '') && word.split(/\s+/).length <= 2) {
      this.busy(() => this.lessonCommand(word));
      return;
    }
    if (!this.session.continuation) {
      this.undoStack.push(this.session.snapshot());
      if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    }
    this.session.submit(line);
  }

  /** Runs the current step's reference solution without showing it (tests; resuming a lesson). */
  solveQuietly(): void {
    this.busy(() => this.solve());
  }

  private solve(): void {
    for (const cmd of this.current.solution) {
      const r = this.session.runQuietly(cmd);
      this.commands.push({ command: cmd, status: r.status });
    }
    this.evaluate();
    if (this.results.every((r) => r.pass)) this.finishStep();
  }

  /** Runs commands as if typed (tests, `wrong` attempts), without the lesson words. */
  runAsTyped(commands: string[]): void {
    for (const c of commands) this.session.submit(c);
  }

  /** Re-evaluates the current step's checks. */
  evaluate(): CheckResult[] {
    const ctx: CheckContext = { sim: this.session.sim, shell: this.session.shell, commands: this.commands, startPods: this.startPods };
    this.results = this.done ? [] : this.current.checks.map((c) => runCheck(ctx, c.check, c.params));
    return this.results;
  }

  /** Back to the start of the current step (or of the lesson). */
  reset(whole = false): void {
    this.busy(() => this.resetNow(whole));
  }

  private resetNow(whole: boolean): void {
    if (whole) {
      this.session.restore(this.lessonStart);
      this.step = 0;
      this.done = false;
    } else this.session.restore(this.stepStart);
    this.beginStep();
    this.evaluate();
    this.save();
  }

  private beginStep(): void {
    this.stepStart = this.session.snapshot();
    this.startPods = listStored<Pod>(this.session.sim, 'pods').map((p) => ({ key: `${p.metadata.namespace}/${p.metadata.name}`, labels: p.metadata.labels ?? {} }));
    this.commands = [];
    this.hintsShown = 0;
    this.solutionAsked = false;
    this.undoStack = [];
  }

  private afterCommand(command: string, status: number): void {
    if (this.done) return;
    this.commands.push({ command, status });
    this.busy(() => {
      this.evaluate();
      if (this.results.length && this.results.every((r) => r.pass)) this.finishStep();
      else if (this.explained) this.explained = undefined;
    });
  }

  private finishStep(): void {
    const finished = this.current;
    this.explained = finished.explain || undefined;
    this.say([{ text: `✓ Step ${this.step + 1} done: ${finished.goal}`, tone: 'hint' }, ...(finished.explain ? finished.explain.split('\n').map((text) => ({ text, tone: 'muted' as const })) : [])]);
    if (this.step + 1 >= this.lesson.steps.length) {
      this.done = true;
      this.results = [];
      this.say([{ text: `Lesson complete: ${this.lesson.title}.`, tone: 'hint' }, ...(this.lesson.outro ? this.lesson.outro.split('\n').map((text) => ({ text, tone: 'muted' as const })) : []), { text: 'Type next for the next lesson, or lessons for the menu.', tone: 'hint' }]);
    } else {
      this.step++;
      this.beginStep();
      this.evaluate();
      this.say([{ text: `Step ${this.step + 1}: ${this.current.goal}`, tone: 'hint' }]);
    }
    this.save();
  }

  private save(): void {
    this.opts.progress?.save(this.lesson.id, { step: this.step, done: this.done, hints: this.hintsShown });
  }

  private say(lines: { text: string; tone: OutLine['tone'] }[]): void {
    for (const l of lines) this.session.notice(l.text, l.tone);
  }

  private lessonCommand(line: string): void {
    const [word, arg] = line.split(/\s+/) as [string, string | undefined];
    this.session.notice(`${this.session.prompt}${line}`, 'plain');
    switch (word) {
      case 'hint': {
        const hints = this.current.hints;
        if (this.done) return this.say([{ text: 'The lesson is done: type next for the next one.', tone: 'hint' }]);
        if (!hints.length) return this.say([{ text: 'This step has no hints; type solution to see the commands.', tone: 'hint' }]);
        if (this.hintsShown < hints.length) this.hintsShown++;
        this.say([{ text: `Hint ${this.hintsShown}/${hints.length}: ${hints[this.hintsShown - 1]!}`, tone: 'hint' }]);
        if (this.hintsShown === hints.length) this.say([{ text: 'That was the last hint; solution shows the commands.', tone: 'muted' }]);
        this.save();
        return;
      }
      case 'solution':
        if (this.done) return this.say([{ text: 'The lesson is done.', tone: 'hint' }]);
        if (!this.solutionAsked && arg !== 'yes') {
          this.solutionAsked = true;
          return this.say([{ text: 'Type solution again (or solution yes) to see the commands that solve this step.', tone: 'hint' }]);
        }
        return this.say([{ text: 'One way to do it:', tone: 'hint' }, ...this.current.solution.map((c) => ({ text: `  ${c.split('\n')[0]!}${c.includes('\n') ? ' …' : ''}`, tone: 'plain' as const }))]);
      case 'check':
        this.evaluate();
        if (this.done) return this.say([{ text: 'The lesson is done.', tone: 'hint' }]);
        return this.say(this.current.checks.map((c, i) => ({ text: `${this.results[i]?.pass ? '✓' : '✗'} ${c.check}${this.results[i]?.pass ? '' : `: ${this.results[i]?.reason ?? ''}`}`, tone: this.results[i]?.pass ? 'hint' : 'warning' })));
      case 'reset':
        this.reset(arg === 'lesson');
        return this.say([{ text: arg === 'lesson' ? 'The lesson starts again from its first step.' : `Step ${this.step + 1} starts again from where it began.`, tone: 'hint' }]);
      case 'undo': {
        const prev = this.undoStack.pop();
        if (!prev) return this.say([{ text: 'Nothing to undo in this step.', tone: 'hint' }]);
        this.session.restore(prev);
        this.commands.pop();
        this.evaluate();
        return this.say([{ text: 'The cluster is back as it was before your last command.', tone: 'hint' }]);
      }
      case 'next':
        if (!this.done) return this.say([{ text: 'Finish this lesson first (check shows what is left), or type lessons for the menu.', tone: 'hint' }]);
        this.request = 'next';
        this.session.notice('', 'plain');
        return;
      case 'lessons':
        this.request = 'lessons';
        this.session.notice('', 'plain');
        return;
    }
  }
}
