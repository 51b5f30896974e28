// Required node affinity as component-helpers/scheduling/corev1/nodeaffinity evaluates it
// (GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector AND any one nodeSelectorTerm), and the
// DaemonSet helpers of pkg/controller/daemon/util (ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName).
// Left out: preferred (soft) affinity, which only scores.
import type { Node, Pod, PodSpec } from '../types.js';
import { parseInt64 } from '../api-server/label-requirement.js';

/** A NodeSelectorRequirement: key, operator (In, NotIn, Exists, DoesNotExist, Gt, Lt) and values. */
export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A NodeSelectorTerm: its expressions (on labels) and fields (metadata.name) must all match. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** The affinity block of a pod spec, as far as node affinity goes. */
export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: unknown[];
  };
  [other: string]: unknown;
}

/** The pod's affinity, typed. */
export function affinityOf(spec: PodSpec): Affinity | undefined {
  return spec.affinity as Affinity | undefined;
}

/** The required terms of a pod's node affinity, or undefined when it has none. */
export function requiredTerms(spec: PodSpec): NodeSelectorTerm[] | undefined {
  return affinityOf(spec)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

/** One requirement against a value (undefined when the label is absent). */
function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt': case 'Lt': {
      const have = value === undefined ? undefined : parseInt64(value);
      const want = values.length === 1 ? parseInt64(values[0]!) : undefined;
      if (have === undefined || want === undefined) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default: return false;
  }
}

/** A term matches when it has at least one requirement and all of them hold; fields support only metadata.name. */
function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementMatches(r, Object.hasOwn(labels, r.key) ? labels[r.key] : undefined))
    && fields.every((r) => r.key === 'metadata.name' && (r.operator === 'In' || r.operator === 'NotIn') && requirementMatches(r, node.metadata.name));
}

/** GetRequiredNodeAffinity(pod).Match(node): the nodeSelector labels and one of the required terms. */
export function matchesNodeSelectorAndAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = requiredTerms(spec);
  return terms === undefined || terms.some((t) => termMatches(t, node));
}

/** The node names a pod's required affinity pins it to (NodeAffinity PreFilter), or undefined when any node may do. */
export function pinnedNodeNames(spec: PodSpec): Set<string> | undefined {
  const terms = requiredTerms(spec);
  if (!terms) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: required affinity replaced by `metadata.name In [node]`, other affinity kept. */
export function pinToNode(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const a = structuredClone(affinity ?? {});
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return a;
}

/** GetTargetNodeName: spec.nodeName, or the node a DaemonSet pod's affinity pins it to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const t of requiredTerms(pod.spec) ?? []) {
    for (const r of t.matchFields ?? []) {
      if (r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1) return r.values[0];
    }
  }
  return undefined;
}
