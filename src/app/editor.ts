// Opening the learner's editor on a lab file, as `kubectl edit` and `vi`/`nano` do: $VISUAL or
// $EDITOR (which may carry arguments, like `code -w`), else vi, else nano, on a temporary file whose
// name ends like the lab's (so the editor picks YAML highlighting); the text comes back when the
// editor exits. The terminal is handed over by the caller (the UI suspends itself around this).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The editors to try, in order. */
export function editorCandidates(env: Record<string, string | undefined>): string[] {
  return [env.VISUAL, env.EDITOR, 'vi', 'nano'].filter((e): e is string => !!e && e.trim() !== '');
}

/** What an editor run gave: the new text, or why there is none. */
export type EditResult = { ok: true; text: string } | { ok: false; reason: string };

function quote(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}

/** Edits `text` in the first editor that runs (found through `env`'s PATH); synchronous (the lab waits for the editor, as a shell does). */
export function editInEditor(name: string, text: string, env: Record<string, string | undefined>): EditResult {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-svc-lab-'));
  const file = join(dir, basename(name).replace(/[^A-Za-z0-9._-]/g, '_') || 'file');
  try {
    writeFileSync(file, text);
    for (const editor of editorCandidates(env)) {
      const r = spawnSync(`${editor} ${quote(file)}`, { shell: true, stdio: 'inherit', env });
      if (r.error || r.status === 127 || r.status === 126) continue;
      if (r.status !== 0) return { ok: false, reason: `${editor} exited with status ${r.status ?? 'unknown'}` };
      return { ok: true, text: readFileSync(file, 'utf8') };
    }
    return { ok: false, reason: 'no editor found: set $EDITOR, or install vi or nano' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
