// The lab's size limits answer with a clear message instead of a hang or a crash: a cluster past
// its pod limit refuses more as a quota would (the controller records FailedCreate), and a word
// that doubles past 16 MiB is refused by the shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from '../shell/bash-helpers.js';
import { testLab } from '../shell/harness.js';
import { podLimit, objectLimit, SERVICE_LIMIT, OBJECT_LIMIT } from '../../src/sim/api-server/limits.js';
import { countStored } from '../../src/sim/api-server/store.js';

test('the limits: 150 pods per node and at least 5,000; 20,000 Services; 50,000 of anything else', () => {
  assert.deepEqual([3, 20, 100].map(podLimit), [5000, 5000, 15000]);
  const lab = testLab();
  assert.equal(objectLimit(lab.sim, 'pods'), 5000);
  assert.equal(objectLimit(lab.sim, 'services'), SERVICE_LIMIT);
  assert.equal(objectLimit(lab.sim, 'configmaps'), OBJECT_LIMIT);
});

test('a Deployment scaled to a million replicas stops at the pod limit, with FailedCreate events, and the lab keeps answering', () => {
  const lab = testLab();
  sh(lab, 'kubectl create deployment web --image=nginx');
  const t = performance.now();
  assert.equal(sh(lab, 'kubectl scale deployment web --replicas=1000000').out, 'deployment.apps/web scaled');
  assert.ok(performance.now() - t < 30_000, 'scaling returns');
  assert.equal(countStored(lab.sim, 'pods'), 5000);
  const events = sh(lab, 'kubectl get events --field-selector reason=FailedCreate -o jsonpath={.items[0].message}').out;
  assert.match(events, /^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: this lab holds at most 5000 pods; delete some first \(a real cluster would keep the extra objects, a simulated one of this size would stop responding\)$/);
  const one = sh(lab, 'kubectl run extra --image=nginx');
  assert.equal(one.err, 'Error from server (Forbidden): pods "extra" is forbidden: this lab holds at most 5000 pods; delete some first (a real cluster would keep the extra objects, a simulated one of this size would stop responding)');
  assert.equal(one.status, 1);
  sh(lab, 'kubectl scale deployment web --replicas=2');
  sh(lab, 'sleep 60');
  assert.equal(sh(lab, 'kubectl get deploy web --no-headers -o custom-columns=R:.status.readyReplicas').out, '2');
});

test('a word doubled past 16 MiB is refused, the loop goes on, and the shell still works', () => {
  const lab = testLab();
  const r = sh(lab, 'x=$(printf "%0100000d" 0); for i in $(seq 1 14); do x="$x$x"; done; echo ${#x}');
  assert.equal(r.err, "bash: expansion longer than 16777216 characters: the lab's limit for one word");
  assert.equal(r.out, '0');
  assert.equal(sh(lab, 'echo still here').out, 'still here');
});
