// The shell's builtins and file commands, with texts checked against GNU bash 5.2, coreutils 9.1
// (C.UTF-8 locale: mkdir and sleep quote ‘so’, rm/ls/touch 'so') and procps-ng watch 4.0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, sh, type Case } from './bash-helpers.js';
import { testLab } from './harness.js';

const TRY = (tool: string): string => `Try '${tool} --help' for more information.`;

const CASES: Case[] = [
  { name: 'echo -n', line: 'echo -n a; echo b', out: 'ab' },
  { name: 'echo -e', line: 'echo -e "a\\tb\\nc"', out: 'a\tb\nc' },
  { name: 'echo without -e keeps backslashes', line: 'echo "a\\nb"', out: 'a\\nb' },
  { name: 'echo -x is an argument', line: 'echo -x', out: '-x' },
  { name: 'pwd and cd', line: 'pwd; mkdir d; cd d; pwd; cd ..; pwd; cd; pwd', out: '/root\n/root/d\n/root\n/root' },
  { name: 'cd -', line: 'cd /tmp; cd -; pwd', out: '/root\n/root' },
  { name: 'cd missing', line: 'cd nope', err: 'bash: cd: nope: No such file or directory', status: 1 },
  { name: 'cd into a file', setup: ['touch f'], line: 'cd f', err: 'bash: cd: f: Not a directory', status: 1 },
  { name: 'cd too many', line: 'cd a b', err: 'bash: cd: too many arguments', status: 1 },
  { name: 'export and env', line: 'export NS=web; env | grep NS; printenv NS', out: 'NS=web\nweb' },
  { name: 'unexported vars stay out of env', line: 'X=1; env | grep -c X=', out: '0', status: 1 },
  { name: 'export listing', line: 'export -p | head -1', out: 'declare -x HOME="/root"' },
  { name: 'export bad name', line: 'export 1a', err: "bash: export: `1a': not a valid identifier", status: 1 },
  { name: 'unset', line: 'X=1; unset X; echo "[$X]"', out: '[]' },
  { name: 'printenv missing', line: 'printenv NOPE', status: 1 },
  { name: 'true false', line: 'true; echo $?; false; echo $?', out: '0\n1' },
  { name: 'test -f -d', setup: ['touch f', 'mkdir d'], line: 'test -f f && echo f; [ -d d ] && echo d; [ -f d ] || echo notf', out: 'f\nd\nnotf' },
  { name: 'test strings', line: '[ -z "" ] && [ -n x ] && [ a = a ] && [ a != b ] && echo ok', out: 'ok' },
  { name: 'test !', line: '[ ! -e nope ] && echo gone', out: 'gone' },
  { name: 'test integers', line: '[ 2 -gt 1 ] && echo yes', out: 'yes' },
  { name: '[ without ]', line: '[ a', err: "bash: [: missing `]'", status: 2 },
  { name: 'test bad integer', line: '[ 1 -eq x ]', err: 'bash: [: x: integer expression expected', status: 2 },
  { name: 'cat files', setup: ['echo a > x', 'echo b > y'], line: 'cat x y', out: 'a\nb' },
  { name: 'cat stdin', line: 'echo hi | cat', out: 'hi' },
  { name: 'cat -', line: 'echo hi | cat - ', out: 'hi' },
  { name: 'cat missing', line: 'cat nope.yaml', err: 'cat: nope.yaml: No such file or directory', status: 1 },
  { name: 'cat dir', line: 'mkdir d; cat d', err: 'cat: d: Is a directory', status: 1 },
  { name: 'cat bad option', line: 'cat -z', err: "cat: invalid option -- 'z'\n" + TRY('cat'), status: 1 },
  { name: 'ls columns on the terminal', setup: ['touch b.yaml a.yaml', 'mkdir web'], line: 'ls', out: 'a.yaml  b.yaml  web' },
  { name: 'ls in a pipe, one per line', setup: ['touch b.yaml a.yaml'], line: 'ls | cat', out: 'a.yaml\nb.yaml' },
  { name: 'ls -1 and -a', setup: ['touch .hidden v'], line: 'ls -1; ls -a', out: 'v\n.  ..  .hidden  v' },
  { name: 'ls -l', setup: ['echo hello > f', 'mkdir d'], line: 'ls -l', out: 'total 8\ndrwxr-xr-x 2 root root 4096 Jan 15 09:00 d\n-rw-r--r-- 1 root root    6 Jan 15 09:00 f' },
  { name: 'ls a file', setup: ['touch f'], line: 'ls f', out: 'f' },
  { name: 'ls missing', line: 'ls nope', err: "ls: cannot access 'nope': No such file or directory", status: 2 },
  { name: 'ls bad option', line: 'ls -z', err: "ls: invalid option -- 'z'\n" + TRY('ls'), status: 2 },
  { name: 'mkdir nested without -p', line: 'mkdir a/b', err: 'mkdir: cannot create directory ‘a/b’: No such file or directory', status: 1 },
  { name: 'mkdir -p', line: 'mkdir -p a/b/c && ls a/b', out: 'c' },
  { name: 'mkdir existing', line: 'mkdir d; mkdir d', err: 'mkdir: cannot create directory ‘d’: File exists', status: 1 },
  { name: 'mkdir no operand', line: 'mkdir', err: 'mkdir: missing operand\n' + TRY('mkdir'), status: 1 },
  { name: 'rm', setup: ['touch f'], line: 'rm f; ls', out: '' },
  { name: 'rm missing', line: 'rm x', err: "rm: cannot remove 'x': No such file or directory", status: 1 },
  { name: 'rm -f missing', line: 'rm -f x', status: 0 },
  { name: 'rm dir', line: 'mkdir d; rm d', err: "rm: cannot remove 'd': Is a directory", status: 1 },
  { name: 'rm -r dir', line: 'mkdir -p d/e; touch d/e/f; rm -r d; ls', out: '' },
  { name: 'rm no operand', line: 'rm', err: 'rm: missing operand\n' + TRY('rm'), status: 1 },
  { name: 'touch', line: 'touch a b; ls', out: 'a  b' },
  { name: 'touch keeps content', setup: ['echo hi > f'], line: 'touch f; cat f', out: 'hi' },
  { name: 'touch into missing dir', line: 'touch a/b', err: "touch: cannot touch 'a/b': No such file or directory", status: 1 },
  { name: 'touch no operand', line: 'touch', err: 'touch: missing file operand\n' + TRY('touch'), status: 1 },
  { name: 'printf', line: 'printf "%s=%d\\n" a 1 b 2', out: 'a=1\nb=2' },
  { name: 'sleep bad', line: 'sleep x', err: 'sleep: invalid time interval ‘x’\n' + TRY('sleep'), status: 1 },
  { name: 'sleep no operand', line: 'sleep', err: 'sleep: missing operand\n' + TRY('sleep'), status: 1 },
  { name: 'watch', line: 'watch -n 5 echo hi', out: 'Every 5.0s: echo hi\n\nhi' },
  { name: 'watch default', line: 'watch echo a  b | head -1', out: 'Every 2.0s: echo a b' },
  { name: 'help COMMAND', line: 'help cd', out: 'cd: cd [DIR]\n    change the working directory (~ by default, - for the previous one)' },
  { name: 'help kubectl', line: 'help kubectl | head -1', out: 'kubectl: kubectl [command] [TYPE] [NAME] [flags]' },
  { name: 'help unknown', line: 'help nope', err: "bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.", status: 1 },
  { name: 'which', line: 'which kubectl grep cd; echo $?', out: '/usr/bin/kubectl\n/usr/bin/grep\n1' },
  { name: 'type', line: 'type cd grep nope', out: 'cd is a shell builtin\ngrep is /usr/bin/grep', err: 'bash: type: nope: not found', status: 1 },
  { name: 'help lists groups', line: 'help | grep -c ":$"', out: '6' },
];

for (const c of CASES) {
  test(`tools: ${c.name}`, () => {
    const { got, want } = runCase(c);
    assert.deepEqual(got, want);
  });
}

test('sleep advances the simulated clock', () => {
  const lab = testLab();
  const t0 = lab.sim.now;
  sh(lab, 'sleep 1.5; sleep 2s; sleep 1m');
  assert.equal(lab.sim.now - t0, 63_500);
});

test('real files show through on controlplane, read-only', () => {
  const lab = testLab();
  lab.host = { readRealFile: (p) => (p === 'web.yaml' ? 'kind: Service\n' : undefined), listRealDir: (p) => (p === '.' ? ['web.yaml'] : undefined) };
  assert.equal(sh(lab, 'cat web.yaml; cat /root/web.yaml; ls').out, 'kind: Service\nkind: Service\nweb.yaml');
  sh(lab, 'echo changed > web.yaml');
  assert.equal(sh(lab, 'cat web.yaml').out, 'changed');
  assert.equal(lab.host.readRealFile!('web.yaml'), 'kind: Service\n');
});
