// kubectl describe node (kubectl pkg/describe/describe.go describeNode, describeNodeLease,
// describeNodeResource): roles, labels, taints, the node lease, conditions, addresses, capacity,
// system info, podCIDRs, the non-terminated pods with their requests and limits, allocated
// resources and events. The kubelet's lease is renewed every 10 s, so RenewTime is the current
// simulated time rounded down to that period; condition heartbeats follow the kubelet's 5-minute
// status report when the lab's Node does not carry them.
import type { SimState } from '../../../sim/state.js';
import type { Node, Pod } from '../../../sim/types.js';
import { listStored } from '../../../sim/api-server/store.js';
import { formatTimestamp, parseTimestamp } from '../../../sim/clock.js';
import { formatBytes, formatMilli, milli, units } from './quantity.js';
import { humanDuration } from '../../printers/duration.js';
import { annotationLines, finish, labelLines } from './common.js';
import { rfc1123z } from './pod.js';

const RESOURCE_ORDER = ['cpu', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi', 'memory', 'pods'];

function resourceLines(list: Record<string, string>): string[] {
  return Object.keys(list).sort((a, b) => (RESOURCE_ORDER.indexOf(a) + 99) % 99 - (RESOURCE_ORDER.indexOf(b) + 99) % 99 || (a < b ? -1 : 1)).map((r) => `  ${r}:\t${list[r]}`);
}

interface Totals { cpuReq: number; cpuLim: number; memReq: number; memLim: number }

/** A pod's requests and limits (the sum over its containers). */
function podTotals(p: Pod): Totals {
  const t: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const c of p.spec.containers) {
    const r = (c as { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }).resources ?? {};
    t.cpuReq += milli(r.requests?.['cpu'] ?? r.limits?.['cpu']);
    t.cpuLim += milli(r.limits?.['cpu']);
    t.memReq += units(r.requests?.['memory'] ?? r.limits?.['memory']);
    t.memLim += units(r.limits?.['memory']);
  }
  return t;
}

function cells(t: Totals, node: Node): string[] {
  const cpu = milli(node.status.allocatable['cpu']) || 1;
  const mem = units(node.status.allocatable['memory']) || 1;
  const pct = (v: number, of: number): number => Math.floor((v / of) * 100);
  return [`${formatMilli(t.cpuReq)} (${pct(t.cpuReq, cpu)}%)`, `${formatMilli(t.cpuLim)} (${pct(t.cpuLim, cpu)}%)`, `${formatBytes(t.memReq)} (${pct(t.memReq, mem)}%)`, `${formatBytes(t.memLim)} (${pct(t.memLim, mem)}%)`];
}

function podRows(state: SimState, node: Node, pods: Pod[]): string[] {
  return pods.map((p) => `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${cells(podTotals(p), node).join('\t')}\t${humanDuration(state.now - parseTimestamp(p.metadata.creationTimestamp ?? ''))}`);
}

function allocatedLines(node: Node, pods: Pod[]): string[] {
  const sum = pods.map(podTotals).reduce((a, b) => ({ cpuReq: a.cpuReq + b.cpuReq, cpuLim: a.cpuLim + b.cpuLim, memReq: a.memReq + b.memReq, memLim: a.memLim + b.memLim }), { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 });
  const [cr, cl, mr, ml] = cells(sum, node);
  return ['Allocated resources:', '  (Total limits may be over 100 percent, i.e., overcommitted.)', '  Resource\tRequests\tLimits', '  --------\t--------\t------', `  cpu\t${cr}\t${cl}`, `  memory\t${mr}\t${ml}`, '  ephemeral-storage\t0 (0%)\t0 (0%)', '  hugepages-2Mi\t0 (0%)\t0 (0%)'];
}

/** The describe text of a Node. */
export function describeNode(state: SimState, node: Node): string {
  const roles = Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length));
  const lines = [`Name:\t${node.metadata.name}`, `Roles:\t${roles.join(',') || '<none>'}`, ...labelLines('Labels', node.metadata.labels), ...annotationLines(node.metadata.annotations)];
  lines.push(`CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp ?? '')}`);
  const taints = [...(node.spec.taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1)).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  lines.push(...(taints.length ? taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${t}`) : ['Taints:\t<none>']), `Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}`);
  lines.push('Lease:', `  HolderIdentity:\t${node.metadata.name}`, '  AcquireTime:\t<unset>', `  RenewTime:\t${rfc1123z(formatTimestamp(Math.floor(state.now / 10_000) * 10_000))}`);
  const conds = node.status.conditions;
  if (conds.length) {
    lines.push('Conditions:', '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage', '  ----\t------\t-----------------\t------------------\t------\t-------');
    const created = parseTimestamp(node.metadata.creationTimestamp ?? formatTimestamp(state.now));
    const beat = formatTimestamp(state.now - ((state.now - created) % 300_000));
    for (const c of conds) lines.push(`  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? beat)} \t${rfc1123z(c.lastTransitionTime ?? formatTimestamp(created))} \t${c.reason ?? ''} \t${c.message ?? ''}`);
  }
  lines.push('Addresses:', ...node.status.addresses.map((a) => `  ${a.type}:\t${a.address}`));
  lines.push('Capacity:', ...resourceLines(node.status.capacity), 'Allocatable:', ...resourceLines(node.status.allocatable));
  const i = node.status.nodeInfo;
  lines.push('System Info:', `  Machine ID:\t${i['machineID'] ?? ''}`, `  System UUID:\t${i['systemUUID'] ?? ''}`, `  Boot ID:\t${i['bootID'] ?? ''}`, `  Kernel Version:\t${i['kernelVersion'] ?? ''}`, `  OS Image:\t${i['osImage'] ?? ''}`,
    `  Operating System:\t${i['operatingSystem'] ?? ''}`, `  Architecture:\t${i['architecture'] ?? ''}`, `  Container Runtime Version:\t${i['containerRuntimeVersion'] ?? ''}`, `  Kubelet Version:\t${i['kubeletVersion'] ?? ''}`, `  Kube-Proxy Version:\t${i['kubeProxyVersion'] ?? ''}`);
  if (node.spec.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec.podCIDRs?.length) lines.push(`PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  const pods = listStored<Pod>(state, 'pods').filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  lines.push(`Non-terminated Pods:\t(${pods.length} in total)`, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge', '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---', ...podRows(state, node, pods));
  lines.push(...allocatedLines(node, pods));
  return finish(state, node, lines);
}
