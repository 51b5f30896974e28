// Golden transcripts: each test/golden/*.sh runs through `k8s-svc-lab run --echo` (seed 1) and must
// print exactly its .out file. The scenarios are the seeds' examples up to where kube-proxy enters.
// To update after an intended change: node --import tsx src/cli.ts run --echo test/golden/X.sh > test/golden/X.out
// (a script's `# options: --proxy-mode M --cloud` line runs it with those cluster options: add them when updating it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScript } from '../src/app/script.js';
import { realFiles } from '../src/app/real-files.js';
import type { ProxyMode } from '../src/sim/config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test', 'golden');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).sort();

for (const script of scripts) {
  test(`golden: ${script}`, () => {
    const text = readFileSync(join(dir, script), 'utf8');
    const expected = readFileSync(join(dir, script.replace(/\.sh$/, '.out')), 'utf8');
    const options = /^# options: (.*)$/m.exec(text)?.[1] ?? '';
    const mode = /--proxy-mode (\w+)/.exec(options)?.[1] as ProxyMode | undefined;
    const config = { seed: 1, ...(mode ? { proxyMode: mode } : {}), ...(options.includes('--cloud') ? { cloud: true } : {}) };
    const r = runScript(text, { config, echo: true, host: realFiles(dir) });
    assert.equal(r.output, expected);
  });
}

test('golden scripts exist for every scenario', () => {
  assert.ok(scripts.length >= 6);
});

test('the real command line runs a script and reports failure through its exit status', () => {
  const cli = join(root, 'src', 'cli.ts');
  const ok = execFileSync(process.execPath, ['--import', 'tsx', cli, 'run', '-'], { input: 'kubectl get ns default\n', encoding: 'utf8' });
  assert.equal(ok, 'NAME      STATUS   AGE\ndefault   Active   10d\n');
  assert.throws(
    () => execFileSync(process.execPath, ['--import', 'tsx', cli, 'run', '-'], { input: 'kubectl get svcs\n', encoding: 'utf8', stdio: 'pipe' }),
    (e: { status: number; stdout: string }) => e.status === 1 && e.stdout === 'error: the server doesn\'t have a resource type "svcs"\n',
  );
  assert.throws(
    () => execFileSync(process.execPath, ['--import', 'tsx', cli, 'run', 'no-such-script.sh'], { encoding: 'utf8', stdio: 'pipe' }),
    (e: { status: number; stderr: string }) => e.status === 2 && e.stderr === 'k8s-svc-lab: no-such-script.sh: No such file or directory\n',
  );
});
