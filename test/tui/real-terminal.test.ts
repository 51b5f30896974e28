// The lab in a real terminal (tmux), driven as a learner would: type a Deployment and a NodePort
// Service, watch the pods turn Running, the Service and its endpoints appear, the new KUBE-SVC /
// KUBE-SEP rules highlighted in the NAT pane and kube-proxy's log line arrive; resize to 80×24 and
// back; quit — and the terminal is as it was before the lab opened. Also: a tiny terminal, SIGTERM,
// and kubectl edit handing the terminal to $EDITOR. The first session runs with CI set in the
// environment, as on CI machines: the lab still draws (it only starts on a terminal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Terminal, tmuxMissing } from './tmux.js';

const LAB = `${process.execPath} --import tsx src/cli.ts sandbox`;

test('a learner session in a real terminal', { skip: tmuxMissing(), timeout: 120_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'lab-home-'));
  const t = new Terminal(`printf 'BEFORE THE LAB\\n'; ${LAB}`, 150, 42, { K8S_SVC_LAB_HOME: home, TERM: 'xterm-256color', CI: 'true' });
  try {
    await t.waitFor(/root@controlplane:~# *│/, 30_000);
    assert.match(t.screen(), /k8s-svc-lab · sandbox +3 nodes · kube-proxy iptables/);
    assert.doesNotMatch(t.screen(), /BEFORE THE LAB/, 'the lab draws on the alternate screen');

    t.line('kubectl create deployment web --image=nginx --replicas=2');
    await t.waitFor(/deployment\.apps\/web created/);
    await t.waitFor(/web-[a-z0-9]+-[a-z0-9]+ +0\/1 +ContainerCreating/);
    t.line('kubectl expose deployment web --port 80 --type NodePort');
    await t.waitFor(/service\/web exposed/);
    const running = await t.waitFor(/web-[a-z0-9]+-[a-z0-9]+ +1\/1 +Running[\s\S]*web-[a-z0-9]+-[a-z0-9]+ +1\/1 +Running/, 20_000);
    assert.match(running, /web +NodePort +10\.\d+\.\d+\.\d+ +<none> +80:3\d{4}\/TCP/);
    await t.waitFor(/→ 10\.244\.\d\.\d+:80 web-/);
    await t.waitFor(/\+ -A KUBE-(SVC|SEP|EXT)-[A-Z0-9]{16}/);
    await t.waitFor(/\] "Network programming"|\] "Adding new service port"/);

    t.resize(80, 24);
    const small = await t.waitFor(/1 Pods[\s\S]*2 Services[\s\S]*5 terminal/);
    assert.doesNotMatch(small, /3 NAT table/, '80×24 shows the terminal and the two most useful panes');
    t.keys('BTab', 'BTab', 'BTab');
    await t.waitFor(/3 NAT table/);
    t.keys('Escape');
    t.resize(150, 42);
    await t.waitFor(/3 NAT table[\s\S]*4 kube-proxy log/);

    t.keys('C-d');
    const after = await t.waitFor(/\[exited with status 0\]/);
    assert.match(after, /BEFORE THE LAB/, 'the primary screen is back as it was');
    assert.doesNotMatch(after, /k8s-svc-lab · sandbox/);
    const history = readFileSync(join(home, 'history'), 'utf8');
    assert.match(history, /"kubectl expose deployment web --port 80 --type NodePort"/);
  } finally {
    t.close();
    rmSync(home, { recursive: true, force: true });
  }
});

test('a tiny terminal is told the size it needs; SIGTERM restores the terminal', { skip: tmuxMissing(), timeout: 60_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'lab-home-'));
  const t = new Terminal(`printf 'BEFORE THE LAB\\n'; ${LAB}`, 50, 12, { K8S_SVC_LAB_HOME: home });
  try {
    await t.waitFor(/needs a terminal of at least 60×15/, 30_000);
    for (const pid of t.children()) process.kill(pid, 'SIGTERM');
    const after = await t.waitFor(/\[exited with status \d+\]/, 30_000);
    assert.match(after, /BEFORE THE LAB/);
  } finally {
    t.close();
    rmSync(home, { recursive: true, force: true });
  }
});

test('kubectl edit hands the terminal to $EDITOR and takes the edited object back', { skip: tmuxMissing(), timeout: 60_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'lab-home-'));
  const editor = join(home, 'editor.sh');
  writeFileSync(editor, '#!/bin/sh\nprintf "EDITOR HAS THE TERMINAL\\n"; sleep 1\nsed -i "s/replicas: 1$/replicas: 3/" "$1"\n');
  chmodSync(editor, 0o755);
  const t = new Terminal(LAB, 120, 32, { K8S_SVC_LAB_HOME: home, EDITOR: editor });
  try {
    await t.waitFor(/root@controlplane:~# *│/, 30_000);
    t.line('kubectl create deployment web --image=nginx');
    await t.waitFor(/deployment\.apps\/web created/);
    t.line('kubectl edit deployment web');
    await t.waitFor(/EDITOR HAS THE TERMINAL/);
    await t.waitFor(/deployment\.apps\/web edited/);
    assert.match(t.screen(), /k8s-svc-lab · sandbox/, 'the lab is drawn again');
    t.line("kubectl get deploy web -o jsonpath='{.spec.replicas}'");
    await t.waitFor(/jsonpath='\{\.spec\.replicas\}'\s*│\s*\n│3/);
  } finally {
    t.close();
    rmSync(home, { recursive: true, force: true });
  }
});

test('lesson 3 from the menu to completion by typing: a hint, a failed check with its reason, then each step', { skip: tmuxMissing(), timeout: 120_000 }, async () => {
  const home = mkdtempSync(join(tmpdir(), 'lab-home-'));
  const t = new Terminal(`${process.execPath} --import tsx src/cli.ts`, 150, 44, { K8S_SVC_LAB_HOME: home });
  try {
    await t.waitFor(/Welcome to k8s-svc-lab[\s\S]*Press any key for the lessons/, 30_000);
    t.keys('Enter');
    await t.waitFor(/› +1 +Pods are mortal/);
    t.keys('Down', 'Down');
    await t.waitFor(/› +3 +Your first ClusterIP Service/);
    t.keys('Enter');
    await t.waitFor(/k8s-svc-lab · Your first ClusterIP Service · step 1\/3/, 30_000);
    await t.waitFor(/✗ there is no Service named web yet/);
    t.line('hint');
    await t.waitFor(/Hint 1\/3: kubectl expose turns a Deployment into a Service/);
    t.line('kubectl expose deployment web --port 80');
    await t.waitFor(/service\/web exposed/);
    await t.waitFor(/✗ the Service web sends traffic to/);
    t.line('undo');
    await t.waitFor(/The cluster is back as it was before your last command/);
    t.line('kubectl expose deployment web --port 80 --target-port 5000');
    await t.waitFor(/✓ Step 1 done/);
    await t.waitFor(/step 2\/3/);
    t.line("curl -s $(kubectl get svc web -o jsonpath='{.spec.clusterIP}') | grep Hostname");
    await t.waitFor(/✓ Step 2 done/);
    t.line('kubectl scale deployment web --replicas=3');
    t.line('sleep 20');
    await t.waitFor(/✓ Step 3 done[\s\S]*Lesson complete: Your first ClusterIP Service/, 30_000);
    t.line('lessons');
    await t.waitFor(/3 +✓ +Your first ClusterIP Service +\(done\)/);
    t.keys('q');
    await t.waitFor(/\[exited with status 0\]/);
    assert.match(readFileSync(join(home, 'progress.json'), 'utf8'), /"first-clusterip-service": \{\n\s+"step": 2,\n\s+"done": true/);
  } finally {
    t.close();
    rmSync(home, { recursive: true, force: true });
  }
});
