// `kubectl expose` and `kubectl run`: names, selectors, port introspection, --dry-run yaml as
// kubectl prints it, the client-side errors, and `run --rm -i` one-shot pods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, isApiError } from '../../src/sim/index.js';
import type { Service } from '../../src/sim/types.js';
import { kubectl, runWithNested, testLab } from './write-kit.js';

test('expose a deployment: name, labels, selector and port from the deployment', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx --port=80');
  assert.equal(kubectl(lab, 'expose deployment web').stdout, 'service/web exposed\n');
  const svc = apiGet<Service>(lab.sim, 'Service', 'default', 'web') as Service;
  assert.deepEqual(svc.spec.selector, { app: 'web' });
  assert.deepEqual(svc.spec.ports, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);
  assert.equal(kubectl(lab, 'expose deployment web').stderr, 'Error from server (AlreadyExists): services "web" already exists\n');
});

test('expose --dry-run=client -o yaml', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx');
  const r = kubectl(lab, 'expose deployment web --port=80 --target-port=8080 --type=NodePort --name=web-np --dry-run=client -o yaml');
  assert.equal(r.stdout, `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web-np
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`);
});

const errors: { setup: string[]; cmd: string; stderr: string }[] = [
  { setup: ['create deployment web --image=nginx'], cmd: 'expose deployment web', stderr: "error: couldn't find port via --port flag or introspection\n" },
  { setup: [], cmd: 'expose deployment nope --port=80', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' },
  { setup: [], cmd: 'expose ds kube-proxy -n kube-system --port=80', stderr: 'error: cannot expose a DaemonSet.apps\n' },
  { setup: ['create -f pod.yaml'], cmd: 'expose pod p --port=80', stderr: "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n" },
];
for (const e of errors) {
  test(`kubectl ${e.cmd}`, () => {
    const lab = testLab();
    for (const s of e.setup) kubectl(lab, s.replace('create -f pod.yaml', 'create -f -'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    assert.deepEqual(kubectl(lab, e.cmd), { stdout: '', stderr: e.stderr, status: 1 });
  });
}

test('expose a pod with several container ports names them port-1, port-2', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 80\n    - containerPort: 443\n');
  kubectl(lab, 'expose pod p');
  const svc = apiGet<Service>(lab.sim, 'Service', 'default', 'p') as Service;
  assert.deepEqual(svc.spec.ports?.map((p) => p.name), ['port-1', 'port-2']);
});

test('run --dry-run=client -o yaml', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'run web --image=nginx --port=80 --env=A=1 --dry-run=client -o yaml').stdout, `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - env:
    - name: A
      value: "1"
    image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
});

test('run: command vs args, labels, and errors', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'run web --image=nginx').stdout, 'pod/web created\n');
  assert.equal(kubectl(lab, 'run web --image=nginx').stderr, 'Error from server (AlreadyExists): pods "web" already exists\n');
  assert.match(kubectl(lab, 'run b --image=busybox --restart=Never --command --dry-run=client -o yaml -- sleep 5').stdout, /\n {2}- command:\n {4}- sleep\n {4}- "5"\n/);
  assert.match(kubectl(lab, 'run b --image=busybox --labels=a=b,c=d --dry-run=client -o yaml -- sleep 5').stdout, /labels:\n {4}a: b\n {4}c: d\n[\s\S]*- args:\n {4}- sleep/);
  assert.equal(kubectl(lab, 'run').stderr, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  assert.equal(kubectl(lab, 'run x').stderr, 'error: --image is required\n');
  assert.equal(kubectl(lab, 'run x --image=busybox --rm').stderr, "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  assert.equal(kubectl(lab, 'run x --image=busybox --restart=Sometimes').stderr, "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
  assert.equal(kubectl(lab, 'run x --image=busybox -t').stderr, "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
});

test('run --rm -i runs the command in the pod once it is up, prints its output, then deletes the pod', () => {
  const lab = testLab();
  const ran: string[] = [];
  const r = runWithNested(lab, 'run tmp --image=busybox --rm -i --restart=Never -- echo hi', (line) => {
    ran.push(line);
    return { status: 0, stdout: 'hi\n' };
  });
  assert.deepEqual(ran, ['echo hi']);
  assert.equal(r.stdout, 'hi\npod "tmp" deleted from default namespace\n');
  assert.ok(isApiError(apiGet(lab.sim, 'Pod', 'default', 'tmp')));
  assert.equal(lab.shell.hosts.length, 1);
});

test('expose without a resource', () => {
  assert.equal(kubectl(testLab(), 'expose').stderr, "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\nSee 'kubectl expose -h' for help and examples\n");
});
