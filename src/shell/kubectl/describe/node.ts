// kubectl describe node (kubectl pkg/describe/describe.go describeNode, describeNodeLease): roles,
// labels, taints, the kubelet's lease, conditions, addresses, capacity, system info, podCIDRs, the
// pods on the node with their resources, and events. The lab keeps no Lease objects and no
// condition timestamps, so both are derived from the kubelet's renew and report periods.
import type { SimState } from '../../../sim/state.js';
import type { Node, Pod, Taint } from '../../../sim/types.js';
import { listStored } from '../../../sim/api-server/store.js';
import { formatTimestamp, parseTimestamp } from '../../../sim/clock.js';
import { annotationLines, finish, labelLines } from './common.js';
import { nodeResourceLines } from './node-resources.js';
import { rfc1123z } from './pod.js';

/** The kubelet renews its Lease every 10 s (a quarter of the 40 s lease duration). */
const LEASE_RENEW_MS = 10_000;
/** With the lease on, the kubelet posts an unchanged node status every 5 min (nodeStatusReportFrequency). */
const STATUS_REPORT_MS = 300_000;

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and a `kubernetes.io/role` value, sorted and unique. */
function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Taint.ToString: `key=value:effect`, sorted by effect then key. */
function taintLines(taints: Taint[] | undefined): string[] {
  const text = (t: Taint): string => (t.effect ? `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}` : t.value ? `${t.key}=${t.value}:` : t.key);
  const sorted = [...(taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : `${a.effect},${a.key}` > `${b.effect},${b.key}` ? 1 : 0));
  if (sorted.length === 0) return ['Taints:\t<none>'];
  return sorted.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${text(t)}`);
}

/**
 * The node's Lease as describeNodeLease prints it. The lab models no Lease objects: the holder is
 * the node name (the kubelet's lease is named after its node), AcquireTime is unset (the kubelet
 * never sets it), and RenewTime is the last 10-second renewal at or before the simulated now.
 */
function leaseLines(state: SimState, node: Node): string[] {
  const renewed = Math.floor(state.now / LEASE_RENEW_MS) * LEASE_RENEW_MS;
  return ['Lease:', `  HolderIdentity:\t${node.metadata.name}`, '  AcquireTime:\t<unset>', `  RenewTime:\t${rfc1123z(formatTimestamp(renewed))}`];
}

/** The Conditions table; rows carry a space before each tab, as kubectl writes them. */
function conditionLines(state: SimState, node: Node): string[] {
  const conds = node.status.conditions ?? [];
  if (conds.length === 0) return [];
  // Without stored times: the transition at registration, the heartbeat at the last 5-minute report since.
  const created = parseTimestamp(node.metadata.creationTimestamp ?? formatTimestamp(state.now));
  const beat = formatTimestamp(state.now - ((state.now - created) % STATUS_REPORT_MS));
  return [
    'Conditions:', '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage', '  ----\t------\t-----------------\t------------------\t------\t-------',
    ...conds.map((c) => `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? beat)} \t${rfc1123z(c.lastTransitionTime ?? formatTimestamp(created))} \t${c.reason ?? ''} \t${c.message ?? ''}`),
  ];
}

function resourceListLines(title: string, list: Record<string, string> | undefined): string[] {
  const names = Object.keys(list ?? {}).sort();
  return names.length ? [`${title}:`, ...names.map((n) => `  ${n}:\t${list![n]}`)] : [];
}

function systemInfoLines(node: Node): string[] {
  const i = node.status.nodeInfo ?? {};
  const fields: [string, string][] = [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  return ['System Info:', ...fields.map(([title, key]) => `  ${title}:\t${i[key] ?? ''}`)];
}

/** The pods bound to the node that have not succeeded or failed, in the API server's list order. */
function nonTerminatedPods(state: SimState, node: Node): Pod[] {
  return listStored<Pod>(state, 'pods').filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/** The describe text of a Node. */
export function describeNode(state: SimState, node: Node): string {
  const roles = nodeRoles(node);
  const lines = [`Name:\t${node.metadata.name}`, `Roles:\t${roles.length ? roles.join(',') : '<none>'}`];
  lines.push(...labelLines('Labels', node.metadata.labels), ...annotationLines(node.metadata.annotations));
  lines.push(`CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp ?? '')}`, ...taintLines(node.spec.taints), `Unschedulable:\t${node.spec.unschedulable === true}`);
  lines.push(...leaseLines(state, node), ...conditionLines(state, node));
  lines.push('Addresses:', ...(node.status.addresses ?? []).map((a) => `  ${a.type}:\t${a.address}`));
  lines.push(...resourceListLines('Capacity', node.status.capacity), ...resourceListLines('Allocatable', node.status.allocatable), ...systemInfoLines(node));
  if (node.spec.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec.podCIDRs?.length) lines.push(`PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  const providerID = (node.spec as { providerID?: string }).providerID;
  if (providerID) lines.push(`ProviderID:\t${providerID}`);
  lines.push(...nodeResourceLines(state, node, nonTerminatedPods(state, node)));
  return finish(state, node, lines);
}
