// kubectl get and describe: the tabwriter and HumanDuration rules, then text in → exact text out
// on a booted lab (10 days old), for tables, flags, structured output and every error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabwrite, GET_TABWRITER, DESCRIBE_TABWRITER } from '../../src/shell/printers/tabwriter.js';
import { humanDuration } from '../../src/shell/printers/duration.js';
import { KUBECTL_COMMAND } from '../../src/shell/kubectl/index.js';
import { advance } from '../../src/sim/settle.js';
import { runSpec, testLab, type TestLab } from './harness.js';

const S = 1000;
const durations: [number, string][] = [
  [-2 * S, '<invalid>'], [-0.5 * S, '0s'], [0, '0s'], [59 * S, '59s'], [119 * S, '119s'], [120 * S, '2m'], [125 * S, '2m5s'],
  [599 * S, '9m59s'], [600 * S, '10m'], [179 * 60 * S, '179m'], [180 * 60 * S, '3h'], [185 * 60 * S, '3h5m'], [8 * 3600 * S, '8h'],
  [47 * 3600 * S, '47h'], [48 * 3600 * S, '2d'], [53 * 3600 * S, '2d5h'], [8 * 86400 * S, '8d'], [729 * 86400 * S, '729d'],
  [730 * 86400 * S, '2y'], [(3 * 365 + 40) * 86400 * S, '3y40d'], [9 * 365 * 86400 * S, '9y'],
];
for (const [ms, text] of durations) test(`HumanDuration(${ms} ms) = ${text}`, () => assert.equal(humanDuration(ms), text));

test('tabwriter: get pads every column but the last to max(6, widest + 3)', () => {
  assert.equal(tabwrite('A\tB\tC\nlonger-name\tx\ty\n', GET_TABWRITER), 'A             B     C\nlonger-name   x     y\n');
});

test('tabwriter: describe aligns runs of tabbed lines; a line without a tab starts a new block; empty cells are padded', () => {
  const text = 'Name:\tweb\nIP:\t\nContainers:\n  a-much-longer-label:\tv\n';
  assert.equal(tabwrite(text, DESCRIBE_TABWRITER), 'Name:  web\nIP:    \nContainers:\n  a-much-longer-label:  v\n');
});

function kubectl(lab: TestLab, line: string, stdin?: string): { stdout: string; stderr: string; status: number } {
  return runSpec(lab, KUBECTL_COMMAND, line.split(' '), stdin);
}

const cases: [string, string, string, number][] = [
  ['get svc', 'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10d\n', '', 0],
  ['get svc -n kube-system -o wide', 'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   SELECTOR\nkube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   10d   k8s-app=kube-dns\n', '', 0],
  ['get ns', 'NAME              STATUS   AGE\ndefault           Active   10d\nkube-flannel      Active   10d\nkube-node-lease   Active   10d\nkube-public       Active   10d\nkube-system       Active   10d\n', '', 0],
  ['get nodes --no-headers', 'controlplane   Ready   control-plane   10d   v1.34.0\nnode01         Ready   <none>          9d    v1.34.0\nnode02         Ready   <none>          9d    v1.34.0\n', '', 0],
  ['get pods', '', 'No resources found in default namespace.\n', 0],
  ['get pods -n nope', '', 'No resources found in nope namespace.\n', 0],
  ['get nodes -l nope=x', '', 'No resources found\n', 0],
  ['get svcs', '', 'error: the server doesn\'t have a resource type "svcs"\n', 1],
  ['get pod web', '', 'Error from server (NotFound): pods "web" not found\n', 1],
  ['get deploy web', '', 'Error from server (NotFound): deployments.apps "web" not found\n', 1],
  ['get svc kubernetes -o name', 'service/kubernetes\n', '', 0],
  ['get ep kubernetes', 'NAME         ENDPOINTS            AGE\nkubernetes   192.168.56.10:6443   10d\n', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n', 0],
  ['get svc kubernetes -o go-template={{.kind}}', '', 'error: the lab does not print -o go-template; it prints json, yaml, name, wide, jsonpath, custom-columns\n', 1],
  ['get svc -o yamll', '', 'error: unable to match a printer suitable for the output format "yamll", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', 1],
  ['get svc -o jsonpath', '', 'error: template format specified but no template given\n', 1],
  ['get svc -o custom-columns', '', 'error: custom-columns format specified but no custom columns given\n', 1],
  ['get pods -l app in (a', '', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (a", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n', 1],
];
for (const [line, stdout, stderr, status] of cases) {
  test(`kubectl ${line}`, () => {
    const lab = testLab();
    const args = line.startsWith('get pods -l ') ? ['get', 'pods', '-l', 'app in (a'] : line.split(' ');
    const r = runSpec(lab, KUBECTL_COMMAND, args);
    assert.deepEqual([r.stdout, r.stderr, r.status], [stdout, stderr, status]);
  });
}

test('several kinds in one get: kind prefixes, one table each, blank lines between', () => {
  const lab = testLab();
  const r = kubectl(lab, 'get svc,ns -n kube-system');
  assert.equal(r.stdout, 'NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\nservice/kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   10d\n\n'
    + 'NAME                        STATUS   AGE\nnamespace/default           Active   10d\nnamespace/kube-flannel      Active   10d\nnamespace/kube-node-lease   Active   10d\nnamespace/kube-public       Active   10d\nnamespace/kube-system       Active   10d\n');
});

test('a deployment, its pods going ContainerCreating to Running, describe service with endpoints', () => {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx:1.27 --replicas=2');
  kubectl(lab, 'expose deployment web --port=80');
  const early = kubectl(lab, 'get pods');
  assert.match(early.stdout, /^NAME +READY +STATUS +RESTARTS +AGE\nweb-[456789bcdf]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5} +0\/1 +ContainerCreating +0 +0s\n/);
  advance(lab.sim, 30_000);
  const d = kubectl(lab, 'describe svc web').stdout;
  assert.match(d, /^Name: {21}web\nNamespace: {16}default\nLabels: {19}app=web\nAnnotations: {14}<none>\nSelector: {17}app=web\nType: {21}ClusterIP\n/);
  assert.match(d, /\nPort: {21}<unset> {2}80\/TCP\nTargetPort: {15}80\/TCP\nEndpoints: {16}10\.244\.\d\.\d:80,10\.244\.\d\.\d:80\nSession Affinity: {9}None\nInternal Traffic Policy: {2}Cluster\nEvents: {19}<none>\n$/);
  assert.equal(kubectl(lab, 'describe svc nope').stderr, 'Error from server (NotFound): services "nope" not found\n');
  const pod = kubectl(lab, 'describe pod web').stdout;
  assert.match(pod, /\nConditions:\n {2}Type {24}Status\n {2}PodReadyToStartContainers {3}True \n {2}Initialized {17}True \n {2}Ready {23}True \n {2}ContainersReady {13}True \n {2}PodScheduled {16}True \n/);
  assert.match(pod, /\nEvents:\n {2}Type {4}Reason {5}Age {3}From {15}Message\n {2}---- {4}------ {5}---- {2}---- {15}-------\n {2}Normal {2}Scheduled {2}30s {3}default-scheduler {2}Successfully assigned default\/web-/);
});

test('-o yaml of one object, and a List for several', () => {
  const lab = testLab();
  const one = kubectl(lab, 'get svc kubernetes -o yaml').stdout;
  assert.match(one, /^apiVersion: v1\nkind: Service\nmetadata:\n {2}creationTimestamp: "2026-01-05T09:00:00Z"\n {2}labels:\n {4}component: apiserver\n {4}provider: kubernetes\n {2}name: kubernetes\n {2}namespace: default\n {2}resourceVersion: "\d+"\n {2}uid: [0-9a-f-]{36}\nspec:\n {2}clusterIP: 10\.96\.0\.1\n {2}clusterIPs:\n {2}- 10\.96\.0\.1\n/);
  const many = kubectl(lab, 'get ns -o yaml').stdout;
  assert.match(many, /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Namespace\n/);
  assert.match(many, /\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
  const json = JSON.parse(kubectl(lab, 'get svc kubernetes -o json').stdout);
  assert.equal(json.spec.clusterIP, '10.96.0.1');
});

test('version, cluster-info, and config set-context --current --namespace changing the default namespace', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'version').stdout, 'Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n');
  assert.equal(kubectl(lab, 'cluster-info').stdout.split('\n')[0], 'Kubernetes control plane is running at https://192.168.56.10:6443');
  assert.equal(kubectl(lab, 'config current-context').stdout, 'kubernetes-admin@kubernetes\n');
  assert.equal(kubectl(lab, 'config set-context --current --namespace=kube-system').stdout, 'Context "kubernetes-admin@kubernetes" modified.\n');
  assert.match(kubectl(lab, 'get svc').stdout, /^NAME +TYPE .*\nkube-dns +ClusterIP +10\.96\.0\.10 /);
  assert.match(kubectl(lab, 'api-resources').stdout, /^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND\nconfigmaps +cm +v1 +true +ConfigMap\n/);
});

test('-o jsonpath and -o custom-columns', () => {
  const lab = testLab();
  assert.equal(kubectl(lab, 'get svc kubernetes -o jsonpath={.spec.clusterIP}').stdout, '10.96.0.1');
  assert.equal(kubectl(lab, 'get nodes -o jsonpath={.items[*].metadata.name}').stdout, 'controlplane node01 node02');
  assert.equal(runSpec(lab, KUBECTL_COMMAND, ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.podCIDR}{"\\n"}{end}']).stdout,
    'controlplane\t10.244.0.0/24\nnode01\t10.244.1.0/24\nnode02\t10.244.2.0/24\n');
  assert.equal(kubectl(lab, 'get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR,X:.spec.nope').stdout,
    'NAME           CIDR            X\ncontrolplane   10.244.0.0/24   <none>\nnode01         10.244.1.0/24   <none>\nnode02         10.244.2.0/24   <none>\n');
  const bad = kubectl(lab, 'get svc -o jsonpath={.items[0');
  assert.deepEqual([bad.stderr, bad.status], ['error: error parsing jsonpath {.items[0, unclosed action\n', 1]);
});
