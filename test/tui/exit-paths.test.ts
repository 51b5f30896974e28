// Every way out of the lab gives the terminal back as it was — primary screen, cursor shown, line
// editing (icanon) on — and keeps the learner's progress: quitting with Ctrl+C twice, SIGTERM,
// SIGHUP (the terminal window closed) and an error nobody catches. Each run does the first step of
// a lesson first, so there is progress to keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, tmuxMissing } from './tmux.js';

const LESSON = 'first-clusterip-service';

interface Way {
  name: string;
  /** Extra node options (the uncaught error is loaded from a file). */
  node?: string;
  leave(t: Terminal): Promise<void>;
  status: number;
}

const signal = (sig: NodeJS.Signals) => async (t: Terminal): Promise<void> => {
  for (const pid of t.children()) process.kill(pid, sig);
};

const WAYS: Way[] = [
  {
    name: 'Ctrl+C twice on an empty prompt',
    leave: async (t) => {
      t.keys('C-c');
      await t.waitFor(/press Ctrl\+C again to leave the lab/);
      t.keys('C-c');
    },
    status: 0,
  },
  { name: 'SIGTERM', leave: signal('SIGTERM'), status: 143 },
  { name: 'SIGHUP (the window closed)', leave: signal('SIGHUP'), status: 129 },
  { name: 'an error nobody catches', node: `--import ${new URL('./throw-later.mjs', import.meta.url).pathname}`, leave: async () => {}, status: 1 },
];

for (const way of WAYS) {
  test(`leaving by ${way.name} restores the terminal and keeps the progress`, { skip: tmuxMissing(), timeout: 90_000 }, async () => {
    const home = mkdtempSync(join(tmpdir(), 'lab-home-'));
    const lab = `${process.execPath} --import tsx ${way.node ?? ''} src/cli.ts lesson ${LESSON}`;
    const after = "stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}icanon'";
    const t = new Terminal(`printf 'BEFORE THE LAB\\n'; ${lab}; status=$?; ${after}; (exit $status)`, 150, 44, { K8S_SVC_LAB_HOME: home, THROW_AFTER_MS: '6000' });
    try {
      await t.waitFor(/step 1\/3/, 30_000);
      assert.equal(t.modes().alternate, true, 'the lab draws on the alternate screen');
      t.line('kubectl expose deployment web --port 80 --target-port 5000');
      await t.waitFor(/step 2\/3/, 20_000);
      await way.leave(t);
      const screen = await t.waitFor(/\[exited with status \d+\]/, 30_000);
      assert.match(screen, /BEFORE THE LAB/, 'the primary screen is back as it was');
      assert.doesNotMatch(screen, /step 2\/3/);
      assert.match(screen, /^icanon$/m, 'line editing is back on (the terminal left raw mode)');
      assert.match(screen, new RegExp(`\\[exited with status ${way.status}\\]`));
      assert.deepEqual(t.modes(), { alternate: false, cursor: true });
      const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { lessons: Record<string, { step: number }> };
      assert.equal(progress.lessons[LESSON]?.step, 1, 'the finished step is kept');
      if (way.name.includes('error')) {
        assert.match(screen, /k8s-svc-lab stopped on an internal error: an error nobody catches/);
        assert.ok(readdirSync(home).some((f) => f.startsWith('crash-')), 'a crash report was written');
      }
    } finally {
      t.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
}
