// Terminal safety: control characters that reach the lab from a learner or a lesson are shown the
// way `cat -v` shows them, never sent to the terminal — in the scrollback, in the panes, in `run`
// on a terminal — and a lesson whose text holds one is reported with its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable } from '../../src/shell/printers/printable.js';
import { Session } from '../../src/app/session.js';
import { fit } from '../../src/ui/pane-frame.js';
import { promptView } from '../../src/ui/prompt/line-editor.js';
import { parseLesson } from '../../src/lessons/parse.js';
import { runScript } from '../../src/app/script.js';
import { realFiles } from '../../src/app/real-files.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

test('control characters are shown as cat -v shows them; tabs and ordinary text stay', () => {
  assert.equal(printable('\u001b[2J\u001b]0;pwned\u0007'), '^[[2J^[]0;pwned^G');
  assert.equal(printable('a\tb ünïcødé ✓'), 'a\tb ünïcødé ✓');
  assert.equal(printable('del\u007f c1\u009b nul\u0000 cr\r lf\n'), 'del^? c1M-^[ nul^@ cr^M lf^J');
  assert.equal(printable('abc\u202edef'), 'abc<U+202E>def', 'a right-to-left override cannot reorder what is read');
  assert.equal(printable(printable('\u001b[31m')), '^[[31m', 'showing twice changes nothing');
});

test('what a command prints reaches the scrollback shown, not obeyed', () => {
  const s = new Session();
  s.submit("printf 'before\\033[2J\\033[Hafter\\n' > /root/trap.txt");
  s.submit('cat /root/trap.txt');
  s.submit("kubectl create configmap x --from-literal=k=$(printf '\\033]0;title\\007')");
  s.submit('kubectl get configmap x -o jsonpath={.data.k}');
  const text = s.lines.map((l) => l.text);
  assert.ok(text.includes('before^[[2J^[[Hafter'), text.join('\n'));
  assert.ok(text.some((l) => l.includes('^[]0;title^G')), text.join('\n'));
  for (const l of text) assert.doesNotMatch(l, CONTROL);
});

test('a pasted escape sequence shows at the prompt as text', () => {
  assert.deepEqual(promptView('a\u001b[2Jb', 6, 40), { before: 'a^[[2Jb', at: ' ', after: '' });
});

test('a pane row is cut after its control characters are shown', () => {
  assert.equal(fit('\u001b[2Jab', 6), '^[[2Jab'.slice(0, 5) + '…');
  assert.equal(fit('ok', 6), 'ok');
});

test('run on a terminal shows control characters; into a pipe or file it passes them on', () => {
  const script = "printf 'x\\033[2Jy\\n'\necho done\n";
  const host = realFiles(process.cwd());
  assert.equal(runScript(script, { config: {}, echo: true, host, showControls: true }).output, "root@controlplane:~# printf 'x\\033[2Jy\\n'\nx^[[2Jy\nroot@controlplane:~# echo done\ndone\n");
  assert.equal(runScript(script, { config: {}, echo: false, host }).output, 'x\u001b[2Jy\ndone\n');
});

test('a lesson whose text holds a control character is reported with its line and not loaded', () => {
  const r = parseLesson('id: trap\ntitle: "Trap \\e[2J"\nintro: fine\nsteps:\n  - goal: "do \\u009b it"\n    checks:\n      - check: ran\n        command: kubectl\n', 'trap.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.ok(r.errors.includes('trap.yaml:2: title contains the control character U+001B: lesson text is shown in the learner\'s terminal'), r.errors.join('\n'));
  assert.ok(r.errors.includes('trap.yaml:5: steps.0.goal contains the control character U+009B: lesson text is shown in the learner\'s terminal'), r.errors.join('\n'));
});
