// The small read-only kubectl verbs: version (pkg/cmd/version), cluster-info (pkg/cmd/clusterinfo),
// api-resources (pkg/cmd/apiresources) and config view / current-context / get-contexts /
// set-context --current --namespace (pkg/cmd/config) over the kubeadm admin kubeconfig.
import { RESOURCES, apiVersionOf } from '../../sim/index.js';
import { listStored } from '../../sim/api-server/store.js';
import type { Node } from '../../sim/types.js';
import { str, type FlagSpec } from './flags.js';
import type { KubectlContext, KubectlVerb } from './verb.js';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter.js';

const CONTEXT = 'kubernetes-admin@kubernetes';

function apiServerURL(k: KubectlContext): string {
  const cp = listStored<Node>(k.sim, 'nodes')[0];
  return `https://${cp?.status.addresses.find((a) => a.type === 'InternalIP')?.address}:6443`;
}

function verb(name: string, short: string, usage: string, flags: FlagSpec[], run: (k: KubectlContext) => number, extra: Partial<KubectlVerb> = {}): KubectlVerb {
  return { name, short, usage, long: short, examples: '', flags, run, ...extra };
}

const version = verb('version', 'Print the client and server version information', 'kubectl version [flags] [options]',
  [{ long: 'client', type: 'bool', help: 'If true, shows client version only (no server required).' }, { long: 'output', short: 'o', type: 'string', help: 'One of \'yaml\' or \'json\'.' }],
  (k) => {
    const v = k.sim.config.kubernetesVersion;
    k.stdout(`Client Version: ${v}\nKustomize Version: v5.7.1\n${k.flags.values['client'] === true ? '' : `Server Version: ${v}\n`}`);
    return 0;
  });

const clusterInfo = verb('cluster-info', 'Display cluster information', 'kubectl cluster-info [flags] [options]', [], (k) => {
  const url = apiServerURL(k);
  k.stdout(`Kubernetes control plane is running at ${url}\nCoreDNS is running at ${url}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
});

const apiResources = verb('api-resources', 'Print the supported API resources on the server', 'kubectl api-resources [flags] [options]',
  [{ long: 'namespaced', type: 'bool', default: true, help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { long: 'no-headers', type: 'bool', help: 'When using the default or custom-column output format, don\'t print headers (default print headers).' }],
  (k) => {
    const only = k.flags.set.has('namespaced') ? k.flags.values['namespaced'] === true : undefined;
    const rows = [...RESOURCES].filter((r) => only === undefined || r.namespaced === only)
      .sort((a, b) => (a.group === b.group ? a.resource.localeCompare(b.resource) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)))
      .map((r) => [r.resource, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind].join('\t'));
    const header = k.flags.values['no-headers'] === true ? [] : ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND'];
    k.stdout(tabwrite(`${[...header, ...rows].join('\n')}\n`, GET_TABWRITER));
    return 0;
  });

function kubeconfigYaml(k: KubectlContext): string {
  const ns = k.shell.vars['__KUBE_NAMESPACE'];
  return ['apiVersion: v1', 'clusters:', '- cluster:', '    certificate-authority-data: DATA+OMITTED', `    server: ${apiServerURL(k)}`, '  name: kubernetes',
    'contexts:', '- context:', '    cluster: kubernetes', ...(ns ? [`    namespace: ${ns}`] : []), '    user: kubernetes-admin', `  name: ${CONTEXT}`,
    `current-context: ${CONTEXT}`, 'kind: Config', 'preferences: {}', 'users:', '- name: kubernetes-admin', '  user:',
    '    client-certificate-data: DATA+OMITTED', '    client-key-data: DATA+OMITTED', ''].join('\n');
}

const config = verb('config', 'Modify kubeconfig files', 'kubectl config SUBCOMMAND [options]', [], (k) => {
  k.stderr('error: kubectl config needs a subcommand: view, current-context, get-contexts or set-context\n');
  return 1;
}, {
  subcommands: [
    verb('view', 'Display merged kubeconfig settings or a specified kubeconfig file', 'kubectl config view [flags] [options]', [{ long: 'minify', type: 'bool', help: 'Remove all information not used by current-context from the output' }, { long: 'raw', type: 'bool', help: 'Display raw byte data and sensitive data' }], (k) => {
      k.stdout(kubeconfigYaml(k));
      return 0;
    }),
    verb('current-context', 'Display the current-context', 'kubectl config current-context [options]', [], (k) => {
      k.stdout(`${CONTEXT}\n`);
      return 0;
    }),
    verb('get-contexts', 'Describe one or many contexts', 'kubectl config get-contexts [(-o|--output=)name)] [options]', [{ long: 'output', short: 'o', type: 'string', help: 'Output format. One of: (name).' }], (k) => {
      if (str(k.flags, 'output') === 'name') {
        k.stdout(`${CONTEXT}\n`);
        return 0;
      }
      const ns = k.shell.vars['__KUBE_NAMESPACE'] ?? '';
      k.stdout(tabwrite(`CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n*\t${CONTEXT}\tkubernetes\tkubernetes-admin\t${ns}\n`, GET_TABWRITER));
      return 0;
    }),
    verb('set-context', 'Set a context entry in kubeconfig', 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]', [{ long: 'current', type: 'bool', help: 'Modify the current context' }], (k) => {
      if (k.flags.values['current'] !== true && k.flags.args[0] !== CONTEXT) {
        k.stderr('error: the lab has one context; use `kubectl config set-context --current --namespace=NAME`\n');
        return 1;
      }
      if (k.namespaceExplicit) k.shell.vars['__KUBE_NAMESPACE'] = k.namespace;
      k.stdout(`Context "${CONTEXT}" modified.\n`);
      return 0;
    }),
  ],
});

/** The small read-only verbs. */
export const INFO_VERBS: KubectlVerb[] = [clusterInfo, apiResources, config, version];
