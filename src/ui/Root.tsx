// What the lab shows from start to end: the welcome on a first run, the lesson menu, a lesson (the lab with the lesson column,
// typed lines going to the lesson first), or the sandbox — and the way between them (`next`,
// `lessons`, the menu's choices). Progress is read for the menu and saved by the lesson runs.
import { useEffect, useState, type ReactNode } from 'react';
import { useApp, useWindowSize } from 'ink';
import type { LessonEntry } from '../app/lesson-files.js';
import { LessonRun } from '../app/lesson-run.js';
import type { ProgressStore } from '../app/progress.js';
import type { Session } from '../app/session.js';
import { sandboxCommand, sandboxSession } from '../app/sandbox.js';
import type { ClusterConfig } from '../sim/config.js';
import type { HistoryStore } from '../app/user-data.js';
import type { ShellHost } from '../shell/types.js';
import { App, useSessionVersion } from './App.js';
import { LessonPane } from './LessonPane.js';
import { Menu, type MenuChoice } from './Menu.js';
import { Welcome } from './Welcome.js';

/** What the screens need from the process: lessons, progress, history, the learner's files and editor. */
export interface RootDeps {
  entries: LessonEntry[];
  progress: Pick<ProgressStore, 'load' | 'save' | 'notice'>;
  history: HistoryStore;
  host: ShellHost;
  onSuspendReady(suspend: (run: () => void) => void): void;
  onSession?(session: Session): void;
  /** The cluster options the sandbox starts with. */
  config?: Partial<ClusterConfig>;
  /** A first run: the welcome comes before the menu, and `welcomed` remembers it was shown. */
  firstRun?: boolean;
  welcomed?(): void;
}

type Screen = { kind: 'welcome' } | { kind: 'menu' } | { kind: 'lesson'; run: LessonRun } | { kind: 'sandbox'; session: Session; preset: string; id: number };

let sandboxes = 0;

/** The width of the lesson column for a terminal width. */
export function lessonWidth(columns: number): number {
  return Math.max(30, Math.min(48, Math.floor(columns * 0.3)));
}

function LessonScreen(props: { run: LessonRun; deps: RootDeps; onRequest(r: 'next' | 'lessons'): void; size?: { columns: number; rows: number } }): ReactNode {
  const { run } = props;
  const session = run.session;
  const version = useSessionVersion(session);
  const window = useWindowSize();
  const columns = props.size?.columns ?? window.columns;
  useEffect(() => {
    if (run.request) {
      const r = run.request;
      run.request = undefined;
      props.onRequest(r);
    }
  }, [version, run, props]);
  const step = run.done ? 'done' : `step ${run.step + 1}/${run.lesson.steps.length}`;
  return (
    <App
      session={session}
      activity={{ title: run.lesson.title, step }}
      onSuspendReady={props.deps.onSuspendReady}
      onSubmit={(line) => run.submit(line)}
      lesson={{ width: lessonWidth(columns), render: (size) => <LessonPane view={run.view()} width={size.width} height={size.height} version={version} /> }}
      {...(props.size ? { size: props.size } : {})}
    />
  );
}

export function Root(props: { deps: RootDeps; lessonId?: string; preset?: string; size?: { columns: number; rows: number } }): ReactNode {
  const { deps } = props;
  const app = useApp();
  const window = useWindowSize();
  const [screen, setScreen] = useState<Screen>(() => (props.lessonId ? startLesson(deps, props.lessonId) : props.preset ? startSandbox(deps, props.preset) : deps.firstRun ? { kind: 'welcome' } : { kind: 'menu' }));
  const [progress, setProgress] = useState(() => deps.progress.load());

  const choose = (c: MenuChoice): void => {
    if (c.kind === 'quit') return app.exit();
    if (c.kind === 'sandbox') return setScreen(startSandbox(deps, 'empty'));
    setScreen(startLesson(deps, c.id));
  };

  const onRequest = (r: 'next' | 'lessons'): void => {
    setProgress(deps.progress.load());
    if (r === 'lessons' || screen.kind !== 'lesson') return setScreen({ kind: 'menu' });
    const ids = deps.entries.flatMap((e) => (e.parsed.ok ? [e.parsed.lesson.id] : []));
    const next = ids[ids.indexOf(screen.run.lesson.id) + 1];
    setScreen(next ? startLesson(deps, next) : { kind: 'menu' });
  };

  switch (screen.kind) {
    case 'welcome':
      return (
        <Welcome
          width={props.size?.columns ?? window.columns}
          height={props.size?.rows ?? window.rows}
          onDone={() => {
            deps.welcomed?.();
            setScreen({ kind: 'menu' });
          }}
        />
      );
    case 'menu':
      return <Menu entries={deps.entries} progress={progress} {...(deps.progress.notice ? { notice: deps.progress.notice } : {})} width={props.size?.columns ?? window.columns} height={props.size?.rows ?? window.rows} onChoose={choose} />;
    case 'lesson':
      return <LessonScreen key={screen.run.lesson.id} run={screen.run} deps={deps} onRequest={onRequest} {...(props.size ? { size: props.size } : {})} />;
    case 'sandbox': {
      const onSubmit = (line: string): void => {
        const asked = screen.session.continuation ? undefined : sandboxCommand(line);
        if (!asked) return screen.session.submit(line);
        if (asked.error) return screen.session.notice(`${screen.session.prompt}${line}\n${asked.error}`, 'error');
        setScreen(startSandbox(deps, asked.preset ?? screen.preset));
      };
      return <App key={screen.id} session={screen.session} activity={{ title: 'sandbox', ...(screen.preset !== 'empty' ? { step: screen.preset } : {}) }} onSubmit={onSubmit} onSuspendReady={deps.onSuspendReady} {...(props.size ? { size: props.size } : {})} />;
    }
  }
}

/** A sandbox on a fresh cluster, built from a preset. */
function startSandbox(deps: RootDeps, preset: string): Screen {
  const session = sandboxSession(preset, { host: deps.host, history: deps.history, ...(deps.config ? { config: deps.config } : {}) });
  deps.onSession?.(session);
  return { kind: 'sandbox', session, preset, id: ++sandboxes };
}

/** A lesson run, resumed at the step the learner had reached. */
function startLesson(deps: RootDeps, id: string): Screen {
  const entry = deps.entries.find((e) => e.parsed.ok && e.parsed.lesson.id === id);
  if (!entry?.parsed.ok) return { kind: 'menu' };
  const saved = deps.progress.load()[id];
  const run = new LessonRun(entry.parsed.lesson, { host: deps.host, history: deps.history, progress: deps.progress, ...(saved && !saved.done ? { startStep: saved.step } : {}) });
  deps.onSession?.(run.session);
  return { kind: 'lesson', run };
}
