// The `Pod Template:` block of describe deployment / replicaset / daemonset (kubectl
// pkg/describe/describe.go DescribePodTemplate, describeContainers with no statuses): labels,
// annotations, service account, (init) containers, volumes, topology spread, priority class,
// node selectors and tolerations.
import type { Container, ContainerPort, PodTemplateSpec, Toleration } from '../../../sim/types.js';
import { formatLabelSelector } from '../../../sim/api-server/selectors.js';
import { annotationLines, labelLines } from './common.js';
import { envFromLines, envLines, mountLines, probeLines, resourceLines } from './container-fields.js';
import { templateVolumeLines } from './volumes.js';

/** `80/TCP (http), 443/TCP` for container or host ports (describeContainerPorts / HostPorts). */
export function portList(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p: ContainerPort) => `${host ? p.hostPort ?? 0 : p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
}

/** A container's lines without status, as templates show them (name indented one extra space). */
function templateContainerLines(c: Container): string[] {
  const ports = portList(c, false);
  const hostPorts = portList(c, true);
  const lines = [`   ${c.name}:`, `    Image:\t${c.image ?? ''}`];
  lines.push(ports.includes(',') ? `    Ports:\t${ports}` : `    Port:\t${ports || '<none>'}`);
  lines.push(hostPorts.includes(',') ? `    Host Ports:\t${hostPorts}` : `    Host Port:\t${hostPorts || '<none>'}`);
  const seccomp = (c['securityContext'] as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
  if (seccomp) lines.push(`    SeccompProfile:\t${seccomp.type ?? ''}`, ...(seccomp.type === 'Localhost' ? [`      LocalhostProfile:\t${seccomp.localhostProfile ?? ''}`] : []));
  const multiline = (title: string, items: string[] | undefined): string[] => (items?.length ? [`    ${title}:`, ...items.flatMap((x) => x.split('\n')).map((x) => `      ${x}`)] : []);
  lines.push(...multiline('Command', c.command), ...multiline('Args', c.args));
  lines.push(...resourceLines(c), ...probeLines(c), ...envFromLines(c), ...envLines(c), ...mountLines(c));
  return lines;
}

/** `Containers:` (or `Init Containers:`) with ` <none>` when empty, then each container. */
function containersBlock(title: string, containers: Container[]): string[] {
  return [`  ${title}:${containers.length ? '' : ' <none>'}`, ...containers.flatMap(templateContainerLines)];
}

/** One toleration as printTolerationsMultiline writes it (`key=value:effect op=Exists for 300s`). */
export function tolerationText(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  // An empty key and effect with operator Exists tolerates everything: the text is just `op=Exists`.
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

/** `Tolerations:\t…` sorted by key; stable, as Go's sort.Slice is for short lists (insertion sort below 12). */
export function tolerationLines(tolerations: Toleration[] | undefined, title = '  Tolerations'): string[] {
  const sorted = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (sorted.length === 0) return [`${title}:\t<none>`];
  return sorted.map((t, i) => `${i === 0 ? `${title}:` : ''}\t${tolerationText(t)}`);
}

interface SpreadConstraint { topologyKey: string; whenUnsatisfiable?: string; maxSkew?: number; labelSelector?: { matchLabels?: Record<string, string> } }

/** `  Topology Spread Constraints:\tzone:DoNotSchedule when max skew 1 is exceeded for selector app=web`, only when set. */
function spreadLines(constraints: SpreadConstraint[] | undefined): string[] {
  const sorted = [...(constraints ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  return sorted.map((c, i) => {
    const selector = c.labelSelector ? ` for selector ${formatLabelSelector(c.labelSelector)}` : '';
    return `${i === 0 ? '  Topology Spread Constraints:' : '  '}\t${c.topologyKey}:${c.whenUnsatisfiable ?? ''} when max skew ${c.maxSkew ?? 0} is exceeded${selector}`;
  });
}

/** The whole `Pod Template:` block. */
export function podTemplateLines(t: PodTemplateSpec): string[] {
  const lines = ['Pod Template:', ...labelLines('  Labels', t.metadata?.labels)];
  const annotations = t.metadata?.annotations ?? {};
  // printAnnotationsMultiline with the title `  Annotations`: continuation lines start at the tab.
  if (Object.keys(annotations).length) lines.push(...annotationLines(annotations).map((l, i) => (i === 0 ? `  ${l}` : l)));
  if (t.spec.serviceAccountName) lines.push(`  Service Account:\t${t.spec.serviceAccountName}`);
  if (t.spec.initContainers?.length) lines.push(...containersBlock('Init Containers', t.spec.initContainers));
  lines.push(...containersBlock('Containers', t.spec.containers), ...templateVolumeLines(t.spec.volumes));
  lines.push(...spreadLines(t.spec['topologySpreadConstraints'] as SpreadConstraint[] | undefined));
  if (t.spec.priorityClassName) lines.push(`  Priority Class Name:\t${t.spec.priorityClassName}`);
  lines.push(...labelLines('  Node-Selectors', t.spec.nodeSelector), ...tolerationLines(t.spec.tolerations));
  return lines;
}
