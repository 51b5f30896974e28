// Opening the learner's editor: $VISUAL, then $EDITOR (with its arguments), then vi, then nano; the
// edited text comes back; an editor that fails or cannot be found says why; the temporary file goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editInEditor, editorCandidates } from '../../src/app/editor.js';

test('the editors tried, in order', () => {
  assert.deepEqual(editorCandidates({ VISUAL: 'code -w', EDITOR: 'nano' }), ['code -w', 'nano', 'vi', 'nano']);
  assert.deepEqual(editorCandidates({ EDITOR: ' ' }), ['vi', 'nano']);
});

test('the edited text comes back; a failing editor and a missing one say why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-editor-'));
  try {
    const ed = join(dir, 'ed.sh');
    writeFileSync(ed, '#!/bin/sh\necho "$1" > "$(dirname "$0")/seen"\nsed -i "s/replicas: 1/replicas: $2/" "$1"\n');
    chmodSync(ed, 0o755);
    assert.deepEqual(editInEditor('deployments-web.yaml', 'spec:\n  replicas: 1\n', { EDITOR: `${ed} 4` }), { ok: false, reason: `${ed} 4 exited with status 1` }, 'the extra argument reaches sed as a file name: sed fails');
    const ed2 = join(dir, 'ed2.sh');
    writeFileSync(ed2, '#!/bin/sh\necho "$1" > "$(dirname "$0")/seen"\nsed -i "s/replicas: 1/replicas: 3/" "$1"\n');
    chmodSync(ed2, 0o755);
    assert.deepEqual(editInEditor('deployments-web.yaml', 'spec:\n  replicas: 1\n', { EDITOR: ed2 }), { ok: true, text: 'spec:\n  replicas: 3\n' });
    const seen = readFileSync(join(dir, 'seen'), 'utf8').trim();
    assert.match(seen, /k8s-svc-lab-[^/]+\/deployments-web\.yaml$/, 'the file keeps the lab\'s name, so the editor picks YAML');
    assert.equal(existsSync(seen), false, 'the temporary file is gone');
    assert.deepEqual(editInEditor('x', '', { VISUAL: '/no/such/editor', EDITOR: '/no/such/either', PATH: '/nonexistent' }), { ok: false, reason: 'no editor found: set $EDITOR, or install vi or nano' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
