// Per-user files: the platform's user data directory (~/.local/share/k8s-svc-lab on Linux,
// ~/Library/Application Support/k8s-svc-lab on macOS, %LOCALAPPDATA%\k8s-svc-lab\Data on Windows),
// or $K8S_SVC_LAB_HOME when set. The command history lives there, one JSON string per line so a
// pasted here-document stays one entry; a line cut short by a lab killed mid-write is skipped on
// reading. The file is private to the user. A missing or unwritable directory never stops the lab:
// the history is then kept for the session only.
import { appendFileSync, readFileSync } from 'node:fs';
import { privateDir, writeFileAtomic } from './safe-write.js';
import { join } from 'node:path';
import envPaths from 'env-paths';

/** The most history entries kept on disk (bash's HISTFILESIZE default is 500; the lab keeps more). */
export const HISTORY_FILE_LIMIT = 1000;

/** The directory for this user's lab files. */
export function userDataDir(env: Record<string, string | undefined>): string {
  const home = env.K8S_SVC_LAB_HOME;
  if (home) return home;
  return envPaths('k8s-svc-lab', { suffix: '' }).data;
}

/** A command history persisted in a file. */
export interface HistoryStore {
  load(): string[];
  append(entry: string): void;
}

/** The history file of a data directory. */
export function fileHistory(dir: string): HistoryStore {
  const file = join(dir, 'history');
  let appended = 0;
  return {
    load(): string[] {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return [];
      }
      const entries: string[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const v: unknown = JSON.parse(line);
          if (typeof v === 'string' && v.trim()) entries.push(v);
        } catch {
          // A line this lab did not write: skip it.
        }
      }
      return entries.slice(-HISTORY_FILE_LIMIT);
    },
    append(entry: string): void {
      try {
        privateDir(dir);
        appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
        appended++;
        // Keep the file bounded: rewrite it with the newest entries now and then.
        if (appended % 200 === 0) {
          const all = this.load();
          if (all.length >= HISTORY_FILE_LIMIT) writeFileAtomic(file, all.slice(-HISTORY_FILE_LIMIT).map((e) => `${JSON.stringify(e)}\n`).join(''));
        }
      } catch {
        // Read-only home or full disk: the session still has its in-memory history.
      }
    },
  };
}

/** A history that lives in memory only (tests, and when no directory is wanted). */
export function memoryHistory(initial: string[] = []): HistoryStore {
  const entries = [...initial];
  return { load: () => [...entries], append: (e) => void entries.push(e) };
}
