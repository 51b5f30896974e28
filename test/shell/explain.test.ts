// kubectl explain: text in → exact kubectl v1.34 text out. Expectations follow plaintext.tmpl over the v1.34
// OpenAPI v3 schemas: header, `FIELD:` plus two blank lines (one after an ENUM: list), descriptions wrapped by
// go-wordwrap at 76 (78 − 2·level in FIELDS:) and closed by an indented empty line, fields as `name\t<type>`;
// and the OpenAPI v2 printer of `-o plaintext-openapiv2` (indent 3/5, width 80, `<Object>` for every struct).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KUBECTL_COMMAND } from '../../src/shell/kubectl/index.js';
import { wrap } from '../../src/shell/kubectl/explain/wordwrap.js';
import { runSpec, testLab } from './harness.js';

function explain(line: string): [string, string, number] {
  const r = runSpec(testLab(), KUBECTL_COMMAND, line.split(' '));
  return [r.stdout, r.stderr, r.status];
}

const text = (...lines: string[]): string => `${lines.join('\n')}\n`;
const CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

test('explain svc: kind header, wrapped description, every top-level field with its description', () => {
  assert.deepEqual(explain('explain svc'), [text(
    'KIND:       Service',
    'VERSION:    v1',
    '',
    'DESCRIPTION:',
    '    Service is a named abstraction of software service (for example, mysql)',
    '    consisting of local port (for example 3306) that the proxy listens on, and',
    '    the selector that determines which pods will answer requests sent through',
    '    the proxy.',
    '    ',
    'FIELDS:',
    '  apiVersion\t<string>',
    '    APIVersion defines the versioned schema of this representation of an object.',
    '    Servers should convert recognized schemas to the latest internal value, and',
    '    may reject unrecognized values. More info:',
    `    ${CONVENTIONS}#resources`,
    '',
    '  kind\t<string>',
    '    Kind is a string value representing the REST resource this object',
    '    represents. Servers may infer this from the endpoint the client submits',
    '    requests to. Cannot be updated. In CamelCase. More info:',
    `    ${CONVENTIONS}#types-kinds`,
    '',
    '  metadata\t<ObjectMeta>',
    '    Standard object\'s metadata. More info:',
    `    ${CONVENTIONS}#metadata`,
    '',
    '  spec\t<ServiceSpec>',
    '    Spec defines the behavior of a service.',
    `    ${CONVENTIONS}#spec-and-status`,
    '',
    '  status\t<ServiceStatus>',
    '    Most recently observed status of the service. Populated by the system.',
    '    Read-only. More info:',
    `    ${CONVENTIONS}#spec-and-status`,
    '',
    '',
  ), '', 0]);
});

test('explain svc.spec.ports: the field and item descriptions, required port, enum line under protocol', () => {
  assert.deepEqual(explain('explain svc.spec.ports'), [text(
    'KIND:       Service',
    'VERSION:    v1',
    '',
    'FIELD: ports <[]ServicePort>',
    '',
    '',
    'DESCRIPTION:',
    '    The list of ports that are exposed by this service. More info:',
    '    https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
    '    ServicePort contains information on service\'s port.',
    '    ',
    'FIELDS:',
    '  appProtocol\t<string>',
    '    The application protocol for this port. This is used as a hint for',
    '    implementations to offer richer behavior for protocols that they understand.',
    '    This field follows standard Kubernetes label syntax. Valid values are',
    '    either:',
    '    ',
    '    * Un-prefixed protocol names - reserved for IANA standard service names (as',
    '    per RFC-6335 and https://www.iana.org/assignments/service-names).',
    '    ',
    '    * Kubernetes-defined prefixed names:',
    '      * \'kubernetes.io/h2c\' - HTTP/2 prior knowledge over cleartext as described',
    '    in',
    '    https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-',
    '      * \'kubernetes.io/ws\'  - WebSocket over cleartext as described in',
    '    https://www.rfc-editor.org/rfc/rfc6455',
    '      * \'kubernetes.io/wss\' - WebSocket over TLS as described in',
    '    https://www.rfc-editor.org/rfc/rfc6455',
    '    ',
    '    * Other protocols should use implementation-defined prefixed names such as',
    '    mycompany.com/my-custom-protocol.',
    '',
    '  name\t<string>',
    '    The name of this port within the service. This must be a DNS_LABEL. All',
    '    ports within a ServiceSpec must have unique names. When considering the',
    '    endpoints for a Service, this must match the \'name\' field in the',
    '    EndpointPort. Optional if only one ServicePort is defined on this service.',
    '',
    '  nodePort\t<integer>',
    '    The port on each node on which this service is exposed when type is NodePort',
    '    or LoadBalancer.  Usually assigned by the system. If a value is specified,',
    '    in-range, and not in use it will be used, otherwise the operation will fail.',
    '    If not specified, a port will be allocated if this Service requires one.  If',
    '    this field is specified when creating a Service which does not need it,',
    '    creation will fail. This field will be wiped when updating a Service to no',
    '    longer need it (e.g. changing type from NodePort to ClusterIP). More info:',
    '    https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    '',
    '  port\t<integer> -required-',
    '    The port that will be exposed by this service.',
    '',
    '  protocol\t<string>',
    '  enum: SCTP, TCP, UDP',
    '    The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is',
    '    TCP.',
    '    ',
    '    Possible enum values:',
    '     - `"SCTP"` is the SCTP protocol.',
    '     - `"TCP"` is the TCP protocol.',
    '     - `"UDP"` is the UDP protocol.',
    '',
    '  targetPort\t<IntOrString>',
    '    Number or name of the port to access on the pods targeted by the service.',
    '    Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If',
    '    this is a string, it will be looked up as a named port in the target Pod\'s',
    '    container ports. If this is not specified, the value of the \'port\' field is',
    '    used (an identity map). This field is ignored for services with',
    '    clusterIP=None, and should be omitted or set equal to the \'port\' field. More',
    '    info:',
    '    https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
    '',
    '',
  ), '', 0]);
});

test('explain service.spec.type: a leaf with ENUM: values and the "Possible enum values" text', () => {
  assert.deepEqual(explain('explain service.spec.type'), [text(
    'KIND:       Service',
    'VERSION:    v1',
    '',
    'FIELD: type <string>',
    'ENUM:',
    '    ClusterIP',
    '    ExternalName',
    '    LoadBalancer',
    '    NodePort',
    '',
    'DESCRIPTION:',
    '    type determines how the Service is exposed. Defaults to ClusterIP. Valid',
    '    options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP"',
    '    allocates a cluster-internal IP address for load-balancing to endpoints.',
    '    Endpoints are determined by the selector or if that is not specified, by',
    '    manual construction of an Endpoints object or EndpointSlice objects. If',
    '    clusterIP is "None", no virtual IP is allocated and the endpoints are',
    '    published as a set of endpoints rather than a virtual IP. "NodePort" builds',
    '    on ClusterIP and allocates a port on every node which routes to the same',
    '    endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an',
    '    external load-balancer (if supported in the current cloud) which routes to',
    '    the same endpoints as the clusterIP. "ExternalName" aliases this service to',
    '    the specified externalName. Several other fields do not apply to',
    '    ExternalName services. More info:',
    '    https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
    '    ',
    '    Possible enum values:',
    '     - `"ClusterIP"` means a service will only be accessible inside the cluster,',
    '    via the cluster IP.',
    '     - `"ExternalName"` means a service consists of only a reference to an',
    '    external name that kubedns or equivalent will return as a CNAME record, with',
    '    no exposing or proxying of any pods involved.',
    '     - `"LoadBalancer"` means a service will be exposed via an external load',
    '    balancer (if the cloud provider supports it), in addition to \'NodePort\'',
    '    type.',
    '     - `"NodePort"` means a service will be exposed on one port of every node,',
    '    in addition to \'ClusterIP\' type.',
    '    ',
    '',
  ), '', 0]);
});

test('explain deploy.spec.replicas: GROUP line for apps, two blank lines after a FIELD without enum', () => {
  assert.deepEqual(explain('explain deploy.spec.replicas'), [text(
    'GROUP:      apps',
    'KIND:       Deployment',
    'VERSION:    v1',
    '',
    'FIELD: replicas <integer>',
    '',
    '',
    'DESCRIPTION:',
    '    Number of desired pods. This is a pointer to distinguish between explicit',
    '    zero and not specified. Defaults to 1.',
    '    ',
    '',
  ), '', 0]);
});

test('explain pod.spec.containers.ports --recursive: names and types only, enum list under its field', () => {
  assert.deepEqual(explain('explain pod.spec.containers.ports --recursive'), [text(
    'KIND:       Pod',
    'VERSION:    v1',
    '',
    'FIELD: ports <[]ContainerPort>',
    '',
    '',
    'DESCRIPTION:',
    '    List of ports to expose from the container. Not specifying a port here DOES',
    '    NOT prevent that port from being exposed. Any port which is listening on the',
    '    default "0.0.0.0" address inside a container will be accessible from the',
    '    network. Modifying this array with strategic merge patch may corrupt the',
    '    data. For more information See',
    '    https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.',
    '    ContainerPort represents a network port in a single container.',
    '    ',
    'FIELDS:',
    '  containerPort\t<integer> -required-',
    '  hostIP\t<string>',
    '  hostPort\t<integer>',
    '  name\t<string>',
    '  protocol\t<string>',
    '  enum: SCTP, TCP, UDP',
    '',
  ), '', 0]);
});

test('explain services.spec --recursive: nested types indent two spaces a level', () => {
  const [stdout, stderr, status] = explain('explain services.spec --recursive');
  assert.deepEqual([stderr, status], ['', 0]);
  assert.ok(stdout.endsWith(text(
    '  ports\t<[]ServicePort>',
    '    appProtocol\t<string>',
    '    name\t<string>',
    '    nodePort\t<integer>',
    '    port\t<integer> -required-',
    '    protocol\t<string>',
    '    enum: SCTP, TCP, UDP',
    '    targetPort\t<IntOrString>',
    '  publishNotReadyAddresses\t<boolean>',
    '  selector\t<map[string]string>',
    '  sessionAffinity\t<string>',
    '  enum: ClientIP, None',
    '  sessionAffinityConfig\t<SessionAffinityConfig>',
    '    clientIP\t<ClientIPConfig>',
    '      timeoutSeconds\t<integer>',
    '  trafficDistribution\t<string>',
    '  type\t<string>',
    '  enum: ClusterIP, ExternalName, LoadBalancer, NodePort',
    '',
  )), stdout);
});

test('explain -o plaintext-openapiv2: the v2 printer, descriptions of field and type a blank line apart', () => {
  assert.deepEqual(explain('explain svc.spec.sessionAffinityConfig -o plaintext-openapiv2'), [text(
    'KIND:     Service',
    'VERSION:  v1',
    '',
    'RESOURCE: sessionAffinityConfig <Object>',
    '',
    'DESCRIPTION:',
    '     sessionAffinityConfig contains the configurations of session affinity.',
    '',
    '     SessionAffinityConfig represents the configurations of session affinity.',
    '',
    'FIELDS:',
    '   clientIP\t<Object>',
    '     clientIP contains the configurations of Client IP based session affinity.',
    '',
  ), '', 0]);
  assert.deepEqual(explain('explain deploy.spec.replicas -o plaintext-openapiv2'), [text(
    'KIND:     Deployment',
    'VERSION:  apps/v1',
    '',
    'FIELD:    replicas <integer>',
    '',
    'DESCRIPTION:',
    '     Number of desired pods. This is a pointer to distinguish between explicit',
    '     zero and not specified. Defaults to 1.',
  ), '', 0]);
});

test('explain --help: description, examples, the three flags and the usage line', () => {
  const [stdout] = explain('explain --help');
  assert.ok(stdout.startsWith('Describe fields and structure of various resources.\n\n This command describes'), stdout);
  assert.ok(stdout.includes(text(
    'Options:',
    '    --api-version=\'\':',
    '\tGet different explanations for particular API version (API group/version)',
    '',
    '    -o, --output=\'plaintext\':',
    '\tFormat in which to render the schema (plaintext, plaintext-openapiv2)',
    '',
    '    --recursive=false:',
    '\tPrint the fields of fields (Currently only 1 level deep)',
    '',
    'Usage:',
    '  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  )), stdout);
});

const errors: [string, string, string][] = [
  ['explain', '', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
  ['explain svc pods', '', 'error: We accept only this format: explain RESOURCE\n'],
  // A NoResourceMatchError is the one error kubectl's CheckErr prints without `error: `.
  ['explain foo', '', 'the server doesn\'t have a resource type "foo"\n'],
  ['explain pods,svc', '', 'the server doesn\'t have a resource type "pods,svc"\n'],
  ['explain svc.foo', 'KIND:       Service\nVERSION:    v1\n\n', 'error: field "foo" does not exist\n'],
  ['explain svc.spec.foo.bar', 'KIND:       Service\nVERSION:    v1\n\n', 'error: field "bar" does not exist\n'],
  ['explain svc.spec.type.foo', 'KIND:       Service\nVERSION:    v1\n\n', 'error: field "foo" does not exist\n'],
  ['explain deploy --api-version=apps/v2', '', 'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n'],
  ['explain svc --api-version=apps/v1', '', 'error: GVR (apps/v1, Resource=services) not found in OpenAPI schema\n'],
  ['explain svc -o yaml', '', 'error: unrecognized format: yaml\n'],
  ['explain svc.spec.foo.bar -o plaintext-openapiv2', '', 'error: field "foo" does not exist\n'],
  ['explain svc --api-version=apps/v1 -o plaintext-openapiv2', '', 'error: couldn\'t find resource for "apps/v1, Kind=Service"\n'],
];
for (const [line, stdout, stderr] of errors) {
  test(`kubectl ${line} fails as kubectl does`, () => assert.deepEqual(explain(line), [stdout, stderr, 1]));
}

test('go-wordwrap: breaks at white space only, keeps over-long words whole, never breaks at a no-break space', () => {
  assert.equal(wrap(10, 'aaa bbb ccc ddd'), 'aaa bbb\nccc ddd');
  assert.equal(wrap(5, 'a https://example.com/long b'), 'a\nhttps://example.com/long\nb');
  assert.equal(wrap(5, 'ab\u00a0cd\u00a0ef'), 'ab\u00a0cd\u00a0ef');
});
