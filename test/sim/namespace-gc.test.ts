// Cascading deletion by the garbage collector (background and orphan propagation, dangling owners),
// namespace deletion by the namespace controller (content deleted, conditions while pods
// terminate, the namespace removed when empty) and the root-ca-cert-publisher's kube-root-ca.crt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { apiCreate } from '../../src/sim/api-server/registry.js';
import { getStored, listStored } from '../../src/sim/api-server/store.js';
import { newState } from '../../src/sim/cluster.js';
import { advance, settle } from '../../src/sim/settle.js';
import type { SimState } from '../../src/sim/state.js';
import type { ConfigMap, EndpointSlice, Namespace, Pod } from '../../src/sim/types.js';
import { clusterCACertificate } from '../../src/sim/controllers/root-ca.js';
import { makeConfigMap, makeDeployment, makeNamespace, makeService } from './builders.js';
import { created, edited, lab, podsNamed, replicaSets } from './workload-fixtures.js';

const rootCA = (state: SimState, ns: string): ConfigMap | undefined => getStored<ConfigMap>(state, 'configmaps', `${ns}/kube-root-ca.crt`);

test('deleting a Deployment deletes its ReplicaSets and their pods (background propagation)', () => {
  const state = lab(0);
  created(state, makeDeployment('web', (d) => { d.spec.replicas = 2; }));
  assert.equal(podsNamed(state, 'web-').length, 2);
  apiDelete(state, 'Deployment', 'default', 'web');
  settle(state);
  assert.deepEqual(replicaSets(state), []);
  assert.deepEqual(podsNamed(state, 'web-'), []);
});

test('--cascade=orphan leaves the ReplicaSet and pods, without the owner reference', () => {
  const state = lab(0);
  created(state, makeDeployment('web', (d) => { d.spec.replicas = 2; }));
  apiDelete(state, 'Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
  settle(state);
  const [rs] = replicaSets(state);
  assert.equal(rs?.metadata.ownerReferences, undefined);
  assert.equal(podsNamed(state, 'web-').length, 2);
});

test('dependents of a deleted Service, and objects with dangling or partly dangling owners', () => {
  const state = lab(0);
  const svc = created(state, makeService('web'));
  const owned = (name: string, refs: { kind: string; name: string; uid: string }[]): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints: [], ports: [],
    metadata: { name, namespace: 'default', ownerReferences: refs.map((r) => ({ apiVersion: 'v1', controller: false, ...r })) },
  });
  const cm = created(state, makeConfigMap('keeper'));
  created(state, owned('by-service', [{ kind: 'Service', name: 'web', uid: svc.metadata.uid! }]));
  created(state, owned('two-owners', [{ kind: 'Service', name: 'web', uid: svc.metadata.uid! }, { kind: 'ConfigMap', name: 'keeper', uid: cm.metadata.uid! }]));
  created(state, owned('orphaned-at-birth', [{ kind: 'Service', name: 'ghost', uid: '0000' }]));
  assert.equal(getStored(state, 'endpointslices', 'default/orphaned-at-birth'), undefined, 'an owner that never existed');
  apiDelete(state, 'Service', 'default', 'web');
  settle(state);
  assert.equal(getStored(state, 'endpointslices', 'default/by-service'), undefined);
  assert.deepEqual(getStored(state, 'endpointslices', 'default/two-owners')?.metadata.ownerReferences?.map((r) => r.name), ['keeper']);
});

test('deleting a namespace deletes its content, reports what remains while pods stop, and removes it when empty', () => {
  const state = lab(3);
  created(state, makeNamespace('shop'));
  created(state, makeDeployment('web', (d) => { d.metadata.namespace = 'shop'; d.spec.replicas = 2; }));
  created(state, makeConfigMap('settings', { color: 'blue' }, (c) => { c.metadata.namespace = 'shop'; }));
  advance(state, 60_000);
  assert.equal(podsNamed(state, 'web-', 'shop').filter((p) => p.status?.phase === 'Running').length, 2, 'running pods terminate gracefully');
  apiDelete(state, 'Namespace', undefined, 'shop');
  settle(state);
  const ns = getStored<Namespace>(state, 'namespaces', 'shop')!;
  assert.equal(ns.status?.phase, 'Terminating');
  assert.deepEqual(ns.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message]), [
    ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
    ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
    ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
    ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'],
    ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
  ]);
  assert.deepEqual(listStored(state, 'configmaps', 'shop'), [], 'kube-root-ca.crt is not put back while terminating');
  assert.deepEqual(listStored(state, 'deployments', 'shop'), []);
  assert.ok(podsNamed(state, 'web-', 'shop').every((p) => p.metadata.deletionTimestamp));
  advance(state, 15_000);
  assert.deepEqual(podsNamed(state, 'web-', 'shop'), [], 'the kubelet has stopped them');
  assert.ok(getStored(state, 'namespaces', 'shop'), 'the controller looks again after half the grace period plus one second');
  advance(state, 1_000);
  assert.equal(getStored(state, 'namespaces', 'shop'), undefined);
  const refused = apiCreate(state, makeConfigMap('late', {}, (c) => { c.metadata.namespace = 'shop'; }));
  assert.equal('reason' in refused && refused.reason, 'NotFound');
});

test('an empty namespace goes at once', () => {
  const state = lab(0);
  created(state, makeNamespace('tmp'));
  assert.ok(rootCA(state, 'tmp'));
  apiDelete(state, 'Namespace', undefined, 'tmp');
  settle(state);
  assert.equal(getStored(state, 'namespaces', 'tmp'), undefined);
  assert.deepEqual(listStored<Pod>(state, 'configmaps', 'tmp'), []);
});

test('every namespace has kube-root-ca.crt with the cluster CA, put back when deleted or edited', () => {
  const state = lab(0);
  created(state, makeNamespace('shop'));
  const pem = clusterCACertificate(state.config);
  assert.match(pem, /^-----BEGIN CERTIFICATE-----\nMIID[A-Za-z0-9+/]{60}\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
  for (const ns of ['default', 'kube-system', 'shop']) {
    const cm = rootCA(state, ns);
    assert.deepEqual(cm?.data, { 'ca.crt': pem }, ns);
    assert.match(cm?.metadata.annotations?.['kubernetes.io/description'] ?? '', /^Contains a CA bundle that can be used to verify the kube-apiserver/);
  }
  apiDelete(state, 'ConfigMap', 'shop', 'kube-root-ca.crt');
  settle(state);
  assert.deepEqual(rootCA(state, 'shop')?.data, { 'ca.crt': pem }, 'recreated');
  edited<ConfigMap>(state, 'ConfigMap', 'kube-root-ca.crt', (c) => { c.data = { 'ca.crt': 'tampered' }; }, 'shop');
  assert.deepEqual(rootCA(state, 'shop')?.data, { 'ca.crt': pem }, 'restored');
  assert.notEqual(clusterCACertificate(newState({ seed: 2 }).config), pem, 'another seed, another CA');
  assert.equal(clusterCACertificate(newState({ seed: 1 }).config), pem, 'the same seed, the same CA');
});
