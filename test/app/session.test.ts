// The interactive session: the echoed prompt and output, multi-line input accumulating until the
// command is complete, history persisted, Ctrl+C / Ctrl+D, clear, a caught bug, and a version that
// changes only when something visible changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../src/app/session.js';
import { fileHistory, memoryHistory, userDataDir } from '../../src/app/user-data.js';

const texts = (s: Session): string[] => s.lines.map((l) => l.text);

test('a command is echoed after its prompt, then its output; the version moves', () => {
  const s = new Session();
  const v = s.version;
  s.submit('kubectl get nodes --no-headers | wc -l');
  assert.deepEqual(texts(s), ['root@controlplane:~# kubectl get nodes --no-headers | wc -l', '3']);
  assert.ok(s.version > v);
});

test('an open here-document waits for its end with the > prompt, then runs as one command', () => {
  const s = new Session();
  s.submit('cat <<EOF | kubectl apply -f -');
  assert.equal(s.prompt, '> ');
  assert.ok(s.continuation);
  for (const l of ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', 'EOF']) s.submit(l);
  assert.equal(s.continuation, false);
  assert.equal(s.prompt, 'root@controlplane:~# ');
  assert.equal(texts(s).at(-1), 'namespace/shop created');
  assert.equal(s.shell.history.at(-1), 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\nEOF');
});

test('history is loaded at start and each complete command appended', () => {
  const store = memoryHistory(['kubectl get pods']);
  const s = new Session({ history: store });
  assert.deepEqual(s.shell.history, ['kubectl get pods']);
  s.submit('echo hi');
  s.submit('   ');
  assert.deepEqual(store.load(), ['kubectl get pods', 'echo hi']);
});

test('Ctrl+C abandons the line and an unfinished command; Ctrl+D leaves ssh, then ends the session', () => {
  const s = new Session();
  s.submit("echo 'open");
  s.interrupt('');
  assert.equal(s.continuation, false);
  assert.equal(texts(s).at(-1), '> ^C');
  s.submit('ssh node01');
  assert.equal(s.prompt, 'root@node01:~# ');
  s.eof();
  assert.equal(s.prompt, 'root@controlplane:~# ');
  assert.equal(s.ended, false);
  s.eof();
  assert.equal(s.ended, true);
});

test('clear empties the terminal; a clock tick that changes nothing does not move the version', () => {
  const s = new Session();
  s.submit('echo one');
  s.clear();
  assert.deepEqual(s.lines, []);
  s.tick(60_000);
  const v = s.version;
  for (let i = 0; i < 20; i++) s.tick(200);
  assert.equal(s.version, v, 'an idle cluster: no change, no render');
  s.submit('kubectl create deployment web --image=nginx');
  s.submit('kubectl expose deployment web --port 80');
  const after = s.version;
  s.tick(1000);
  s.tick(5000);
  assert.ok(s.version > after, 'pods starting and kube-proxy syncing are changes');
  const fading = s.version;
  s.tick(2000);
  assert.ok(s.version > fading, 'for a while after a sync the clock moves the NAT highlights');
  s.tick(60_000);
  const settled = s.version;
  s.tick(2000);
  assert.equal(s.version, settled);
});

test('a bug in a command is caught: the lab goes on, the report names the seed and replays', () => {
  const saved: string[][] = [];
  const s = new Session({ saveCrash: (r) => (saved.push(r.commands), '/tmp/report.txt') });
  s.submit('echo before');
  const history = s.shell.history;
  (s.shell as { history: unknown }).history = { push: () => { throw new Error('boom'); } };
  s.submit('cat ./manifest.yaml');
  s.shell.history = history;
  assert.match(texts(s).join('\n'), /internal error while running this command: boom[\s\S]*send \/tmp\/report\.txt \(seed 1/);
  assert.deepEqual(saved, [['echo before', 'cat ./manifest.yaml']]);
  s.submit('echo after');
  assert.equal(texts(s).at(-1), 'after');
});

test('the history file: JSON lines, a here-document one entry, unreadable lines skipped, K8S_SVC_LAB_HOME honoured', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-home-'));
  try {
    assert.equal(userDataDir({ K8S_SVC_LAB_HOME: dir }), dir);
    const h = fileHistory(join(dir, 'sub'));
    assert.deepEqual(h.load(), []);
    h.append('kubectl get pods');
    h.append('cat <<EOF\nx\nEOF');
    assert.equal(readFileSync(join(dir, 'sub', 'history'), 'utf8'), '"kubectl get pods"\n"cat <<EOF\\nx\\nEOF"\n');
    assert.deepEqual(fileHistory(join(dir, 'sub')).load(), ['kubectl get pods', 'cat <<EOF\nx\nEOF']);
    assert.match(userDataDir({}), /k8s-svc-lab/);
    const ro = fileHistory(join(dir, 'sub', 'history', 'under-a-file'));
    ro.append('x');
    assert.deepEqual(ro.load(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every complete command reaches the command hooks with its status and output (what lesson checks read)', () => {
  const s = new Session();
  const runs: { command: string; status: number; out: string }[] = [];
  const off = s.onCommand((c) => runs.push({ command: c.command, status: c.status, out: c.output.map((l) => l.text).join('\n') }));
  s.submit('kubectl get pod nope');
  s.submit("echo 'two");
  s.submit("lines'");
  off();
  s.submit('echo unseen');
  assert.deepEqual(runs, [
    { command: 'kubectl get pod nope', status: 1, out: 'Error from server (NotFound): pods "nope" not found' },
    { command: "echo 'two\nlines'", status: 0, out: 'two\nlines' },
  ]);
});

test('real-clock ticks come in fractions of a millisecond: the simulated clock only takes whole ones', () => {
  const s = new Session();
  const start = s.sim.now;
  for (let i = 0; i < 10; i++) s.tick(200.4);
  assert.equal(s.sim.now, start + 2004);
  assert.ok(Number.isInteger(s.sim.now));
  s.submit('kubectl create deployment web --image=nginx');
  for (let i = 0; i < 30; i++) s.tick(333.3);
  assert.equal(s.crashes.length, 0);
  assert.match(s.lines.map((l) => l.text).join('\n'), /deployment\.apps\/web created/);
});
