// `k8s-svc-lab run`: executes lab commands from a script against a fresh lab and returns exactly
// what the terminal pane would show, without colour. Each top-level command runs in turn; with
// echo the prompt and the command come first, as in a recorded terminal session.
import { createCluster } from '../sim/cluster.js';
import type { ClusterConfig } from '../sim/config.js';
import { newShellState } from '../shell/state.js';
import { prompt, runLine, splitScript } from '../shell/shell.js';
import type { ShellHost } from '../shell/types.js';

/** How a script runs. */
export interface ScriptOptions {
  config: Partial<ClusterConfig>;
  echo: boolean;
  host: ShellHost;
}

/** What a script printed and its exit status: 0 when every command succeeded, 1 when any failed. */
export interface ScriptResult {
  output: string;
  status: number;
}

/** Runs a script against a fresh lab. */
export function runScript(text: string, opts: ScriptOptions): ScriptResult {
  const sim = createCluster(opts.config);
  const lab = { sim, shell: newShellState(sim), host: opts.host };
  let output = '';
  let status = 0;
  for (const cmd of splitScript(text)) {
    if (opts.echo) output += `${prompt(lab.shell)}${cmd.source}\n`;
    const r = runLine(lab, cmd.source, 'script');
    for (const line of r.lines) output += `${line.text}\n`;
    if (r.status !== 0) status = 1;
    if (r.exit) break;
  }
  return { output, status };
}
