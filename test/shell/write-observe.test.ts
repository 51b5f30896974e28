// `kubectl rollout status|restart|history|undo`, `wait`, `logs` and `exec` in script mode: the
// clock advances until done, with kubectl's status lines and errors; plus `--help` for each verb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, runWithNested, testLab } from './write-kit.js';

test('rollout status prints each new status line until the deployment is rolled out', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx:1.27 --replicas=3');
  const r = kubectl(lab, 'rollout status deployment/web');
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), 'deployment "web" successfully rolled out');
  for (const l of lines.slice(0, -1)) assert.match(l, /^Waiting for deployment "web" rollout to finish: (\d+ of 3 updated replicas are available|\d+ out of 3 new replicas have been updated|\d+ old replicas are pending termination)\.\.\.$/);
  assert.equal(new Set(lines).size, lines.length);
  assert.equal(kubectl(lab, 'rollout status deployment/web').stdout, 'deployment "web" successfully rolled out\n');
});

test('rollout history, undo and restart', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx:1.27');
  kubectl(lab, 'rollout status deploy/web');
  assert.equal(kubectl(lab, 'rollout undo deployment/web').stderr, 'error: no last revision to roll back to\n');
  kubectl(lab, 'set image deployment/web nginx=nginx:1.28');
  kubectl(lab, 'rollout status deploy/web');
  assert.equal(kubectl(lab, 'rollout history deployment/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  assert.equal(kubectl(lab, 'rollout undo deployment/web --to-revision=2').stdout, 'deployment.apps/web skipped rollback (current template already matches revision 2)\n');
  assert.equal(kubectl(lab, 'rollout undo deployment/web --to-revision=7').stderr, 'error: unable to find specified revision 7 in history\n');
  assert.equal(kubectl(lab, 'rollout undo deployment/web').stdout, 'deployment.apps/web rolled back\n');
  assert.equal(kubectl(lab, 'rollout restart deployment/web').stdout, 'deployment.apps/web restarted\n');
  assert.equal(kubectl(lab, 'rollout status').stderr, 'error: required resource not specified\n');
});

test('wait for a condition, for deletion, and the timeout text', () => {
  const lab = testLab();
  kubectl(lab, 'run p --image=nginx');
  assert.equal(kubectl(lab, 'wait --for=condition=Ready pod/p').stdout, 'pod/p condition met\n');
  assert.equal(kubectl(lab, 'wait --for=condition=Ready=false pod/p --timeout=2s').stderr, 'error: timed out waiting for the condition on pods/p\n');
  assert.equal(kubectl(lab, 'wait --for=nonsense pod/p').stderr, 'error: unrecognized condition: "nonsense"\n');
  kubectl(lab, 'delete pod p --wait=false');
  assert.equal(kubectl(lab, 'wait --for=delete pod/p --timeout=60s').stdout, 'pod/p condition met\n');
  assert.equal(kubectl(lab, 'wait --for=condition=Ready pod/nope').stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test('logs: waiting container, nginx start-up lines, --tail, -c, --previous', () => {
  const lab = testLab();
  kubectl(lab, 'run web --image=nginx:1.27');
  assert.equal(kubectl(lab, 'logs web').stderr, 'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
  kubectl(lab, 'wait --for=condition=Ready pod/web');
  const all = kubectl(lab, 'logs web').stdout.split('\n');
  assert.equal(all[0], '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  assert.match(all[10]!, /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[notice\] 1#1: nginx\/1\.27\.5$/);
  assert.equal(kubectl(lab, 'logs web --tail=1').stdout.split('\n').length, 2);
  assert.equal(kubectl(lab, 'logs web -c nope').stderr, 'error: container nope is not valid for pod web\n');
  assert.equal(kubectl(lab, 'logs web --previous').stderr, 'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
  assert.equal(kubectl(lab, 'logs nope').stderr, 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n');
});

test('logs of a busybox shell command', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: b\n    image: busybox\n    command: ["sh", "-c", "echo hello; echo \'from busybox\'; sleep 3600"]\n');
  kubectl(lab, 'wait --for=condition=Ready pod/b');
  assert.equal(kubectl(lab, 'logs b').stdout, 'hello\nfrom busybox\n');
});

test('exec runs the command in a pod host and reports a failing exit code', () => {
  const lab = testLab();
  kubectl(lab, 'run web --image=nginx');
  assert.equal(kubectl(lab, 'exec web -- ls').stderr, 'error: unable to upgrade connection: container not found ("web")\n');
  kubectl(lab, 'wait --for=condition=Ready pod/web');
  const seen: string[] = [];
  const ok = runWithNested(lab, "exec web -- sh -c 'echo hi'", (line) => {
    const host = lab.shell.hosts.at(-1)!;
    seen.push(`${host.kind === 'pod' ? `${host.pod}/${host.container}/${host.shell}` : 'node'}: ${line}`);
    return { status: 0, stdout: 'hi\n' };
  });
  assert.deepEqual(seen, ["web/web/bash: sh -c 'echo hi'"]);
  assert.deepEqual(ok, { stdout: 'hi\n', stderr: '', status: 0 });
  assert.equal(lab.shell.hosts.length, 1);
  const bad = runWithNested(lab, 'exec web -- false', () => ({ status: 3, stdout: '' }));
  assert.deepEqual(bad, { stdout: '', stderr: 'command terminated with exit code 3\n', status: 3 });
  runWithNested(lab, 'exec -it web -- bash', () => ({ status: 0, stdout: '' }));
  assert.equal(lab.shell.hosts.at(-1)?.kind, 'pod');
  assert.equal(kubectl(lab, 'exec nope -- ls').stderr, 'Error from server (NotFound): pods "nope" not found\n');
  assert.equal(kubectl(lab, 'exec web ls').stderr, "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
});

for (const verb of ['apply', 'create', 'create deployment', 'create service nodeport', 'delete', 'expose', 'run', 'scale', 'label', 'annotate', 'patch', 'set image', 'rollout status', 'wait', 'logs', 'exec', 'edit', 'replace']) {
  test(`kubectl ${verb} --help`, () => {
    const r = kubectl(testLab(), `${verb} --help`);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /\nUsage:\n {2}kubectl .+ \[options\]\n\n(Use "kubectl [a-z ]+ <command> --help" for more information about a given command\.\n)?Use "kubectl options" for a list of global command-line options \(applies to all commands\)\.\n$/);
  });
}

test('kubectl apply --help starts with kubectl\'s description', () => {
  assert.match(kubectl(testLab(), 'apply --help').stdout, /^Apply a configuration to a resource by file name or stdin\. The resource name must be specified\./);
});
