// `kubectl delete`: names, TYPE/NAME, -f, -l, --all, grace periods, --force, --cascade, --wait
// on the simulated clock, the 1.34 "deleted from <ns> namespace" lines and the builder's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiList, isApiError } from '../../src/sim/index.js';
import { kubectl, putFile, testLab, WEB_SERVICE } from './write-kit.js';

const cases: { setup?: string[]; cmd: string; stdout?: string; stderr?: string; status?: number }[] = [
  { setup: ['create service clusterip web --tcp=80'], cmd: 'delete svc web', stdout: 'service "web" deleted from default namespace\n' },
  { setup: ['create service clusterip web --tcp=80'], cmd: 'delete service/web -o name', stdout: 'service/web\n' },
  { setup: ['create service clusterip web --tcp=80'], cmd: 'delete svc web nope', stdout: 'service "web" deleted from default namespace\n', stderr: 'Error from server (NotFound): services "nope" not found\n', status: 1 },
  { setup: ['create namespace dev'], cmd: 'delete ns dev', stdout: 'namespace "dev" deleted\n' },
  { setup: ['create namespace dev'], cmd: 'delete -n default ns dev', stdout: 'namespace "dev" deleted\n', stderr: 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n' },
  { cmd: 'delete ns default', stderr: 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n', status: 1 },
  { cmd: 'delete pods -l app=nope', stdout: 'No resources found\n' },
  { setup: ['create deployment web --image=nginx', 'expose deploy web --port=80'], cmd: 'delete deploy,svc web', stdout: 'deployment.apps "web" deleted from default namespace\nservice "web" deleted from default namespace\n' },
  { setup: ['create deployment web --image=nginx', 'expose deploy web --port=80'], cmd: 'delete deploy,svc -l app=web', stdout: 'deployment.apps "web" deleted from default namespace\nservice "web" deleted from default namespace\n' },
  { setup: ['create deployment web --image=nginx'], cmd: 'delete deploy web', stdout: 'deployment.apps "web" deleted from default namespace\n' },
  { setup: ['run p --image=nginx'], cmd: 'delete pod p --grace-period=0 --force', stdout: 'pod "p" force deleted from default namespace\n', stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' },
  { setup: ['run p --image=nginx'], cmd: 'delete pod p --now', stdout: 'pod "p" deleted from default namespace\n' },
  { setup: ['run p --image=nginx'], cmd: 'delete pod p --dry-run=client', stdout: 'pod "p" deleted from default namespace (dry run)\n' },
  { cmd: 'delete pod p --now --grace-period=5', stderr: 'error: --now and --grace-period cannot be specified together\n', status: 1 },
  { cmd: 'delete pod p --force --grace-period=5', stderr: 'error: --force and --grace-period greater than 0 cannot be specified together\n', status: 1 },
  { cmd: 'delete pod p --cascade=sometimes', stderr: 'error: invalid cascade value (sometimes). Must be "background", "foreground", or "orphan"\n', status: 1 },
  { cmd: 'delete', stderr: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", status: 1 },
  { cmd: 'delete svcs web', stderr: 'error: the server doesn\'t have a resource type "svcs"\n', status: 1 },
  { cmd: 'delete pods', stderr: 'error: resource(s) were provided, but no name was specified\n', status: 1 },
  { cmd: 'delete pods --all -l a=b', stderr: 'error: cannot set --all and --selector at the same time\n', status: 1 },
];

for (const c of cases) {
  test(`kubectl ${c.cmd}`, () => {
    const lab = testLab();
    for (const s of c.setup ?? []) assert.equal(kubectl(lab, s).status, 0, s);
    const r = kubectl(lab, c.cmd);
    assert.deepEqual(r, { stdout: c.stdout ?? '', stderr: c.stderr ?? '', status: c.status ?? 0 });
  });
}

test('delete -f twice: NotFound with the file as source', () => {
  const lab = testLab();
  putFile(lab, 'web.yaml', WEB_SERVICE);
  kubectl(lab, 'apply -f web.yaml');
  assert.equal(kubectl(lab, 'delete -f web.yaml').stdout, 'service "web" deleted from default namespace\n');
  assert.equal(kubectl(lab, 'delete -f web.yaml').stderr, 'Error from server (NotFound): error when deleting "web.yaml": services "web" not found\n');
});

test('--wait runs the clock until a gracefully deleted pod is gone; --wait=false does not', () => {
  const lab = testLab();
  kubectl(lab, 'run p --image=nginx');
  kubectl(lab, 'wait --for=condition=Ready pod/p --timeout=60s');
  kubectl(lab, 'delete pod p');
  assert.ok(isApiError(apiGet(lab.sim, 'Pod', 'default', 'p')));
  kubectl(lab, 'run q --image=nginx');
  kubectl(lab, 'wait --for=condition=Ready pod/q --timeout=60s');
  kubectl(lab, 'delete pod q --wait=false');
  assert.ok(!isApiError(apiGet(lab.sim, 'Pod', 'default', 'q')));
});

test('--all deletes every object of the type in the namespace; --cascade=orphan keeps the pods', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx --replicas=2');
  assert.equal(kubectl(lab, 'delete deploy --all --cascade=orphan').stdout, 'deployment.apps "web" deleted from default namespace\n');
  const rs = apiList(lab.sim, 'ReplicaSet', { namespace: 'default' });
  assert.ok(!isApiError(rs) && rs.length === 1);
});
