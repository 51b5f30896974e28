// The command line: `k8s-svc-lab` and `sandbox` open the interactive lab, which needs a terminal —
// without one it says how to use the lab and points to `run` instead of failing on raw mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { parseClusterArgs, SYNOPSIS } from '../../src/cli-args.js';

const cli = (args: string[], input = ''): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('no command is the lesson menu; sandbox the lab with the cluster options', () => {
  assert.equal(parseClusterArgs([]).kind, 'menu');
  const p = parseClusterArgs(['sandbox', '--nodes', '5', '--proxy-mode', 'ipvs']);
  assert.equal(p.kind, 'lab');
  if (p.kind === 'lab') assert.deepEqual([p.config.nodes, p.config.proxyMode], [5, 'ipvs']);
  assert.deepEqual(parseClusterArgs(['sandbox', 'extra']), { kind: 'error', message: 'sandbox takes no arguments besides the cluster options' });
  assert.deepEqual(parseClusterArgs(['lessonz']), { kind: 'error', message: 'unknown command "lessonz"' });
});

test('without a terminal the lab explains itself and points to run; run still works from a pipe', () => {
  for (const args of [[], ['sandbox']]) {
    const r = cli(args);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^k8s-svc-lab: the interactive lab needs a terminal[\s\S]*k8s-svc-lab run --echo demo\.sh/);
  }
  const run = cli(['run'], 'kubectl get nodes --no-headers | wc -l\n');
  assert.deepEqual([run.status, run.stdout], [0, '3\n']);
  assert.match(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--help'], { encoding: 'utf8' }), /k8s-svc-lab sandbox \[--preset P\] \[cluster options\] +the lab on a fresh cluster/);
});

const FIXTURES = new URL('../lessons/fixtures/', import.meta.url).pathname;
const cliEnv = (args: string[], env: Record<string, string>, input = ''): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('lessons lists the lessons with the learner\'s progress; lesson and the menu need a terminal', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const home = mkdtempSync(join(tmpdir(), 'lab-cli-'));
  try {
    const env = { K8S_SVC_LAB_LESSONS: FIXTURES, K8S_SVC_LAB_HOME: home };
    assert.deepEqual(cliEnv(['lessons'], env), { status: 0, stderr: '', stdout: '#     ID     TITLE           PROGRESS\n1     tiny   A tiny lesson   new\nOpen one with k8s-svc-lab lesson ID, or the menu with k8s-svc-lab.\n' });
    const { ProgressStore } = await import('../../src/app/progress.js');
    new ProgressStore(home).save('tiny', { step: 1, done: false, hints: 1 });
    assert.match(cliEnv(['lessons'], env).stdout, /1 +tiny +A tiny lesson +step 2\/2/);
    assert.match(cliEnv(['lesson', 'tiny'], env).stderr, /needs a terminal/);
    assert.deepEqual(cliEnv(['lesson', 'nope'], env).status, 1, 'no terminal comes first');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('check-lesson validates a file and replays its solutions; run --lesson starts from the lesson\'s cluster', () => {
  const ok = cliEnv(['check-lesson', `${FIXTURES}tiny.yaml`], {});
  assert.deepEqual([ok.status, ok.stderr], [0, '']);
  assert.match(ok.stdout, /^tiny: A tiny lesson\n {2}step 1 ✓ Expose the web Deployment[^\n]*\(1 wrong attempt refused\)\n {2}step 2 ✓ Reach the Service from node01\.\n$/);
  const missing = cliEnv(['check-lesson', '/nonexistent.yaml'], {});
  assert.deepEqual([missing.status, missing.stderr], [1, '/nonexistent.yaml:1: cannot read the file (ENOENT)\n']);
  const run = cliEnv(['run', '--lesson', 'tiny'], { K8S_SVC_LAB_LESSONS: FIXTURES }, 'kubectl get deploy web --no-headers | wc -l\ncat notes.txt\n');
  assert.deepEqual([run.status, run.stdout], [0, '1\nremember port 80\n']);
  const unknown = cliEnv(['run', '--lesson', 'nope'], { K8S_SVC_LAB_LESSONS: FIXTURES });
  assert.deepEqual([unknown.status, unknown.stderr], [2, 'k8s-svc-lab: no lesson "nope" (k8s-svc-lab lessons lists them)\n']);
  assert.deepEqual(parseClusterArgs(['lesson']), { kind: 'error', message: 'lesson takes one lesson id (k8s-svc-lab lessons lists them)' });
  assert.deepEqual(parseClusterArgs(['--lesson', 'x']), { kind: 'error', message: '--lesson belongs to the run command' });
});

test('sandbox presets: each names real scenarios, and the command line checks the name', async () => {
  const { PRESETS } = await import('../../src/app/sandbox.js');
  const { PRESET_NAMES } = await import('../../src/cli-args.js');
  assert.deepEqual(Object.keys(PRESETS), PRESET_NAMES);
  const p = parseClusterArgs(['sandbox', '--preset', 'db']);
  assert.equal(p.kind === 'lab' ? p.preset : '', 'db');
  assert.deepEqual(parseClusterArgs(['sandbox', '--preset', 'nope']), { kind: 'error', message: '--preset must be one of empty, nginx, hostname, db, not "nope"' });
  assert.deepEqual(parseClusterArgs(['--preset', 'db']), { kind: 'error', message: '--preset belongs to the sandbox command' });
  const { sandboxSession, sandboxCommand } = await import('../../src/app/sandbox.js');
  for (const name of PRESET_NAMES) {
    const s = sandboxSession(name, {});
    s.submit('kubectl get svc --no-headers | wc -l');
    assert.equal(s.lines.at(-1)?.text, { empty: '1', nginx: '3', hostname: '2', db: '2' }[name], name);
  }
  const s = sandboxSession('nginx', {});
  s.submit('curl -s http://192.168.56.11:31110 | grep -c "Welcome to nginx"');
  assert.equal(s.lines.at(-1)?.text, '2');
  assert.deepEqual(sandboxCommand('reset'), {});
  assert.deepEqual(sandboxCommand('preset db'), { preset: 'db' });
  assert.match(sandboxCommand('preset')?.error ?? '', /^preset: choose one of \n {2}empty/);
  assert.equal(sandboxCommand('kubectl get pods'), undefined);
});

test('--help covers every command and option with examples; a wrong option gets a short error and the commands', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  for (const c of ['lesson ID', 'lessons', 'sandbox', 'run', 'check-lesson FILE']) assert.ok(help.stdout.includes(`k8s-svc-lab ${c}`), c);
  for (const o of ['--echo', '--lesson', '--preset', '--nodes', '--service-cidr', '--pod-cidr', '--node-port-range', '--proxy-mode', '--cloud', '--seed', '--help', '--version', '$K8S_SVC_LAB_HOME', '$K8S_SVC_LAB_LESSONS']) {
    assert.ok(help.stdout.includes(o), o);
  }
  assert.match(help.stdout, /Examples:\n {2}npx k8s-svc-lab/);
  const bad = cli(['--colour']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.equal(bad.stderr, `k8s-svc-lab: Unknown option '--colour'\n\n${SYNOPSIS}\nk8s-svc-lab --help shows every option, with examples.\n`);
  assert.ok(bad.stderr.split('\n').length < help.stdout.split('\n').length / 3, 'the error is short');
  assert.equal(cli(['sandbox', '--nodes', 'three']).stderr.split('\n')[0], 'k8s-svc-lab: --nodes must be a whole number, not "three"');
});
