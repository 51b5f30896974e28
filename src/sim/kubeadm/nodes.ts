// Node objects as a kubelet registers them on a kubeadm cluster (labels, the control-plane taint,
// addresses, capacity, nodeInfo), with spec.podCIDR carved by the node-IPAM range allocator
// (pkg/controller/nodeipam/ipam/cidrset) in registration order.
import type { ClusterConfig } from '../config.js';
import type { Node } from '../types.js';
import { parseCidr, subnet } from '../net.js';

/** The taint kubeadm puts on control-plane nodes. */
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** The i-th node to register (0 = the control plane), with its podCIDR. */
export function nodeObject(c: ClusterConfig, name: string, ip: string, index: number): Node {
  const podCIDR = subnet(parseCidr(c.podCIDR)!, c.nodeCIDRMaskSize, index);
  const controlPlane = index === 0;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': ip,
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR, podCIDRs: [podCIDR], ...(controlPlane ? { taints: [CONTROL_PLANE_TAINT] } : {}) },
    status: {
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      capacity: { cpu: '2', 'ephemeral-storage': '40581564Ki', 'hugepages-2Mi': '0', memory: '4014036Ki', pods: '110' },
      allocatable: { cpu: '2', 'ephemeral-storage': '37399969574', 'hugepages-2Mi': '0', memory: '3911636Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '5.15.0-126-generic',
        kubeProxyVersion: '',
        kubeletVersion: c.kubernetesVersion,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: '',
      },
    },
  };
}
