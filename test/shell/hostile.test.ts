// Bad input through the whole shell: each gets bash's or kubectl's message (or the lab's own where
// they would hang or exhaust memory), a non-zero status where they fail, and the cluster unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './bash-helpers.js';
import { testLab } from './harness.js';

const manyDocs = Array.from({ length: 10_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
const deepBlocks = `a:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}b:`).join('\n')}\n`;
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

const cases: { name: string; line: string; err: string; status: number; out?: string }[] = [
  { name: 'an unbalanced single quote', line: "echo 'abc", err: "bash: unexpected EOF while looking for matching `''", status: 2 },
  { name: 'an unbalanced double quote', line: 'kubectl get pods -l "app=web', err: 'bash: unexpected EOF while looking for matching `"\'', status: 2 },
  { name: '$( without )', line: 'echo $(kubectl get pods', err: "bash: unexpected EOF while looking for matching `)'", status: 2 },
  { name: 'an unclosed backquote', line: 'echo `hostname', err: "bash: unexpected EOF while looking for matching ``'", status: 2 },
  { name: 'a pipe into nothing', line: 'kubectl get pods |', err: 'bash: syntax error: unexpected end of file', status: 2 },
  { name: 'a pipe from nothing', line: '| grep web', err: "bash: syntax error near unexpected token `|'", status: 2 },
  { name: 'a redirection without a file', line: 'kubectl get pods >', err: "bash: syntax error near unexpected token `newline'", status: 2 },
  { name: 'an unfinished if', line: 'if true; then echo x', err: 'bash: syntax error: unexpected end of file', status: 2 },
  { name: 'a stray fi', line: 'fi', err: "bash: syntax error near unexpected token `fi'", status: 2 },
  { name: 'an unterminated heredoc still runs, with bash\'s warning', line: 'cat <<EOF\nabc', out: 'abc', err: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')", status: 0 },
  { name: 'an unterminated heredoc into kubectl apply', line: 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok', out: 'configmap/ok created', err: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')", status: 0 },
  { name: 'a YAML alias bomb', line: `cat <<EOF | kubectl apply -f -\n${bomb}\nEOF`, err: 'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing', status: 1 },
  { name: '10,000 documents', line: `cat <<EOF | kubectl apply -f -\n${manyDocs}EOF`, err: 'error: error reading STDIN: the lab reads at most 1000 documents per file; this one has 10000', status: 1 },
  { name: 'deep block nesting', line: `cat <<EOF | kubectl apply -f -\n${deepBlocks}EOF`, err: 'error: error parsing STDIN: error converting YAML to JSON: yaml: exceeded max depth of 100', status: 1 },
  { name: 'deep flow nesting', line: `echo '${'['.repeat(3000)}${']'.repeat(3000)}' | kubectl apply -f -`, err: 'error: error parsing STDIN: error converting YAML to JSON: yaml: exceeded max depth of 100', status: 1 },
  {
    name: 'a 10 MB manifest line: the pipe carries its first 1 MB, which kubectl then refuses',
    line: `echo 'a: ${'x'.repeat(10_000_000)}' | kubectl apply -f -`,
    err: 'k8s-svc-lab: output of echo cut off at 1 MB\nerror: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    status: 1,
  },
  { name: 'binary garbage as a command', line: '\u0001\u0002\u00ff', err: 'bash: \u0001\u0002\u00ff: command not found', status: 127 },
];

for (const c of cases) {
  test(`bad input: ${c.name}`, () => {
    const lab = testLab();
    const before = JSON.stringify(lab.sim.objects);
    const r = sh(lab, c.line);
    assert.deepEqual({ out: r.out, err: r.err, status: r.status }, { out: c.out ?? '', err: c.err, status: c.status });
    if (c.status !== 0) assert.equal(JSON.stringify(lab.sim.objects), before, 'the cluster is unchanged');
  });
}

test('a 10 MB line is echoed up to the output cap, not held forever', () => {
  const r = sh(testLab(), `echo ${'a'.repeat(10_000_000)}`);
  assert.equal(r.out.length, 1024 * 1024);
  assert.equal(r.err, 'k8s-svc-lab: output of echo cut off at 1 MB');
});
