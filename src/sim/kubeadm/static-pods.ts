// The control-plane static pods `kubeadm init` writes to /etc/kubernetes/manifests on the
// control-plane node (cmd/kubeadm/app/phases/controlplane/manifests.go, etcd/local.go), with the
// flags a v1.34 kubeadm passes. The kubelet runs them and mirrors each as `<name>-<node>`.
import type { ClusterConfig } from '../config.js';
import type { Pod } from '../types.js';

/** Image tags kubeadm v1.34 pulls (`kubeadm config images list`). */
export const CONTROL_PLANE_IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
  apiserver: 'registry.k8s.io/kube-apiserver:v1.34.0',
  controllerManager: 'registry.k8s.io/kube-controller-manager:v1.34.0',
  scheduler: 'registry.k8s.io/kube-scheduler:v1.34.0',
  proxy: 'registry.k8s.io/kube-proxy:v1.34.0',
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  pause: 'registry.k8s.io/pause:3.10.1',
};

function staticPod(component: string, node: string, image: string, command: string[], extra: Partial<Pod["metadata"]> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.seen': '', ...(extra.annotations ?? {}) },
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: component, image, command, imagePullPolicy: 'IfNotPresent' }],
    },
  };
}

/** The four static pods of the control plane, their flags reflecting the configured cluster. */
export function controlPlaneStaticPods(c: ClusterConfig, node: string, nodeIP: string): Pod[] {
  const etcd = staticPod('etcd', node, CONTROL_PLANE_IMAGES.etcd, [
    'etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true',
    '--data-dir=/var/lib/etcd', '--feature-gates=InitialCorruptCheck=true', '--initial-advertise-peer-urls=https://' + nodeIP + ':2380',
    `--initial-cluster=${node}=https://${nodeIP}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key',
    `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381',
    `--listen-peer-urls=https://${nodeIP}:2380`, `--name=${node}`, '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
    '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--watch-progress-notify-interval=5s',
  ], { annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` } });
  const apiserver = staticPod('kube-apiserver', node, CONTROL_PLANE_IMAGES.apiserver, [
    'kube-apiserver', `--advertise-address=${nodeIP}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true',
    '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
    '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379',
    '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
    '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
    '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--secure-port=6443',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
    '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${c.serviceCIDR}`,
    ...(c.nodePortRange === '30000-32767' ? [] : [`--service-node-port-range=${c.nodePortRange}`]),
    '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
  ], { annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` } });
  const controllerManager = staticPod('kube-controller-manager', node, CONTROL_PLANE_IMAGES.controllerManager, [
    'kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
    '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1',
    '--client-ca-file=/etc/kubernetes/pki/ca.crt', `--cluster-cidr=${c.podCIDR}`, '--cluster-name=kubernetes',
    '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt', '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
    '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true',
    ...(c.nodeCIDRMaskSize === 24 ? [] : [`--node-cidr-mask-size=${c.nodeCIDRMaskSize}`]),
    '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt',
    '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', `--service-cluster-ip-range=${c.serviceCIDR}`,
    '--use-service-account-credentials=true',
  ]);
  const scheduler = staticPod('kube-scheduler', node, CONTROL_PLANE_IMAGES.scheduler, [
    'kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
    '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true',
  ]);
  return [etcd, apiserver, controllerManager, scheduler];
}
