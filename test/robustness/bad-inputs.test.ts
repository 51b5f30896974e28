// A catalogue of bad input, each with the exact stdout, stderr and status that real kubectl v1.34
// (with the API server's validation), bash 5, go-yaml v2 or the node's tools give for it. Grouped by
// kind of mistake; the other catalogues (shell/hostile, shell/kubectl-catalogue, shell/manifest,
// shell/apply) hold different inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase, type Case } from '../shell/bash-helpers.js';

/** `cat <<EOF | kubectl apply -f -` with the manifest as the heredoc. */
const apply = (manifest: string, flags = ''): string => `cat <<EOF | kubectl apply${flags} -f -\n${manifest}EOF`;
/** The prefix of every go-yaml error kubectl reports for stdin. */
const YAML = 'error: error parsing STDIN: error converting YAML to JSON: yaml: ';
/** A Service manifest `web` with the given spec lines (two-space indented). */
const service = (spec: string, name = 'web'): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
/** A Deployment manifest `web` selecting `app: <selector>` with pods labelled `app: <label>`. */
const deployment = (selector: string, label: string, replicas = 'replicas: 2'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  ${replicas}\n  selector:\n    matchLabels:\n      app: ${selector}\n  template:\n    metadata:\n      labels:\n        app: ${label}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n`;
const PORT_80 = '  ports:\n  - port: 80\n';
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const RANGE = 'must be between 1 and 65535, inclusive';

const cases: Case[] = [
  // YAML syntax: go-yaml's problem texts, numbered as go-yaml numbers them (scanner errors by the
  // line of the problem, parser errors one less, no line at all on the first line).
  { name: 'an unclosed flow sequence', line: apply(service('  ports: [80, 443\n')), err: `${YAML}line 6: did not find expected ',' or ']'`, status: 1 },
  { name: 'an unclosed flow mapping with more keys after it', line: apply(service('  selector: {app: web\n  ports:\n  - port: 80\n')), err: `${YAML}line 6: did not find expected ',' or '}'`, status: 1 },
  { name: 'a flow mapping closed with a bracket', line: apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: [b, {c: d]\n'), err: `${YAML}line 5: did not find expected ',' or '}'`, status: 1 },
  { name: 'a stray closing brace', line: apply('apiVersion: v1\nkind: Service\nmetadata: {name: web}}\n'), err: `${YAML}line 2: did not find expected key`, status: 1 },
  { name: 'a key without its colon', line: apply('apiVersion: v1\nkind: Service\nmetadata\n  name: web\n'), err: `${YAML}line 4: could not find expected ':'`, status: 1 },
  { name: 'the first key without its colon', line: apply('apiVersion v1\nkind: Service\nmetadata:\n  name: web\n'), err: `${YAML}line 2: mapping values are not allowed in this context`, status: 1 },
  { name: 'a value continued on a deeper line that holds a colon', line: apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  key: value\n    more: x\n'), err: `${YAML}line 7: mapping values are not allowed in this context`, status: 1 },
  { name: 'a first key after a dash without its colon', line: apply(service('  ports:\n    - name http\n      port: 80\n')), err: `${YAML}line 8: mapping values are not allowed in this context`, status: 1 },
  { name: 'a quoted value followed by more text', line: apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    note: "a "quoted" word"\n'), err: `${YAML}line 5: did not find expected key`, status: 1 },
  {
    name: 'a quote left open that a later quote closes',
    line: apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\nspec:\n  containers:\n  - name: web\n    image: busybox\n    args: ["sleep", "3600"]\n'),
    err: `${YAML}line 8: did not find expected key`,
    status: 1,
  },
  { name: 'a block scalar whose lines are not indented', line: apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  script: |\n  echo hi\n'), err: `${YAML}line 8: could not find expected ':'`, status: 1 },
  { name: 'a value starting with @', line: apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: @nginx\n'), err: `${YAML}line 8: found character that cannot start any token`, status: 1 },
  { name: 'a key out of line under an indented sequence entry', line: apply(service('  ports:\n    - port: 80\n     targetPort: 80\n')), err: `${YAML}line 7: did not find expected '-' indicator`, status: 1 },
  {
    name: 'a first line indented by a space: go-yaml reads only that line\'s mapping',
    line: apply(' apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'),
    err: 'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    status: 1,
  },

  // Tabs: go-yaml refuses a tab wherever indentation is read, with a message that depends on what came before.
  { name: 'a tab in the indentation after a plain value', line: apply(service('  ports:\n  - port: 80\n    targetPort: 80\n\tprotocol: TCP\n')), err: `${YAML}line 9: found a tab character that violates indentation`, status: 1 },
  { name: 'a tab after a sequence dash', line: apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  -\tname: web\n    image: nginx\n'), err: `${YAML}line 7: found character that cannot start any token`, status: 1 },
  { name: 'a tab in the indentation of a block scalar', line: apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  script: |\n\techo hi\n'), err: `${YAML}line 7: found a tab character where an indentation space is expected`, status: 1 },
  { name: 'a tab before the first key', line: apply('\tapiVersion: v1\nkind: Service\n'), err: `${YAML}found character that cannot start any token`, status: 1 },

  // Duplicate mapping keys: go-yaml v2 keeps the last value without a word.
  { name: 'replicas given twice: the last one counts', line: `${apply(deployment('web', 'web', 'replicas: 2\n  replicas: 5'))}\nkubectl get deploy web -o jsonpath='{.spec.replicas}'`, out: 'deployment.apps/web created\n5' },
  { name: 'a name given twice: the last one counts', line: apply(service(PORT_80).replace('name: web', 'name: web\n  name: api')), out: 'service/api created' },

  // Wrong field types: the API server's JSON decoder names the Go struct field.
  {
    name: 'replicas as a word',
    line: apply(deployment('web', 'web', 'replicas: "three"')),
    err: 'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    status: 1,
  },
  {
    name: 'ports as a map instead of a list',
    line: apply(service('  ports:\n    port: 80\n')),
    err: 'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    status: 1,
  },
  {
    name: 'a port spelt out',
    line: apply(service('  ports:\n  - port: eighty\n')),
    err: 'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    status: 1,
  },
  { name: 'a targetPort spelt out is a port name, not a type error', line: apply(service('  ports:\n  - port: 80\n    targetPort: eighty\n')), out: 'service/web created' },

  // Unknown fields: kubectl's default --validate=strict makes the server refuse them (in the sorted key order of the
  // JSON kubectl sends); warn turns them into warnings, false drops them.
  {
    name: 'two unknown fields, reported in key order',
    line: apply(service(`${PORT_80}  foo: 1\n  bar: 2\n`)),
    err: 'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.bar", unknown field "spec.foo"',
    status: 1,
  },
  { name: 'unknown fields with --validate=warn: warnings, and the object is created', line: apply(service(`${PORT_80}  foo: 1\n  bar: 2\n`), ' --validate=warn'), out: 'service/web created', err: 'Warning: unknown field "spec.bar"\nWarning: unknown field "spec.foo"' },
  { name: 'unknown fields with --validate=false: dropped without a word', line: apply(service(`${PORT_80}  foo: 1\n`), ' --validate=false'), out: 'service/web created' },
  { name: 'a --validate value kubectl does not know', line: apply(service(PORT_80), ' --validate=maybe'), err: 'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)', status: 1 },

  // Missing kind, apiVersion or name.
  { name: 'create -f of an object without a name', line: 'cat <<EOF | kubectl create -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    a: b\nEOF', err: 'The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required', status: 1 },
  {
    name: 'a kind in lower case',
    line: apply('apiVersion: v1\nkind: service\nmetadata:\n  name: web\n'),
    err: 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "service" in version "v1"\nensure CRDs are installed first',
    status: 1,
  },

  // Invalid names.
  { name: 'an upper-case Service name', line: 'kubectl create service clusterip Web --tcp=80', err: `error: failed to create ClusterIP service: Service "Web" is invalid: metadata.name: Invalid value: "Web": ${DNS1035}`, status: 1 },
  {
    name: 'an underscore in a Deployment name',
    line: 'kubectl create deployment my_app --image=nginx',
    err: 'error: failed to create deployment: Deployment.apps "my_app" is invalid: metadata.name: Invalid value: "my_app": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
    status: 1,
  },
  { name: 'a 64-character Service name', line: apply(service(PORT_80, 'a'.repeat(64))), err: `The Service "${'a'.repeat(64)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`, status: 1 },
  { name: 'a Service name with a leading dash', line: apply(service(PORT_80, '-web')), err: `The Service "-web" is invalid: metadata.name: Invalid value: "-web": ${DNS1035}`, status: 1 },
  {
    name: 'a Namespace name with capitals',
    line: 'kubectl create namespace Dev',
    err: "The Namespace \"Dev\" is invalid: metadata.name: Invalid value: \"Dev\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    status: 1,
  },
  { name: 'a name with a leading dash on the command line is read as flags', line: 'kubectl create namespace -dev', err: "error: unknown shorthand flag: 'd' in -dev\nSee 'kubectl create namespace --help' for usage.", status: 1 },

  // Ports: client-side parsing of --tcp, --port, and the API server's ranges.
  { name: 'port 65536 in a manifest (the defaulted targetPort too)', line: apply(service('  ports:\n  - port: 65536\n')), err: `The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 65536: ${RANGE}\n* spec.ports[0].targetPort: Invalid value: 65536: ${RANGE}`, status: 1 },
  { name: '--tcp=65536', line: 'kubectl create service clusterip web --tcp=65536', err: 'error: strconv.ParseUint: parsing "65536": value out of range', status: 1 },
  { name: '--tcp=eighty', line: 'kubectl create service clusterip web --tcp=eighty', err: 'error: strconv.ParseUint: parsing "eighty": invalid syntax', status: 1 },
  { name: 'a targetPort out of range in --tcp', line: 'kubectl create service clusterip web --tcp=80:70000', err: `error: ${RANGE}`, status: 1 },
  { name: 'a bad port name as targetPort in --tcp', line: 'kubectl create service clusterip web --tcp=80:HTTP_1', err: 'error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)', status: 1 },
  {
    name: '--tcp=0 reaches the API server, whose message the generator wraps',
    line: 'kubectl create service clusterip web --tcp=0',
    err: `error: failed to create ClusterIP service: Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: ${RANGE}, spec.ports[0].targetPort: Invalid value: 0: ${RANGE}]`,
    status: 1,
  },
  { name: 'create service without --tcp', line: 'kubectl create service clusterip web', err: 'error: at least one tcp port specifier must be provided', status: 1 },
  { name: 'expose --port=eighty', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl expose deploy web --port=eighty', err: 'error: strconv.Atoi: parsing "eighty": invalid syntax', status: 1 },
  { name: 'expose --port=70000', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl expose deploy web --port=70000', err: `The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 70000: ${RANGE}\n* spec.ports[0].targetPort: Invalid value: 70000: ${RANGE}`, status: 1 },
  { name: 'run --port=eighty', line: 'kubectl run p --image=nginx --port=eighty', err: 'error: strconv.Atoi: parsing "eighty": invalid syntax', status: 1 },

  // NodePorts: allocation errors come before validation and stand alone.
  { name: 'a nodePort above the range', line: apply(service('  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 32768\n')), err: 'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767', status: 1 },
  { name: '--node-port below the range', line: 'kubectl create service nodeport web --tcp=80 --node-port=80', err: 'error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767', status: 1 },
  { name: 'a nodePort another Service holds', setup: ['kubectl create service nodeport a --tcp=80 --node-port=30080'], line: 'kubectl create service nodeport b --tcp=80 --node-port=30080', err: 'error: failed to create NodePort service: Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated', status: 1 },
  { name: 'a nodePort on a ClusterIP Service', line: apply(service('  ports:\n  - port: 80\n    nodePort: 30080\n')), err: "The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'", status: 1 },

  // ClusterIPs: the service CIDR is 10.96.0.0/12; kube-dns holds 10.96.0.10.
  { name: 'a clusterIP outside the service CIDR', line: apply(service(`  clusterIP: 10.0.0.50\n${PORT_80}`)), err: 'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.50"]: failed to allocate IP 10.0.0.50: the provided network does not match the current range', status: 1 },
  { name: 'a clusterIP already allocated', line: apply(service(`  clusterIP: 10.96.0.10\n${PORT_80}`)), err: 'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated', status: 1 },

  // Selectors and fields that may not change.
  { name: 'template labels that the selector does not match', line: apply(deployment('web', 'api')), err: 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`', status: 1 },
  {
    name: 'a changed Deployment selector',
    setup: [apply(deployment('web', 'web'))],
    line: apply(deployment('web2', 'web')),
    err: 'The Deployment "web" is invalid: \n* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n* spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    status: 1,
  },
  { name: 'a changed selector with matching template labels', setup: [apply(deployment('web', 'web'))], line: apply(deployment('web2', 'web2')), err: 'The Deployment "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable', status: 1 },
  { name: 'a changed clusterIP', setup: [apply(service(PORT_80))], line: apply(service(`  clusterIP: 10.96.0.99\n${PORT_80}`)), err: 'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set', status: 1 },
  { name: 'a type change to ExternalName without externalName', setup: [apply(service(PORT_80))], line: apply(service(`  type: ExternalName\n${PORT_80}`)), err: 'The Service "web" is invalid: spec.externalName: Required value', status: 1 },

  // Deleting what is not there.
  { name: 'delete a Deployment that is not there', line: 'kubectl delete deploy nope', err: 'Error from server (NotFound): deployments.apps "nope" not found', status: 1 },
  { name: 'delete with --ignore-not-found', line: 'kubectl delete pod nope --ignore-not-found' },
  { name: 'delete a namespace the API server keeps', line: 'kubectl delete ns kube-system', err: 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted', status: 1 },

  // Namespaces that do not exist.
  { name: 'run into a missing namespace', line: 'kubectl run web --image=nginx -n nope', err: 'Error from server (NotFound): namespaces "nope" not found', status: 1 },
  { name: 'create deployment into a missing namespace', line: 'kubectl create deployment web --image=nginx -n nope', err: 'error: failed to create deployment: namespaces "nope" not found', status: 1 },
  { name: 'apply into a missing namespace', line: apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', ' -n nope'), err: 'Error from server (NotFound): error when creating "STDIN": namespaces "nope" not found', status: 1 },
  { name: 'get a named pod from a missing namespace', line: 'kubectl get pod web -n nope', err: 'Error from server (NotFound): pods "web" not found', status: 1 },

  // Flags: pflag's texts, with kubectl's usage hint.
  { name: 'a long flag without its value', line: 'kubectl get pods --namespace', err: "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.", status: 1 },
  { name: 'a word for an int flag', line: 'kubectl scale deploy web --replicas=abc', err: "error: invalid argument \"abc\" for \"--replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl scale --help' for usage.", status: 1 },
  { name: 'a word for a bool flag (named with its shorthand)', line: 'kubectl get pods --all-namespaces=maybe', err: "error: invalid argument \"maybe\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.", status: 1 },

  // Unknown resource types.
  { name: 'describe an unknown type', line: 'kubectl describe svcs web', err: 'error: the server doesn\'t have a resource type "svcs"', status: 1 },
  { name: 'delete an unknown type', line: 'kubectl delete foo x', err: 'error: the server doesn\'t have a resource type "foo"', status: 1 },

  // bash: syntax errors, redirections, missing commands and files.
  { name: 'a lone ;;', line: ';;', err: "bash: syntax error near unexpected token `;;'", status: 2 },
  { name: 'a lone )', line: ')', err: "bash: syntax error near unexpected token `)'", status: 2 },
  { name: 'then without if', line: 'then', err: "bash: syntax error near unexpected token `then'", status: 2 },
  { name: 'done without a loop', line: 'done', err: "bash: syntax error near unexpected token `done'", status: 2 },
  { name: 'a duplication redirection without a target', line: 'echo hi >&', err: "bash: syntax error near unexpected token `newline'", status: 2 },
  { name: 'two redirections in a row', line: 'echo > > f', err: "bash: syntax error near unexpected token `>'", status: 2 },
  { name: 'a redirection into a missing directory', line: 'kubectl get pods > /etc/nope/out.txt', err: 'bash: /etc/nope/out.txt: No such file or directory', status: 1 },
  { name: 'input from a missing file', line: 'cat < nofile', err: 'bash: nofile: No such file or directory', status: 1 },
  { name: 'cat of a missing file', line: 'cat nofile', err: 'cat: nofile: No such file or directory', status: 1 },
  { name: 'a script that is not there', line: './script.sh', err: 'bash: ./script.sh: No such file or directory', status: 127 },
  { name: 'a command that does not exist', line: 'kubectl-get pods', err: 'bash: kubectl-get: command not found', status: 127 },
  { name: 'cd into a missing directory', line: 'cd /nope', err: 'bash: cd: /nope: No such file or directory', status: 1 },
  { name: 'division by zero', line: 'echo $((1/0))', err: 'bash: 1/0: division by 0 (error token is "0")', status: 1 },
  { name: 'an arithmetic expression missing an operand', line: 'echo $((2+))', err: 'bash: 2+: syntax error: operand expected (error token is "+")', status: 1 },

  // Node tools with bad arguments (curl 7.81.0, OpenSSH, iptables 1.8.7 as on Ubuntu 22.04 nodes).
  { name: 'curl to a host that does not resolve', line: 'curl http://nosuchhost', err: 'curl: (6) Could not resolve host: nosuchhost', status: 6 },
  { name: 'curl with a mistyped scheme', line: 'curl htp://web', err: 'curl: (1) Protocol "htp" not supported or disabled in libcurl', status: 1 },
  { name: 'curl without a URL', line: 'curl', err: "curl: try 'curl --help' or 'curl --manual' for more information", status: 2 },
  { name: 'iptables with an unknown option', line: 'iptables -t nat -L --bogus', err: "iptables v1.8.7 (nf_tables): unknown option \"--bogus\"\nTry `iptables -h' or 'iptables --help' for more information.", status: 2 },
  { name: 'ssh to an unknown host', line: 'ssh node09', err: 'ssh: Could not resolve hostname node09: Name or service not known', status: 255 },
  {
    name: 'nslookup of a missing name in a busybox 1.28 pod',
    setup: ['kubectl run b --image=busybox:1.28 -- sleep 3600', 'sleep 20'],
    line: 'kubectl exec b -- nslookup nosuch',
    out: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n',
    err: "nslookup: can't resolve 'nosuch'\ncommand terminated with exit code 1",
    status: 1,
  },

  // exec and logs into what is missing.
  { name: 'exec into a missing pod', line: 'kubectl exec nope -- ls', err: 'Error from server (NotFound): pods "nope" not found', status: 1 },
  { name: 'exec into a missing container (checked by the API server)', setup: ['kubectl run p --image=nginx', 'sleep 10'], line: 'kubectl exec p -c nope -- ls', err: 'Error from server (BadRequest): container nope is not valid for pod p', status: 1 },
  { name: 'exec without a command', setup: ['kubectl run p --image=nginx'], line: 'kubectl exec p', err: 'error: you must specify at least one command for the container', status: 1 },
  { name: 'logs of a missing Deployment', line: 'kubectl logs deploy/nope', err: 'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"', status: 1 },

  // scale, expose and label with bad arguments.
  { name: 'scale to negative replicas', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl scale deploy web --replicas=-1', err: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0', status: 1 },
  { name: 'expose a Deployment whose pods declare no port', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl expose deploy web', err: "error: couldn't find port via --port flag or introspection", status: 1 },
  {
    name: 'a label value ending in an underscore',
    setup: ['kubectl run p --image=nginx'],
    line: 'kubectl label pod p app=bad_value_',
    err: "error: invalid label value: \"app=bad_value_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    status: 1,
  },
  {
    name: 'a label key with a bang (refused by the API server)',
    setup: ['kubectl run p --image=nginx'],
    line: 'kubectl label pod p Bad_Key!=x',
    err: "The Pod \"p\" is invalid: metadata.labels: Invalid value: \"Bad_Key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    status: 1,
  },
  { name: 'a label with two equals signs', setup: ['kubectl run p --image=nginx'], line: 'kubectl label pod p a=b=c', err: 'error: invalid label spec: a=b=c', status: 1 },
  { name: 'a label key already set, without --overwrite', setup: ['kubectl run p --image=nginx'], line: 'kubectl label pod p run=other', err: "error: 'run' already has a value (p), and --overwrite is false", status: 1 },
  { name: 'label without any key=value', setup: ['kubectl run p --image=nginx'], line: 'kubectl label pod p app', err: 'error: at least one label update is required', status: 1 },
];

for (const c of cases) {
  test(c.name, () => {
    const { got, want } = runCase(c);
    assert.deepEqual(got, want);
  });
}

test('the catalogue names are unique', () => {
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
});
