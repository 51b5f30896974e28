// `k8s-svc-lab run`: executes lab commands from a script against a fresh lab and returns exactly
// what the terminal pane would show, without colour. Each top-level command runs in turn; with
// echo the prompt and the command come first, as in a recorded terminal session.
import { createCluster } from '../sim/cluster.js';
import type { ClusterConfig } from '../sim/config.js';
import { newShellState } from '../shell/state.js';
import { prompt, runLine, splitScript, type Lab } from '../shell/shell.js';
import type { Lesson } from '../lessons/types.js';
import { LessonRun } from './lesson-run.js';
import type { ShellHost } from '../shell/types.js';
import { printable } from '../shell/printers/printable.js';

/** How a script runs. */
export interface ScriptOptions {
  config: Partial<ClusterConfig>;
  echo: boolean;
  host: ShellHost;
  /** Start from this lesson's prepared cluster (its options, setup and files) instead of a fresh one. */
  lesson?: Lesson;
  /** The output goes to a terminal: control characters are shown (printable.ts), not sent. */
  showControls?: boolean;
}

/** What a script printed and its exit status: 0 when every command succeeded, 1 when any failed. */
export interface ScriptResult {
  output: string;
  status: number;
}

function freshLab(opts: ScriptOptions): Lab {
  const sim = createCluster(opts.config);
  return { sim, shell: newShellState(sim), host: opts.host };
}

/** Runs a script against a fresh lab (or a lesson's start). */
export function runScript(text: string, opts: ScriptOptions): ScriptResult {
  const commands = splitScript(text);
  // Nothing to run: no cluster to boot (an empty script returns at once).
  if (commands.length === 0) return { output: '', status: 0 };
  const lab = opts.lesson ? { ...new LessonRun(opts.lesson).session.lab, host: opts.host } : freshLab(opts);
  let output = '';
  let status = 0;
  for (const cmd of commands) {
    const shown = opts.showControls ? printable : (t: string): string => t;
    if (opts.echo) output += `${shown(`${prompt(lab.shell)}${cmd.source}`)}\n`;
    let r: ReturnType<typeof runLine>;
    try {
      r = runLine(lab, cmd.source, 'script');
    } catch (e) {
      // A bug in the lab: say so, keep the cluster, go on with the next command (as the interactive lab does).
      r = { lines: [{ text: `k8s-svc-lab: internal error while running this command: ${e instanceof Error ? e.message : String(e)}`, tone: 'error', stream: 'stderr' }], status: 70 };
    }
    for (const line of r.lines) output += `${shown(line.text)}\n`;
    if (r.status !== 0) status = 1;
    if (r.exit) break;
  }
  return { output, status };
}
