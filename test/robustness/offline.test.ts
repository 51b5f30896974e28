// The lab never opens a network connection: the golden transcripts run in a process that has no
// network (`unshare -rn`, a new user and network namespace, where the system allows it) and in which
// every way Node has to reach the network throws (deny-network.mjs), and print exactly what they
// print normally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const golden = join(root, 'test', 'golden');
const VIA_CLI = 'pods-are-mortal.sh';

/** Whether this system lets an unprivileged process take the network away. */
function unshareWorks(): boolean {
  return spawnSync('unshare', ['-rn', 'true']).status === 0;
}

function offlineRun(withoutNetwork: boolean): { out: Record<string, string>; stderr: string } {
  const node = [process.execPath, '--import', 'tsx', '--import', join(root, 'test', 'robustness', 'deny-network.mjs'), join(root, 'test', 'robustness', 'offline-goldens.ts'), golden, join(root, 'src', 'cli.ts'), VIA_CLI];
  const [cmd, ...args] = withoutNetwork ? ['unshare', '-rn', ...node] : node;
  const r = spawnSync(cmd!, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return { out: JSON.parse(r.stdout) as Record<string, string>, stderr: r.stderr };
}

function compare(run: { out: Record<string, string>; stderr: string }): void {
  assert.doesNotMatch(run.stderr, /NETWORK USE/);
  const scripts = readdirSync(golden).filter((f) => f.endsWith('.sh')).sort();
  assert.ok(scripts.length >= 10);
  for (const s of scripts) assert.equal(run.out[s], readFileSync(join(golden, s.replace(/\.sh$/, '.out')), 'utf8'), s);
  assert.equal(run.out[`cli:${VIA_CLI}`], readFileSync(join(golden, VIA_CLI.replace(/\.sh$/, '.out')), 'utf8'), `${VIA_CLI} through the command line`);
}

test('the golden transcripts print the same in a process with no network at all', { skip: unshareWorks() ? false : 'unshare -rn is not allowed here (the test below still refuses every network call)' }, () => {
  compare(offlineRun(true));
});

test('the golden transcripts print the same when every network call throws', () => {
  compare(offlineRun(false));
});

test('the refusal works: a connection attempt under deny-network.mjs fails and says so', () => {
  const r = spawnSync(process.execPath, ['--import', join(root, 'test', 'robustness', 'deny-network.mjs'), '-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /NETWORK USE: net\.connect/);
});
