// The app catalogue: what the container behind an image reference does once containerd starts it
// (its ports, image size and pull time, how it takes SIGTERM, what it answers). The real facts come
// from each image's Dockerfile (EXPOSE, ENTRYPOINT/CMD, STOPSIGNAL). Sizes are plausible compressed
// sizes (nginx:1.27 and busybox as real Pulled events report them); everything else is left out.
import { parseImageRef, repositoryOf } from './image-ref.js';
import {
  ealenEchoAnswer, flaskHostnameAnswer, httpdAnswer, jmallocEchoAnswer, netexecAnswer, nginxAnswer, textAnswer, tlsOnlyAnswer, webappColorAnswer,
} from './app-answers.js';

/** A port an application listens on. */
export interface AppPort {
  port: number;
  protocol: 'TCP' | 'UDP';
}

/** One request to an application: an HTTP GET (curl, wget) or a bare connection (nc, telnet). */
export interface AppRequest {
  protocol: 'TCP' | 'UDP';
  port: number;
  http?: { method: string; path: string; headers: [string, string][] };
  pod: { name: string; namespace: string; ip: string; node: string };
  client: { ip: string; port: number };
  /** The simulated clock (ms since the epoch). */
  now: number;
  /** The container's image, argv and environment (http-echo's -text, webapp-color's APP_COLOR). */
  image: string;
  argv: string[];
  env: Record<string, string>;
  /** `uname -v` of the node the pod runs on. */
  kernelBuild: string;
}

/** What the application does with a request: an HTTP response, a silent open connection, or a refusal. */
export type AppAnswer =
  | { kind: 'http'; status: number; statusText: string; headers: [string, string][]; body: string }
  | { kind: 'open' }
  | { kind: 'refused' };

/** How a process takes SIGTERM: exits after `ms` with `exitCode`, or ignores it (PID 1 without a handler). */
export type StopBehaviour = { ms: [number, number]; exitCode: number } | 'ignores';

/** One catalogue entry. */
export interface AppSpec {
  name: string;
  /** Normalised repositories (docker.io/library/nginx) this entry describes, whatever the tag. */
  repositories: string[];
  /** Servers run until stopped; clients only run the command they are given. */
  role: 'server' | 'client';
  /** The image's ENTRYPOINT (args are appended) and CMD (replaced by args). */
  entrypoint: string[];
  cmd: string[];
  /** Program names that are this application: a command naming one still runs the app. */
  binaries: string[];
  ports: AppPort[];
  sizeBytes: number;
  pullMs: [number, number];
  stop: StopBehaviour;
  /** For apps whose argv decides what runs: the ports it opens, or the exit code when it quits at once. */
  run?(argv: string[]): { ports: AppPort[] } | { exitCode: number };
  answer(req: AppRequest): AppAnswer;
}

/** `uname -v` of the lab's nodes (Ubuntu 22.04, kernel 5.15.0-126-generic). */
export const NODE_KERNEL_BUILD = '#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024';

/** A pull-time range for a compressed size: registry latency plus 15-60 MB/s. */
export function pullRange(sizeBytes: number): [number, number] {
  return [Math.round(300 + sizeBytes / 60_000), Math.round(800 + sizeBytes / 15_000)];
}

const tcp = (...ports: number[]): AppPort[] => ports.map((port) => ({ port, protocol: 'TCP' as const }));
const tagOf = (req: AppRequest): string => parseImageRef(req.image).tag ?? 'latest';

/** The patch release a minor-version tag points at (nginx:1.27 is 1.27.5), else the tag's own x.y.z. */
function versionOf(tag: string, minors: Record<string, string>, fallback: string): string {
  const full = /^(\d+\.\d+\.\d+)/.exec(tag);
  if (full) return full[1]!;
  const minor = /^(\d+\.\d+)/.exec(tag);
  return (minor && minors[minor[1]!]) || fallback;
}

/** The value of a Go-style flag (`-text=hi`, `--http-port 8080`) in argv. */
export function flagValue(argv: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!names.includes(flag.replace(/^--?/, ''))) continue;
    return value ?? argv[i + 1];
  }
  return undefined;
}

const NGINX_MINORS = { '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5', '1.28': '1.28.0', '1.29': '1.29.3' };
const DEFAULT_STOP: StopBehaviour = { ms: [500, 2000], exitCode: 0 };

function server(name: string, repos: string[], size: number, spec: Partial<AppSpec> & Pick<AppSpec, 'answer'>): AppSpec {
  return {
    name, repositories: repos.map((r) => repositoryOf(parseImageRef(r))), role: 'server', entrypoint: [], cmd: [], binaries: [],
    ports: [], sizeBytes: size, pullMs: pullRange(size), stop: DEFAULT_STOP, ...spec,
  };
}

function client(name: string, repos: string[], size: number, entrypoint: string[], cmd: string[]): AppSpec {
  return {
    name, repositories: repos.map((r) => repositoryOf(parseImageRef(r))), role: 'client', entrypoint, cmd, binaries: [],
    ports: [], sizeBytes: size, pullMs: pullRange(size), stop: 'ignores', answer: () => ({ kind: 'refused' }),
  };
}

function agnhostRun(argv: string[]): { ports: AppPort[] } | { exitCode: number } {
  const sub = argv.find((a) => !a.startsWith('-') && !a.endsWith('agnhost'));
  if (sub === 'netexec') {
    return { ports: [{ port: Number(flagValue(argv, 'http-port') ?? 8080), protocol: 'TCP' }, { port: Number(flagValue(argv, 'udp-port') ?? 8081), protocol: 'UDP' }] };
  }
  if (sub === 'serve-hostname') return { ports: tcp(Number(flagValue(argv, 'port') ?? 9376)) };
  if (sub === 'pause') return { ports: [] };
  return { exitCode: 0 };
}

function httpEchoRun(argv: string[]): { ports: AppPort[] } | { exitCode: number } {
  if (flagValue(argv, 'text') === undefined) return { exitCode: 127 };
  const listen = flagValue(argv, 'listen') ?? ':5678';
  return { ports: tcp(Number(listen.slice(listen.lastIndexOf(':') + 1))) };
}

/** Every application the lab knows, servers first. */
export const CATALOGUE: readonly AppSpec[] = [
  server('nginx', ['nginx'], 72_225_606, {
    cmd: ['nginx', '-g', 'daemon off;'], binaries: ['nginx', 'docker-entrypoint.sh'], ports: tcp(80), stop: { ms: [100, 500], exitCode: 0 },
    answer: (req) => nginxAnswer(req, versionOf(tagOf(req), NGINX_MINORS, '1.29.3')),
  }),
  server('httpd', ['httpd'], 58_153_421, {
    cmd: ['httpd-foreground'], binaries: ['httpd-foreground', 'httpd'], ports: tcp(80), stop: { ms: [200, 1000], exitCode: 0 },
    answer: (req) => httpdAnswer(req, versionOf(tagOf(req), { '2.4': '2.4.65' }, '2.4.65')),
  }),
  server('flask hostname app', ['salterje/flask_test'], 139_263_547, {
    cmd: ['python', 'app.py'], binaries: ['python', 'python3', 'flask'], ports: tcp(5000), stop: 'ignores',
    answer: (req) => flaskHostnameAnswer(req, tagOf(req) === 'latest' ? '0.10' : tagOf(req)),
  }),
  server('webapp-color', ['kodekloud/webapp-color'], 31_782_118, {
    cmd: ['python', 'app.py'], binaries: ['python', 'python3'], ports: tcp(8080), stop: 'ignores', answer: webappColorAnswer,
  }),
  server('agnhost', ['registry.k8s.io/e2e-test-images/agnhost'], 52_114_473, {
    entrypoint: ['/agnhost'], binaries: ['agnhost'], stop: { ms: [50, 300], exitCode: 2 }, run: agnhostRun,
    answer: (req) => (req.argv.includes('serve-hostname') ? textAnswer(req, req.pod.name) : netexecAnswer(req)),
  }),
  server('http-echo', ['hashicorp/http-echo'], 3_782_148, {
    entrypoint: ['/http-echo'], binaries: ['http-echo'], stop: { ms: [50, 300], exitCode: 0 }, run: httpEchoRun,
    answer: (req) => textAnswer(req, `${flagValue(req.argv, 'text') ?? ''}\n`, [['X-App-Name', 'http-echo'], ['X-App-Version', '1.0.0']]),
  }),
  server('echo-server', ['ealen/echo-server'], 62_134_251, {
    entrypoint: ['node', 'webserver'], binaries: ['node'], ports: tcp(80), stop: 'ignores', answer: ealenEchoAnswer,
  }),
  server('echo-server', ['jmalloc/echo-server'], 3_517_260, {
    entrypoint: ['/bin/echo-server'], binaries: ['echo-server'], ports: tcp(8080), stop: { ms: [50, 300], exitCode: 2 }, answer: jmallocEchoAnswer,
  }),
  server('redis', ['redis'], 45_109_734, {
    cmd: ['redis-server'], binaries: ['redis-server', 'docker-entrypoint.sh'], ports: tcp(6379), stop: { ms: [100, 500], exitCode: 0 }, answer: () => ({ kind: 'open' }),
  }),
  server('mysql', ['mysql'], 170_523_491, {
    cmd: ['mysqld'], binaries: ['mysqld', 'docker-entrypoint.sh'], ports: tcp(3306, 33060), stop: { ms: [1000, 3000], exitCode: 0 }, answer: () => ({ kind: 'open' }),
  }),
  ...controlPlaneApps(),
  client('busybox', ['busybox'], 2_222_260, [], ['sh']),
  client('curl', ['curlimages/curl'], 9_970_221, ['/entrypoint.sh'], ['curl']),
  client('alpine', ['alpine'], 3_653_068, [], ['/bin/sh']),
  client('netshoot', ['nicolaka/netshoot'], 204_618_437, [], ['zsh']),
];

function controlPlaneApps(): AppSpec[] {
  const tls = { answer: tlsOnlyAnswer, stop: { ms: [300, 1000], exitCode: 0 } as StopBehaviour };
  const health = (req: AppRequest): AppAnswer => (req.http ? textAnswer(req, 'OK') : { kind: 'open' });
  return [
    server('etcd', ['registry.k8s.io/etcd'], 22_874_989, { ...tls, entrypoint: ['/usr/local/bin/etcd'], binaries: ['etcd'], ports: tcp(2379, 2380) }),
    server('kube-apiserver', ['registry.k8s.io/kube-apiserver'], 27_383_716, { ...tls, entrypoint: ['kube-apiserver'], binaries: ['kube-apiserver'], ports: tcp(6443) }),
    server('kube-controller-manager', ['registry.k8s.io/kube-controller-manager'], 22_819_474, { ...tls, entrypoint: ['kube-controller-manager'], binaries: ['kube-controller-manager'], ports: tcp(10257) }),
    server('kube-scheduler', ['registry.k8s.io/kube-scheduler'], 17_385_568, { ...tls, entrypoint: ['kube-scheduler'], binaries: ['kube-scheduler'], ports: tcp(10259) }),
    server('coredns', ['registry.k8s.io/coredns/coredns'], 22_375_838, {
      entrypoint: ['/coredns'], binaries: ['coredns'], stop: { ms: [5000, 5500], exitCode: 0 }, answer: health,
      ports: [{ port: 53, protocol: 'UDP' }, ...tcp(53, 8080, 8181, 9153)],
    }),
    server('kube-proxy', ['registry.k8s.io/kube-proxy'], 25_963_718, {
      entrypoint: ['/usr/local/bin/kube-proxy'], binaries: ['kube-proxy'], ports: tcp(10249, 10256), stop: { ms: [100, 500], exitCode: 0 }, answer: health,
    }),
    server('flannel', ['ghcr.io/flannel-io/flannel'], 32_995_326, {
      entrypoint: ['/opt/bin/flanneld'], binaries: ['flanneld'], stop: { ms: [100, 500], exitCode: 0 }, answer: () => ({ kind: 'refused' }),
    }),
  ];
}

const byRepository = new Map(CATALOGUE.flatMap((app) => app.repositories.map((r) => [r, app] as const)));

/** The catalogue entry of an image reference (any tag or digest), or undefined for an unknown image. */
export function appFor(image: string | undefined): AppSpec | undefined {
  return image ? byRepository.get(repositoryOf(parseImageRef(image))) : undefined;
}
