// kubectl through the lab's shell, text in → exact text out: the root help and its suggestions,
// the kubeconfig verbs, `get all`, --sort-by, -L, -o checks, and the argument errors of each verb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, type Case } from './bash-helpers.js';

const DEPLOY = ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port 80', 'sleep 30'];

const cases: Case[] = [
  { name: 'a mistyped verb gets cobra\'s suggestions in kubectl\'s registration order', line: 'kubectl gett pods', err: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget', status: 1 },
  { name: 'a prefix suggests the verbs it starts, and near words too', line: 'kubectl rol', err: 'error: unknown command "rol" for "kubectl"\n\nDid you mean this?\n\trun\n\trollout', status: 1 },
  { name: 'a word far from every verb gets no suggestion', line: 'kubectl frobnicate', err: 'error: unknown command "frobnicate" for "kubectl"', status: 1 },
  {
    name: 'config view shows the namespace set on the context',
    setup: ['kubectl config set-context --current --namespace=dev'],
    line: 'kubectl config view',
    out: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    namespace: dev\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED',
  },
  { name: 'config get-contexts pads the empty NAMESPACE cell', line: 'kubectl config get-contexts', out: 'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   ' },
  { name: 'config get-contexts after set-context', setup: ['kubectl config set-context --current --namespace=dev'], line: 'kubectl config get-contexts -o name', out: 'kubernetes-admin@kubernetes' },
  { name: 'config current-context', line: 'kubectl config current-context', out: 'kubernetes-admin@kubernetes' },
  { name: 'get all on a fresh cluster lists only the kubernetes service', line: 'kubectl get all', out: 'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10d' },
  { name: 'get all -n with nothing there', line: 'kubectl get all -n dev', err: 'No resources found in dev namespace.' },
  { name: '--sort-by a missing field', setup: DEPLOY, line: 'kubectl get svc --sort-by=.spec.nope', err: 'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects', status: 1 },
  { name: '--sort-by compares strings byte-wise (10.96 after 10.111)', setup: DEPLOY, line: 'kubectl get svc -A --sort-by=spec.clusterIP -o name', out: 'service/web\nservice/kubernetes\nservice/kube-dns' },
  { name: '--sort-by numbers', setup: ['kubectl create deployment a --image=nginx --replicas=3', 'kubectl create deployment b --image=nginx --replicas=1', 'kubectl create deployment c --image=nginx --replicas=2'], line: 'kubectl get deploy --sort-by={.spec.replicas} -o name', out: 'deployment.apps/b\ndeployment.apps/c\ndeployment.apps/a' },
  { name: '--sort-by with a path kubectl cannot read', line: 'kubectl get svc --sort-by={a}{b}', err: 'error: unexpected path string, expected a \'name1.name2\' or \'.name1.name2\' or \'{name1.name2}\' or \'{.name1.name2}\'', status: 1 },
  { name: '-L adds a column per label key, empty where the label is missing', setup: DEPLOY, line: 'kubectl get svc -L app -L tier --no-headers', out: 'kubernetes   ClusterIP   10.96.0.1      <none>   443/TCP   10d         \nweb          ClusterIP   10.111.6.166   <none>   80/TCP    30s   web   ' },
  { name: 'an unknown long flag', line: 'kubectl get pods --bogus', err: 'error: unknown flag: --bogus\nSee \'kubectl get --help\' for usage.', status: 1 },
  { name: 'an unknown shorthand flag', line: 'kubectl get pods -Z', err: 'error: unknown shorthand flag: \'Z\' in -Z\nSee \'kubectl get --help\' for usage.', status: 1 },
  { name: 'a flag without its argument', line: 'kubectl get pods -n', err: 'error: flag needs an argument: \'n\' in -n\nSee \'kubectl get --help\' for usage.', status: 1 },
  { name: 'get without a type', line: 'kubectl get', err: 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples', status: 1 },
  { name: 'an unknown resource type', line: 'kubectl get foo', err: 'error: the server doesn\'t have a resource type "foo"', status: 1 },
  { name: 'an -o the write verbs do not have', line: 'kubectl create namespace dev -o wide', err: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml', status: 1 },
  { name: 'delete without arguments', line: 'kubectl delete', err: 'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'', status: 1 },
  { name: 'delete a type without a name', line: 'kubectl delete pod', err: 'error: resource(s) were provided, but no name was specified', status: 1 },
  { name: 'scale without --replicas', line: 'kubectl scale deploy web', err: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', status: 1 },
  { name: 'scale what is not there', line: 'kubectl scale deploy nope --replicas=2', err: 'Error from server (NotFound): deployments.apps "nope" not found', status: 1 },
  { name: 'create deployment without a name', line: 'kubectl create deployment', err: 'error: exactly one NAME is required, got 0\nSee \'kubectl create deployment -h\' for help and examples', status: 1 },
  { name: 'create deployment without an image', line: 'kubectl create deployment x', err: 'error: required flag(s) "image" not set', status: 1 },
  { name: 'run without a name', line: 'kubectl run', err: 'error: NAME is required for run\nSee \'kubectl run -h\' for help and examples', status: 1 },
  { name: 'expose what is not there', line: 'kubectl expose deploy nope --port 80', err: 'Error from server (NotFound): deployments.apps "nope" not found', status: 1 },
  { name: 'logs of a pod that is not there (logs.go names the namespace, as a client error)', line: 'kubectl logs nope', err: 'error: error from server (NotFound): pods "nope" not found in namespace "default"', status: 1 },
  { name: 'set image on a deployment that is not there', line: 'kubectl set image deploy/nope nginx=nginx:1.27', err: 'Error from server (NotFound): deployments.apps "nope" not found', status: 1 },
  { name: 'two missing objects, two errors', line: 'kubectl get pods/x svc/y', err: 'Error from server (NotFound): pods "x" not found\nError from server (NotFound): services "y" not found', status: 1 },
];

for (const c of cases) {
  test(c.name, () => {
    const { got, want } = runCase(c);
    assert.deepEqual(got, want);
  });
}

test('kubectl --help lists the verbs in kubectl\'s groups with one padding', () => {
  const { got } = runCase({ name: 'help', line: 'kubectl --help' });
  assert.match(got.out, /^kubectl controls the Kubernetes cluster manager\.\n\n Find more information at: https:\/\/kubernetes\.io\/docs\/reference\/kubectl\/\n\nBasic Commands \(Beginner\):\n {2}create {10}Create a resource from a file or from stdin\n/);
  assert.match(got.out, /\nTroubleshooting and Debugging Commands:\n {2}describe {8}Show details/);
  assert.match(got.out, /\nOther Commands:\n {2}api-resources {3}Print the supported API resources on the server\n {2}config {10}Modify kubeconfig files\n/);
  assert.ok(got.out.endsWith('\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).'));
});

test('a verb with subcommands lists them sorted, padded as kubectl pads them, with the subcommand tip', () => {
  const { got } = runCase({ name: 'create help', line: 'kubectl create service --help' });
  assert.match(got.out, /\nAvailable Commands:\n {2}clusterip {6}Create a ClusterIP service\n {2}externalname {3}Create an ExternalName service\n/);
  assert.match(got.out, /\nUse "kubectl create service <command> --help" for more information about a given command\.\n/);
});
