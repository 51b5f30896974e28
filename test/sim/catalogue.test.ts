// The app catalogue: which process an image runs with the pod's command/args, which ports it opens,
// how it ends, and what an HTTP GET gets back (nginx, httpd, the seeds' Flask page, echo servers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerFor, imageSize, planProcess } from '../../src/sim/node/process.js';
import { appFor, NODE_KERNEL_BUILD, type AppRequest } from '../../src/sim/node/catalogue.js';
import { defaultPullPolicy, imageID, normalizedImage } from '../../src/sim/node/image-ref.js';
import { utcMillis } from '../../src/sim/clock.js';
import type { Container } from '../../src/sim/types.js';

const get = (port: number, path = '/'): AppRequest => ({
  protocol: 'TCP', port, http: { method: 'GET', path, headers: [['Host', '10.96.0.20'], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']] },
  pod: { name: 'web-7c5ddbdf54-x2kqn', namespace: 'default', ip: '10.244.1.2', node: 'node01' }, client: { ip: '10.244.2.3', port: 51234 },
  now: utcMillis(2026, 1, 5, 9, 3, 7), image: '', argv: [], env: {}, kernelBuild: NODE_KERNEL_BUILD,
});
const c = (image: string, extra: Partial<Container> = {}): Container => ({ name: 'c', image, ...extra });

test('image references normalise as containerd reports them, with the API server\'s default pull policy', () => {
  const cases: [string, string, string][] = [
    ['nginx', 'docker.io/library/nginx:latest', 'Always'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'IfNotPresent'],
    ['kodekloud/webapp-color', 'docker.io/kodekloud/webapp-color:latest', 'Always'],
    ['registry.k8s.io/etcd:3.6.4-0', 'registry.k8s.io/etcd:3.6.4-0', 'IfNotPresent'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1', 'IfNotPresent'],
  ];
  for (const [image, full, policy] of cases) assert.deepEqual([normalizedImage(image), defaultPullPolicy(image)], [full, policy], image);
  assert.match(imageID('nginx:1.27'), /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.equal(imageID('nginx:1.27'), imageID('docker.io/library/nginx:1.27'));
  assert.equal(appFor('nginx:1.27-alpine')?.name, 'nginx');
  assert.equal(imageSize('busybox:1.36'), 2_222_260);
});

test('what a container runs: servers serve, clients need a command, unknown images listen on their declared ports', () => {
  const cases: [string, Container, { serving: boolean; ports: string[]; exit?: [number, number] }][] = [
    ['nginx', c('nginx:1.27'), { serving: true, ports: ['80/TCP'] }],
    ['nginx told to sleep', c('nginx:1.27', { command: ['sleep', 'infinity'] }), { serving: false, ports: [] }],
    ['busybox without a command', c('busybox'), { serving: false, ports: [], exit: [0, 0] }],
    ['busybox sleep 3600', c('busybox', { command: ['sleep', '3600'] }), { serving: false, ports: [] , exit: [3_600_000, 0] }],
    ['busybox sleep infinity', c('busybox', { args: ['sleep', 'infinity'] }), { serving: false, ports: [] }],
    ['alpine script', c('alpine', { command: ['sh', '-c', 'sleep 10; exit 2'] }), { serving: false, ports: [], exit: [10_000, 2] }],
    ['alpine loop', c('alpine', { command: ['sh', '-c', 'while true; do wget -qO- web; sleep 1; done'] }), { serving: false, ports: [] }],
    ['curl without a URL', c('curlimages/curl'), { serving: false, ports: [], exit: [0, 2] }],
    ['the seeds\' hostname app', c('salterje/flask_test:0.10'), { serving: true, ports: ['5000/TCP'] }],
    ['agnhost netexec', c('registry.k8s.io/e2e-test-images/agnhost:2.52', { args: ['netexec', '--http-port=8080'] }), { serving: true, ports: ['8080/TCP', '8081/UDP'] }],
    ['http-echo without -text', c('hashicorp/http-echo'), { serving: false, ports: [], exit: [0, 127] }],
    ['http-echo on :8080', c('hashicorp/http-echo', { args: ['-listen=:8080', '-text=hi'] }), { serving: true, ports: ['8080/TCP'] }],
    ['coredns', c('registry.k8s.io/coredns/coredns:v1.12.1', { args: ['-conf', '/etc/coredns/Corefile'] }), { serving: true, ports: ['53/UDP', '53/TCP', '8080/TCP', '8181/TCP', '9153/TCP'] }],
    ['an unknown image', c('myorg/shop:1.0', { ports: [{ containerPort: 3000 }] }), { serving: true, ports: ['3000/TCP'] }],
  ];
  for (const [label, container, want] of cases) {
    const plan = planProcess(container);
    assert.deepEqual({ serving: plan.serving, ports: plan.ports.map((p) => `${p.port}/${p.protocol}`), ...(plan.exit ? { exit: [plan.exit.afterMs, plan.exit.exitCode] } : {}) }, want, label);
  }
  assert.equal(planProcess(c('busybox', { command: ['sleep', '3600'] })).stop, 'ignores', 'PID 1 sleep ignores SIGTERM');
});

test('what an HTTP GET gets back', () => {
  const nginx = answerFor(c('nginx:1.27'), get(80));
  assert.ok(nginx.kind === 'http' && nginx.status === 200 && nginx.body.includes('<title>Welcome to nginx!</title>') && nginx.body.length === 615);
  assert.deepEqual(nginx.kind === 'http' && nginx.headers.slice(0, 2), [['Server', 'nginx/1.27.5'], ['Date', 'Mon, 05 Jan 2026 09:03:07 GMT']]);
  const missing = answerFor(c('nginx:1.27'), get(80, '/nope'));
  assert.ok(missing.kind === 'http' && missing.status === 404 && missing.body.includes('<center>nginx/1.27.5</center>'));
  const httpd = answerFor(c('httpd:2.4'), get(80));
  assert.deepEqual(httpd.kind === 'http' && httpd.body, '<html><body><h1>It works!</h1></body></html>\n');
  const flask = answerFor(c('salterje/flask_test:0.10'), get(5000));
  assert.ok(flask.kind === 'http');
  for (const line of ['<h1 class="logo">Welcome to Jason\'s Test Site V0.10  </h1>', '<p>Hostname: web-7c5ddbdf54-x2kqn</p>', '<p>IP Address: 10.244.1.2</p>',
    `<p>OS Type: ${NODE_KERNEL_BUILD} </p>`, '<p>Current Time & Date: Mon Jan  5 09:03:07 2026 </p>']) assert.ok(flask.body.includes(line), line);
  const echo = answerFor(c('hashicorp/http-echo', { args: ['-text=hello world'] }), get(5678));
  assert.deepEqual(echo.kind === 'http' && echo.body, 'hello world\n');
  const served = answerFor(c('jmalloc/echo-server'), get(8080));
  assert.deepEqual(served.kind === 'http' && served.body.split('\n').slice(0, 5), ['Request served by web-7c5ddbdf54-x2kqn', '', 'HTTP/1.1 GET /', '', 'Host: 10.96.0.20']);
  const hostname = answerFor(c('registry.k8s.io/e2e-test-images/agnhost:2.52', { args: ['netexec'] }), get(8080, '/hostname'));
  assert.deepEqual(hostname.kind === 'http' && hostname.body, 'web-7c5ddbdf54-x2kqn');
  assert.deepEqual(answerFor(c('redis:7.4'), get(6379)), { kind: 'open' });
  assert.deepEqual(answerFor(c('nginx:1.27'), get(8080)), { kind: 'refused' });
  assert.deepEqual(answerFor(c('busybox', { command: ['sleep', '3600'] }), get(80)), { kind: 'refused' });
  const api = answerFor(c('registry.k8s.io/kube-apiserver:v1.34.0'), get(6443));
  assert.deepEqual(api.kind === 'http' && [api.status, api.body], [400, 'Client sent an HTTP request to an HTTPS server.\n']);
});
