// A plain-text summary of a booted cluster, for the command line until the shell and the
// interactive lab exist: the nodes with their addresses and podCIDRs, and what runs in kube-system.
import type { SimState } from './sim/state.js';
import { listStored } from './sim/api-server/store.js';
import type { Node, Pod, Service } from './sim/types.js';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('')).join('\n') + '\n';
}

/** The summary text for a booted cluster. */
export function clusterSummary(state: SimState, version: string, bootMs: number): string {
  const c = state.config;
  const nodes = listStored<Node>(state, 'nodes');
  const pods = listStored<Pod>(state, 'pods');
  const services = listStored<Service>(state, 'services');
  const nodeRows = nodes.map((n) => [
    n.metadata.name!,
    n.spec.taints?.length ? 'control-plane' : 'worker',
    n.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '',
    n.spec.podCIDR ?? '',
  ]);
  const podRows = pods.map((p) => [p.metadata.namespace!, p.metadata.name!, p.status?.phase ?? 'Pending', p.status?.podIP ?? '<none>', p.spec.nodeName ?? '<none>']);
  const svcRows = services.map((s) => [s.metadata.namespace!, s.metadata.name!, s.spec.clusterIP ?? '<none>']);
  return [
    `k8s-svc-lab ${version}: a simulated Kubernetes ${c.kubernetesVersion} cluster (kubeadm, flannel), booted in ${bootMs.toFixed(0)} ms`,
    `service CIDR ${c.serviceCIDR}, pod CIDR ${c.podCIDR}, NodePort range ${c.nodePortRange}, kube-proxy mode ${c.proxyMode}, seed ${c.seed}`,
    '',
    table([['NODE', 'ROLE', 'INTERNAL-IP', 'POD-CIDR'], ...nodeRows]),
    table([['NAMESPACE', 'POD', 'PHASE', 'IP', 'NODE'], ...podRows]),
    table([['NAMESPACE', 'SERVICE', 'CLUSTER-IP'], ...svcRows]),
    'This build holds the cluster simulation; the shell and the interactive lab build on it.',
    '',
  ].join('\n');
}
