// The composition root: turns argv into a booted simulated cluster (printing its summary) or a
// script run (`k8s-svc-lab run`). The one place, with src/app, that touches process, files and the host clock.
import { readFileSync } from 'node:fs';
import { createCluster } from './sim/cluster.js';
import { parseClusterArgs, USAGE } from './cli-args.js';
import { clusterSummary } from './cli-summary.js';
import { runScript } from './app/script.js';
import { realFiles } from './app/real-files.js';

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

/** Runs the command line; returns the exit status. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const parsed = parseClusterArgs(argv);
  switch (parsed.kind) {
    case 'help':
      out(USAGE);
      return 0;
    case 'version':
      out(`k8s-svc-lab ${VERSION}\n`);
      return 0;
    case 'error':
      err(`k8s-svc-lab: ${parsed.message}\n\n${USAGE}`);
      return 2;
    case 'run': {
      const text = readScript(parsed.file);
      if (typeof text !== 'string') {
        err(`k8s-svc-lab: ${text.error}\n`);
        return 2;
      }
      const r = runScript(text, { config: parsed.config, echo: parsed.echo, host: realFiles(process.cwd()) });
      out(r.output);
      return r.status;
    }
    case 'boot': {
      const started = performance.now();
      const state = createCluster(parsed.config);
      out(clusterSummary(state, VERSION, performance.now() - started));
      return 0;
    }
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
