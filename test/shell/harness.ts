// Test harness for shell commands: a booted cluster, a fresh shell, and a way to run one command
// (already split into words) and read back stdout, stderr and the exit status.
import { createCluster } from '../../src/sim/cluster.js';
import type { SimState } from '../../src/sim/state.js';
import type { ClusterConfig } from '../../src/sim/config.js';
import { newShellState } from '../../src/shell/state.js';
import type { CommandContext, CommandSpec, ShellHost, ShellState } from '../../src/shell/types.js';

/** A lab for a test: the simulation and the shell. */
export interface TestLab {
  sim: SimState;
  shell: ShellState;
  host: ShellHost;
}

/** A booted cluster (the default one, or with the given options) with a fresh shell. */
export function testLab(options: Partial<ClusterConfig> = {}): TestLab {
  const sim = createCluster({ seed: 1, ...options });
  return { sim, shell: newShellState(sim), host: {} };
}

/** What one command printed and returned. */
export interface Ran {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs a command spec with the given words (no shell parsing) and optional stdin. */
export function runSpec(lab: TestLab, spec: CommandSpec, args: string[], stdin?: string): Ran {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    sim: lab.sim,
    shell: lab.shell,
    host: lab.host,
    mode: 'script',
    args,
    stdin,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    runNested: () => ({ status: 127, stdout: '' }),
  };
  const status = spec.run(ctx);
  return { stdout, stderr, status };
}
