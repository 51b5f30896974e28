// The text tools on a pod listing, expected output taken from GNU grep 3.8, coreutils 9.1,
// mawk 1.3.4 and util-linux column 2.38 run on the same input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, type Case } from './bash-helpers.js';

const PODS = ['printf "NAME READY STATUS\\nweb-1 1/1 Running\\nweb-2 0/1 Pending\\ndb-1 1/1 Running\\n" > pods.txt', 'printf "a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\ni\\nj\\nk\\nl\\n" > l.txt'];
const TRY = (tool: string): string => `Try '${tool} --help' for more information.`;

const CASES: Omit<Case, 'setup'>[] = [
  { name: 'grep -i', line: 'grep -i WEB pods.txt', out: 'web-1 1/1 Running\nweb-2 0/1 Pending' },
  { name: 'grep -v', line: 'grep -v Running pods.txt', out: 'NAME READY STATUS\nweb-2 0/1 Pending' },
  { name: 'grep -E', line: "grep -E 'web|db' pods.txt", out: 'web-1 1/1 Running\nweb-2 0/1 Pending\ndb-1 1/1 Running' },
  { name: 'grep BRE alternation is literal', line: "grep 'web|db' pods.txt", status: 1 },
  { name: 'grep -w', line: 'grep -w web pods.txt', out: 'web-1 1/1 Running\nweb-2 0/1 Pending' },
  { name: 'grep -c', line: 'grep -c Running pods.txt', out: '2' },
  { name: 'grep -o', line: "grep -o 'web-[0-9]' pods.txt", out: 'web-1\nweb-2' },
  { name: 'grep -n', line: 'grep -n Pending pods.txt', out: '3:web-2 0/1 Pending' },
  { name: 'grep -A', line: 'grep -A1 web-2 pods.txt', out: 'web-2 0/1 Pending\ndb-1 1/1 Running' },
  { name: 'grep -B', line: 'grep -B 1 db pods.txt', out: 'web-2 0/1 Pending\ndb-1 1/1 Running' },
  { name: 'grep -C with separators', line: 'grep -C1 -e b -e h l.txt', out: 'a\nb\nc\n--\ng\nh\ni' },
  { name: 'grep -e twice', line: 'grep -e db -e NAME pods.txt', out: 'NAME READY STATUS\ndb-1 1/1 Running' },
  { name: 'grep several files', line: 'grep Run pods.txt l.txt', out: 'pods.txt:web-1 1/1 Running\npods.txt:db-1 1/1 Running' },
  { name: 'grep stdin', line: 'cat pods.txt | grep db', out: 'db-1 1/1 Running' },
  { name: 'grep no match', line: 'grep zzz pods.txt', status: 1 },
  { name: 'grep missing file', line: 'grep x nope', err: 'grep: nope: No such file or directory', status: 2 },
  { name: 'grep bad option', line: 'grep -% x', err: "grep: invalid option -- '%'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n" + TRY('grep'), status: 2 },
  { name: 'grep no pattern', line: 'grep', err: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n' + TRY('grep'), status: 2 },
  { name: 'head -N', line: 'head -3 l.txt', out: 'a\nb\nc' },
  { name: 'head -n N', line: 'head -n 2 l.txt', out: 'a\nb' },
  { name: 'head default 10', line: 'head l.txt | wc -l', out: '10' },
  { name: 'head missing', line: 'head nope', err: "head: cannot open 'nope' for reading: No such file or directory", status: 1 },
  { name: 'head bad count', line: 'head -n x l.txt', err: 'head: invalid number of lines: ‘x’', status: 1 },
  { name: 'tail -N', line: 'tail -2 l.txt', out: 'k\nl' },
  { name: 'tail -n +N', line: 'tail -n +11 l.txt', out: 'k\nl' },
  { name: 'tail headers', line: 'tail -n 1 pods.txt l.txt', out: '==> pods.txt <==\ndb-1 1/1 Running\n\n==> l.txt <==\nl' },
  { name: 'wc -l file', line: 'wc -l pods.txt', out: '4 pods.txt' },
  { name: 'wc file', line: 'wc pods.txt', out: ' 4 12 71 pods.txt' },
  { name: 'wc files', line: 'wc -l pods.txt l.txt', out: ' 4 pods.txt\n12 l.txt\n16 total' },
  { name: 'wc stdin', line: 'echo a b | wc', out: '      1       2       4' },
  { name: 'wc -l stdin', line: 'cat pods.txt | wc -l', out: '4' },
  { name: 'sort -k', line: 'sort -k3 pods.txt', out: 'web-2 0/1 Pending\ndb-1 1/1 Running\nweb-1 1/1 Running\nNAME READY STATUS' },
  { name: 'sort -r', line: 'sort -r l.txt | head -2', out: 'l\nk' },
  { name: 'sort -n', line: 'printf "10\\n9\\n100\\n" | sort -n', out: '9\n10\n100' },
  { name: 'sort -t -k -n', line: 'printf "a:3\\nb:1\\nc:2\\n" | sort -t: -k2 -n', out: 'b:1\nc:2\na:3' },
  { name: 'sort -u', line: 'printf "b\\na\\nb\\n" | sort -u', out: 'a\nb' },
  { name: 'sort bad option', line: 'sort -Q', err: "sort: invalid option -- 'Q'\n" + TRY('sort'), status: 2 },
  { name: 'uniq -c', line: 'printf "a\\na\\nb\\n" | uniq -c', out: '      2 a\n      1 b' },
  { name: 'uniq -d', line: 'printf "a\\na\\nb\\n" | uniq -d', out: 'a' },
  { name: 'sort | uniq -c | sort -rn', line: "awk '{print $3}' pods.txt | sort | uniq -c | sort -rn", out: '      2 Running\n      1 STATUS\n      1 Pending' },
  { name: 'cut -d -f', line: "cut -d' ' -f1,3 pods.txt", out: 'NAME STATUS\nweb-1 Running\nweb-2 Pending\ndb-1 Running' },
  { name: 'cut -c', line: 'cut -c1-3 pods.txt', out: 'NAM\nweb\nweb\ndb-' },
  { name: 'cut without list', line: 'cut pods.txt', err: 'cut: you must specify a list of bytes, characters, or fields\n' + TRY('cut'), status: 1 },
  { name: 'awk $1', line: "awk '{print $1}' pods.txt", out: 'NAME\nweb-1\nweb-2\ndb-1' },
  { name: 'awk NR>1 and commas', line: "awk 'NR>1 {print $1, $3}' pods.txt", out: 'web-1 Running\nweb-2 Pending\ndb-1 Running' },
  { name: 'awk /re/ NR NF $NF', line: "awk '/web/ {print NR, NF, $NF}' pods.txt", out: '2 3 Running\n3 3 Pending' },
  { name: 'awk -F', line: "awk -F/ '{print $2}' pods.txt", out: '\n1 Running\n1 Pending\n1 Running' },
  { name: 'awk sum in END', line: "printf '1\\n2\\n3\\n' | awk '{s += $1} END {print s}'", out: '6' },
  { name: 'awk comparison pattern', line: "awk '$3 == \"Running\"' pods.txt", out: 'web-1 1/1 Running\ndb-1 1/1 Running' },
  { name: 'awk printf', line: "awk 'NR==2 {printf \"%-6s|%s\\n\", $1, $2}' pods.txt", out: 'web-1 |1/1' },
  { name: 'awk syntax error', line: "awk '{print $1' pods.txt", err: 'awk: line 1: syntax error at or near end of file', status: 2 },
  { name: 'awk bad option', line: 'awk -Q', err: 'awk: not an option: -Q', status: 2 },
  { name: 'tr ranges', line: 'tr a-z A-Z < pods.txt | tail -1', out: 'DB-1 1/1 RUNNING' },
  { name: 'tr -d', line: 'tr -d 0-9 < pods.txt | tail -1', out: 'db- / Running' },
  { name: 'tr -s', line: 'echo "a    b" | tr -s " "', out: 'a b' },
  { name: 'tr classes', line: 'echo Hello | tr "[:lower:]" "[:upper:]"', out: 'HELLO' },
  { name: 'tr one set', line: 'tr a', err: 'tr: missing operand after ‘a’\nTwo strings must be given when translating.\n' + TRY('tr'), status: 1 },
  { name: 'column -t', line: 'column -t pods.txt', out: 'NAME   READY  STATUS\nweb-1  1/1    Running\nweb-2  0/1    Pending\ndb-1   1/1    Running' },
  { name: 'seq', line: 'seq 3; seq 2 4 | tr "\\n" " "; seq -w 9 10', out: '1\n2\n3\n2 3 4 09\n10' },
  { name: 'seq bad', line: 'seq x', err: 'seq: invalid floating point argument: ‘x’\n' + TRY('seq'), status: 1 },
  { name: 'xargs', line: 'printf "a\\nb\\n" | xargs echo got', out: 'got a b' },
  { name: 'xargs -n1', line: 'printf "a b" | xargs -n1 echo got', out: 'got a\ngot b' },
  { name: 'xargs -I', line: 'printf "a\\nb\\n" | xargs -I{} echo "<{}>"', out: '<a>\n<b>' },
];

for (const c of CASES) {
  test(`text: ${c.name}`, () => {
    const { got, want } = runCase({ ...c, setup: PODS });
    assert.deepEqual(got, want);
  });
}
