// `kubectl apply -f`: created / configured / unchanged, the last-applied-configuration annotation
// in kubectl's compact JSON, three-way merge removing fields dropped from the manifest, the
// missing-annotation warning, dry runs, and errors with the file as source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet } from '../../src/sim/index.js';
import type { Deployment, Service } from '../../src/sim/types.js';
import { kubectl, putFile, snapshot, testLab, WEB_DEPLOYMENT, WEB_SERVICE } from './write-kit.js';

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

test('apply creates, then reports unchanged, then configured', () => {
  const lab = testLab();
  const steps: [string, string][] = [
    [WEB_SERVICE, 'service/web created\n'],
    [WEB_SERVICE, 'service/web unchanged\n'],
    [WEB_SERVICE.replace('targetPort: 80', 'targetPort: 8080'), 'service/web configured\n'],
  ];
  for (const [manifest, out] of steps) {
    const r = kubectl(lab, 'apply -f -', manifest);
    assert.deepEqual([r.stdout, r.stderr, r.status], [out, '', 0]);
  }
});

test('the last-applied annotation is kubectl\'s compact JSON with annotations {} and the namespace', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', WEB_SERVICE);
  const svc = apiGet<Service>(lab.sim, 'Service', 'default', 'web') as Service;
  assert.equal(svc.metadata.annotations?.[LAST], '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":80}],"selector":{"app":"web"}}}\n');
});

test('fields removed from the manifest are removed; fields others set are kept', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', WEB_SERVICE.replace('  labels:\n    app: web\n', '  labels:\n    app: web\n    tier: fe\n'));
  kubectl(lab, 'label svc web owner=me');
  const r = kubectl(lab, 'apply -f -', WEB_SERVICE);
  assert.equal(r.stdout, 'service/web configured\n');
  const svc = apiGet<Service>(lab.sim, 'Service', 'default', 'web') as Service;
  assert.deepEqual(svc.metadata.labels, { app: 'web', owner: 'me' });
  assert.equal(svc.spec.ports?.[0]?.protocol, 'TCP');
});

test('a deployment keeps its defaulted fields and bumps generation only on change', () => {
  const lab = testLab();
  kubectl(lab, 'apply -f -', WEB_DEPLOYMENT);
  assert.equal(kubectl(lab, 'apply -f -', WEB_DEPLOYMENT).stdout, 'deployment.apps/web unchanged\n');
  assert.equal(kubectl(lab, 'apply -f -', WEB_DEPLOYMENT.replace('replicas: 2', 'replicas: 3')).stdout, 'deployment.apps/web configured\n');
  const d = apiGet<Deployment>(lab.sim, 'Deployment', 'default', 'web') as Deployment;
  assert.equal(d.spec.replicas, 3);
  assert.equal(d.metadata.generation, 2);
});

test('apply on an object created without apply warns, then configures', () => {
  const lab = testLab();
  kubectl(lab, 'create service clusterip web --tcp=80:80');
  const r = kubectl(lab, 'apply -f -', WEB_SERVICE);
  assert.equal(r.stderr, 'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n');
  assert.equal(r.stdout, 'service/web configured\n');
  assert.equal(kubectl(lab, 'apply -f -', WEB_SERVICE).stdout, 'service/web unchanged\n');
});

test('dry runs print the dry-run suffix and store nothing', () => {
  const lab = testLab();
  const before = snapshot(lab);
  assert.equal(kubectl(lab, 'apply --dry-run=client -f -', WEB_SERVICE).stdout, 'service/web created (dry run)\n');
  assert.equal(kubectl(lab, 'apply --dry-run=server -f -', WEB_SERVICE).stdout, 'service/web created (server dry run)\n');
  assert.equal(snapshot(lab), before);
  assert.equal(kubectl(lab, 'apply --dry-run=maybe -f -', WEB_SERVICE).stderr, 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
});

test('-o name prints kind/name only', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'apply -o name -f -', WEB_DEPLOYMENT).stdout, 'deployment.apps/web\n');
});

test('invalid objects: the Invalid text without source, other objects still applied', () => {
  const lab = testLab();
  putFile(lab, 'two.yaml', `${WEB_SERVICE.replace('port: 80\n', 'port: 0\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n`);
  const r = kubectl(lab, 'apply -f two.yaml');
  assert.equal(r.stderr, 'The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n');
  assert.equal(r.stdout, 'configmap/ok created\n');
  assert.equal(r.status, 1);
});

test('apply without -f', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'apply').stderr, 'error: must specify one of -f and -k\n');
});

test('apply -o yaml prints the stored object with the annotation as a literal block', () => {
  const lab = testLab();
  const r = kubectl(lab, 'apply -o yaml -f -', WEB_SERVICE);
  assert.match(r.stdout, /^apiVersion: v1\nkind: Service\nmetadata:\n {2}annotations:\n {4}kubectl\.kubernetes\.io\/last-applied-configuration: \|\n {6}\{"apiVersion":"v1",.*\}\n {2}creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
  assert.match(r.stdout, /\n {2}resourceVersion: "\d+"\n/);
});

test('apply of an object without a name', () => {
  const lab = testLab();
  const r = kubectl(lab, 'apply -f -', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n');
  assert.equal(r.stderr, 'error: error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "", Namespace: "default"\nfrom server for: "STDIN": resource name may not be empty\n');
});
