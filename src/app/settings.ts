// The learner's settings in the user data directory (settings.json): for now whether the welcome
// was shown. Written like progress (safe-write.ts): atomically, privately, under a lock. A file
// that cannot be read counts as empty settings and is replaced at the next save.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLock, writeFileAtomic } from './safe-write.js';

/** What settings.json holds. */
export interface Settings {
  /** The first-run welcome was shown. */
  welcomed?: boolean;
}

/** The settings store of a data directory. */
export class SettingsStore {
  readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, 'settings.json');
  }

  load(): Settings {
    try {
      const v = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Settings) : {};
    } catch {
      return {};
    }
  }

  /** Changes some settings, keeping the others (and those another lab wrote meanwhile). */
  save(change: Settings): void {
    try {
      withLock(this.file, () => writeFileAtomic(this.file, `${JSON.stringify({ ...this.load(), ...change }, null, 2)}\n`));
    } catch {
      // A read-only home: the welcome shows again next time, nothing worse.
    }
  }
}
