// The words the command-line generators draw from: the lab's kubectl verbs, resource types and
// flags, its node tools and text tools, and the names, numbers and addresses a learner types —
// the real ones and the near misses (out-of-range ports, bad names, huge counts).

/** Names of objects: ones the lab has or the generators create, and ones no cluster would accept. */
export const NAMES = ['web', 'api', 'db', 'web', 'api', 'coredns', 'kube-dns', 'kubernetes', 'nginx', 'missing', 'Web_1', '-x', 'a.b', 'x'.repeat(64), ''];

/** Namespaces, existing and not. */
export const NAMESPACES = ['default', 'kube-system', 'dev', 'dev', 'nope', 'Bad_NS', 'kube-public', ''];

/** Resource types as learners type them (plural, singular, short, grouped, several, wrong). */
export const RESOURCES = [
  'pods', 'po', 'pod', 'services', 'svc', 'service', 'deployments', 'deploy', 'deployment.apps', 'replicasets', 'rs',
  'endpoints', 'ep', 'endpointslices', 'endpointslice.discovery.k8s.io', 'namespaces', 'ns', 'nodes', 'no', 'configmaps',
  'cm', 'daemonsets', 'ds', 'events', 'ev', 'all', 'pods,svc', 'deploy,rs,po', 'foo', 'svc/web', 'deploy/web', 'pod/',
];

/** Numbers: the usual ones, boundaries, and ones that are not numbers at all. */
export const NUMBERS = ['0', '1', '2', '3', '5', '-1', '80', '8080', '65535', '65536', '30080', '32767', '32768', '99999999999', '2147483648', '1e3', '0x10', '3.5', 'eighty', ''];

/** Replica counts: small ones mostly, then the edges. */
export const REPLICAS = ['0', '1', '2', '3', '3', '-1', '100000', '2147483647', '99999999999', 'three', '1.5', ''];

/** Container images. */
export const IMAGES = ['nginx', 'nginx:1.27', 'busybox', 'redis', 'mysql:8', 'registry.k8s.io/e2e-test-images/agnhost:2.53', 'hashicorp/http-echo', 'nosuchimage:latest', 'UPPER:case', ''];

/** Places a client tool may be pointed at: Service names, ClusterIPs, pod IPs, node ports, junk. */
export const HOSTS = [
  'web', 'web.default', 'web.default.svc.cluster.local', 'kubernetes', 'kube-dns.kube-system', '10.96.0.1', '10.96.0.10',
  '10.96.0.99', '10.244.1.2', '10.244.2.3', '192.168.56.10', '192.168.56.11', 'node01', 'localhost', '127.0.0.1',
  'example.com', '999.1.1.1', '::1', '',
];

/** Ports, including ones out of range. */
export const PORTS = ['80', '443', '53', '8080', '30080', '30000', '32767', '0', '65536', 'http', '-1'];

/** Label selectors, valid and not. */
export const SELECTORS = ['app=web', 'app=api', 'app!=web', 'app in (web,api)', 'app', '!app', 'k8s-app=kube-dns', 'app=', '=web', 'a b', ''];

/** `-o` values. */
export const OUTPUTS = ['wide', 'yaml', 'json', 'name', 'jsonpath={.items[*].metadata.name}', 'jsonpath={.spec.clusterIP}', 'custom-columns=NAME:.metadata.name', 'go-template={{.metadata.name}}', 'bogus', ''];

/** Service types. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'nodeport', 'Bogus', ''];

/** JSON and merge patches. */
export const PATCHES = [
  '{"spec":{"replicas":2}}', '{"spec":{"type":"NodePort"}}', '{"spec":{"selector":{"app":"api"}}}', '{"metadata":{"labels":{"x":"y"}}}',
  '{"spec":{"ports":[{"port":81}]}}', '{"spec":{"clusterIP":"10.96.0.50"}}', '{"spec":{"ports":[{"port":80,"nodePort":40000}]}}',
  '[{"op":"replace","path":"/spec/replicas","value":0}]', '[{"op":"remove","path":"/spec/selector"}]', '[{"op":"add","path":"/x/y/z","value":1}]',
  '{"spec":{"replicas":"two"}}', '{', 'null', '[]', '{"spec":null}',
];

/** Text tools and builtins with arguments that make sense after a pipe. */
export const FILTERS = [
  'grep web', 'grep -v NAME', 'grep -c .', 'grep -E "10\\.(96|244)"', 'grep -A2 KUBE-SVC', 'grep -q x', 'grep "["', 'head -3', 'head -n 0',
  'tail -2', 'tail -n +2', 'wc -l', 'sort', 'sort -k2 -n', 'uniq -c', 'cut -d" " -f1', 'cut -c1-10', 'tr a-z A-Z', 'tr -d "\\n"',
  'column -t', "awk '{print $1}'", "awk -F: '{print NF}'", "sed 's/web/WEB/g'", "sed -n '1p'", 'sed', 'xargs echo', 'xargs -n1 echo',
  'cat', 'cat -n', 'head -c 5', 'awk', 'grep', 'tail -n -x',
];

/** Node tools that read the kernel's tables. */
export const TABLE_TOOLS = [
  'iptables-save', 'iptables-save -t nat', 'iptables-save -t filter', 'iptables-save -t mangle', 'iptables-save -t raw', 'iptables-save -c',
  'iptables -t nat -L', 'iptables -t nat -L KUBE-SERVICES -n', 'iptables -t nat -L -n -v --line-numbers', 'iptables -S', 'iptables -t nat -S KUBE-NODEPORTS',
  'iptables -L NOPE', 'iptables -t nat -A KUBE-SERVICES -j ACCEPT', 'iptables -F', 'ipvsadm -Ln', 'ipvsadm -A -t 1.2.3.4:80', 'ipvsadm', 'ipset list',
  'ipset list KUBE-CLUSTER-IP', 'nft list ruleset', 'nft list tables', 'nft list table ip kube-proxy', 'nft list chain ip kube-proxy services',
  'conntrack -L', 'conntrack -L -p tcp', 'conntrack -C', 'conntrack -F', 'conntrack -D -p udp', 'conntrack -L -d 10.96.0.10 -o extended', 'conntrack -E',
];

/** Lab and host commands. */
export const HOST_COMMANDS = [
  'ssh node01', 'ssh node02', 'ssh controlplane', 'ssh nope', 'exit', 'exit 3', 'logout', 'hostname', 'hostname -i', 'ip addr', 'ip route', 'ip link',
  'ps aux', 'whoami', 'uname -a', 'minikube ip', 'proxy-mode ipvs', 'proxy-mode nftables', 'proxy-mode iptables', 'proxy-mode userspace', 'proxy-mode bogus',
  'fault kube-proxy-stop node01', 'fault kube-proxy-start node01', 'fault coredns-down', 'fault coredns-up', 'fault not-ready web', 'fault list', 'fault',
  'clear', 'history', 'history 3', 'help', 'help kubectl', 'help nope', 'env', 'pwd', 'cd /tmp', 'cd nope', 'ls', 'ls -la /', 'mkdir -p a/b', 'rm -rf a',
  'touch f', 'cat /etc/resolv.conf', 'cat /etc/hosts', 'cat nope', 'which kubectl', 'type cd', 'vi web.yaml', 'true', 'false', ':',
];

/** Strings that are not commands: control characters, unicode, huge numbers, lone quotes. */
export const JUNK = ['\u0000', '\u0007', '\u001b[31m', '\r', '\t', '\u00ff\u00fe', '\ud83d\ude80', '\ud800', '\u202e', '\ufeff', '\u200b', '9'.repeat(400), "'", '"', '`', '\\', '$(', '${', '$((', '<<', '>', '|', '&', ';;', '!!', '~', '*', '?', '[', ']', '{', '}', '#'];
