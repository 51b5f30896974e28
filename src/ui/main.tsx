// Opening the interactive lab: the session with the learner's files, history and editor, the Ink
// app on the alternate screen, and the terminal restored on every way out — quit, Ctrl+D, SIGTERM,
// SIGHUP, or a crash (which also leaves a report in the user data directory).
import { writeFileAtomic } from '../app/safe-write.js';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { render, type Instance } from 'ink';
import { DEFAULT_CONFIG, type ClusterConfig } from '../sim/config.js';
import type { ShellHost } from '../shell/types.js';
import type { Session, CrashReport } from '../app/session.js';
import { fileHistory, userDataDir } from '../app/user-data.js';
import { realFiles } from '../app/real-files.js';
import { editInEditor } from '../app/editor.js';
import { readLessons } from '../app/lesson-files.js';
import { ProgressStore } from '../app/progress.js';
import { SettingsStore } from '../app/settings.js';
import { Root, type RootDeps } from './Root.js';
import { ThemeContext, themeFor } from './theme.js';

/** Writes a crash report into the data directory; returns its path, or undefined when it cannot. */
function crashSaver(dir: string): (r: CrashReport) => string | undefined {
  return (r) => {
    try {
      const file = join(dir, `crash-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
      const options = `--seed ${r.config.seed} --nodes ${r.config.nodes} --proxy-mode ${r.config.proxyMode}${r.config.cloud ? ' --cloud' : ''}`;
      writeFileAtomic(file, [
        `k8s-svc-lab internal error: ${r.message}`,
        `while running: ${r.command}`,
        `replay: save the commands below as replay.sh, then k8s-svc-lab run --echo ${options} replay.sh`,
        '',
        '--- commands ---',
        ...r.commands,
        '',
        '--- stack ---',
        r.stack,
      ].join('\n'));
      return file;
    } catch {
      return undefined;
    }
  };
}

/** The learner's real files and editor, lent to every session of this process. */
function hostFor(env: Record<string, string | undefined>, suspendRef: { current?: (run: () => void) => void }, notice: (text: string) => void): ShellHost {
  return {
    ...realFiles(process.cwd()),
    edit(name, text) {
      if (!suspendRef.current) return undefined;
      let result: ReturnType<typeof editInEditor> | undefined;
      suspendRef.current(() => {
        result = editInEditor(name, text, env);
      });
      if (!result) return undefined;
      if (!result.ok) {
        notice(`k8s-svc-lab: ${result.reason}`);
        return undefined;
      }
      return result.text;
    },
  };
}

/** Runs the sandbox (from a preset) until the learner leaves; resolves with the exit status. */
export function runInteractive(config: ClusterConfig, env: Record<string, string | undefined>, preset = 'empty'): Promise<number> {
  return runLessons(env, undefined, { config, preset });
}

/** Runs the lesson menu, one lesson, or the sandbox until the learner leaves. */
export function runLessons(env: Record<string, string | undefined>, lessonId?: string, sandbox?: { config: ClusterConfig; preset: string }): Promise<number> {
  const dir = userDataDir(env);
  const suspendRef: { current?: (run: () => void) => void } = {};
  const progress = new ProgressStore(dir);
  const settings = new SettingsStore(dir);
  let notice: (t: string) => void = () => {};
  const host = hostFor(env, suspendRef, (t) => notice(t));
  const deps: RootDeps = {
    entries: readLessons(),
    progress,
    history: fileHistory(dir),
    host,
    onSuspendReady: (s) => { suspendRef.current = s; },
    onSession: (s) => {
      current = s;
      notice = (t) => s.notice(t, 'error');
    },
    ...(sandbox ? { config: sandbox.config } : {}),
    firstRun: !settings.load().welcomed,
    welcomed: () => settings.save({ welcomed: true }),
  };
  let current: Session | undefined;
  return mount(env, <Root deps={deps} {...(lessonId ? { lessonId } : {})} {...(sandbox ? { preset: sandbox.preset } : {})} />, () => current?.commandLog ?? [], sandbox?.config ?? { ...DEFAULT_CONFIG });
}

function mount(env: Record<string, string | undefined>, app: ReactNode, commands: () => readonly string[], config: ClusterConfig): Promise<number> {
  const dir = userDataDir(env);
  const theme = themeFor(env, true);
  const instance = render(
    <ThemeContext.Provider value={theme}>{app}</ThemeContext.Provider>,
    // interactive: the lab only gets here on a terminal, so a CI variable in the environment must
    // not switch Ink to printing the last frame only.
    { alternateScreen: true, exitOnCtrlC: false, maxFps: 30, incrementalRendering: true, interactive: true },
  );
  return wait(instance, dir, config, commands);
}

async function wait(instance: Instance, dir: string, config: ClusterConfig, commands: () => readonly string[]): Promise<number> {
  const leave = (status: number) => (): void => {
    process.exitCode = status;
    instance.unmount();
  };
  const onTerm = leave(143);
  const onHup = leave(129);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  const onCrash = (e: unknown): void => {
    instance.unmount();
    const where = crashSaver(dir)({ command: '(the lab itself)', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack ?? '' : '', config, commands: [...commands()] });
    process.stderr.write(`k8s-svc-lab stopped on an internal error: ${e instanceof Error ? e.message : String(e)}\n${where ? `A report is in ${where}.\n` : ''}`);
    process.exit(1);
  };
  process.on('uncaughtException', onCrash);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    process.off('uncaughtException', onCrash);
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
