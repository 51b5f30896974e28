// The `Pod Template:` block of describe deployment / replicaset / daemonset (kubectl
// pkg/describe/describe.go DescribePodTemplate, describeContainers with no statuses): labels,
// containers with image, ports, command, environment and mounts, volumes, node selectors and
// tolerations. Left out: init containers, resources, probes, env sources.
import type { Container, PodTemplateSpec } from '../../../sim/types.js';
import { annotationLines, labelLines } from './common.js';
import { tolerationText } from './pod.js';

/** `80/TCP (http), 443/TCP` for container or host ports. */
export function portList(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? p.hostPort ?? 0 : p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
}

/** A container's lines without status, as templates show them (name indented one extra space). */
export function templateContainerLines(c: Container): string[] {
  const ports = portList(c, false);
  const hostPorts = portList(c, true);
  const lines = [`   ${c.name}:`, `    Image:\t${c.image ?? ''}`];
  lines.push(ports.includes(',') ? `    Ports:\t${ports}` : `    Port:\t${ports || '<none>'}`);
  lines.push(hostPorts.includes(',') ? `    Host Ports:\t${hostPorts}` : `    Host Port:\t${hostPorts || '<none>'}`);
  if (c.command?.length) lines.push('    Command:', ...c.command.map((x) => `      ${x}`));
  if (c.args?.length) lines.push('    Args:', ...c.args.map((x) => `      ${x}`));
  const env = c.env ?? [];
  lines.push(env.length ? '    Environment:' : '    Environment:\t<none>', ...env.map((e) => `      ${e.name}:\t${e.value ?? ''}`));
  const mounts = c.volumeMounts ?? [];
  lines.push(mounts.length ? '    Mounts:' : '    Mounts:\t<none>', ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`));
  return lines;
}

/** The whole `Pod Template:` block. */
export function podTemplateLines(t: PodTemplateSpec): string[] {
  const lines = ['Pod Template:', ...labelLines('  Labels', t.metadata?.labels)];
  if (Object.keys(t.metadata?.annotations ?? {}).length) lines.push(...annotationLines(t.metadata?.annotations).map((l) => `  ${l}`));
  if (t.spec.serviceAccountName) lines.push(`  Service Account:\t${t.spec.serviceAccountName}`);
  lines.push(`  Containers:${t.spec.containers.length ? '' : ' <none>'}`, ...t.spec.containers.flatMap(templateContainerLines));
  const vols = (t.spec.volumes ?? []) as { name: string }[];
  lines.push(...(vols.length ? ['  Volumes:', ...vols.map((v) => `   ${v.name}:`)] : ['  Volumes:\t<none>']));
  if (t.spec.priorityClassName) lines.push(`  Priority Class Name:\t${t.spec.priorityClassName}`);
  lines.push(...labelLines('  Node-Selectors', t.spec.nodeSelector));
  const tols = (t.spec.tolerations ?? []).map(tolerationText);
  lines.push(...(tols.length ? tols.map((x, i) => `${i === 0 ? '  Tolerations:' : ''}\t${x}`) : ['  Tolerations:\t<none>']));
  return lines;
}
