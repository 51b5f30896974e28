// Pod, pod-template, workload, Namespace, ConfigMap and Node validation with the real v1.34
// apiserver texts: each row is one rule, the object as a learner would write it (builders),
// defaulted as the apiserver does, and every cause it reports, in order and in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorText } from '../../src/sim/api-server/errors.js';
import { defaultDaemonSet, defaultDeployment, defaultPod, defaultReplicaSet } from '../../src/sim/api-server/defaults.js';
import { validatePod } from '../../src/sim/api-server/validation/pod.js';
import { validateDaemonSet, validateDeployment, validateDeploymentUpdate, validateReplicaSet } from '../../src/sim/api-server/validation/apps.js';
import { validateConfigMap, validateNamespace, validateNode } from '../../src/sim/api-server/validation/misc.js';
import type { DaemonSet, Deployment, Pod, ReplicaSet } from '../../src/sim/types.js';
import { makeConfigMap, makeDaemonSet, makeDeployment, makeNamespace, makeNode, makePod, makeReplicaSet } from './builders.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, MISMATCH, QNAME_NAME_PART, RANGE } from './validation-messages.js';

/** The causes of creating a Pod after defaulting. */
function podCauses(pod: Pod): string[] {
  const p = structuredClone(pod);
  defaultPod(p);
  return validatePod(p).map(fieldErrorText);
}

const podRows: { rule: string; pod: Pod; want: string[] }[] = [
  { rule: 'a plain pod is valid', pod: makePod('web'), want: [] },
  {
    rule: 'name must be a DNS-1123 subdomain',
    pod: makePod('Web_1', (p) => { p.spec.containers[0]!.name = 'web'; }),
    want: [`metadata.name: Invalid value: "Web_1": ${DNS1123_SUBDOMAIN}`],
  },
  {
    rule: 'name is required',
    pod: makePod('', (p) => { p.spec.containers[0]!.name = 'web'; }),
    want: ['metadata.name: Required value: name or generateName is required'],
  },
  {
    rule: 'label keys and values',
    pod: makePod('web', (p) => { p.metadata.labels = { 'app name': 'web', tier: 'front end', 'Example.com/x': 'y' }; }),
    want: [
      `metadata.labels: Invalid value: "app name": ${QNAME_NAME_PART}`,
      `metadata.labels: Invalid value: "front end": ${LABEL_VALUE}`,
      `metadata.labels: Invalid value: "Example.com/x": prefix part ${DNS1123_SUBDOMAIN}`,
    ],
  },
  {
    rule: 'label values of at most 63 characters',
    pod: makePod('web', (p) => { p.metadata.labels = { app: 'a'.repeat(64) }; }),
    want: [`metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  },
  {
    rule: 'annotation keys are qualified names',
    pod: makePod('web', (p) => { p.metadata.annotations = { 'my note': 'x' }; }),
    want: [`metadata.annotations: Invalid value: "my note": ${QNAME_NAME_PART}`],
  },
  { rule: 'containers are required', pod: makePod('web', (p) => { p.spec.containers = []; }), want: ['spec.containers: Required value'] },
  {
    rule: 'container names are DNS-1123 labels',
    pod: makePod('web', (p) => { p.spec.containers[0]!.name = 'Web_1'; }),
    want: [`spec.containers[0].name: Invalid value: "Web_1": ${DNS1123_LABEL}`],
  },
  {
    rule: 'container names are unique',
    pod: makePod('web', (p) => { p.spec.containers.push({ name: 'web', image: 'busybox' }); }),
    want: ['spec.containers[1].name: Duplicate value: "web"'],
  },
  { rule: 'image is required', pod: makePod('web', (p) => { delete p.spec.containers[0]!.image; }), want: ['spec.containers[0].image: Required value'] },
  {
    rule: 'containerPort is required and in range',
    pod: makePod('web', (p) => { p.spec.containers[0]!.ports = [{ containerPort: 0 }, { containerPort: 70000 }]; }),
    want: ['spec.containers[0].ports[0].containerPort: Required value', `spec.containers[0].ports[1].containerPort: Invalid value: 70000: ${RANGE}`],
  },
  {
    rule: 'container port names follow IANA_SVC_NAME and are unique',
    pod: makePod('web', (p) => {
      p.spec.containers[0]!.ports = [{ name: 'HTTP', containerPort: 80 }, { name: 'http', containerPort: 81 }, { name: 'http', containerPort: 82 }];
    }),
    want: [
      'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      'spec.containers[0].ports[2].name: Duplicate value: "http"',
    ],
  },
  {
    rule: 'container port protocol',
    pod: makePod('web', (p) => { p.spec.containers[0]!.ports![0]!.protocol = 'HTTP'; }),
    want: ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
  },
  {
    rule: 'restartPolicy is Always, OnFailure or Never',
    pod: makePod('web', (p) => { p.spec.restartPolicy = 'Sometimes'; }),
    want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
  },
  {
    rule: 'dnsPolicy values',
    pod: makePod('web', (p) => { p.spec.dnsPolicy = 'Cluster'; }),
    want: ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
  },
  {
    rule: 'nodeSelector is a label map',
    pod: makePod('web', (p) => { p.spec.nodeSelector = { 'disk type': 'ssd' }; }),
    want: [`spec.nodeSelector: Invalid value: "disk type": ${QNAME_NAME_PART}`],
  },
  {
    rule: 'tolerations: operators, effects, empty keys, values and seconds',
    pod: makePod('web', (p) => {
      p.spec.tolerations = [
        { key: 'gpu', operator: 'Equals', value: 'yes' },
        { key: 'gpu', operator: 'Exists', effect: 'NoRun' },
        { operator: 'Equal', value: 'x' },
        { key: 'gpu', operator: 'Exists', value: 'yes' },
        { key: 'gpu', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 },
      ];
    }),
    want: [
      'spec.tolerations[0].operator: Unsupported value: "Equals": supported values: "Equal", "Exists"',
      'spec.tolerations[1].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.tolerations[2].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[3].operator: Invalid value: \"yes\": value must be empty when `operator` is 'Exists'",
      "spec.tolerations[4].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ],
  },
  {
    rule: 'volume mounts name a volume of the pod',
    pod: makePod('web', (p) => { p.spec.containers[0]!.volumeMounts = [{ name: 'data', mountPath: '/data' }]; }),
    want: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
  },
];

for (const row of podRows) {
  test(`Pod: ${row.rule}`, () => assert.deepEqual(podCauses(row.pod), row.want));
}

/** The causes of creating a workload after defaulting. */
function workloadCauses(obj: Deployment | ReplicaSet | DaemonSet): string[] {
  const o = structuredClone(obj);
  switch (o.kind) {
    case 'Deployment':
      defaultDeployment(o);
      return validateDeployment(o).map(fieldErrorText);
    case 'ReplicaSet':
      defaultReplicaSet(o);
      return validateReplicaSet(o).map(fieldErrorText);
    case 'DaemonSet':
      defaultDaemonSet(o);
      return validateDaemonSet(o).map(fieldErrorText);
    default: {
      const never: never = o;
      throw new Error(`unexpected ${String(never)}`);
    }
  }
}

const workloadRows: { rule: string; obj: Deployment | ReplicaSet | DaemonSet; want: string[] }[] = [
  { rule: 'a plain Deployment is valid', obj: makeDeployment('web'), want: [] },
  {
    rule: 'Deployment names are DNS-1123 subdomains',
    obj: makeDeployment('web', (d) => { d.metadata.name = 'Web_1'; }),
    want: [`metadata.name: Invalid value: "Web_1": ${DNS1123_SUBDOMAIN}`],
  },
  {
    rule: 'the selector is required (and a missing one matches no template)',
    obj: makeDeployment('web', (d) => { delete (d.spec as { selector?: unknown }).selector; }),
    want: ['spec.selector: Required value', `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`],
  },
  {
    rule: 'an empty selector is not allowed',
    obj: makeDeployment('web', (d) => { d.spec.selector = {}; }),
    want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
  },
  {
    rule: 'the selector must match the template labels',
    obj: makeDeployment('web', (d) => { d.spec.template.metadata!.labels = { tier: 'front', app: 'x' }; }),
    want: [`spec.template.metadata.labels: Invalid value: {"app":"x","tier":"front"}: ${MISMATCH}`],
  },
  {
    rule: 'replicas are non-negative',
    obj: makeDeployment('web', (d) => { d.spec.replicas = -1; }),
    want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
  },
  {
    rule: 'strategy type is Recreate or RollingUpdate',
    obj: makeDeployment('web', (d) => { d.spec.strategy = { type: 'BlueGreen' }; }),
    want: ['spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"'],
  },
  {
    rule: 'Recreate takes no rollingUpdate',
    obj: makeDeployment('web', (d) => { d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }; }),
    want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
  },
  {
    rule: 'maxUnavailable and maxSurge may not both be 0; percentages end in %',
    obj: makeDeployment('web', (d) => { d.spec.strategy = { rollingUpdate: { maxUnavailable: 0, maxSurge: 'abc' } }; }),
    want: [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
  },
  {
    rule: 'workload pods restart Always',
    obj: makeDeployment('web', (d) => { d.spec.template.spec.restartPolicy = 'OnFailure'; }),
    want: ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
  },
  {
    rule: 'the pod template is validated at spec.template.spec',
    obj: makeDeployment('web', (d) => { d.spec.template.spec.containers = []; }),
    want: ['spec.template.spec.containers: Required value'],
  },
  {
    rule: 'matchExpressions: In, NotIn, Exists, DoesNotExist select as expected',
    obj: makeDeployment('web', (d) => {
      d.spec.selector = {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web', 'api'] },
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'app', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      };
    }),
    want: [],
  },
  {
    rule: 'matchExpressions: an unknown operator makes the selector invalid',
    obj: makeDeployment('web', (d) => { d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Has', values: ['web'] }] }; }),
    want: [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Has": not a valid selector operator',
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Has","values":["web"]}]}: invalid label selector',
    ],
  },
  {
    rule: 'matchExpressions: In needs values, Exists takes none',
    obj: makeDeployment('web', (d) => {
      d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In' }, { key: 'app', operator: 'Exists', values: ['web'] }] };
    }),
    want: [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In"},{"key":"app","operator":"Exists","values":["web"]}]}: invalid label selector',
    ],
  },
  {
    rule: 'matchExpressions: NotIn excluding the template label does not match',
    obj: makeDeployment('web', (d) => { d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }; }),
    want: [`spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`],
  },
  {
    rule: 'a ReplicaSet with an empty selector (the real text says "deployment")',
    obj: makeReplicaSet('web', (rs) => { rs.spec.selector = {}; }),
    want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
  },
  {
    rule: 'a DaemonSet without a selector only fails to match its template',
    obj: makeDaemonSet('kube-proxy', (ds) => { delete (ds.spec as { selector?: unknown }).selector; }),
    want: [`spec.template.metadata.labels: Invalid value: {"app":"kube-proxy"}: ${MISMATCH}`],
  },
  {
    rule: 'DaemonSet updateStrategy type',
    obj: makeDaemonSet('agent', (ds) => { ds.spec.updateStrategy = { type: 'Rolling' }; }),
    want: ['spec.updateStrategy: Unsupported value: {"Type":"Rolling","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"'],
  },
  {
    rule: 'DaemonSet rolling update: surge only when maxUnavailable is 0',
    obj: makeDaemonSet('agent', (ds) => { ds.spec.updateStrategy = { rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }; }),
    want: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
  },
];

for (const row of workloadRows) {
  test(`${row.obj.kind}: ${row.rule}`, () => assert.deepEqual(workloadCauses(row.obj), row.want));
}

test('Deployment update: spec.selector is immutable', () => {
  const prepare = (d: Deployment): Deployment => {
    const c = structuredClone(d);
    defaultDeployment(c);
    return c;
  };
  const old = prepare(makeDeployment('web'));
  const selectorOnly = prepare(makeDeployment('web', (d) => { d.spec.selector = { matchLabels: { app: 'web2' } }; }));
  assert.deepEqual(validateDeploymentUpdate(selectorOnly, old).map(fieldErrorText), [
    `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`,
    'spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
  ]);
  const both = prepare(makeDeployment('web2', (d) => { d.metadata.name = 'web'; }));
  assert.deepEqual(validateDeploymentUpdate(both, old).map(fieldErrorText), ['spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable']);
});

const miscRows: { rule: string; causes: () => string[]; want: string[] }[] = [
  {
    rule: 'Namespace names are DNS-1123 labels',
    causes: () => validateNamespace(makeNamespace('Dev_1')).map(fieldErrorText),
    want: [`metadata.name: Invalid value: "Dev_1": ${DNS1123_LABEL}`],
  },
  {
    rule: 'Namespace names have no dots',
    causes: () => validateNamespace(makeNamespace('dev.team')).map(fieldErrorText),
    want: ['metadata.name: Invalid value: "dev.team": must not contain dots'],
  },
  {
    rule: 'ConfigMap names are DNS-1123 subdomains',
    causes: () => validateConfigMap(makeConfigMap('App_Config')).map(fieldErrorText),
    want: [`metadata.name: Invalid value: "App_Config": ${DNS1123_SUBDOMAIN}`],
  },
  {
    rule: 'ConfigMap data keys are config keys',
    causes: () => validateConfigMap(makeConfigMap('app', { 'app settings': 'x', '..': 'y', 'app.properties': 'z' })).map(fieldErrorText),
    want: [
      "data[app settings]: Invalid value: \"app settings\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      "data[..]: Invalid value: \"..\": must not be '..'",
    ],
  },
  {
    rule: 'ConfigMap values total at most 1 MiB (reported on the empty path)',
    causes: () => validateConfigMap(makeConfigMap('big', { blob: 'x'.repeat(1024 * 1024 + 1) })).map(fieldErrorText),
    want: ['[]: Too long: may not be more than 1048576 bytes'],
  },
  {
    rule: 'Node taints: known effects, unique by key and effect (reported under metadata.taints)',
    causes: () =>
      validateNode(
        makeNode('node01', '192.168.56.11', (n) => {
          n.spec.taints = [{ key: 'gpu', effect: 'NoRun' }, { key: 'gpu', effect: 'NoSchedule' }, { key: 'gpu', effect: 'NoSchedule' }];
        }),
      ).map(fieldErrorText),
    want: [
      'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'metadata.taints[2]: Duplicate value: {"Key":"gpu","Value":"","Effect":"NoSchedule","TimeAdded":null}: taints must be unique by key and effect pair',
    ],
  },
];

for (const row of miscRows) {
  test(`misc: ${row.rule}`, () => assert.deepEqual(row.causes(), row.want));
}
