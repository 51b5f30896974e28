// The files a learner finds on the lab's hosts: a node's /etc (hostname, hosts, resolv.conf as
// systemd-resolved writes it on Ubuntu 22.04, os-release) and, on controlplane, the static pod
// manifests kubeadm wrote to /etc/kubernetes/manifests; a container's /etc as the kubelet writes it.
// Left out of the manifests: probes, volumes and resources (the flags are the configured cluster's).
import type { SimState } from '../../sim/state.js';
import type { Node, Pod } from '../../sim/types.js';
import { listStored, getStored } from '../../sim/api-server/store.js';
import type { FileEntry } from '../types.js';
import { NODE_RESOLV_CONF, resolvConfFor } from '../../sim/dns/resolv-conf.js';
import { toYaml } from '../kubectl/write/print.js';

const dir: FileEntry = { type: 'dir' };
const file = (content: string): FileEntry => ({ type: 'file', content });

const OS_RELEASE = `PRETTY_NAME="Ubuntu 22.04.5 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.5 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`;

/** The manifest kubeadm wrote for a static pod, from its mirror pod in the API. */
function staticManifest(pod: Pod): string {
  const component = pod.metadata.labels?.['component'] ?? pod.metadata.name!;
  const kubeadmAnnotations = Object.fromEntries(Object.entries(pod.metadata.annotations ?? {}).filter(([k]) => k.startsWith('kubeadm.kubernetes.io/')));
  const c = pod.spec.containers[0]!;
  return toYaml({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(Object.keys(kubeadmAnnotations).length ? { annotations: kubeadmAnnotations } : {}), labels: { component, tier: 'control-plane' }, name: component, namespace: 'kube-system' },
    spec: {
      containers: [{ command: c.command, image: c.image, imagePullPolicy: 'IfNotPresent', name: c.name }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    },
    status: {},
  });
}

/** The initial in-memory files of a node, by absolute path. */
export function seedNodeFiles(sim: SimState, node: string): Record<string, FileEntry> {
  const nodes = listStored<Node>(sim, 'nodes');
  const ipOf = (n: typeof nodes[number]): string => n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  const hosts = ['127.0.0.1 localhost', '127.0.1.1 ' + node, '', ...nodes.map((n) => `${ipOf(n)} ${n.metadata.name}`), ''].join('\n');
  const files: Record<string, FileEntry> = {
    '/': dir, '/root': dir, '/tmp': dir, '/var': dir, '/var/log': dir, '/etc': dir,
    '/etc/hostname': file(`${node}\n`), '/etc/hosts': file(hosts), '/etc/resolv.conf': file(NODE_RESOLV_CONF), '/etc/os-release': file(OS_RELEASE),
  };
  if (node === 'laptop') return files;
  files['/etc/kubernetes'] = dir;
  if (node !== 'controlplane') return files;
  files['/etc/kubernetes/manifests'] = dir;
  for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const pod = getStored<Pod>(sim, 'pods', `kube-system/${name}-${node}`);
    if (pod) files[`/etc/kubernetes/manifests/${name}.yaml`] = file(staticManifest(pod));
  }
  return files;
}

/** The files of a container: /etc/resolv.conf, /etc/hosts and /etc/hostname as the kubelet writes them. */
export function seedPodFiles(sim: SimState, namespace: string, podName: string): Record<string, FileEntry> {
  const pod = getStored<Pod>(sim, 'pods', `${namespace}/${podName}`);
  const ip = pod?.status?.podIP ?? '';
  const resolv = resolvConfFor(sim, { kind: 'pod', namespace, pod: podName });
  const hosts = `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${podName}\n`;
  return { '/': dir, '/tmp': dir, '/root': dir, '/etc': dir, '/etc/resolv.conf': file(resolv), '/etc/hosts': file(hosts), '/etc/hostname': file(`${podName}\n`) };
}
