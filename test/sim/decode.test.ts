// Decoding request bodies: values that cannot unmarshal into the Go field types and unknown fields
// (strict field validation, kubectl's default) are BadRequest errors with the real texts, and no
// body whatever its shape makes the API server throw or change the cluster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../../src/sim/cluster.js';
import { apiCreate, apiUpdate } from '../../src/sim/api-server/registry.js';
import { apiPatch } from '../../src/sim/api-server/patch-endpoint.js';
import { isApiError } from '../../src/sim/api-server/errors.js';
import { settle } from '../../src/sim/settle.js';
import type { KubeObject } from '../../src/sim/types.js';

const refused: [string, unknown, string][] = [
  ['a port number written as a word', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 'eighty' }] } },
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'],
  ['ports as a single map instead of a list', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: { port: 80 } } },
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'],
  ['a label value that is a number', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { version: 2 } }, spec: {} },
    'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels.version of type string'],
  ['a fractional replica count', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1.5 } },
    'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
  ['a misspelt field', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { prots: [{ port: 80 }] } },
    'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"'],
  ['misspelt fields at several depths', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', port: 80 }] }, extra: 1 },
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].port", unknown field "extra"'],
  ['containers as a string', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: 'nginx' } },
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'],
  ['data values that are numbers', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { port: 80 } },
    'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data.port of type string'],
];

for (const [name, body, message] of refused) {
  test(`decoding refuses ${name}`, () => {
    const state = createCluster();
    const before = JSON.stringify(state.objects);
    const r = apiCreate(state, body as KubeObject);
    assert.ok(isApiError(r));
    assert.deepEqual([r.reason, r.message], ['BadRequest', message]);
    assert.equal(JSON.stringify(state.objects), before);
  });
}

test('null fields decode as Go zero values; an absent spec decodes as an empty one', () => {
  const state = createCluster();
  const r = apiCreate(state, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: null }, spec: { selector: null, ports: [{ port: 80, name: null }] } } as unknown as KubeObject);
  assert.ok(!isApiError(r), JSON.stringify(r));
  assert.equal(r.metadata.labels, undefined);
  const d = apiCreate(state, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'empty' } });
  assert.ok(isApiError(d));
  assert.equal(d.reason, 'Invalid', 'an empty Deployment fails validation, not decoding');
});

const SHAPES: unknown[] = [undefined, null, 5, 'x', true, [], {}, [null], [1, 'a'], { a: { b: { c: [] } } }, { port: 'eighty' }, [{ port: -1 }]];
const KINDS = [['v1', 'Service'], ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'DaemonSet'], ['v1', 'Namespace'], ['v1', 'ConfigMap'], ['v1', 'Node'], ['v1', 'Endpoints'], ['discovery.k8s.io/v1', 'EndpointSlice']];
const FIELDS = ['spec', 'metadata', 'data', 'status', 'subsets', 'endpoints'];

test('no request body of any shape makes the API server throw', () => {
  const state = createCluster();
  let n = 0;
  for (const [apiVersion, kind] of KINDS) {
    for (const field of FIELDS) {
      for (const value of SHAPES) {
        for (const nested of ['', 'ports', 'containers', 'template', 'selector', 'labels']) {
          n++;
          const inner = nested ? { [nested]: value } : value;
          const body = { apiVersion, kind, metadata: { name: `x${n}` }, [field]: inner } as unknown as KubeObject;
          const created = apiCreate(state, body);
          settle(state);
          if (!isApiError(created)) {
            apiUpdate(state, { ...created, [field]: SHAPES[n % SHAPES.length] } as KubeObject);
            apiPatch(state, kind as 'Service', created.metadata.namespace, created.metadata.name!, 'merge', { [field]: inner });
            settle(state);
          }
        }
      }
    }
  }
  assert.ok(n > 500);
  assert.ok(isApiError(apiCreate(state, null as unknown as KubeObject)));
  assert.ok(isApiError(apiCreate(state, [] as unknown as KubeObject)));
});
