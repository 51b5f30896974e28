// sed's everyday subset: substitutions with groups, & and flags, d and p with addresses, -n, -E,
// -i on the lab's files, and GNU sed's error texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, type Case } from './bash-helpers.js';

const cases: Case[] = [
  { name: 'global substitution', line: 'echo "hello world" | sed s/o/0/g', out: 'hell0 w0rld' },
  { name: 'first match only', line: 'echo aaa | sed s/a/b/', out: 'baa' },
  { name: 'groups with -E', line: 'echo "a=1" | sed -E "s/(a)=([0-9])/\\2=\\1/"', out: '1=a' },
  { name: 'basic regex groups', line: "echo 'key: value' | sed 's/\\(.*\\): \\(.*\\)/\\2 \\1/'", out: 'value key' },
  { name: '& and another delimiter', line: 'echo q | sed -e "s|q|Q|" -e "s/Q/&&/"', out: 'QQ' },
  { name: 'print one line with -n', line: 'printf "x\\ny\\nz\\n" | sed -n 2p', out: 'y' },
  { name: 'delete by regex', line: 'printf "x\\ny\\nz\\n" | sed /y/d', out: 'x\nz' },
  { name: 'the last line', line: 'printf "x\\ny\\n" | sed -n \'$p\'', out: 'y' },
  { name: 'in place on a lab file', setup: ['echo abc > f.txt', 'sed -i s/b/B/ f.txt'], line: 'cat f.txt', out: 'aBc' },
  { name: 'the kube-proxy mode edit', line: 'echo \'    mode: ""\' | sed \'s/mode: ""/mode: "ipvs"/\'', out: '    mode: "ipvs"' },
  { name: 'unterminated s', line: 'sed s/x', err: "sed: -e expression #1, char 3: unterminated `s' command", status: 1 },
  { name: 'unknown command', line: 'echo x | sed q', err: "sed: -e expression #1, char 1: unknown command: `q'", status: 1 },
  { name: 'no script', line: 'sed', err: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...', status: 1 },
];

for (const c of cases) {
  test(`sed: ${c.name}`, () => {
    const { got, want } = runCase(c);
    assert.deepEqual(got, want);
  });
}
