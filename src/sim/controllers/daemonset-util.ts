// The DaemonSet helpers of pkg/controller/daemon (util/daemonset_util.go and daemon_controller.go):
// the default tolerations every daemon pod gets, NodeShouldRunDaemonPod, the pod template with
// controller-revision-hash and pod-template-generation, IsPodUpdated and the oldest-first pod order.
// Left out: ControllerRevision objects (the lab does not serve that kind); the hash is still the real shape.
import type { DaemonSet, Node, Pod, PodSpec, PodTemplateSpec, Toleration } from '../types.js';
import { computeHash } from './pod-template-hash.js';
import { matchesNodeSelectorAndAffinity } from './node-affinity.js';
import { DO_NOT_SCHEDULE, addOrUpdateToleration, findUntoleratedTaint } from './taints.js';
import { timeOf } from './pod-util.js';

/** The component that reports the DaemonSet controller's events. */
export const DAEMONSET_COMPONENT = 'daemonset-controller';
/** The label naming the ControllerRevision a daemon pod was made from. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** The label carrying the DaemonSet's template generation. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/** AddOrUpdateDaemonPodTolerations: daemon pods survive not-ready, unreachable and pressure taints. */
export function withDaemonTolerations(spec: PodSpec): PodSpec {
  let tolerations = spec.tolerations;
  const add = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  for (const t of add) tolerations = addOrUpdateToleration(tolerations, t);
  return { ...spec, tolerations };
}

/** NodeShouldRunDaemonPod: whether a pod belongs on the node, and whether an existing one may stay. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const spec = withDaemonTolerations(ds.spec.template.spec);
  const name = node.metadata.name ?? '';
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!matchesNodeSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  if (findUntoleratedTaint(node.spec.taints, spec.tolerations, DO_NOT_SCHEDULE)) {
    return { shouldRun: false, shouldContinueRunning: !findUntoleratedTaint(node.spec.taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** The hash of the DaemonSet's current template, as its ControllerRevision is named and its pods labelled. */
export function daemonSetHash(ds: DaemonSet): string {
  return computeHash(ds.spec.template, ds.status?.collisionCount);
}

/** spec.templateGeneration as apps/v1 keeps it (the deprecated annotation), else metadata.generation. */
export function templateGeneration(ds: DaemonSet): string {
  return ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? String(ds.metadata.generation ?? 1);
}

/** CreatePodTemplate: the template with daemon tolerations and the generation and hash labels. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = structuredClone(ds.spec.template);
  const labels = { ...(t.metadata?.labels ?? {}), [TEMPLATE_GENERATION_LABEL]: templateGeneration(ds), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  return { metadata: { ...(t.metadata ?? {}), labels }, spec: withDaemonTolerations(t.spec) };
}

/** IsPodUpdated: the pod carries the current hash or template generation. */
export function isPodUpdated(pod: Pod, ds: DaemonSet, hash: string): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels[CONTROLLER_REVISION_HASH_LABEL] === hash || labels[TEMPLATE_GENERATION_LABEL] === templateGeneration(ds);
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  const ba = Boolean(a.spec.nodeName);
  const bb = Boolean(b.spec.nodeName);
  if (ba !== bb) return ba ? -1 : 1;
  const d = timeOf(a.metadata.creationTimestamp) - timeOf(b.metadata.creationTimestamp);
  if (d !== 0) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}
