// Server-side defaulting as v1.34 fills it in: each row is a manifest as a learner writes it and
// the complete spec (or object part) the apiserver stores, as `kubectl get -o yaml` would show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorText } from '../../src/sim/api-server/errors.js';
import {
  admitPod, defaultDaemonSet, defaultDeployment, defaultImagePullPolicy, defaultNamespace, defaultPod, defaultReplicaSet, defaultService,
  defaultServiceIPFamilies,
} from '../../src/sim/api-server/defaults.js';
import type { Service } from '../../src/sim/types.js';
import { makeDaemonSet, makeDeployment, makeNamespace, makePod, makeReplicaSet, makeService } from './builders.js';

function defaulted(svc: Service): Service {
  const s = structuredClone(svc);
  defaultService(s);
  return s;
}

const ports = [{ port: 80, protocol: 'TCP', targetPort: 8080 }];
const serviceRows: { rule: string; svc: Service; spec: Service['spec'] }[] = [
  {
    rule: 'ClusterIP: type, session affinity, protocol, internalTrafficPolicy',
    svc: makeService('web'),
    spec: { selector: { app: 'web' }, ports, type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' },
  },
  {
    rule: 'targetPort defaults to port; a named targetPort is kept',
    svc: makeService('web', (s) => { s.spec.ports = [{ name: 'a', port: 80 }, { name: 'b', port: 81, targetPort: 0 }, { name: 'c', port: 82, targetPort: 'http' }]; }),
    spec: {
      selector: { app: 'web' },
      ports: [
        { name: 'a', port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'b', port: 81, protocol: 'TCP', targetPort: 81 },
        { name: 'c', port: 82, protocol: 'TCP', targetPort: 'http' },
      ],
      type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster',
    },
  },
  {
    rule: 'NodePort adds externalTrafficPolicy Cluster',
    svc: makeService('web', (s) => { s.spec.type = 'NodePort'; }),
    spec: { selector: { app: 'web' }, ports, type: 'NodePort', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
  },
  {
    rule: 'LoadBalancer also allocates node ports',
    svc: makeService('web', (s) => { s.spec.type = 'LoadBalancer'; }),
    spec: {
      selector: { app: 'web' }, ports, type: 'LoadBalancer', sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true,
    },
  },
  {
    rule: 'ClusterIP with externalIPs is externally accessible',
    svc: makeService('web', (s) => { s.spec.externalIPs = ['192.168.56.100']; }),
    spec: {
      selector: { app: 'web' }, ports, externalIPs: ['192.168.56.100'], type: 'ClusterIP', sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
    },
  },
  {
    rule: 'ExternalName gets no traffic policies',
    svc: makeService('db', (s) => {
      s.spec = { type: 'ExternalName', externalName: 'db.example.com' };
    }),
    spec: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' },
  },
  {
    rule: 'ClientIP affinity gets a three-hour timeout',
    svc: makeService('web', (s) => { s.spec.sessionAffinity = 'ClientIP'; }),
    spec: {
      selector: { app: 'web' }, ports, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      type: 'ClusterIP', internalTrafficPolicy: 'Cluster',
    },
  },
];

for (const row of serviceRows) {
  test(`defaultService: ${row.rule}`, () => {
    const s = defaulted(row.svc);
    assert.deepEqual(s.spec, row.spec);
    assert.deepEqual(s.status, { loadBalancer: {} });
  });
}

const familyRows: { rule: string; svc: Service; policy?: string; families?: string[]; errors?: string[] }[] = [
  { rule: 'a ClusterIP service is single-stack IPv4', svc: makeService('web'), policy: 'SingleStack', families: ['IPv4'] },
  {
    rule: 'a headless service with a selector too',
    svc: makeService('db', (s) => {
      s.spec.clusterIP = 'None';
      s.spec.clusterIPs = ['None'];
    }),
    policy: 'SingleStack',
    families: ['IPv4'],
  },
  {
    rule: 'a headless selector-less service asks for both families, even on an IPv4 cluster',
    svc: makeService('ext', (s) => {
      s.spec.clusterIP = 'None';
      s.spec.clusterIPs = ['None'];
      delete s.spec.selector;
    }),
    policy: 'RequireDualStack',
    families: ['IPv4', 'IPv6'],
  },
  { rule: 'ExternalName gets neither', svc: makeService('db', (s) => { s.spec = { type: 'ExternalName', externalName: 'db.example.com' }; }) },
  {
    rule: 'RequireDualStack is refused on a single-stack cluster',
    svc: makeService('web', (s) => { s.spec.ipFamilyPolicy = 'RequireDualStack'; }),
    errors: ['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'],
  },
  {
    rule: 'an IPv6 cluster IP is refused on an IPv4 cluster',
    svc: makeService('web', (s) => {
      s.spec.clusterIP = 'fd00::10';
      s.spec.clusterIPs = ['fd00::10'];
    }),
    errors: ['spec.clusterIPs[0]: Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster'],
  },
];

for (const row of familyRows) {
  test(`defaultServiceIPFamilies: ${row.rule}`, () => {
    const s = defaulted(row.svc);
    const errors = defaultServiceIPFamilies(s).map(fieldErrorText);
    assert.deepEqual(errors, row.errors ?? []);
    if (row.errors) return;
    assert.equal(s.spec.ipFamilyPolicy, row.policy);
    assert.deepEqual(s.spec.ipFamilies, row.families);
  });
}

test('defaultServiceIPFamilies: an update keeps the stored policy', () => {
  const old = defaulted(makeService('web', (s) => { s.spec.ipFamilyPolicy = 'PreferDualStack'; }));
  assert.deepEqual(defaultServiceIPFamilies(old), []);
  const s = defaulted(makeService('web'));
  assert.deepEqual(defaultServiceIPFamilies(s, old), []);
  assert.equal(s.spec.ipFamilyPolicy, 'PreferDualStack');
  assert.deepEqual(s.spec.ipFamilies, ['IPv4']);
});

const pullRows: [string, string][] = [
  ['nginx', 'Always'],
  ['nginx:latest', 'Always'],
  ['nginx:1.27', 'IfNotPresent'],
  ['registry.local:5000/team/web', 'Always'],
  ['registry.local:5000/team/web:2.0', 'IfNotPresent'],
  ['busybox@sha256:1f0ba4d9', 'IfNotPresent'],
];

for (const [image, policy] of pullRows) {
  test(`imagePullPolicy of ${image} is ${policy}`, () => assert.equal(defaultImagePullPolicy(image), policy));
}

/** The container of a template or pod after defaulting: makePodSpec's nginx on port 80. */
const defaultedContainer = (name: string): Record<string, unknown> => ({
  name, image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {},
});
const templateSpecDefaults = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' };

test('defaultDeployment: replicas, rolling update 25%/25%, history, deadline, template defaults (no pod-only fields)', () => {
  const d = makeDeployment('web');
  defaultDeployment(d);
  assert.deepEqual(d.spec, {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [defaultedContainer('web')], ...templateSpecDefaults } },
    replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  });
});

test('defaultDeployment: Recreate gets no rollingUpdate', () => {
  const d = makeDeployment('web', (x) => { x.spec.strategy = { type: 'Recreate' }; });
  defaultDeployment(d);
  assert.deepEqual(d.spec.strategy, { type: 'Recreate' });
});

test('defaultReplicaSet: replicas 1 and template defaults', () => {
  const rs = makeReplicaSet('web');
  defaultReplicaSet(rs);
  assert.equal(rs.spec.replicas, 1);
  assert.deepEqual(rs.spec.template.spec, { containers: [defaultedContainer('web')], ...templateSpecDefaults });
});

test('defaultDaemonSet: rolling update maxUnavailable 1, maxSurge 0, history 10', () => {
  const ds = makeDaemonSet('agent');
  defaultDaemonSet(ds);
  assert.deepEqual(ds.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(ds.spec.revisionHistoryLimit, 10);
  assert.deepEqual(ds.spec.template.spec, { containers: [defaultedContainer('agent')], ...templateSpecDefaults });
});

test('defaultPod + admitPod: the spec `kubectl get pod -o yaml` shows for a bare pod', () => {
  const pod = makePod('web');
  defaultPod(pod);
  admitPod(pod, { tokenVolumeSuffix: 'x7k2p' });
  const mount = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-x7k2p', readOnly: true };
  assert.deepEqual(pod.spec, {
    containers: [{ ...defaultedContainer('web'), volumeMounts: [mount] }],
    ...templateSpecDefaults,
    enableServiceLinks: true,
    serviceAccountName: 'default',
    serviceAccount: 'default',
    volumes: [
      {
        name: 'kube-api-access-x7k2p',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ],
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ],
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
  });
});

test('admitPod: a pod tolerating everything gets no extra tolerations; a static pod no token; system classes their priority', () => {
  const pod = makePod('etcd-controlplane', (p) => {
    p.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc' };
    p.spec.tolerations = [{ effect: 'NoExecute', operator: 'Exists' }];
    p.spec.priorityClassName = 'system-node-critical';
  });
  defaultPod(pod);
  admitPod(pod, { tokenVolumeSuffix: 'aaaaa' });
  assert.deepEqual(pod.spec.tolerations, [{ effect: 'NoExecute', operator: 'Exists' }]);
  assert.equal(pod.spec.volumes, undefined);
  assert.equal(pod.spec.serviceAccountName, undefined);
  assert.equal(pod.spec.priority, 2000001000);
});

test('defaultPod: probes get their timings, httpGet its path and scheme; env fieldRefs their apiVersion', () => {
  const pod = makePod('web', (p) => {
    p.spec.containers[0]!.readinessProbe = { httpGet: { port: 80 } };
    p.spec.containers[0]!.env = [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
  });
  defaultPod(pod);
  const c = pod.spec.containers[0]!;
  assert.deepEqual(c.readinessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c.env, [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }]);
});

test('defaultNamespace: the metadata.name label, the kubernetes finalizer, phase Active; an update keeps both from the stored object', () => {
  const ns = makeNamespace('dev', (n) => { n.metadata.labels = { team: 'a' }; });
  defaultNamespace(ns);
  assert.deepEqual(ns.metadata.labels, { team: 'a', 'kubernetes.io/metadata.name': 'dev' });
  assert.deepEqual(ns.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(ns.status, { phase: 'Active' });
  const update = makeNamespace('dev', (n) => { n.spec = { finalizers: [] }; });
  defaultNamespace(update, { ...ns, status: { phase: 'Terminating' } });
  assert.deepEqual(update.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(update.status, { phase: 'Terminating' });
});
