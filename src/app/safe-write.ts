// Writing the learner's files (progress, history, crash reports) so that nothing is ever half
// written: a temporary file beside the target, flushed to disk, then renamed over it (a rename is
// atomic on one file system), private to the user (0600 files in a 0700 directory). A lock file
// lets two labs open at once take turns at a read-change-write. Temporary files and locks left by
// a lab that was killed are recognised by their process id and removed.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Makes the directory (and its parents) if needed, private to the user. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `file.PID.N.tmp` files next to `file` whose process is gone. */
function removeStaleTemps(file: string): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!alive(pid)) rmSync(join(dirname(file), name), { force: true });
  }
}

/** Replaces `file` with `text` all at once: readers see the old contents or the new, never a part. */
export function writeFileAtomic(file: string, text: string): void {
  privateDir(dirname(file));
  removeStaleTemps(file);
  const tmp = `${file}.${process.pid}.${Math.floor(Math.random() * 1e9)}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** How long a lab waits for another's lock before taking it anyway (a lock is held for milliseconds). */
const LOCK_WAIT_MS = 2000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Runs `fn` holding `file.lock`: another lab doing the same waits its turn. */
export function withLock<T>(file: string, fn: () => T): T {
  privateDir(dirname(file));
  const lock = `${file}.lock`;
  const start = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {
        // Removed between our open and read: try again.
      }
      const old = (): boolean => {
        try {
          return Date.now() - statSync(lock).mtimeMs > LOCK_WAIT_MS;
        } catch {
          return false;
        }
      };
      if ((holder && !alive(holder)) || old() || Date.now() - start > LOCK_WAIT_MS) rmSync(lock, { force: true });
      else sleep(5);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}
