// The composition root: turns argv into a booted simulated cluster and prints its summary.
// This is the one place (with src/app later) that touches process, the console and the host clock.
import { createCluster } from './sim/cluster.js';
import { parseClusterArgs, USAGE } from './cli-args.js';
import { clusterSummary } from './cli-summary.js';

const VERSION = '0.1.0';

/** Runs the command line; returns the exit status. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const parsed = parseClusterArgs(argv);
  if (parsed.kind === 'help') {
    out(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    out(`k8s-svc-lab ${VERSION}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    err(`k8s-svc-lab: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const state = createCluster(parsed.config);
  const ms = performance.now() - started;
  out(clusterSummary(state, VERSION, ms));
  return 0;
}

process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
