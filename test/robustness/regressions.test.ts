// What the fuzzer found, each kept as a named case: the line, and what it prints now. Texts of
// bash, coreutils, kubectl and Go are theirs (checked against bash 5.2, coreutils 9.1 and kubectl's
// and Go's sources); `k8s-svc-lab:` lines are the lab's own limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from '../shell/bash-helpers.js';
import { testLab, type TestLab } from '../shell/harness.js';

const DAY_MS = 86_400_000;

/** Runs setup lines, then the line; returns what the line showed. */
function after(lab: TestLab, setup: string[], line: string): { out: string; err: string; status: number } {
  for (const s of setup) sh(lab, s);
  const r = sh(lab, line);
  return { out: r.out, err: r.err, status: r.status };
}

test('sleep 999999999d moved the clock for hours of real time: it stops after a week of simulated time', () => {
  const lab = testLab();
  const before = lab.sim.now;
  assert.deepEqual(after(lab, [], 'sleep 999999999d'), { out: '', err: 'k8s-svc-lab: sleep stopped after 7 days of simulated time', status: 0 });
  assert.equal(lab.sim.now - before, 7 * DAY_MS);
});

test('sleep reads numbers as GNU sleep does: exponents and infinity, lower-case units only', () => {
  const lab = testLab();
  const before = lab.sim.now;
  assert.deepEqual(after(lab, [], 'sleep 1e3 .5 && echo ok'), { out: 'ok', err: '', status: 0 });
  assert.equal(lab.sim.now - before, 1_000_500);
  assert.equal(after(lab, [], 'sleep infinity').err, 'k8s-svc-lab: sleep stopped after 7 days of simulated time');
  assert.deepEqual(after(lab, [], 'sleep 1D'), { out: '', err: "sleep: invalid time interval ‘1D’\nTry 'sleep --help' for more information.", status: 1 });
});

test('seq past the output cap overflowed the stack when it measured its widest number', () => {
  assert.deepEqual(after(testLab(), [], 'seq 1 100000000 | tail -1'), { out: '16566', err: 'k8s-svc-lab: output of seq cut off at 1 MB', status: 0 });
});

test('ls -l of 100,000 files overflowed the stack when it measured its widest size', () => {
  const r = after(testLab(), ['mkdir d', 'cd d', 'touch $(seq 100000)'], 'ls -l | wc -l');
  assert.deepEqual(r, { out: '23892', err: 'k8s-svc-lab: output of ls cut off at 1 MB', status: 0 });
});

test('printf with a huge width exhausted memory; the field is cut at the output cap', () => {
  assert.deepEqual(after(testLab(), [], 'printf "%999999999d" 1 | wc -c'), { out: '1048576', err: 'k8s-svc-lab: output of printf cut off at 1 MB', status: 0 });
  assert.deepEqual(after(testLab(), [], 'printf "%999999999d%999999999d" 1 2 $(seq 100) | wc -c'), { out: '1048576', err: 'k8s-svc-lab: output of printf cut off at 1 MB', status: 0 });
});

test('printf with a precision past 100 threw; integers past 64 bits printed Infinity or 1e+21', () => {
  const lab = testLab();
  assert.deepEqual(after(lab, [], 'printf "%.200f\\n" 1 | wc -c'), { out: '203', err: '', status: 0 });
  assert.deepEqual(after(lab, [], 'printf "%.120e\\n" 1 | wc -c'), { out: '127', err: '', status: 0 });
  assert.deepEqual(after(lab, [], 'printf "%x %o\\n" -1 -1'), { out: 'ffffffffffffffff 1777777777777777777777', err: '', status: 0 });
  // bash also warns "printf: warning: 99999999999999999999: Numerical result out of range"; the lab does not.
  assert.equal(after(lab, [], 'printf "%d\\n" 99999999999999999999').out, '9223372036854775807');
});

test('ping -c 99999999 ran for hours; the lab stops it after 100 requests, as Ctrl-C would', () => {
  const r = after(testLab(), [], 'ping -c 99999999 192.168.56.11 | tail -4 | head -3');
  assert.deepEqual(r, { out: '^C\n--- 192.168.56.11 ping statistics ---\n100 packets transmitted, 100 received, 0% packet loss, time 99002ms', err: '', status: 0 });
});

test('kubectl wait takes Go durations: a negative timeout waits a week, and a longer one no more than that', () => {
  const lab = testLab();
  sh(lab, 'kubectl run x --image=nginx');
  const before = lab.sim.now;
  assert.deepEqual(after(lab, [], 'kubectl wait --for=condition=Bogus pod/x --timeout=-1s'), { out: '', err: 'error: timed out waiting for the condition on pods/x', status: 1 });
  assert.equal(lab.sim.now - before, 7 * DAY_MS);
  const mark = lab.sim.now;
  assert.equal(after(lab, [], 'kubectl wait --for=condition=Bogus pod/x --timeout=99999h').status, 1);
  assert.equal(lab.sim.now - mark, 7 * DAY_MS);
  assert.equal(after(lab, [], 'kubectl wait --for=condition=Ready pod/x --timeout=1h30m').out, 'pod/x condition met');
});

test('a malformed --timeout gets Go time.ParseDuration\'s own error', () => {
  // Only the error line is checked: whether kubectl adds its usage hint here was not confirmed.
  const lab = testLab();
  const first = (line: string): string => after(lab, [], line).err.split('\n')[0]!;
  assert.equal(first('kubectl wait --for=delete pod/x --timeout=1d'), 'error: invalid argument "1d" for "--timeout" flag: time: unknown unit "d" in duration "1d"');
  assert.equal(first('kubectl wait --for=delete pod/x --timeout=5'), 'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
  assert.equal(first('kubectl rollout status deploy/coredns -n kube-system --timeout=.s'), 'error: invalid argument ".s" for "--timeout" flag: time: invalid duration ".s"');
});

test('rollout status --revision watched for ten minutes; kubectl fails at once when the revision differs', () => {
  const lab = testLab();
  const r = after(lab, ['kubectl create deployment web --image=nginx'], 'kubectl rollout status deploy/web --revision=2');
  assert.deepEqual(r, { out: '', err: 'error: desired revision (2) is different from the running revision (1)', status: 1 });
  sh(lab, 'kubectl set image deploy/web nginx=nginx:1.28');
  assert.equal(after(lab, [], 'kubectl rollout status deploy/web --revision=2').status, 0);
});

test('exit 32767 returned 32767; bash keeps the low eight bits and refuses what is not a number', () => {
  const lab = testLab();
  assert.deepEqual(after(lab, ['ssh node01'], 'exit 32767'), { out: 'logout\nConnection to node01 closed.', err: '', status: 255 });
  assert.deepEqual(after(lab, ['ssh node01'], 'exit -1'), { out: 'logout\nConnection to node01 closed.', err: '', status: 255 });
  assert.deepEqual(after(lab, ['ssh node01'], 'exit abc'), { out: 'logout\nConnection to node01 closed.', err: 'bash: exit: abc: numeric argument required', status: 2 });
  assert.deepEqual(after(lab, ['ssh node01'], 'exit 1 2'), { out: '', err: 'bash: exit: too many arguments', status: 1 });
  assert.equal(after(lab, [], 'hostname').out, 'node01');
});

test('a loop flooding the terminal held gigabytes; the line stops showing output at 4 MB and the loop ends', () => {
  const r = after(testLab(), [], 'for i in $(seq 300); do seq 100000; done');
  assert.equal(r.err, 'k8s-svc-lab: output of this line cut off at 4 MB\nk8s-svc-lab: loop stopped after its output was cut off');
  assert.equal(r.out.length, 4 * 1024 * 1024);
});

test('a loop writing into a full pipe kept running; it ends once its output is cut off', () => {
  const r = after(testLab(), [], 'while true; do seq 100000; done | tail -c 6');
  assert.deepEqual(r, { out: '64\n784', err: 'k8s-svc-lab: output of seq cut off at 1 MB\nk8s-svc-lab: loop stopped after its output was cut off', status: 0 });
});

test('a loop of long sleeps let months pass; loops stop a simulated hour into the line', () => {
  const lab = testLab();
  const before = lab.sim.now;
  assert.deepEqual(after(lab, [], 'while true; do sleep 0 1000; done'), { out: '', err: 'k8s-svc-lab: loop stopped after an hour of simulated time', status: 0 });
  assert.equal(lab.sim.now - before, 4 * 1000 * 1000);
});

test('a loop deleting every kube-system pod ran for seconds of real time; it stops an hour of simulated time in', () => {
  const r = after(testLab(), [], 'while true; do kubectl -n kube-system delete pods --all; done >/dev/null');
  assert.deepEqual({ err: r.err, status: r.status }, { err: 'k8s-svc-lab: loop stopped after an hour of simulated time', status: 0 });
});

test('deleting the nodes made the kubelet and the garbage collector recreate and delete mirror pods forever', () => {
  const lab = testLab();
  assert.deepEqual(after(lab, [], 'kubectl delete nodes --all'), { out: 'node "controlplane" deleted\nnode "node01" deleted\nnode "node02" deleted', err: '', status: 0 });
  assert.equal(after(lab, [], 'kubectl get pods -n kube-system -o name | grep -c controlplane').out, '0');
});

test('a YAML syntax error after a 100 KB line took quadratic time to place (40 s); it is placed in one pass', () => {
  const r = after(testLab(), [], 'printf "a: %100000s\\nb: [1, 2\\n" x | kubectl apply -f -');
  assert.deepEqual(r, { out: '', err: "error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'", status: 1 });
});

test('read trimmed its line with a regex that backtracked over every run of blanks (7 s for 300 KB)', () => {
  const lab = testLab();
  assert.deepEqual(after(lab, [], 'printf "%99999d" 1 2 3 | { read l; echo ${#l}; }'), { out: '199999', err: '', status: 0 });
  assert.deepEqual(after(lab, [], 'echo "  a   b  " | { read x y; echo "[$x][$y]"; }'), { out: '[a][b]', err: '', status: 0 });
});

test('a 50,000-character pattern threw "Regular expression too large" in the middle of grep', () => {
  // GNU grep takes such a pattern; the lab refuses it with glibc's REG_ESIZE text, so only the shape is fixed here.
  const r = after(testLab(), [], `grep -E "${'\t'.repeat(50_000)}" /etc/hosts`);
  assert.deepEqual(r, { out: '', err: 'grep: Regular expression too big', status: 2 });
  assert.equal(after(testLab(), [], `sed 's/${'\t'.repeat(50_000)}/x/' /etc/hosts | wc -l`).err.includes('internal error'), false);
});

test('events still expire an hour after they were last seen, at most a minute late', () => {
  const lab = testLab();
  sh(lab, 'kubectl create deployment web --image=nginx');
  sh(lab, 'sleep 3599');
  assert.notEqual(sh(lab, 'kubectl get events --field-selector reason=ScalingReplicaSet --no-headers').out, '');
  sh(lab, 'sleep 62');
  assert.equal(sh(lab, 'kubectl get events').err, 'No resources found in default namespace.');
});

test('trace with a carriage return in its host name crashed on the host:port split; it now says the name does not resolve', () => {
  const lab = testLab();
  assert.deepEqual(after(lab, [], 'trace w\reb'), { out: '', err: 'trace: cannot resolve w\reb: no DNS server answered', status: 1 });
});
