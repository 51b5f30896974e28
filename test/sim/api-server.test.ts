// The generic registry: metadata the API server fills in, generateName, namespaces, conflicts,
// NotFound / AlreadyExists texts, graceful pod deletion, namespace termination, watch events,
// label and field selectors on LIST. Errors are values; a refused write changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newState } from '../../src/sim/cluster.js';
import { apiCreate, apiGet, apiUpdate } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { apiList } from '../../src/sim/api-server/list.js';
import { isApiError, type ApiError } from '../../src/sim/api-server/errors.js';
import type { SimState } from '../../src/sim/state.js';
import type { ConfigMap, KubeObject, Pod } from '../../src/sim/types.js';

function lab(): SimState {
  const state = newState();
  for (const ns of ['default', 'dev']) apiCreate(state, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  return state;
}

function configMap(name: string, mutate: (c: ConfigMap) => void = () => undefined): ConfigMap {
  const c: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' } };
  mutate(c);
  return c;
}

function ok<T extends KubeObject>(r: T | ApiError): T {
  if (isApiError(r)) assert.fail(r.message);
  return r;
}

function err(r: KubeObject | KubeObject[] | ApiError): ApiError {
  assert.ok(isApiError(r), `expected an error, got ${JSON.stringify(r).slice(0, 200)}`);
  return r;
}

test('create fills uid, resourceVersion, creationTimestamp and the namespace', () => {
  const state = lab();
  const cm = ok(apiCreate(state, configMap('settings')));
  assert.match(cm.metadata.uid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(cm.metadata.resourceVersion!, /^\d+$/);
  assert.equal(cm.metadata.creationTimestamp, '2026-01-05T09:00:00Z');
  assert.equal(cm.metadata.namespace, 'default');
  assert.equal(ok(apiCreate(state, configMap('other'), { namespace: 'dev' })).metadata.namespace, 'dev');
});

test('generateName gets five characters of the apimachinery alphabet', () => {
  const state = lab();
  const cm = ok(apiCreate(state, configMap('', (c) => { c.metadata = { generateName: 'web-' }; })));
  assert.match(cm.metadata.name!, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

const refusals: [string, (s: SimState) => KubeObject | ApiError, string, string][] = [
  ['AlreadyExists', (s) => apiCreate(s, configMap('settings')), 'AlreadyExists', 'configmaps "settings" already exists'],
  ['missing namespace', (s) => apiCreate(s, configMap('x'), { namespace: 'nope' }), 'NotFound', 'namespaces "nope" not found'],
  ['no name', (s) => apiCreate(s, configMap('')), 'Invalid', 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required'],
  ['NotFound on get', (s) => apiGet(s, 'Service', 'default', 'web'), 'NotFound', 'services "web" not found'],
  ['NotFound in a group', (s) => apiGet(s, 'Deployment', 'default', 'web'), 'NotFound', 'deployments.apps "web" not found'],
  ['NotFound on delete', (s) => apiDelete(s, 'Pod', 'default', 'ghost'), 'NotFound', 'pods "ghost" not found'],
  ['NotFound on update', (s) => apiUpdate(s, configMap('ghost')), 'NotFound', 'configmaps "ghost" not found'],
  ['stale resourceVersion', (s) => apiUpdate(s, configMap('settings', (c) => { c.metadata.resourceVersion = '1'; })), 'Conflict',
    'Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again'],
  ['protected namespace', (s) => apiDelete(s, 'Namespace', undefined, 'default'), 'Forbidden', 'namespaces "default" is forbidden: this namespace may not be deleted'],
  ['unknown kind', (s) => apiCreate(s, { apiVersion: 'v1', kind: 'Servce', metadata: { name: 'x' } }), 'BadRequest', 'no kind "Servce" is registered for version "v1"'],
  ['kind in the wrong version', (s) => apiCreate(s, { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } }), 'BadRequest', 'no kind "Deployment" is registered for version "v1"'],
];
for (const [name, call, reason, message] of refusals) {
  test(`refused: ${name}`, () => {
    const state = lab();
    ok(apiCreate(state, configMap('settings')));
    const before = JSON.stringify(state.objects);
    const e = err(call(state));
    assert.equal(e.reason, reason);
    assert.equal(e.message, message);
    assert.equal(JSON.stringify(state.objects), before, 'a refused call changes nothing');
  });
}

test('update keeps server-owned metadata, bumps resourceVersion, and a no-op writes nothing', () => {
  const state = lab();
  const cm = ok(apiCreate(state, configMap('settings')));
  const updated = ok(apiUpdate(state, { ...cm, metadata: { ...cm.metadata, uid: 'forged', labels: { a: 'b' } }, data: { k: 'w' } }));
  assert.equal(updated.metadata.uid, cm.metadata.uid);
  assert.equal(updated.metadata.creationTimestamp, cm.metadata.creationTimestamp);
  assert.ok(Number(updated.metadata.resourceVersion) > Number(cm.metadata.resourceVersion));
  const again = ok(apiUpdate(state, updated));
  assert.equal(again.metadata.resourceVersion, updated.metadata.resourceVersion);
});

test('every write queues one watch event in order', () => {
  const state = lab();
  state.pending = [];
  const cm = ok(apiCreate(state, configMap('settings')));
  ok(apiUpdate(state, { ...cm, data: { k: 'changed' } }));
  ok(apiDelete(state, 'ConfigMap', 'default', 'settings'));
  assert.deepEqual(state.pending.map((e) => `${e.type} ${e.resource} ${e.key}`), [
    'ADDED configmaps default/settings', 'MODIFIED configmaps default/settings', 'DELETED configmaps default/settings',
  ]);
});

test('a pod bound to a node is deleted gracefully; an unbound one at once', () => {
  const state = lab();
  const pod = (name: string, nodeName?: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] } });
  ok(apiCreate(state, pod('bound', 'node01')));
  ok(apiCreate(state, pod('unbound')));
  const deleting = ok(apiDelete(state, 'Pod', 'default', 'bound'));
  assert.equal(deleting.metadata.deletionTimestamp, '2026-01-05T09:00:30Z');
  assert.equal(deleting.metadata.deletionGracePeriodSeconds, 30);
  ok(apiDelete(state, 'Pod', 'default', 'unbound'));
  assert.equal(err(apiGet(state, 'Pod', 'default', 'unbound')).reason, 'NotFound');
  ok(apiDelete(state, 'Pod', 'default', 'bound', { gracePeriodSeconds: 0 }));
  assert.equal(err(apiGet(state, 'Pod', 'default', 'bound')).reason, 'NotFound');
});

test('a terminating namespace refuses new content', () => {
  const state = lab();
  const ns = ok(apiDelete(state, 'Namespace', undefined, 'dev'));
  assert.equal((ns.status as { phase: string }).phase, 'Terminating');
  const e = err(apiCreate(state, configMap('x'), { namespace: 'dev' }));
  assert.equal(e.message, 'configmaps "x" is forbidden: unable to create new content in namespace dev because it is being terminated');
});

test('LIST filters by label and field selectors, in etcd key order, and an unknown namespace is empty', () => {
  const state = lab();
  for (const [name, labels] of [['b', { app: 'web', tier: 'fe' }], ['a', { app: 'web' }], ['c', { app: 'db' }]] as const) {
    ok(apiCreate(state, configMap(name, (c) => { c.metadata.labels = { ...labels }; })));
  }
  ok(apiCreate(state, configMap('a'), { namespace: 'dev' }));
  const names = (r: KubeObject[] | ApiError): string[] => (r as KubeObject[]).map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  assert.deepEqual(names(apiList(state, 'ConfigMap')), ['default/a', 'default/b', 'default/c', 'dev/a']);
  assert.deepEqual(names(apiList(state, 'ConfigMap', { namespace: 'default', labelSelector: 'app=web' })), ['default/a', 'default/b']);
  assert.deepEqual(names(apiList(state, 'ConfigMap', { namespace: 'default', labelSelector: 'app=web,tier=fe' })), ['default/b']);
  assert.deepEqual(names(apiList(state, 'ConfigMap', { namespace: 'default', labelSelector: 'app!=web' })), ['default/c']);
  assert.deepEqual(names(apiList(state, 'ConfigMap', { fieldSelector: 'metadata.name=a' })), ['default/a', 'dev/a']);
  assert.deepEqual(names(apiList(state, 'ConfigMap', { namespace: 'nope' })), []);
  assert.equal(err(apiList(state, 'ConfigMap', { fieldSelector: 'spec.color=red' })).message, '"spec.color" is not a known field selector: only "metadata.name", "metadata.namespace"');
  assert.equal(err(apiList(state, 'Pod', { fieldSelector: 'spec.color=red' })).message, 'field label not supported: spec.color');
  assert.equal(err(apiList(state, 'ConfigMap', { labelSelector: 'app in (a' })).reason, 'BadRequest');
});

test('PATCH applies merge, JSON and strategic merge patches through the update path', async () => {
  const { apiPatch } = await import('../../src/sim/api-server/patch-endpoint.js');
  const state = lab();
  ok(apiCreate(state, configMap('settings', (c) => { c.metadata.labels = { app: 'web', tier: 'fe' }; })));
  const merged = ok(apiPatch(state, 'ConfigMap', 'default', 'settings', 'merge', { metadata: { labels: { tier: null, env: 'dev' } }, data: { extra: '1' } })) as ConfigMap;
  assert.deepEqual(merged.metadata.labels, { app: 'web', env: 'dev' });
  assert.deepEqual(merged.data, { k: 'v', extra: '1' });
  const json = ok(apiPatch(state, 'ConfigMap', 'default', 'settings', 'json', [{ op: 'replace', path: '/data/k', value: 'w' }])) as ConfigMap;
  assert.equal(json.data?.['k'], 'w');
  const sm = ok(apiPatch(state, 'ConfigMap', 'default', 'settings', 'strategic', { metadata: { name: 'renamed' }, data: { k: 'x' } })) as ConfigMap;
  assert.equal(sm.metadata.name, 'settings', 'the URL names the object; a patch cannot rename it');
  assert.equal(sm.data?.['k'], 'x');
  const unchanged = ok(apiPatch(state, 'ConfigMap', 'default', 'settings', 'merge', { data: { k: 'x' } }));
  assert.equal(unchanged.metadata.resourceVersion, sm.metadata.resourceVersion, 'a no-op patch writes nothing');
  const bad = err(apiPatch(state, 'ConfigMap', 'default', 'settings', 'json', [{ op: 'test', path: '/data/k', value: 'nope' }]));
  assert.deepEqual([bad.reason, bad.message], ['Invalid', 'the server rejected our request due to an error in our request']);
  assert.equal(err(apiPatch(state, 'ConfigMap', 'default', 'ghost', 'merge', {})).message, 'configmaps "ghost" not found');
});
