// `kubectl create -f` and the generators (create deployment, service clusterip|nodeport|
// loadbalancer|externalname, namespace, configmap): success lines, --dry-run=client -o yaml as
// kubectl prints it, wrapped and unwrapped errors, and that refused creates change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, putFile, snapshot, testLab, WEB_SERVICE } from './write-kit.js';

test('create -f, then AlreadyExists with the file as source', () => {
  const lab = testLab();
  putFile(lab, 'web.yaml', WEB_SERVICE);
  assert.deepEqual(kubectl(lab, 'create -f web.yaml'), { stdout: 'service/web created\n', stderr: '', status: 0 });
  assert.deepEqual(kubectl(lab, 'create -f web.yaml'), { stdout: '', stderr: 'Error from server (AlreadyExists): error when creating "web.yaml": services "web" already exists\n', status: 1 });
});

const lines: { cmd: string; stdout?: string; stderr?: string; status?: number }[] = [
  { cmd: 'create deployment web --image=nginx:1.27 --replicas=3 --port=80', stdout: 'deployment.apps/web created\n' },
  { cmd: 'create deployment web --image=nginx:1.27', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n', status: 1 },
  { cmd: 'create deployment --image=nginx', stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n", status: 1 },
  { cmd: 'create deployment x', stderr: 'error: required flag(s) "image" not set\n', status: 1 },
  { cmd: 'create deployment two --image=nginx --image=redis -- sleep 1', stderr: 'error: cannot specify multiple --image options and command\n', status: 1 },
  { cmd: 'create service clusterip web --tcp=80:8080', stdout: 'service/web created\n' },
  { cmd: 'create service clusterip web --tcp=80:8080', stderr: 'error: failed to create ClusterIP service: services "web" already exists\n', status: 1 },
  { cmd: 'create service nodeport np --tcp=80:8080 --node-port=80', stderr: 'error: failed to create NodePort service: Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n', status: 1 },
  { cmd: 'create service nodeport np --tcp=80:8080 --node-port=30080', stdout: 'service/np created\n' },
  { cmd: 'create service loadbalancer lb --tcp=443:8443', stdout: 'service/lb created\n' },
  { cmd: 'create service clusterip none', stderr: 'error: at least one tcp port specifier must be provided\n', status: 1 },
  { cmd: 'create service externalname db', stderr: 'error: required flag(s) "external-name" not set\n', status: 1 },
  { cmd: 'create service externalname db --external-name=my_db', stderr: 'error: invalid service external name my_db\n', status: 1 },
  { cmd: 'create service externalname db --external-name=db.example.com', stdout: 'service/db created\n' },
  { cmd: 'create namespace dev', stdout: 'namespace/dev created\n' },
  { cmd: 'create namespace dev', stderr: 'Error from server (AlreadyExists): namespaces "dev" already exists\n', status: 1 },
  { cmd: 'create configmap cfg --from-literal=a=1 --from-literal=b=2', stdout: 'configmap/cfg created\n' },
  { cmd: 'create configmap bad --from-literal=novalue', stderr: 'error: invalid literal source novalue, expected key=value\n', status: 1 },
  { cmd: 'create deployment dry --image=nginx --dry-run=client', stdout: 'deployment.apps/dry created (dry run)\n' },
  { cmd: 'create deployment dry --image=nginx --dry-run=server', stdout: 'deployment.apps/dry created (server dry run)\n' },
  { cmd: 'create deployment named --image=nginx -o name', stdout: 'deployment.apps/named\n' },
];

test('generators, in order, on one cluster', () => {
  const lab = testLab();
  for (const l of lines) {
    const before = snapshot(lab);
    const r = kubectl(lab, l.cmd);
    assert.equal(r.stdout, l.stdout ?? '', l.cmd);
    assert.equal(r.stderr, l.stderr ?? '', l.cmd);
    assert.equal(r.status, l.status ?? 0, l.cmd);
    if ((l.status ?? 0) !== 0) assert.equal(snapshot(lab), before, `${l.cmd} changed the cluster`);
  }
});

const yamlCases: [string, string][] = [
  ['create deployment web --image=nginx:1.27 --dry-run=client -o yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        resources: {}
status: {}
`],
  ['create service clusterip web --tcp=80:8080 --dry-run=client -o yaml', `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
`],
  ['create namespace dev --dry-run=client -o yaml', `apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: null
  name: dev
spec: {}
status: {}
`],
];

for (const [cmd, out] of yamlCases) {
  test(`kubectl ${cmd}`, () => {
    const lab = testLab();
    const before = snapshot(lab);
    assert.deepEqual(kubectl(lab, cmd), { stdout: out, stderr: '', status: 0 });
    assert.equal(snapshot(lab), before);
  });
}

test('create without -f or a subcommand', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'create').stderr, 'error: must specify one of -f and -k\n');
  assert.equal(kubectl(lab, 'create pod x').stderr, 'error: must specify one of -f and -k\n');
  assert.equal(kubectl(lab, 'create service x').stderr, 'error: unknown command ["x"]\nSee \'kubectl create service -h\' for help and examples\n');
});

test('container names drop registry, tag and digest', () => {
  const lab = testLab();
  const r = kubectl(lab, 'create deployment w --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --dry-run=client -o yaml');
  assert.match(r.stdout, /\n {6}- image: registry.k8s.io\/e2e-test-images\/agnhost:2.39\n {8}name: agnhost\n/);
});

test('-o yaml quotes strings as go-yaml does: double for YAML 1.1 look-alikes, single otherwise', () => {
  const lab = testLab();
  const r = kubectl(lab, "create configmap c --from-literal=a=1 --from-literal=b=yes '--from-literal=c=x: y' --from-literal=d= --dry-run=client -o yaml");
  assert.equal(r.stdout, `apiVersion: v1
data:
  a: "1"
  b: "yes"
  c: 'x: y'
  d: ""
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: c
`);
});
