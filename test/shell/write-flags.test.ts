// Flags not covered elsewhere: -R, --save-config, --cascade=foreground, expose --selector and
// --protocol, exec -c, logs -f and --prefix, rollout status --timeout, and parent commands
// (create service, rollout, set) run without a subcommand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, isApiError } from '../../src/sim/index.js';
import type { Service } from '../../src/sim/types.js';
import { kubectl, putFile, runWithNested, testLab, WEB_SERVICE } from './write-kit.js';

const cm = (n: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`;

test('-R reads sub-directories; without it they are skipped', () => {
  const lab = testLab();
  putFile(lab, 'm/a.yaml', cm('a'));
  putFile(lab, 'm/sub/b.yaml', cm('b'));
  assert.equal(kubectl(lab, 'apply -f m').stdout, 'configmap/a created\n');
  assert.equal(kubectl(lab, 'apply -R -f m').stdout, 'configmap/a unchanged\nconfigmap/b created\n');
});

test('create --save-config lets a later apply run without the warning', () => {
  const lab = testLab();
  putFile(lab, 'web.yaml', WEB_SERVICE);
  kubectl(lab, 'create --save-config -f web.yaml');
  assert.deepEqual(kubectl(lab, 'apply -f web.yaml'), { stdout: 'service/web unchanged\n', stderr: '', status: 0 });
});

test('delete --cascade=foreground', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx');
  assert.equal(kubectl(lab, 'delete deploy web --cascade=foreground').stdout, 'deployment.apps "web" deleted from default namespace\n');
  assert.ok(isApiError(apiGet(lab.sim, 'Deployment', 'default', 'web')));
});

test('expose --selector --protocol --port-name', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx');
  assert.equal(kubectl(lab, 'expose deploy web --port=53 --protocol=UDP --selector=app=dns --port-name=dns --name=dns').stdout, 'service/dns exposed\n');
  const svc = apiGet<Service>(lab.sim, 'Service', 'default', 'dns') as Service;
  assert.deepEqual(svc.spec.selector, { app: 'dns' });
  assert.deepEqual(svc.spec.ports, [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }]);
});

test('exec -c picks the container; an unknown one is refused', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: web\n    image: nginx\n  - name: side\n    image: busybox\n    command: ["sleep", "3600"]\n');
  kubectl(lab, 'wait --for=condition=Ready pod/two --timeout=120s');
  const hosts: string[] = [];
  const r = runWithNested(lab, 'exec two -c side -- ls', () => {
    const h = lab.shell.hosts.at(-1)!;
    hosts.push(h.kind === 'pod' ? `${h.container}:${h.shell}` : 'node');
    return { status: 0, stdout: '' };
  });
  assert.equal(r.status, 0);
  assert.deepEqual(hosts, ['side:sh']);
  const d = runWithNested(lab, 'exec two -- ls', () => ({ status: 0, stdout: '' }));
  assert.equal(d.stderr, 'Defaulted container "web" out of: web, side\n');
  assert.equal(kubectl(lab, 'exec two -c nope -- ls').stderr, 'Error from server (BadRequest): container nope is not valid for pod two\n');
});

test('logs -f prints what exists in script mode; --prefix names the source', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n  - name: b\n    image: busybox\n    args: ["sh", "-c", "echo up && sleep 3600"]\n');
  kubectl(lab, 'wait --for=condition=Ready pod/b --timeout=120s');
  assert.equal(kubectl(lab, 'logs -f b').stdout, 'up\n');
  assert.equal(kubectl(lab, 'logs b --prefix').stdout, '[pod/b/b] up\n');
});

test('rollout status --timeout gives up with the wait timeout text', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx --replicas=2');
  const r = kubectl(lab, 'rollout status deploy/web --timeout=1s');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^error: timed out waiting for the condition\n$/);
});

test('parent commands without a subcommand print their help on stderr and fail', () => {
  const lab = testLab();
  for (const [cmd, first] of [['create service', 'Create a service using a specified subcommand.'], ['rollout', 'Manage the rollout of one or many resources.'], ['set', 'Configure application resources.']]) {
    const r = kubectl(lab, cmd!);
    assert.equal(r.status, 1, cmd);
    assert.ok(r.stderr.startsWith(`${first}\n`), cmd);
  }
});

test('logs without a pod', () => {
  assert.equal(kubectl(testLab(), 'logs').stderr, "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
});
