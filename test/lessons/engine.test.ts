// The lesson engine on a small lesson: parsing errors with file and line, a run's checks with their
// reasons, hints one at a time, the solution after a confirmation, undo and reset, completion and
// the progress it saves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLesson, lineOf } from '../../src/lessons/parse.js';
import { LessonRun } from '../../src/app/lesson-run.js';
import { realFiles } from '../../src/app/real-files.js';
import { runLine } from '../../src/shell/shell.js';
import type { Lesson } from '../../src/lessons/types.js';

const TINY = readFileSync(new URL('./fixtures/tiny.yaml', import.meta.url), 'utf8');

function tiny(): Lesson {
  const p = parseLesson(TINY, 'tiny.yaml');
  assert.ok(p.ok, p.ok ? '' : p.errors.join('\n'));
  return p.lesson;
}

const said = (run: LessonRun): string => run.session.lines.map((l) => l.text).join('\n');

test('mistakes in a lesson file are reported with the file and line', () => {
  const bad = TINY.replace('        type: ClusterIP', '        type: ClusterIP\n        colour: blue').replace('check: ran', 'check: ranx').replace('id: tiny', 'id: Tiny Lesson');
  const p = parseLesson(bad, 'bad.yaml');
  assert.equal(p.ok, false);
  if (p.ok) return;
  assert.deepEqual(p.errors, [
    'bad.yaml:1: id "Tiny Lesson" must be lower-case words joined by -',
    'bad.yaml:18: check service: unknown parameter "colour" (expected name, namespace, type, port, targetPort, nodePort, selector)',
    'bad.yaml:36: unknown check "ranx" (known: object, service, endpoints, pods, pod-replaced, connect, spread, rule, ipvs, proxy-mode, kube-proxy, dns, ran, file)',
  ]);
  assert.deepEqual(parseLesson('id: [unclosed', 'x.yaml'), { ok: false, errors: ['x.yaml:1: unexpected end of the stream within a flow collection'] });
  assert.deepEqual(parseLesson('- a\n- b\n', 'x.yaml'), { ok: false, errors: ['x.yaml:1: a lesson is a mapping (id:, title:, steps: ...)'] });
  assert.equal(lineOf(TINY, ['steps', 1, 'checks', 0]), 35);
});

test('a run: the checks explain themselves, a wrong attempt does not pass, the solution does, the lesson completes', () => {
  const saved: unknown[] = [];
  const run = new LessonRun(tiny(), { progress: { save: (id, p) => saved.push({ id, ...p }) } });
  assert.deepEqual(run.results.map((r) => r.pass), [false, false]);
  assert.equal(run.results[0]!.reason, 'there is no Service named web yet');
  assert.equal(run.session.shell.files['node/controlplane']?.['/root/notes.txt']?.type, 'file');
  run.submit('kubectl create service clusterip web --tcp=80:80 && kubectl patch svc web -p \'{"spec":{"selector":{"app":"website"}}}\'');
  assert.equal(run.step, 0);
  assert.match(run.results[1]!.reason, /^web has no ready endpoints, 2 wanted: web selects app=website, but no pod has that label; the pods are labelled app=web,pod-template-hash=/);
  run.submit('undo');
  assert.equal(run.results[0]!.reason, 'there is no Service named web yet', 'undo took the Service away');
  run.submit('hint');
  run.submit('hint');
  run.submit('hint');
  assert.match(said(run), /Hint 1\/2: kubectl expose makes[\s\S]*Hint 2\/2: kubectl expose deployment web --port 80[\s\S]*That was the last hint/);
  run.submit('solution');
  assert.match(said(run), /Type solution again/);
  run.submit('solution');
  assert.match(said(run), /One way to do it:\n {2}kubectl expose deployment web --port 80/);
  run.submit('kubectl expose deployment web --port 80');
  assert.equal(run.step, 1);
  assert.match(said(run), /✓ Step 1 done: Expose the web Deployment[\s\S]*The Service picked the two pods[\s\S]*Step 2: Reach the Service from node01\./);
  assert.deepEqual(run.results.map((r) => r.reason), ['you have not run curl … in this step']);
  run.submit('ssh node01');
  run.submit("curl -s $(kubectl get svc web -o jsonpath='{.spec.clusterIP}') | head -1");
  assert.equal(run.done, true);
  assert.match(said(run), /Lesson complete: A tiny lesson\.[\s\S]*KUBE-SVC chain of web/);
  assert.deepEqual(saved.at(-1), { id: 'tiny', step: 1, done: true, hints: 0 });
  run.submit('next');
  assert.equal(run.request, 'next');
});

test('reset puts the step back; reset lesson the whole lesson; lesson words inside a here-document are text', () => {
  const run = new LessonRun(tiny());
  run.solveQuietly();
  assert.equal(run.step, 1);
  run.submit('kubectl delete svc web');
  run.submit('reset');
  assert.equal(run.step, 1);
  assert.ok(run.session.sim.objects.services?.['default/web'], 'the Service is back: the step began after it was made');
  run.submit('reset lesson');
  assert.equal(run.step, 0);
  assert.equal(run.session.sim.objects.services?.['default/web'], undefined);
  run.submit('cat <<EOF');
  run.submit('hint');
  run.submit('EOF');
  assert.match(said(run), /^hint$/m);
  assert.doesNotMatch(said(run), /Hint 1\/2/);
});

test('a lesson resumes at a saved step: the earlier steps are solved out of sight', () => {
  const run = new LessonRun(tiny(), { startStep: 1 });
  assert.equal(run.step, 1);
  assert.ok(run.session.sim.objects.services?.['default/web']);
  assert.equal(run.session.lines.filter((l) => l.tone !== 'plain').length > 0, true);
});

test('verifying a lesson reports each problem at its line', async () => {
  const { verifyLesson } = await import('../../src/app/lesson-check.js');
  assert.deepEqual(verifyLesson(tiny()), { ok: true, problems: [], lines: ['step 1 ✓ Expose the web Deployment as a ClusterIP Service named web on port 80. (1 wrong attempt refused)', 'step 2 ✓ Reach the Service from node01.'] });
  const broken = parseLesson(TINY.replace("        reason: 'of type NodePort, not ClusterIP'", "        reason: 'no such words'").replace('      - kubectl expose deployment web --port 80\n    explain', '      - kubectl expose deployment web --port 81\n    explain'), 'tiny.yaml');
  assert.ok(broken.ok);
  if (!broken.ok) return;
  const r = verifyLesson(broken.lesson);
  assert.equal(r.ok, false);
  assert.match(r.problems[0]!, /^tiny\.yaml:30: this wrong attempt should fail with \/no such words\/, but the reasons were: the Service web is of type NodePort, not ClusterIP/);
  assert.match(r.problems[1]!, /^tiny\.yaml:13: the solution of step 1 does not pass: the Service web listens on port 81, not 80/);
});

test('after undo the same names and resourceVersions come back with other contents: nothing cached from before leaks through', () => {
  const run = new LessonRun(tiny());
  run.submit('kubectl expose deployment web --port 81 --target-port 8080');
  run.submit("curl -s -m 2 -o /dev/null -w '%{http_code}' $(kubectl get svc web -o jsonpath='{.spec.clusterIP}'):81");
  assert.equal(run.step, 0);
  assert.equal(run.session.lines.at(-1)?.text.startsWith('000'), true, 'port 8080: nobody listens');
  run.submit('undo');
  run.submit('undo');
  run.submit('kubectl expose deployment web --port 80');
  assert.equal(run.step, 1);
  run.submit("curl -s -o /dev/null -w '%{http_code}' $(kubectl get svc web -o jsonpath='{.spec.clusterIP}')");
  assert.match(said(run), /\n200/);
});

test('a step that comes true with time is done while the learner waits, and the next command counts for the next step', () => {
  const text = `id: waiting
title: Waiting
summary: Pods start on their own time.
intro: Pods take a moment to start.
steps:
  - goal: Create a Deployment web with two replicas.
    checks:
      - check: pods
        selector: {app: web}
        running: 2
    solution:
      - kubectl create deployment web --image=nginx --replicas=2
      - sleep 20
  - goal: Look at them.
    checks:
      - check: ran
        command: '^kubectl get pods'
    solution:
      - kubectl get pods
`;
  const p = parseLesson(text, 'waiting.yaml');
  assert.ok(p.ok, p.ok ? '' : p.errors.join('\n'));
  if (!p.ok) return;
  const run = new LessonRun(p.lesson);
  run.submit('kubectl create deployment web --image=nginx --replicas=2');
  assert.equal(run.step, 0, 'the pods are still starting');
  for (let i = 0; i < 20 && run.step === 0; i++) run.session.tick(1000);
  assert.equal(run.step, 1, 'done while waiting, with no further command');
  run.submit('kubectl get pods');
  assert.equal(run.done, true, 'the command typed next counted for step 2');
  assert.equal((said(run).match(/✓ Step 1 done/g) ?? []).length, 1);
});

test('object fields reach keys that contain dots; pod-replaced ignores pods the selector does not name', async () => {
  const { runCheck } = await import('../../src/lessons/checks.js');
  const run = new LessonRun(tiny());
  const ctx = { sim: run.session.sim, shell: run.session.shell, commands: [], startPods: [] };
  assert.deepEqual(runCheck(ctx, 'object', { kind: 'ConfigMap', name: 'kube-proxy', namespace: 'kube-system', fields: { 'data.config\\.conf': 'x' } }).pass, false);
  assert.match(runCheck(ctx, 'object', { kind: 'ConfigMap', name: 'kube-proxy', namespace: 'kube-system', fields: { 'data.config\\.conf': 'x' } }).reason, /^the ConfigMap kube-proxy has data\.config\\\.conf apiVersion: kubeproxy/);
  run.submit('kubectl run other --image=nginx');
  run.submit('sleep 10');
  const start = run.session.sim.objects.pods ?? {};
  const startPods = Object.values(start).map((p) => ({ key: `${p.metadata.namespace}/${p.metadata.name}`, labels: p.metadata.labels ?? {} }));
  run.submit('kubectl delete pod other');
  assert.match(runCheck({ ...ctx, startPods }, 'pod-replaced', { selector: { app: 'web' } }).reason, /^every pod labelled app=web is still the one/);
});

test('a lesson is data: its setup cannot read the learner\'s real files, which the learner\'s own commands can', () => {
  const secret = new URL(import.meta.url).pathname;
  const lesson = { ...tiny(), setup: [`cat ${secret} > /root/stolen.txt`, 'echo ran > /root/setup-ran.txt'] };
  const host = realFiles('/');
  const run = new LessonRun(lesson, { host });
  const shell = run.session.lab;
  const read = (cmd: string): string => runLine(shell, cmd, 'script').lines.map((l) => l.text).join('\n');
  assert.equal(read('cat /root/setup-ran.txt'), 'ran', 'the setup ran');
  assert.equal(read('cat /root/stolen.txt'), '', 'but the real file was not there for it');
  assert.match(read(`head -n 1 ${secret}`), /^\/\/ /, 'the learner may read their own files');
});
