// Reading manifests as kubectl's resource builder does: YAML (multi-document), JSON, List kinds,
// files and directories, stdin; the client-side error texts of kubectl reference §3.5; limits
// that keep hostile manifests from hanging or throwing; refused manifests change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, putFile, snapshot, testLab, WEB_SERVICE } from './write-kit.js';

const cases: { name: string; stdin: string; stderr: string }[] = [
  {
    name: 'mapping values in a plain scalar',
    stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80: 90\n',
    stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context\n',
  },
  {
    name: 'tab indentation',
    stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n',
    stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n',
  },
  {
    name: 'a key indented less than its siblings (go-yaml numbers parser errors from 0)',
    stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n labels: {}\n',
    stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: did not find expected key\n',
  },
  {
    name: 'a sequence entry key indented wrongly (the dash at its parent key\'s column: go-yaml wants a key)',
    stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n   targetPort: 80\n',
    stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 7: did not find expected key\n',
  },
  {
    name: 'an unterminated quoted string',
    stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\n',
    stderr: 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: found unexpected end of stream\n',
  },
  {
    name: 'kind not set',
    stdin: 'apiVersion: v1\nmetadata:\n  name: web\n',
    stderr: 'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  {
    name: 'apiVersion and kind not set',
    stdin: 'metadata:\n  name: web\n',
    stderr: 'error: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  {
    name: 'unknown kind',
    stdin: 'apiVersion: v1\nkind: Servce\nmetadata:\n  name: web\n',
    stderr: 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Servce" in version "v1"\nensure CRDs are installed first\n',
  },
  {
    name: 'wrong apiVersion for a known kind',
    stdin: 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: dev\n',
    stderr: 'error: resource mapping not found for name: "web" namespace: "dev" from "STDIN": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n',
  },
  {
    name: 'unknown field (server-side strict validation)',
    stdin: WEB_SERVICE.replace('ports:', 'prots:'),
    stderr: 'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"\n',
  },
  {
    name: 'a document that is not an object',
    stdin: '- a\n- b\n',
    stderr: 'error: error parsing STDIN: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\n',
  },
  {
    name: 'an undefined alias',
    stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *x\n',
    stderr: "error: error parsing STDIN: error converting YAML to JSON: yaml: unknown anchor 'x' referenced\n",
  },
];

for (const c of cases) {
  test(`apply -f - refuses: ${c.name}`, () => {
    const lab = testLab();
    const before = snapshot(lab);
    const r = kubectl(lab, 'apply -f -', c.stdin);
    assert.equal(r.stderr, c.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.status, 1);
    assert.equal(snapshot(lab), before);
  });
}

test('a bad second document stops the whole apply before any request', () => {
  const lab = testLab();
  const before = snapshot(lab);
  const r = kubectl(lab, 'apply -f -', `${WEB_SERVICE}---\napiVersion: v1\nkind: Servce\nmetadata:\n  name: x\n`);
  assert.equal(r.status, 1);
  assert.equal(snapshot(lab), before);
});

test('multi-document YAML, JSON and List kinds', () => {
  const lab = testLab();
  const cm = (n: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\ndata:\n  k: v\n`;
  assert.equal(kubectl(lab, 'apply -f -', `${cm('a')}---\n# comment\n---\n${cm('b')}`).stdout, 'configmap/a created\nconfigmap/b created\n');
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
  assert.equal(kubectl(lab, 'apply -f -', json).stdout, 'configmap/c created\n');
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: d\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: dev\n`;
  assert.equal(kubectl(lab, 'apply -f -', list).stdout, 'configmap/d created\nnamespace/dev created\n');
});

test('files and directories, with the path as kubectl names it', () => {
  const lab = testLab();
  putFile(lab, 'app/svc.yaml', WEB_SERVICE);
  putFile(lab, 'app/cm.yml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n');
  putFile(lab, 'app/notes.txt', 'not a manifest');
  assert.equal(kubectl(lab, 'apply -f app/').stdout, 'configmap/cfg created\nservice/web created\n');
  assert.equal(kubectl(lab, 'apply -f app/svc.yaml').stdout, 'service/web unchanged\n');
  const r = kubectl(lab, 'apply -f nope.yaml');
  assert.equal(r.stderr, 'error: the path "nope.yaml" does not exist\n');
  putFile(lab, 'bad.yaml', 'a:\n  b: c: d\n');
  assert.equal(kubectl(lab, 'apply -f bad.yaml').stderr, 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\n');
});

test('hostile manifests are refused with a clear message and never throw', () => {
  const lab = testLab();
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
  assert.equal(kubectl(lab, 'apply -f -', bomb).stderr, 'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing\n');
  assert.equal(kubectl(lab, 'apply -f -', `${'['.repeat(5000)}${']'.repeat(5000)}`).stderr, 'error: error parsing STDIN: error converting YAML to JSON: yaml: exceeded max depth of 100\n');
  assert.match(kubectl(lab, 'apply -f -', 'x'.repeat(1024 * 1024 + 1)).stderr, /^error: error reading STDIN: the lab reads manifests up to 1 MB/);
  assert.match(kubectl(lab, 'apply -f -', '---\n'.repeat(1500)).stderr, /^error: error reading STDIN: the lab reads at most 1000 documents per file/);
  for (const text of ['', '---', 'null', '{', ']', '"', '&a', '!!binary x', 'kind: 5\napiVersion: []', 'apiVersion: v1\nkind: Pod\nmetadata: 5\n', 'apiVersion: v1\nkind: Pod\nspec: {containers: 7}\n']) {
    assert.doesNotThrow(() => kubectl(lab, 'apply -f -', text), text);
  }
});

test('-n that contradicts the manifest namespace is refused', () => {
  const lab = testLab();
  kubectl(lab, 'create namespace dev');
  const r = kubectl(lab, 'apply -n default -f -', WEB_SERVICE.replace('name: web\n', 'name: web\n  namespace: dev\n'));
  assert.equal(r.stderr, `error: the namespace from the provided object "dev" does not match the namespace "default". You must pass '--namespace=dev' to perform this operation.\n`);
});

test('YAML 1.1 booleans decode as go-yaml v2 reads them, so the server refuses `yes` in a string field', () => {
  const lab = testLab();
  const r = kubectl(lab, 'apply -f -', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: yes\n');
  assert.equal(r.stderr, 'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels.enabled of type string\n');
});
