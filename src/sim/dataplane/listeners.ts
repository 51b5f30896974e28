// Who listens where once a packet reaches its final address: a pod's containers (the catalogue's
// ports, only while the container runs), and a node's own processes — the kubelet, sshd,
// systemd-resolved and the hostNetwork pods (control plane, kube-proxy), some on loopback only.
import type { SimState } from '../state.js';
import type { Container, Pod } from '../types.js';
import { listStored } from '../api-server/store.js';
import { planProcess } from '../node/process.js';

/** A listening socket: which container (if a pod's) and whether it is bound to loopback only. */
export interface Listener {
  pod?: Pod;
  container?: Container;
  /** A node daemon that is not a pod (`kubelet`, `sshd`, `systemd-resolved`). */
  daemon?: string;
  loopbackOnly: boolean;
}

/** The node daemons the lab models: port → name and loopback-only. */
const NODE_DAEMONS: Record<number, [string, boolean]> = { 22: ['sshd', false], 10250: ['kubelet', false], 10248: ['kubelet', true] };

/** Ports the control plane's hostNetwork pods bind to 127.0.0.1 only (kubeadm's defaults). */
const LOOPBACK_ONLY: Record<string, number[]> = { 'kube-controller-manager': [10257], 'kube-scheduler': [10259], 'kube-proxy': [10249] };

function running(pod: Pod, c: Container): boolean {
  return Boolean(pod.status?.containerStatuses?.find((s) => s.name === c.name)?.state.running);
}

/** The container of a pod listening on a port (TCP or UDP), if its process runs. */
export function podListener(pod: Pod, port: number, protocol: 'TCP' | 'UDP'): Listener | undefined {
  for (const c of pod.spec.containers) {
    if (!running(pod, c)) continue;
    const plan = planProcess(c);
    if (plan.ports.some((p) => p.port === port && p.protocol === protocol)) {
      const app = pod.metadata.labels?.['component'] ?? pod.metadata.labels?.['k8s-app'] ?? c.name;
      return { pod, container: c, loopbackOnly: (LOOPBACK_ONLY[app] ?? []).includes(port) };
    }
  }
  return undefined;
}

/** Who listens on a node's own address and port: a daemon or a hostNetwork pod. */
export function nodeListener(state: SimState, node: string, port: number, protocol: 'TCP' | 'UDP'): Listener | undefined {
  const daemon = protocol === 'TCP' ? NODE_DAEMONS[port] : undefined;
  if (daemon) return { daemon: daemon[0], loopbackOnly: daemon[1] };
  if (protocol === 'UDP' && port === 53) return { daemon: 'systemd-resolved', loopbackOnly: true };
  for (const pod of listStored<Pod>(state, 'pods')) {
    if (!pod.spec.hostNetwork || pod.spec.nodeName !== node || pod.metadata.deletionTimestamp) continue;
    const l = podListener(pod, port, protocol);
    if (l) return l;
  }
  return undefined;
}
