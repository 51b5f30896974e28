// The learner's own files, lent read-only to the lab's shell: `kubectl apply -f ./my-app.yaml`
// reads from the real working directory when the lab has no such file. Nothing is ever written.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShellHost } from '../shell/types.js';

/** Files larger than this are not read (a manifest is small; a mistaken path may not be). */
const MAX_BYTES = 1024 * 1024;

/** A ShellHost that reads files and directories relative to `cwd`. */
export function realFiles(cwd: string): ShellHost {
  return {
    readRealFile(path) {
      try {
        const p = resolve(cwd, path);
        const st = statSync(p);
        if (!st.isFile() || st.size > MAX_BYTES) return undefined;
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    listRealDir(path) {
      try {
        return readdirSync(resolve(cwd, path)).sort();
      } catch {
        return undefined;
      }
    },
  };
}
