// The filter plugins of kube-scheduler's default profile, in its order (pkg/scheduler/framework/
// plugins: NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit), each
// with its real failure reason and status code; a node stops at the first plugin that rejects it.
// Left out: volume plugins, PodTopologySpread and InterPodAffinity (no volumes or spread constraints here).
import type { Node, Pod } from '../types.js';
import { DO_NOT_SCHEDULE, findUntoleratedTaint, tolerationsTolerate } from './taints.js';
import { matchesNodeSelectorAndAffinity } from './node-affinity.js';
import { parseQuantity, podRequests, type Resources } from './resource-quantity.js';

/** Unschedulable may be fixed by preemption; UnschedulableAndUnresolvable may not. */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A plugin's rejection of one node: its code, reasons and name. */
export interface FilterStatus {
  code: StatusCode;
  reasons: string[];
  plugin: string;
}

/** The scheduler cache's view of a node: the node, the pods bound to it, and what they request. */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
  requested: Resources;
  /** Pods on the node per controlling owner uid (for spreading). */
  owners: Map<string, number>;
}

/** Builds the NodeInfo of every node from the pods bound to it (finished pods hold nothing). */
export function nodeInfos(nodes: Node[], pods: Pod[]): NodeInfo[] {
  const byNode = new Map<string, NodeInfo>(nodes.map((n) => [n.metadata.name ?? '', { node: n, pods: [], requested: { milliCPU: 0, memory: 0 }, owners: new Map() }]));
  for (const p of pods) {
    const info = p.spec.nodeName ? byNode.get(p.spec.nodeName) : undefined;
    if (!info || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    info.pods.push(p);
    const owner = p.metadata.ownerReferences?.find((o) => o.controller)?.uid;
    if (owner) info.owners.set(owner, (info.owners.get(owner) ?? 0) + 1);
    const r = podRequests(p);
    info.requested.milliCPU += r.milliCPU;
    info.requested.memory += r.memory;
  }
  return [...byNode.values()];
}

function nodeUnschedulable(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const tolerates = tolerationsTolerate(pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  if (!info.node.spec.unschedulable || tolerates) return undefined;
  return { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'], plugin: 'NodeUnschedulable' };
}

function taintToleration(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const taint = findUntoleratedTaint(info.node.spec.taints, pod.spec.tolerations, DO_NOT_SCHEDULE);
  if (!taint) return undefined;
  return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], plugin: 'TaintToleration' };
}

function nodeAffinity(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  if (matchesNodeSelectorAndAffinity(pod.spec, info.node)) return undefined;
  return { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"], plugin: 'NodeAffinity' };
}

/** The host ports a pod asks for, as `protocol/hostIP/port` (0.0.0.0 when unset). */
function hostPorts(pod: Pod): { proto: string; ip: string; port: number }[] {
  return (pod.spec.containers ?? []).flatMap((c) => (c.ports ?? [])
    .filter((p) => (p.hostPort ?? 0) > 0)
    .map((p) => ({ proto: p.protocol ?? 'TCP', ip: ((p as { hostIP?: string }).hostIP) || '0.0.0.0', port: p.hostPort! })));
}

function nodePorts(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const wanted = hostPorts(pod);
  if (wanted.length === 0) return undefined;
  const used = info.pods.flatMap(hostPorts);
  const conflict = wanted.some((w) => used.some((u) => u.proto === w.proto && u.port === w.port && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')));
  return conflict ? { code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"], plugin: 'NodePorts' } : undefined;
}

/** NodeResourcesFit: pod count against allocatable pods, then CPU and memory requests. */
function nodeResourcesFit(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const alloc = info.node.status?.allocatable ?? {};
  const reasons: string[] = [];
  if (info.pods.length + 1 > (parseQuantity(alloc['pods']) || 0)) reasons.push('Too many pods');
  const req = podRequests(pod);
  const cpu = Math.round(parseQuantity(alloc['cpu']) * 1000) || 0;
  const memory = parseQuantity(alloc['memory']) || 0;
  if (req.milliCPU > 0 && req.milliCPU > cpu - info.requested.milliCPU) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > memory - info.requested.memory) reasons.push('Insufficient memory');
  return reasons.length ? { code: 'Unschedulable', reasons, plugin: 'NodeResourcesFit' } : undefined;
}

/** The filter plugins in the default profile's order. */
const FILTERS = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

/** RunFilterPlugins: the first rejection of the node, or undefined when the pod fits. */
export function runFilters(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  for (const f of FILTERS) {
    const s = f(pod, info);
    if (s) return s;
  }
  return undefined;
}
