// fast-check arbitraries for what a learner (or a cat on the keyboard) types into the lab: kubectl
// lines built from the lab's own verbs, types and flags, node and text tools, bash syntax around
// them (pipes, lists, substitutions, heredocs, redirections, loops), plain garbage, and manifests
// applied through `kubectl apply -f -` or a file. Each session is a few such lines in a row.
import fc from 'fast-check';
import * as V from './vocabulary.js';
import { manifestStep } from './manifest-generators.js';

const one = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const maybe = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.option(a, { nil: '' });
const words = (...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).map((ws) => ws.filter((w) => w !== '').join(' '));
const lit = (s: string): fc.Arbitrary<string> => fc.constant(s);

/** A word a learner may quote, or not, or quote wrongly. */
function quoted(a: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(a, fc.nat(9)).map(([w, q]) => (q < 6 ? w : q < 8 ? `'${w}'` : q < 9 ? `"${w}"` : `"${w}`));
}

const name = quoted(one(V.NAMES));
const ns = fc.oneof(words(lit('-n'), one(V.NAMESPACES)), one(V.NAMESPACES).map((n) => `--namespace=${n}`), lit('-A'));
const output = one(V.OUTPUTS).map((o) => `-o ${o.includes(' ') || o.includes('{') ? `'${o}'` : o}`);
const selector = one(V.SELECTORS).map((s) => `-l '${s}'`);
const num = one(V.NUMBERS);

/** Flags any verb may receive, most of them wrong for it. */
const stray = one(['--help', '-h', '--bogus', '-z', '--', '-', '--=', '--replicas', '-o', '--dry-run=client', '--dry-run=server', '--dry-run=bogus', '-w', '--watch', '-v=9', '--all', '--force', '--grace-period=0', '--now', '--wait=false', '--show-labels', '--no-headers', '--sort-by=.metadata.name', '--field-selector=status.phase=Running', '--selector']);

const get = words(lit('get'), one(V.RESOURCES), maybe(name), maybe(ns), maybe(output), maybe(selector), maybe(stray));
const describe = words(lit('describe'), one(V.RESOURCES), maybe(name), maybe(ns), maybe(stray));
const createDeployment = words(lit('create deployment'), name, one(V.IMAGES).map((i) => `--image=${i}`), maybe(one(V.REPLICAS).map((r) => `--replicas=${r}`)), maybe(num.map((p) => `--port=${p}`)), maybe(stray));
const createService = words(lit('create service'), one(['clusterip', 'nodeport', 'loadbalancer', 'externalname', 'bogus']), name, maybe(fc.tuple(one(V.PORTS), one(V.PORTS)).map(([p, t]) => `--tcp=${p}:${t}`)), maybe(num.map((n) => `--node-port=${n}`)), maybe(one(['10.96.0.50', '10.96.0.1', '1.2.3.4', 'None', 'x']).map((ip) => `--clusterip=${ip}`)), maybe(lit('--external-name=db.example.com')));
const createOther = fc.oneof(words(lit('create namespace'), name), words(lit('create ns'), one(V.NAMESPACES)), words(lit('create configmap'), name, maybe(lit('--from-literal=a=b')), maybe(lit('--from-literal=bad')), maybe(lit('--from-file=nope'))), words(lit('create'), one(['secret', 'job', 'bogus', ''])));
const expose = words(lit('expose'), one(['deploy/web', 'deployment web', 'deploy/api', 'pod/nope', 'svc/web', 'rs', 'deploy/missing']), maybe(one(V.PORTS).map((p) => `--port=${p}`)), maybe(one(V.PORTS).map((p) => `--target-port=${p}`)), maybe(one(V.SERVICE_TYPES).map((t) => `--type=${t}`)), maybe(name.map((n) => `--name=${n}`)), maybe(one(['10.96.0.77', 'None', '10.97.0.1', '300.1.1.1']).map((ip) => `--cluster-ip=${ip}`)), maybe(one(['ClientIP', 'None', 'Bogus']).map((a) => `--session-affinity=${a}`)), maybe(ns));
const scale = words(lit('scale'), one(['deploy/web', 'deploy/api', 'deployment web', 'rs', 'deploy/coredns -n kube-system', 'svc/web', 'deploy/missing']), one(V.REPLICAS).map((r) => `--replicas=${r}`), maybe(stray));
const del = words(lit('delete'), one(V.RESOURCES), maybe(name), maybe(ns), maybe(one(['--all', '-l app=web', '--grace-period=0 --force', '--now', '--wait=false', '--cascade=orphan', '--cascade=bogus', '--ignore-not-found', '--grace-period=-5', '--timeout=1s'])));
const label = words(one(['label', 'annotate']), one(V.RESOURCES), maybe(name), one(['app=web', 'app=api', 'app-', 'tier=a', 'x=y', 'bad key=v', '=v', 'app=web --overwrite', 'app=' + 'v'.repeat(70), '--all app=z']), maybe(ns));
const patch = words(lit('patch'), one(['deploy web', 'svc web', 'svc kubernetes', 'pod nope', 'deploy api', 'svc/api']), maybe(one(['--type=merge', '--type=json', '--type=strategic', '--type=bogus'])), one(V.PATCHES).map((p) => `-p '${p}'`));
const run = words(lit('run'), name, one(V.IMAGES).map((i) => `--image=${i}`), maybe(one(['--port=80', '--port=eighty', '--expose --port=80', '--restart=Never', '--restart=Bogus', '--rm -it', '-l app=web', '--env=A=1', '--command -- sleep 3600', '-- sleep 3600', '-it -- sh'])));
const exec = words(lit('exec'), one(['web', '-it web', 'deploy/web', 'nope', '$(kubectl get pods -o name | head -1)', '-n kube-system deploy/coredns']), lit('--'), one(['sh', 'ls /', 'cat /etc/resolv.conf', 'wget -qO- web', 'nslookup web', 'curl -s web', 'env', 'hostname', 'nope', '']));
const rollout = words(lit('rollout'), one(['status', 'restart', 'undo', 'history', 'pause', 'bogus', '']), one(['deploy/web', 'deployment/api', 'deploy/missing', 'svc/web', 'ds/kube-proxy -n kube-system', '']), maybe(one(['--timeout=1s', '--to-revision=5', '--revision=2', '-w=false'])));
const misc = fc.oneof(
  words(lit('set image'), one(['deploy/web', 'deploy/nope']), one(['web=nginx:1.28', '*=busybox', 'nope=x', 'web='])),
  words(lit('wait'), one(['--for=condition=Ready pod -l app=web', '--for=condition=Available deploy/web', '--for=delete pod/nope', '--for=bogus pods --all', '--for=jsonpath={.status.phase}=Running pod --all']), maybe(one(['--timeout=1s', '--timeout=0', '--timeout=-1s', '--timeout=99999h', '--timeout=x']))),
  words(lit('logs'), one(['web', 'deploy/web', 'nope', '-l app=web', 'deploy/coredns -n kube-system', '-f deploy/web', '--tail=-5 deploy/web', '--tail=x web'])),
  words(lit('explain'), one(['pods', 'svc.spec', 'service.spec.ports', 'deploy.spec.template.spec.containers', 'nope', 'pods.spec.nope', '--recursive svc.spec', ''])),
  one(['cluster-info', 'api-resources', 'api-resources --namespaced=true', 'version', 'version --client', 'version -o yaml', 'config view', 'config current-context', 'config get-contexts', 'config set-context --current --namespace=dev', 'config set-context x', 'edit svc web', 'bogus', '', '--help', 'get --help', 'create service --help']),
  words(one(['apply', 'create', 'replace', 'delete']), one(['-f web.yaml', '-f nope.yaml', '-f -', '-f /', '-f https://example.com/x.yaml', '-k .', '-f web.yaml --dry-run=client -o yaml', '-f web.yaml --server-side', '-f']), maybe(stray)),
);

/** A kubectl line, with the odd flag or word swapped for a stray one. */
export const kubectlLine: fc.Arbitrary<string> = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: get }, describe, { weight: 2, arbitrary: createDeployment }, createService, createOther, { weight: 2, arbitrary: expose }, scale, del, label, patch, run, exec, rollout, { weight: 2, arbitrary: misc }),
  one(['kubectl', 'kubectl', 'kubectl', 'k', 'kubectl -n dev', 'kubectl --namespace kube-system', 'kubectl -v=6', 'kubectl --context=x']),
).map(([rest, cmd]) => `${cmd} ${rest}`.trimEnd());

const url = fc.tuple(one(['', '', 'http://', 'https://', 'ftp://', 'http://[']), one(V.HOSTS), maybe(one(V.PORTS).map((p) => `:${p}`)), one(['', '/', '/healthz', '/x?y=z', '/%zz'])).map((p) => p.join(''));
const clientTool = fc.oneof(
  words(lit('curl'), maybe(one(['-s', '-sS', '-v', '-I', '-i', '-L', '-k', '-f', '-m 1', '-m 99999999', '--connect-timeout 0', '-o /dev/null -w "%{http_code}"', '-X POST', '-H "Host: x"', '--bogus'])), url),
  words(lit('wget'), maybe(one(['-q', '-qO-', '-O -', '-T 1', '--spider', '-O /tmp/x'])), url),
  words(lit('nc'), maybe(one(['-z', '-zv', '-u', '-w 1', '-w 999999'])), one(V.HOSTS), one(V.PORTS)),
  words(lit('ping'), maybe(one(['-c 1', '-c 3', '-c 0', '-c 99999999', '-W 1', '-w 2', '-q'])), one(V.HOSTS)),
  words(lit('telnet'), one(V.HOSTS), maybe(one(V.PORTS))),
  words(one(['nslookup', 'host', 'getent hosts', 'dig', 'dig +short', 'dig +search', 'nslookup -type=SRV', 'dig -t SRV', 'host -t AAAA', 'dig -x']), one([...V.HOSTS, '_http._tcp.web.default.svc.cluster.local', 'a..b', '-', '.']), maybe(one(['10.96.0.10', '@10.96.0.10', '8.8.8.8', 'ANY']))),
  words(lit('trace'), maybe(one(['-u', '--icmp', 'curl', 'wget'])), fc.tuple(one(V.HOSTS), maybe(one(V.PORTS).map((p) => `:${p}`))).map(([h, p]) => h + p)),
);

/** A simple command that is not kubectl: a node tool, a text tool, a builtin, a host command. */
const otherCommand = fc.oneof(
  clientTool,
  one(V.TABLE_TOOLS),
  one(V.HOST_COMMANDS),
  one(V.FILTERS).map((f) => `${f} /etc/hosts`),
  words(one(['echo', 'echo -n', 'echo -e', 'printf', 'printf "%s\\n"', 'printf "%d"', 'printf "%99999d"', 'printf "%*d"']), maybe(one(['$?', '$HOME', '"$X"', '${X:-d}', '${X:?unset}', '${#X}', '$((1+2))', '$((1/0))', '$((2**62*4))', '$((x++))', '$(hostname)', '`whoami`', '$RANDOM', "'a  b'", '"\\t"', '-', '%s %s %q']))),
  words(one(['sleep', 'seq', 'seq -w', 'seq -s,', 'head -n', 'history', 'exit', 'test', '[', 'read', 'read -r', 'export', 'unset']), one(V.NUMBERS), maybe(one(V.NUMBERS))),
  words(one(['export', 'X=1', 'Y=$X', 'unset', 'read']), one(['X=1', 'X', 'PATH=', '1X=2', 'X="a b"', 'X=$(kubectl get svc -o name)', 'HOME=/nope', 'PS1=$'])),
  words(lit('watch'), maybe(one(['-n 1', '-n 0', '-n x', '-t'])), one(['kubectl get pods', 'iptables-save -t nat', 'date', ''])),
);

/** A simple command: kubectl half of the time. */
const simple = fc.oneof({ weight: 5, arbitrary: kubectlLine }, { weight: 4, arbitrary: otherCommand });

const filter = one(V.FILTERS);
const redirect = one(['> out.txt', '>> out.txt', '2>&1', '2>/dev/null', '< out.txt', '< /etc/hosts', '>/dev/null 2>&1', '> /', '> /proc/x', '&>', '2>', '<<< "a b"', '> "$NOPE"']);

/** A pipeline: a command, perhaps redirected, piped through a few filters. */
const pipeline = fc.tuple(simple, maybe(redirect), fc.array(filter, { maxLength: 3 }), fc.boolean()).map(([c, r, fs, bang]) => `${bang ? '! ' : ''}${[r ? `${c} ${r}` : c, ...fs].join(' | ')}`);

/** Bash constructs around commands: lists, substitutions, loops, conditionals, heredocs, groups. */
const compound: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: pipeline },
  fc.tuple(pipeline, one([';', '&&', '||', '&', ' ; ', '\n']), pipeline).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(one(['echo', 'X=', 'for i in', 'curl -s']), simple).map(([w, c]) => `${w}$(${c})`),
  fc.tuple(simple, fc.nat(3)).map(([c, n]) => `for i in ${'1 2 3'.slice(0, 2 * n)}; do ${c}; done`),
  fc.tuple(simple, one(['3', '0', '100000', 'x'])).map(([c, n]) => `for i in $(seq ${n}); do ${c} >/dev/null; done`),
  fc.tuple(simple, simple).map(([a, b]) => `if ${a}; then ${b}; else echo no; fi`),
  fc.tuple(simple, simple).map(([a, b]) => `${a} | while read l; do ${b}; done`),
  simple.map((c) => `while true; do ${c}; done`),
  fc.tuple(simple, simple).map(([a, b]) => `{ ${a}; ${b}; } 2>&1 | head -5`),
  simple.map((c) => `( ${c} )`),
  fc.tuple(filter, fc.string({ maxLength: 40 }), one(['EOF', "'EOF'", '-EOF', '"END"'])).map(([f, body, tag]) => `${f} <<${tag}\n${body}\n${tag.replace(/['"-]/g, '')}`),
  simple.map((c) => `${c} # a comment`),
  simple.map((c) => `X=1 Y=2 ${c}`),
);

/** Garbage: random text of any kind, junk tokens mixed into a valid line, or a valid line cut short. */
const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(one(V.JUNK), { maxLength: 8 }).map((xs) => xs.join('')),
  fc.tuple(compound, fc.nat(), one(V.JUNK)).map(([l, at, j]) => l.slice(0, at % (l.length + 1)) + j + l.slice(at % (l.length + 1))),
  fc.tuple(compound, fc.nat()).map(([l, at]) => l.slice(0, at % (l.length + 1))),
  fc.tuple(compound, fc.nat(), one([' ', '\t', 'a', '-', ':', '"', '\\', '$', '9', '\n']), fc.integer({ min: 10_000, max: 100_000 })).map(([l, at, c, n]) => {
    const i = at % (l.length + 1);
    return l.slice(0, i) + c.repeat(n) + l.slice(i);
  }),
  fc.constantFrom('', ' ', '\n', '\\', '\t\t', ';', '&&', 'kubectl ' + '9'.repeat(10_000), 'x'.repeat(100_000)),
);

/** One line a learner might type or paste. */
export const commandLine: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: compound }, { weight: 2, arbitrary: garbage });

/** One step of a session: mostly command lines, now and then a manifest. */
export const step: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: commandLine }, { weight: 1, arbitrary: manifestStep });

/** What a learner typically builds first: Deployments, Services of each type, time for the pods to start. */
const SETUPS: string[][] = [
  [],
  ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl expose deployment web --port=80 --type=NodePort', 'sleep 10'],
  ['kubectl create deployment web --image=hashicorp/http-echo --replicas=2 --port=5678', 'kubectl create deployment api --image=nginx', 'kubectl expose deploy/web --port=80 --target-port=5678', 'kubectl expose deploy/api --port=80 --cluster-ip=None --name=api-headless', 'sleep 20'],
  ['kubectl create namespace dev', 'kubectl -n dev create deployment db --image=redis --replicas=2', 'kubectl -n dev expose deploy/db --port=6379 --type=LoadBalancer', 'kubectl create service externalname ext --external-name=db.dev.svc.cluster.local', 'sleep 15'],
];

/** A few steps run in one lab, in order, often after a usual setup. */
export const session: fc.Arbitrary<string[]> = fc.tuple(fc.constantFrom(...SETUPS), fc.array(step, { minLength: 1, maxLength: 6 })).map(([setup, steps]) => [...setup, ...steps]);

/** A few manifest steps (with a command now and then to look at what they did). */
export const manifestSession: fc.Arbitrary<string[]> = fc.array(fc.oneof({ weight: 3, arbitrary: manifestStep }, { weight: 1, arbitrary: kubectlLine }), { minLength: 1, maxLength: 4 });
