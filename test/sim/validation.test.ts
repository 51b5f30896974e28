// Service field validation with the real v1.34 apiserver texts: each row is one rule, the Service
// as a learner would write it (builders), defaulted and IP-family-initialised as the apiserver
// does, and every cause it reports, in order and in full (`<field>: <Type>[: <value>][: <detail>]`).
// Workloads, pods and the other kinds: validation-workloads.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorText } from '../../src/sim/api-server/errors.js';
import { defaultService, defaultServiceIPFamilies } from '../../src/sim/api-server/defaults.js';
import { validateService, validateServiceUpdate } from '../../src/sim/api-server/validation/service.js';
import { isValidPortName } from '../../src/sim/api-server/validation/names.js';
import type { Service } from '../../src/sim/types.js';
import { makeService } from './builders.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, LABEL_VALUE, QNAME_NAME_PART, RANGE } from './validation-messages.js';

/** The causes of creating (or, with `old`, updating to) a Service, after defaulting and IP-family initialisation. */
function serviceCauses(svc: Service, old?: Service): string[] {
  const prepare = (x: Service): Service => {
    const s = structuredClone(x);
    defaultService(s);
    if (s.spec.clusterIP && !s.spec.clusterIPs) s.spec.clusterIPs = [s.spec.clusterIP];
    return s;
  };
  const s = prepare(svc);
  const pre = defaultServiceIPFamilies(s);
  if (pre.length > 0) return pre.map(fieldErrorText);
  return (old ? validateServiceUpdate(s, prepare(old)) : validateService(s)).map(fieldErrorText);
}

const headless = (s: Service): void => {
  s.spec.clusterIP = 'None';
};

const serviceRows: { rule: string; svc: Service; old?: Service; want: string[] }[] = [
  { rule: 'a plain ClusterIP service is valid', svc: makeService('web'), want: [] },
  {
    rule: 'name must be a DNS-1035 label',
    svc: makeService('Web_1'),
    want: [
      `metadata.name: Invalid value: "Web_1": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
  },
  {
    rule: 'name of at most 63 characters',
    svc: makeService('a'.repeat(64), (s) => { s.spec.selector = { app: 'web' }; }),
    want: [`metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  },
  { rule: 'ports are required', svc: makeService('web', (s) => { s.spec.ports = []; }), want: ['spec.ports: Required value'] },
  { rule: 'a headless service needs no ports', svc: makeService('db', (s) => { headless(s); s.spec.ports = []; }), want: [] },
  {
    rule: 'several ports must all be named',
    svc: makeService('web', (s) => { s.spec.ports = [{ port: 80 }, { port: 443 }]; }),
    want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
  },
  {
    rule: 'port names are DNS-1123 labels',
    svc: makeService('web', (s) => { s.spec.ports = [{ name: 'HTTP', port: 80 }]; }),
    want: [`spec.ports[0].name: Invalid value: "HTTP": ${DNS1123_LABEL}`],
  },
  {
    rule: 'port names are unique',
    svc: makeService('web', (s) => { s.spec.ports = [{ name: 'http', port: 80 }, { name: 'http', port: 81 }]; }),
    want: ['spec.ports[1].name: Duplicate value: "http"'],
  },
  {
    rule: 'port 0 is out of range, and so is the targetPort defaulted from it',
    svc: makeService('web', (s) => { s.spec.ports = [{ port: 0 }]; }),
    want: [`spec.ports[0].port: Invalid value: 0: ${RANGE}`, `spec.ports[0].targetPort: Invalid value: 0: ${RANGE}`],
  },
  {
    rule: 'port above 65535',
    svc: makeService('web', (s) => { s.spec.ports = [{ port: 70000, targetPort: 80 }]; }),
    want: [`spec.ports[0].port: Invalid value: 70000: ${RANGE}`],
  },
  {
    rule: 'protocol must be SCTP, TCP or UDP',
    svc: makeService('web', (s) => { s.spec.ports![0]!.protocol = 'tcp'; }),
    want: ['spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
  },
  {
    rule: 'numeric targetPort out of range',
    svc: makeService('web', (s) => { s.spec.ports![0]!.targetPort = 70000; }),
    want: [`spec.ports[0].targetPort: Invalid value: 70000: ${RANGE}`],
  },
  {
    rule: 'named targetPort: lower case and at least one letter (IANA_SVC_NAME)',
    svc: makeService('web', (s) => { s.spec.ports![0]!.targetPort = 'HTTP'; }),
    want: [
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ],
  },
  {
    rule: 'named targetPort: at most 15 characters, no double or outer hyphens',
    svc: makeService('web', (s) => { s.spec.ports![0]!.targetPort = '-web--frontend-port'; }),
    want: [
      'spec.ports[0].targetPort: Invalid value: "-web--frontend-port": must be no more than 15 characters',
      'spec.ports[0].targetPort: Invalid value: "-web--frontend-port": must not contain consecutive hyphens',
      'spec.ports[0].targetPort: Invalid value: "-web--frontend-port": must not begin or end with a hyphen',
    ],
  },
  {
    rule: '(port, protocol) pairs are unique',
    svc: makeService('web', (s) => { s.spec.ports = [{ name: 'a', port: 80 }, { name: 'b', port: 80, targetPort: 8080 }]; }),
    want: ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
  },
  {
    rule: 'nodePort is forbidden on a ClusterIP service',
    svc: makeService('web', (s) => { s.spec.ports![0]!.nodePort = 30080; }),
    want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  },
  {
    rule: 'nodePorts are unique',
    svc: makeService('web', (s) => {
      s.spec.type = 'NodePort';
      s.spec.ports = [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }];
    }),
    want: ['spec.ports[1].nodePort: Duplicate value: 30080'],
  },
  {
    rule: 'type must be one of the four',
    svc: makeService('web', (s) => { s.spec.type = 'Nodeport'; }),
    want: ['spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
  },
  {
    rule: 'sessionAffinity is ClientIP or None',
    svc: makeService('web', (s) => { s.spec.sessionAffinity = 'Sticky'; }),
    want: ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
  },
  {
    rule: 'ClientIP affinity timeout is at most a day',
    svc: makeService('web', (s) => {
      s.spec.sessionAffinity = 'ClientIP';
      s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 0 } };
    }),
    want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'],
  },
  {
    rule: 'ExternalName needs externalName',
    svc: makeService('db', (s) => { s.spec.type = 'ExternalName'; }),
    want: ['spec.externalName: Required value'],
  },
  {
    rule: 'externalName must be a DNS-1123 subdomain',
    svc: makeService('db', (s) => {
      s.spec.type = 'ExternalName';
      s.spec.externalName = 'my_db';
    }),
    want: [`spec.externalName: Invalid value: "my_db": ${DNS1123_SUBDOMAIN}`],
  },
  {
    rule: 'externalName may end in one dot',
    svc: makeService('db', (s) => {
      s.spec.type = 'ExternalName';
      s.spec.externalName = 'db.example.com.';
    }),
    want: [],
  },
  {
    rule: 'externalName of at most 253 characters',
    svc: makeService('db', (s) => {
      s.spec.type = 'ExternalName';
      s.spec.externalName = Array(5).fill('a'.repeat(60)).join('.');
    }),
    want: [`spec.externalName: Invalid value: "${Array(5).fill('a'.repeat(60)).join('.')}": must be no more than 253 characters`],
  },
  {
    rule: 'ExternalName services take no clusterIP',
    svc: makeService('db', (s) => {
      s.spec.type = 'ExternalName';
      s.spec.externalName = 'db.example.com';
      s.spec.clusterIP = '10.96.0.50';
    }),
    want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
  },
  {
    rule: 'a NodePort service cannot be headless',
    svc: makeService('web', (s) => {
      s.spec.type = 'NodePort';
      headless(s);
    }),
    want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"],
  },
  {
    rule: 'a LoadBalancer service cannot be headless',
    svc: makeService('web', (s) => {
      s.spec.type = 'LoadBalancer';
      headless(s);
    }),
    want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"],
  },
  {
    rule: 'selector values are label values',
    svc: makeService('web', (s) => { s.spec.selector = { app: 'web app' }; }),
    want: [`spec.selector: Invalid value: "web app": ${LABEL_VALUE}`],
  },
  {
    rule: 'selector keys are qualified names',
    svc: makeService('web', (s) => { s.spec.selector = { 'app name': 'web' }; }),
    want: [`spec.selector: Invalid value: "app name": ${QNAME_NAME_PART}`],
  },
  {
    rule: 'externalIPs must be IPs, and not loopback',
    svc: makeService('web', (s) => { s.spec.externalIPs = ['not-an-ip', '127.0.0.1']; }),
    want: [
      'spec.externalIPs[0]: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'spec.externalIPs[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
  },
  {
    rule: 'externalTrafficPolicy only on externally-accessible services',
    svc: makeService('web', (s) => { s.spec.externalTrafficPolicy = 'Local'; }),
    want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
  },
  {
    rule: 'externalTrafficPolicy is Cluster or Local',
    svc: makeService('web', (s) => {
      s.spec.type = 'NodePort';
      s.spec.externalTrafficPolicy = 'Nearest';
    }),
    want: ['spec.externalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"'],
  },
  {
    rule: 'internalTrafficPolicy is Cluster or Local',
    svc: makeService('web', (s) => { s.spec.internalTrafficPolicy = 'Nearest'; }),
    want: ['spec.internalTrafficPolicy: Unsupported value: "Nearest": supported values: "Cluster", "Local"'],
  },
  { rule: 'a NodePort service with defaults is valid', svc: makeService('web', (s) => { s.spec.type = 'NodePort'; }), want: [] },
  { rule: 'a LoadBalancer service with defaults is valid', svc: makeService('web', (s) => { s.spec.type = 'LoadBalancer'; }), want: [] },
  {
    rule: 'the cluster IP may not change on update',
    svc: makeService('web', (s) => { s.spec.clusterIP = '10.96.0.99'; }),
    old: makeService('web', (s) => { s.spec.clusterIP = '10.96.0.10'; }),
    want: ['spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set'],
  },
  {
    rule: 'an update that keeps the cluster IP is valid',
    svc: makeService('web', (s) => { s.spec.clusterIP = '10.96.0.10'; s.spec.selector = { app: 'web2' }; }),
    old: makeService('web', (s) => { s.spec.clusterIP = '10.96.0.10'; }),
    want: [],
  },
];

for (const row of serviceRows) {
  test(`Service: ${row.rule}`, () => assert.deepEqual(serviceCauses(row.svc, row.old), row.want));
}

test('names: IANA_SVC_NAME reports every broken rule, an empty name two of them', () => {
  assert.deepEqual(isValidPortName(''), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
  assert.deepEqual(isValidPortName('http'), []);
});
