// The shell's public API: runLine's interactive "need more input" answers, history, the prompt
// on nodes and in containers, splitScript for `run --echo`, the internal-error boundary and
// hostile input that must never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prompt, runLine, splitScript } from '../../src/shell/shell.js';
import { HISTORY_LIMIT } from '../../src/shell/state.js';
import type { Host } from '../../src/shell/types.js';
import { testLab } from './harness.js';
import { sh } from './bash-helpers.js';

const BUSYBOX_POD: Host = { kind: 'pod', namespace: 'default', pod: 'web-1', container: 'web', node: 'node01', shell: 'sh' };
const BASH_POD: Host = { ...BUSYBOX_POD, shell: 'bash' };

test('interactive: unfinished lines ask for more input', () => {
  const lab = testLab();
  const rows: [string, string][] = [
    ["echo 'x", 'quote'], ['echo "x', 'quote'], ['echo $(echo', 'quote'], ['cat <<EOF\nx', 'heredoc'],
    ['cat <<EOF', 'heredoc'], ['echo a \\', 'continuation'], ['ls |', 'continuation'], ['true &&', 'continuation'],
    ['for i in 1 2; do', 'continuation'], ['if true; then echo a', 'continuation'],
  ];
  for (const [line, want] of rows) assert.equal(runLine(lab, line, 'interactive').incomplete, want, line);
  assert.deepEqual(lab.shell.history, []);
});

test('interactive: a finished heredoc runs', () => {
  assert.deepEqual(sh(testLab(), 'cat <<EOF\nx\nEOF', 'interactive'), { out: 'x', err: '', status: 0 });
});

test('history records lines and is capped', () => {
  const lab = testLab();
  sh(lab, 'echo a');
  sh(lab, 'echo b');
  assert.equal(sh(lab, 'history').out, '    1  echo a\n    2  echo b\n    3  history');
  for (let i = 0; i < HISTORY_LIMIT + 5; i++) sh(lab, `true ${i}`);
  assert.equal(lab.shell.history.length, HISTORY_LIMIT);
  assert.equal(lab.shell.history.at(-1), `true ${HISTORY_LIMIT + 4}`);
});

test('prompt on nodes and in containers', () => {
  const lab = testLab();
  assert.equal(prompt(lab.shell), 'root@controlplane:~# ');
  sh(lab, 'mkdir -p /root/x /tmp/y');
  sh(lab, 'cd x');
  assert.equal(prompt(lab.shell), 'root@controlplane:~/x# ');
  sh(lab, 'cd /tmp/y');
  assert.equal(prompt(lab.shell), 'root@controlplane:/tmp/y# ');
  lab.shell.hosts.push(BUSYBOX_POD);
  assert.equal(prompt(lab.shell), '/ # ');
  lab.shell.hosts[1] = BASH_POD;
  assert.equal(prompt(lab.shell), 'root@web-1:/# ');
});

test('inside a container: sh texts and no node tools', () => {
  const lab = testLab();
  lab.shell.hosts.push(BUSYBOX_POD);
  assert.deepEqual(sh(lab, 'foo'), { out: '', err: 'sh: foo: not found', status: 127 });
  assert.deepEqual(sh(lab, 'kubectl get pods'), { out: '', err: 'sh: kubectl: not found', status: 127 });
  assert.deepEqual(sh(lab, 'echo hi > /tmp/a; cat /tmp/a; pwd; echo $PWD'), { out: 'hi\n/\n/', err: '', status: 0 });
  assert.deepEqual(sh(lab, '| foo'), { out: '', err: 'sh: syntax error: unexpected "|"', status: 2 });
  assert.deepEqual(sh(lab, "echo 'x"), { out: '', err: 'sh: syntax error: unterminated quoted string', status: 2 });
  assert.deepEqual(sh(lab, 'cd nope'), { out: '', err: "sh: cd: can't cd to nope: No such file or directory", status: 1 });
  assert.equal(sh(lab, 'help | grep -c kubectl').out, '0');
  lab.shell.hosts[1] = BASH_POD;
  assert.equal(sh(lab, 'foo').err, 'bash: foo: command not found');
});

test('clear and exit flags', () => {
  const lab = testLab();
  assert.equal(runLine(lab, 'clear', 'interactive').clear, true);
  lab.shell.hosts.push(BUSYBOX_POD);
  assert.equal(runLine(lab, 'exit', 'interactive').exit, undefined);
  assert.equal(lab.shell.hosts.length, 1);
  assert.equal(runLine(lab, 'exit', 'interactive').exit, true);
});

test('a command that throws is reported, status 70', () => {
  const lab = testLab();
  (lab.sim as unknown as { timers: unknown }).timers = undefined;
  const r = sh(lab, 'sleep 1; echo still here');
  assert.match(r.err, /^k8s-svc-lab: internal error in sleep: /);
  assert.equal(r.out, 'still here');
  assert.equal(sh(lab, 'sleep 1; echo $?').out, '70');
});

test('splitScript keeps heredocs and continuations with their command', () => {
  const script = '# comment\necho a\n\ncat <<EOF | grep x\nx\nEOF\necho b \\\n  c\nls |\n  wc -l\necho "multi\nline"\nfor i in 1 2; do\n  echo $i\ndone\n';
  assert.deepEqual(splitScript(script), [
    { source: 'echo a', startLine: 2 },
    { source: 'cat <<EOF | grep x\nx\nEOF', startLine: 4 },
    { source: 'echo b \\\n  c', startLine: 7 },
    { source: 'ls |\n  wc -l', startLine: 9 },
    { source: 'echo "multi\nline"', startLine: 11 },
    { source: 'for i in 1 2; do\n  echo $i\ndone', startLine: 13 },
  ]);
});

test('output is capped with a notice', () => {
  const r = sh(testLab(), 'cat <<EOF\n' + 'line\n'.repeat(300_000) + 'EOF');
  assert.equal(r.out.split('\n').length, 209_716);
  assert.equal(r.err, 'k8s-svc-lab: output of cat cut off at 1 MB');
});

test('hostile input never throws', () => {
  const lab = testLab();
  const inputs = [
    'echo ' + 'a'.repeat(10_000_000), Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
    '$('.repeat(50_000), '`'.repeat(10_001), '"'.repeat(10_001), 'cat <<EOF\n'.repeat(1000), '|', ';', '&&', ')', '((', '<<', '>&',
    '${', '${}', '$', '\\', 'echo ' + '$(echo '.repeat(40) + 'x' + ')'.repeat(40), 'a=$(', '\u0000\u0001\uffff', 'x'.repeat(100) + '|'.repeat(100),
  ];
  for (const text of inputs) for (const mode of ['script', 'interactive'] as const) {
    assert.doesNotThrow(() => runLine(lab, text, mode), text.slice(0, 40));
  }
});

test('command substitution depth is capped', () => {
  const r = sh(testLab(), 'echo ' + '$(echo '.repeat(20) + 'x' + ')'.repeat(20));
  assert.equal(r.err, 'bash: command substitution nested too deeply (maximum 16 levels)');
});
