// fast-check arbitraries for manifests: valid Deployments, Services, Pods, ConfigMaps and
// Namespaces; near-valid ones (a field of the wrong type, missing or out of range, a bad name,
// duplicate keys, tabs, broken indentation); and hostile text (aliases, deep nesting, binary junk).
// A manifest step feeds one to kubectl through a heredoc, or writes it to a file first.
import fc from 'fast-check';
import * as yaml from 'js-yaml';

type Obj = Record<string, unknown>;

const one = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const app = one(['web', 'api', 'db']);
const port = one([80, 80, 8080, 443, 53, 0, 65536, -1, 'eighty', 'http', '80']);

const deployment = fc.tuple(app, one([0, 1, 2, 3]), one(['nginx:1.27', 'busybox', 'redis', 'nope:1'])).map(([name, replicas, image]): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: [{ containerPort: 80, name: 'http' }] }] } } },
}));

const service = fc.tuple(app, one(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', undefined]), port, port, fc.option(one([30080, 30000, 32767, 29999, 32768, 80]), { nil: undefined }), fc.option(one(['10.96.0.50', '10.96.0.1', '10.95.0.1', '10.108.0.0', 'None', '1.2.3.4', '']), { nil: undefined }))
  .map(([name, type, p, targetPort, nodePort, clusterIP]): Obj => ({
    apiVersion: 'v1', kind: 'Service', metadata: { name },
    spec: { ...(type ? { type } : {}), ...(clusterIP !== undefined ? { clusterIP } : {}), ...(type === 'ExternalName' ? { externalName: 'db.example.com' } : {}), selector: { app: name }, ports: [{ port: p, targetPort, ...(nodePort ? { nodePort } : {}) }] },
  }));

const pod = fc.tuple(app, one(['nginx', 'busybox', 'redis'])).map(([name, image]): Obj => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: `${name}-pod`, labels: { app: name } },
  spec: { containers: [{ name: 'c', image, ...(image === 'busybox' ? { command: ['sleep', '3600'] } : {}) }] },
}));

const configMap = fc.tuple(app, fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 })).map(([name, data]): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config` }, data }));

const namespace = one(['dev', 'prod', 'kube-system', 'Bad_NS', 'default']).map((name): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));

/** A valid (or nearly: ports and addresses come from a wide range) manifest object. */
const validObject = fc.oneof({ weight: 3, arbitrary: deployment }, { weight: 3, arbitrary: service }, pod, configMap, namespace);

/** Values that do not belong where they end up. */
const wrongValue = one<unknown>([null, 0, -1, 65536, 'eighty', '', true, [], {}, [1, 2], { a: 1 }, 'x'.repeat(300), 1.5, 2 ** 53, 'Web_1', '-bad-', '10.96.0.1', 'None']);

/** Every path into an object, for mutations to pick from. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [at, ...keys.flatMap((k) => paths((v as Obj)[k as string], [...at, k]))];
}

/** Replaces, removes or adds a field somewhere in the object. */
function mutate(o: Obj, pick: number, how: number, value: unknown): Obj {
  const copy = structuredClone(o);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[pick % all.length]!;
  const parent = path.slice(0, -1).reduce<unknown>((x, k) => (x as Obj)[k as string], copy) as Obj;
  const key = path[path.length - 1] as string;
  if (how === 0 && !Array.isArray(parent)) delete parent[key];
  else if (how === 1 && !Array.isArray(parent)) parent[`${key}x`] = value;
  else parent[key] = value;
  return copy;
}

const mutatedObject = fc.tuple(validObject, fc.nat(), fc.nat(2), wrongValue).map(([o, p, h, v]) => mutate(o, p, h, v));

const dump = (o: unknown): string => yaml.dump(o, { lineWidth: -1, noRefs: true });

/** Text-level damage a hand-written manifest often has. */
function damage(text: string, how: number, at: number): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  switch (how) {
    case 0: return lines.map((l, j) => (j === i ? l.replace(/^ {2}/, '\t') : l)).join('\n');
    case 1: return lines.map((l, j) => (j === i ? ` ${l}` : l)).join('\n');
    case 2: return [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join('\n');
    case 3: return lines.map((l, j) => (j === i ? l.replace(': ', ':') : l)).join('\n');
    case 4: return text.replace(/\n/g, '\r\n');
    case 5: return `\ufeff${text}`;
    default: return lines.slice(0, i).join('\n');
  }
}

const damagedText = fc.tuple(validObject, fc.nat(6), fc.nat()).map(([o, how, at]) => damage(dump(o), how, at));

/** Manifest text meant to hurt a YAML parser or the API server. */
const hostileText = fc.oneof(
  fc.constantFrom(
    'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: m\ndata: *m\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *nope\n',
    `a: ${'['.repeat(150)}${']'.repeat(150)}\n`,
    `${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n`,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n',
    '!!binary aGVsbG8=\n', 'a: !!js/function "function(){}"\n', '? [a, b]\n: c\n', '--- !<tag:yaml.org,2002:str> x\n', '%YAML 9.9\n---\na: 1\n',
    '---\n---\n---\n', '...\n', 'null\n', '[]\n', '"just a string"\n', '42\n', '- apiVersion: v1\n  kind: Pod\n',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: listed\n- 7\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  - port: 80\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: other}\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: {}\n', 'apiVersion: v2\nkind: Pod\n', 'kind: Nope\napiVersion: nope/v9\nmetadata: {name: x}\n',
    '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"json"},"data":{"a":1}}\n', '{"apiVersion": "v1", "kind"\n',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(validObject, fc.nat(), one([' ', '\t', 'a', '-', ':', '[', '{', '"', "'", '#', '\n', '\\']), fc.integer({ min: 10_000, max: 100_000 }), one(['', 'b: [1, 2\n', 'c: "x\n', 'd: {\n', '\te: 1\n'])).map(([o, at, c, n, tail]) => {
    const t = dump(o);
    const i = at % (t.length + 1);
    return t.slice(0, i) + c.repeat(n) + t.slice(i) + tail;
  }),
  fc.tuple(validObject, fc.string({ unit: 'binary', maxLength: 20 }), fc.nat()).map(([o, junk, at]) => {
    const t = dump(o);
    const i = at % (t.length + 1);
    return t.slice(0, i) + junk + t.slice(i);
  }),
);

/** A manifest's text: several documents now and then. */
export const manifestText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: validObject.map(dump) },
  { weight: 3, arbitrary: mutatedObject.map(dump) },
  { weight: 2, arbitrary: damagedText },
  { weight: 2, arbitrary: hostileText },
  fc.array(validObject, { minLength: 2, maxLength: 3 }).map((os) => os.map(dump).join('---\n')),
);

/** A line that hands a manifest to kubectl: through a heredoc into `-f -`, or a file written first. */
export const manifestStep: fc.Arbitrary<string> = fc.tuple(
  manifestText,
  one(['apply', 'apply', 'create', 'replace', 'delete', 'apply --dry-run=client -o yaml', 'apply --server-side', 'create --save-config', 'apply -n dev', 'apply -f m.yaml -f']),
  one(['EOF', "'EOF'"]),
  fc.boolean(),
).map(([text, verb, tag, viaFile]) => {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return viaFile
    ? `cat > m.yaml <<${tag}\n${body}EOF\nkubectl ${verb} -f m.yaml`
    : `cat <<${tag} | kubectl ${verb} -f -\n${body}EOF`;
});
