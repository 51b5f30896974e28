// The three patch types of `kubectl patch` (merge, json, strategic) and the merge-patch diff used by
// `kubectl apply`, checked against what a v1.34 API server does to the same objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject, JsonValue, PatchResult } from '../../src/sim/api-server/patch.js';
import { applyMergePatch, computeMergePatch, deepEqual, REJECTED_MESSAGE } from '../../src/sim/api-server/patch.js';
import { applyJsonPatch } from '../../src/sim/api-server/json-patch.js';
import { applyStrategicMergePatch } from '../../src/sim/api-server/strategic-merge.js';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A Deployment `web` with one container `web` (nginx, port 80, env MODE=prod), 2 replicas. */
function makeDeployment(mutate: (d: Obj) => void = () => {}): Obj {
  const d: Obj = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'frontend' }, finalizers: ['lab/a'] },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'MODE', value: 'prod' }] }],
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
        },
      },
    },
  };
  mutate(d);
  return d;
}

/** A ClusterIP Service `web` on port 80 → 8080. */
function makeService(mutate: (s: Obj) => void = () => {}): Obj {
  const s: Obj = {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }] },
  };
  mutate(s);
  return s;
}

const container = (d: Obj): Obj => d.spec.template.spec.containers[0];
const valueOf = (r: PatchResult): Obj => {
  assert.ok(r.ok, r.ok ? '' : `patch failed: ${r.message} ${r.cause ?? ''}`);
  return r.value as Obj;
};

test('merge patch (--type merge): null deletes, objects merge, lists replace', () => {
  const cases: { name: string; patch: unknown; expect: (d: Obj) => void }[] = [
    { name: 'scale to 5 replicas', patch: { spec: { replicas: 5 } }, expect: (d) => { d.spec.replicas = 5; } },
    { name: 'delete a label with null', patch: { metadata: { labels: { tier: null } } }, expect: (d) => { delete d.metadata.labels.tier; } },
    { name: 'a new map loses its nulls', patch: { metadata: { annotations: { owner: 'team-a', gone: null } } }, expect: (d) => { d.metadata.annotations = { owner: 'team-a' }; } },
    {
      name: 'containers are replaced whole, not merged by name',
      patch: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } } } },
      expect: (d) => { d.spec.template.spec.containers = [{ name: 'web', image: 'nginx:1.28' }]; },
    },
  ];
  for (const c of cases) assert.deepEqual(valueOf(applyMergePatch(makeDeployment(), c.patch)), makeDeployment(c.expect), c.name);
});

test('merge patch: changing a Service to NodePort replaces its port list', () => {
  const patch = { spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] } };
  const want = makeService((s) => { s.spec.type = 'NodePort'; s.spec.ports = [{ port: 80, targetPort: 8080, nodePort: 30080 }]; });
  assert.deepEqual(valueOf(applyMergePatch(makeService(), patch)), want);
});

test('merge patch: a patch that is not an object is refused as the API server refuses it', () => {
  assert.deepEqual(applyMergePatch(makeService(), null), { ok: false, reason: 'BadRequest', code: 400, message: 'Invalid JSON Patch' });
  assert.deepEqual(applyMergePatch(makeService(), 'type=NodePort'), { ok: false, reason: 'BadRequest', code: 400, message: 'Invalid JSON Patch' });
  assert.deepEqual(valueOf(applyMergePatch(makeService(), [{ a: null }])), [{}]);
});

const containerPath = '/spec/template/spec/containers/0';

test('JSON patch (--type json): each operation on a Deployment', () => {
  const cases: { name: string; ops: unknown[]; expect: (d: Obj) => void }[] = [
    { name: 'replace /spec/replicas', ops: [{ op: 'replace', path: '/spec/replicas', value: 3 }], expect: (d) => { d.spec.replicas = 3; } },
    { name: 'test then replace', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'replace', path: '/spec/replicas', value: 4 }], expect: (d) => { d.spec.replicas = 4; } },
    { name: 'add a label', ops: [{ op: 'add', path: '/metadata/labels/track', value: 'canary' }], expect: (d) => { d.metadata.labels.track = 'canary'; } },
    { name: '~1 escapes a slash', ops: [{ op: 'add', path: '/metadata/labels/example.com~1owner', value: 'me' }], expect: (d) => { d.metadata.labels['example.com/owner'] = 'me'; } },
    { name: '~0 escapes a tilde', ops: [{ op: 'add', path: '/metadata/labels/a~0b', value: 'x' }], expect: (d) => { d.metadata.labels['a~b'] = 'x'; } },
    { name: '- appends a port', ops: [{ op: 'add', path: `${containerPath}/ports/-`, value: { containerPort: 9090 } }], expect: (d) => { container(d).ports.push({ containerPort: 9090 }); } },
    { name: 'add at index 0 inserts', ops: [{ op: 'add', path: `${containerPath}/ports/0`, value: { containerPort: 9090 } }], expect: (d) => { container(d).ports.unshift({ containerPort: 9090 }); } },
    { name: 'remove the only port', ops: [{ op: 'remove', path: `${containerPath}/ports/0` }], expect: (d) => { container(d).ports = []; } },
    { name: 'negative index counts from the end', ops: [{ op: 'remove', path: `${containerPath}/env/-1` }], expect: (d) => { container(d).env = []; } },
    { name: 'move a label', ops: [{ op: 'move', from: '/metadata/labels/tier', path: '/metadata/labels/layer' }], expect: (d) => { delete d.metadata.labels.tier; d.metadata.labels.layer = 'frontend'; } },
    { name: 'copy the selector into the labels', ops: [{ op: 'copy', from: '/spec/selector/matchLabels', path: '/metadata/labels' }], expect: (d) => { d.metadata.labels = { app: 'web' }; } },
    { name: 'v4 quirk: replace of a missing key adds it', ops: [{ op: 'replace', path: '/spec/paused', value: true }], expect: (d) => { d.spec.paused = true; } },
    { name: 'test of a missing key against null passes', ops: [{ op: 'test', path: '/spec/paused', value: null }], expect: () => {} },
  ];
  for (const c of cases) assert.deepEqual(valueOf(applyJsonPatch(makeDeployment(), c.ops)), makeDeployment(c.expect), c.name);
});

test('JSON patch failures: a bare 422 to the client, the library text kept as the cause', () => {
  const cases: { ops: unknown[]; cause: string }[] = [
    { ops: [{ op: 'test', path: '/spec/replicas', value: 5 }], cause: 'testing value /spec/replicas failed: test failed' },
    { ops: [{ op: 'add', path: '/spec/foo/bar', value: 1 }], cause: 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value' },
    { ops: [{ op: 'remove', path: '/spec/foo/bar' }], cause: 'remove operation does not apply: doc is missing path: "/spec/foo/bar": missing value' },
    { ops: [{ op: 'remove', path: '/metadata/labels/nope' }], cause: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value" },
    { ops: [{ op: 'replace', path: '/spec/foo/x', value: 1 }], cause: 'replace operation does not apply: doc is missing path: /spec/foo/x: missing value' },
    { ops: [{ op: 'replace', path: '/spec/template/spec/containers/3', value: {} }], cause: 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/3: missing value' },
    { ops: [{ op: 'move', from: '/status/x/y', path: '/spec/y' }], cause: 'move operation does not apply: doc is missing from path: /status/x/y: missing value' },
    { ops: [{ op: 'copy', from: '/spec/replicas', path: '/status/x/y' }], cause: 'copy operation does not apply: doc is missing destination path: /status/x/y: missing value' },
    { ops: [{ op: 'add', path: `${containerPath}/ports/9`, value: {} }], cause: `error in add for path: '${containerPath}/ports/9': Unable to access invalid index: 9: invalid index referenced` },
    { ops: [{ op: 'add', path: `${containerPath}/ports/http`, value: {} }], cause: `error in add for path: '${containerPath}/ports/http': value was not a proper array index: 'http': strconv.Atoi: parsing "http": invalid syntax` },
    { ops: [{ op: 'add', value: 1 }], cause: 'add operation failed to decode path: missing value' },
    { ops: [{ op: 'upsert', path: '/spec/replicas', value: 1 }], cause: 'Unexpected kind: upsert' },
  ];
  for (const c of cases) {
    assert.deepEqual(applyJsonPatch(makeDeployment(), c.ops), { ok: false, reason: 'Invalid', code: 422, message: REJECTED_MESSAGE, cause: c.cause }, c.cause);
  }
});

test('JSON patch: a patch that is not a list of operations is a 400 with the decoder text', () => {
  const r = applyJsonPatch(makeDeployment(), { op: 'replace', path: '/spec/replicas', value: 3 });
  assert.deepEqual(r, { ok: false, reason: 'BadRequest', code: 400, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
  assert.deepEqual(applyJsonPatch(makeDeployment(), ['replace']), { ok: false, reason: 'BadRequest', code: 400, message: 'json: cannot unmarshal string into Go value of type jsonpatch.Operation' });
});

const deploymentPatch = (spec: Obj): Obj => ({ spec: { template: { spec } } });

test('strategic merge patch on a Deployment: lists merge by their patchMergeKey', () => {
  const cases: { name: string; patch: Obj; expect: (d: Obj) => void }[] = [
    { name: 'scale', patch: { spec: { replicas: 5 } }, expect: (d) => { d.spec.replicas = 5; } },
    { name: 'delete a label with null', patch: { metadata: { labels: { tier: null } } }, expect: (d) => { delete d.metadata.labels.tier; } },
    {
      name: 'new image for container web keeps its ports and env',
      patch: deploymentPatch({ containers: [{ name: 'web', image: 'nginx:1.28' }] }),
      expect: (d) => { container(d).image = 'nginx:1.28'; },
    },
    {
      name: 'a new container is put first (mergeSortedSlice), as in the kubectl patch task page',
      patch: deploymentPatch({ containers: [{ name: 'redis', image: 'redis' }] }),
      expect: (d) => { d.spec.template.spec.containers.unshift({ name: 'redis', image: 'redis' }); },
    },
    {
      name: 'a container port is added by containerPort, an existing one merged',
      patch: deploymentPatch({ containers: [{ name: 'web', ports: [{ containerPort: 9090, name: 'metrics' }, { containerPort: 80, name: 'http' }] }] }),
      expect: (d) => { container(d).ports = [{ containerPort: 9090, name: 'metrics' }, { containerPort: 80, protocol: 'TCP', name: 'http' }]; },
    },
    { name: 'env merges by name', patch: deploymentPatch({ containers: [{ name: 'web', env: [{ name: 'MODE', value: 'dev' }] }] }), expect: (d) => { container(d).env[0].value = 'dev'; } },
    { name: '$patch: delete removes the container named web', patch: deploymentPatch({ containers: [{ name: 'web', $patch: 'delete' }] }), expect: (d) => { d.spec.template.spec.containers = []; } },
    {
      name: '$patch: replace replaces the whole list',
      patch: deploymentPatch({ containers: [{ $patch: 'replace' }, { name: 'api', image: 'api:1' }] }),
      expect: (d) => { d.spec.template.spec.containers = [{ name: 'api', image: 'api:1' }]; },
    },
    {
      name: 'tolerations have no merge strategy: replaced',
      patch: deploymentPatch({ tolerations: [{ key: 'gpu', operator: 'Exists' }] }),
      expect: (d) => { d.spec.template.spec.tolerations = [{ key: 'gpu', operator: 'Exists' }]; },
    },
    { name: 'finalizers merge; the new one goes first', patch: { metadata: { finalizers: ['lab/b'] } }, expect: (d) => { d.metadata.finalizers = ['lab/b', 'lab/a']; } },
    { name: '$deleteFromPrimitiveList removes a finalizer', patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['lab/a'] } }, expect: (d) => { d.metadata.finalizers = []; } },
    { name: '$patch: delete on a map removes it', patch: { metadata: { labels: { $patch: 'delete' } } }, expect: (d) => { delete d.metadata.labels; } },
    { name: '$patch: replace on a map replaces it', patch: { metadata: { labels: { $patch: 'replace', app: 'api' } } }, expect: (d) => { d.metadata.labels = { app: 'api' }; } },
    {
      name: '$retainKeys clears the rolling update when switching to Recreate',
      patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      expect: (d) => { d.spec.strategy = { type: 'Recreate' }; },
    },
    {
      name: '$setElementOrder is accepted and dropped',
      patch: deploymentPatch({ '$setElementOrder/containers': [{ name: 'web' }], containers: [{ name: 'web', image: 'nginx:1.28' }] }),
      expect: (d) => { container(d).image = 'nginx:1.28'; },
    },
  ];
  for (const c of cases) assert.deepEqual(valueOf(applyStrategicMergePatch(makeDeployment(), c.patch, 'Deployment')), makeDeployment(c.expect), c.name);
});

test('strategic merge patch on a Service: type NodePort, and the port merged by `port`', () => {
  const patch = { spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } };
  const want = makeService((s) => { s.spec.type = 'NodePort'; s.spec.ports[0].nodePort = 30080; });
  assert.deepEqual(valueOf(applyStrategicMergePatch(makeService(), patch, 'Service')), want);
  // The merge key is port alone: a UDP entry for port 80 merges into the TCP one.
  const udp = valueOf(applyStrategicMergePatch(makeService(), { spec: { ports: [{ port: 80, protocol: 'UDP' }] } }, 'Service'));
  assert.deepEqual(udp.spec.ports, [{ name: 'http', protocol: 'UDP', port: 80, targetPort: 8080 }]);
});

test('strategic merge patch on status lists: Node addresses and Pod conditions merge by type', () => {
  const node = { kind: 'Node', metadata: { name: 'worker-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }, { type: 'Hostname', address: 'worker-1' }] } };
  const n = valueOf(applyStrategicMergePatch(node, { status: { addresses: [{ type: 'InternalIP', address: '192.168.56.21' }] } }, 'Node'));
  assert.deepEqual(n.status.addresses, [{ type: 'InternalIP', address: '192.168.56.21' }, { type: 'Hostname', address: 'worker-1' }]);
  const pod = { kind: 'Pod', metadata: { name: 'web-1' }, status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } };
  const p = valueOf(applyStrategicMergePatch(pod, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, 'Pod'));
  assert.deepEqual(p.status.conditions, [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }]);
});

test('strategic merge patch errors carry the library text', () => {
  const missingKey = applyStrategicMergePatch(makeDeployment(), deploymentPatch({ containers: [{ image: 'redis' }] }), 'Deployment');
  assert.deepEqual(missingKey, { ok: false, reason: 'Unknown', code: 500, message: 'map: map[image:redis] does not contain declared merge key: name' });
  const merge = applyStrategicMergePatch(makeDeployment(), deploymentPatch({ containers: [{ $patch: 'merge' }] }), 'Deployment');
  assert.equal(merge.ok ? '' : merge.message, 'merging lists cannot yet be specified in the patch');
  assert.deepEqual(applyStrategicMergePatch({ kind: 'Widget' }, {}, 'Widget'), { ok: false, reason: 'BadRequest', code: 400, message: 'strategic merge patch format is not supported' });
  assert.deepEqual(applyStrategicMergePatch(makeService(), [], 'Service'), { ok: false, reason: 'BadRequest', code: 400, message: 'json: cannot unmarshal array into Go value of type map[string]interface {}' });
});

test('computeMergePatch: what `kubectl apply` would send, {} when nothing changed', () => {
  assert.deepEqual(valueOf(computeMergePatch(makeDeployment(), makeDeployment())), {});
  const cases: { name: string; change: (d: Obj) => void; patch: JsonValue }[] = [
    { name: 'replicas', change: (d) => { d.spec.replicas = 3; }, patch: { spec: { replicas: 3 } } },
    { name: 'a removed label', change: (d) => { delete d.metadata.labels.tier; }, patch: { metadata: { labels: { tier: null } } } },
    { name: 'a changed list is sent whole', change: (d) => { d.metadata.finalizers = []; }, patch: { metadata: { finalizers: [] } } },
  ];
  for (const c of cases) {
    const patch = valueOf(computeMergePatch(makeDeployment(), makeDeployment(c.change)));
    assert.deepEqual(patch, c.patch, c.name);
    assert.deepEqual(valueOf(applyMergePatch(makeDeployment(), patch)), makeDeployment(c.change), `${c.name} round trip`);
  }
});

test('deepEqual compares JSON values', () => {
  assert.ok(deepEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }));
  assert.ok(!deepEqual([1, 2], [2, 1]));
  assert.ok(!deepEqual({ a: 1 }, { a: '1' }));
  assert.ok(!deepEqual({ a: undefined }, { b: undefined }));
  assert.ok(!deepEqual([], {}));
});

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

test('inputs are never mutated (frozen inputs, unchanged afterwards)', () => {
  const runs: [string, () => PatchResult][] = [];
  const target = deepFreeze(makeDeployment());
  const smp = deepFreeze(deploymentPatch({ containers: [{ name: 'web', image: 'x', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'y' }] }));
  const ops = deepFreeze([{ op: 'add', path: '/metadata/labels/x', value: { nested: true } }, { op: 'move', from: '/spec/replicas', path: '/spec/count' }]);
  runs.push(['merge', () => applyMergePatch(target, smp)], ['json', () => applyJsonPatch(target, ops)]);
  runs.push(['strategic', () => applyStrategicMergePatch(target, smp, 'Deployment')], ['diff', () => computeMergePatch(target, smp)]);
  const before = JSON.stringify([target, smp, ops]);
  for (const [name, run] of runs) {
    const r = run();
    assert.ok(r.ok, name);
    (r.value as JsonObject).extra = 'mine'; // the result is a fresh value the caller may change
  }
  assert.equal(JSON.stringify([target, smp, ops]), before);
});

test('__proto__ is ordinary data: no prototype pollution through any patch', () => {
  const evil = JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":"yes"}}}}') as JsonObject;
  for (const r of [applyMergePatch(makeService(), evil), applyStrategicMergePatch(makeService(), evil, 'Service')]) {
    const labels = valueOf(r).metadata.labels as object;
    assert.ok(Object.hasOwn(labels, '__proto__'));
    assert.equal(Object.getPrototypeOf(labels), Object.prototype);
  }
  const viaPointer = applyJsonPatch(makeService(), [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }]);
  assert.equal(viaPointer.ok ? '' : viaPointer.cause, 'add operation does not apply: doc is missing path: "/__proto__/polluted": missing value');
  assert.equal(({} as Obj).polluted, undefined);
});

test('nesting deeper than 100 levels is an error value, never a stack overflow', () => {
  let deep: JsonValue = 'leaf';
  for (let i = 0; i < 5000; i++) deep = { d: deep };
  const want = { ok: false, reason: 'BadRequest', code: 400, message: 'JSON nests deeper than 100 levels' };
  assert.deepEqual(applyMergePatch(makeService(), deep), want);
  assert.deepEqual(applyJsonPatch(deep, []), want);
  assert.deepEqual(applyStrategicMergePatch(makeService(), { spec: deep }, 'Service'), want);
  assert.deepEqual(computeMergePatch(deep, {}), want);
  // Copies that keep nesting a document deeper are stopped too.
  const grow = Array.from({ length: 120 }, () => ({ op: 'copy', from: '/spec', path: '/spec/again' }));
  assert.deepEqual(applyJsonPatch({ spec: { x: 1 } }, grow), want);
});

test('odd JSON input never throws', () => {
  const odd: unknown[] = [undefined, null, 0, 'x', true, [], [null], {}, { op: 7 }, [{ op: 'add', path: 5 }], { $patch: 'delete' }, { $patch: 3 }, { a: [[1]] }];
  for (const a of odd) {
    for (const b of odd) {
      for (const r of [applyMergePatch(a, b), applyJsonPatch(a, b), applyStrategicMergePatch(a, b, 'Pod'), computeMergePatch(a, b)]) {
        assert.equal(typeof r.ok, 'boolean');
      }
      assert.equal(typeof deepEqual(a, b), 'boolean');
    }
  }
});
