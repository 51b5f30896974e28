// kubectl describe pod (kubectl pkg/describe/describe.go describePod, 1.34 field order): header
// fields, Containers with ports and state, Conditions (rows with a trailing space), Volumes, QoS,
// Node-Selectors, Tolerations and Events. Left out: init containers, probes, resources, env sources.
import type { SimState } from '../../../sim/state.js';
import type { Container, ContainerState, ContainerStatus, Pod } from '../../../sim/types.js';
import { utcFields, parseTimestamp } from '../../../sim/clock.js';
import { annotationLines, finish, labelLines } from './common.js';
import { portList, tolerationLines } from './pod-template.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 1123Z as describe prints times: `Mon, 05 Jan 2026 09:00:00 +0000`. */
export function rfc1123z(ts: string): string {
  const f = utcFields(parseTimestamp(ts));
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[f.weekday]}, ${p(f.d)} ${MONTHS[f.m - 1]} ${f.y} ${p(f.h)}:${p(f.mi)}:${p(f.s)} +0000`;
}

function stateLines(title: string, st: ContainerState | undefined): string[] {
  if (st?.running) return [`    ${title}:\tRunning`, `      Started:\t${rfc1123z(st.running.startedAt ?? '')}`];
  if (st?.waiting) return [`    ${title}:\tWaiting`, `      Reason:\t${st.waiting.reason ?? ''}`];
  if (st?.terminated) {
    const t = st.terminated;
    return [`    ${title}:\tTerminated`, `      Reason:\t${t.reason ?? ''}`, `      Exit Code:\t${t.exitCode}`, `      Started:\t${t.startedAt ? rfc1123z(t.startedAt) : ''}`, `      Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : ''}`];
  }
  return title === 'State' ? [`    ${title}:\tWaiting`] : [];
}

function portLines(c: Container): string[] {
  const ports = portList(c, false);
  const hostPorts = portList(c, true);
  return [ports.includes(',') ? `    Ports:\t${ports}` : `    Port:\t${ports || '<none>'}`, hostPorts.includes(',') ? `    Host Ports:\t${hostPorts}` : `    Host Port:\t${hostPorts || '<none>'}`];
}

function containerLines(c: Container, cs: ContainerStatus | undefined): string[] {
  const lines = [`  ${c.name}:`];
  if (cs?.containerID) lines.push(`    Container ID:\t${cs.containerID}`);
  lines.push(`    Image:\t${c.image ?? ''}`, `    Image ID:\t${cs?.imageID ?? ''}`, ...portLines(c));
  if (c.command?.length) lines.push('    Command:', ...c.command.map((x) => `      ${x}`));
  if (c.args?.length) lines.push('    Args:', ...c.args.map((x) => `      ${x}`));
  lines.push(...stateLines('State', cs?.state));
  if (cs?.lastState && Object.keys(cs.lastState).length) lines.push(...stateLines('Last State', cs.lastState));
  lines.push(`    Ready:\t${cs?.ready ? 'True' : 'False'}`, `    Restart Count:\t${cs?.restartCount ?? 0}`);
  const env = c.env ?? [];
  lines.push(env.length ? '    Environment:' : '    Environment:\t<none>', ...env.map((e) => `      ${e.name}:\t${e.value ?? ''}`));
  const mounts = c.volumeMounts ?? [];
  lines.push(mounts.length ? '    Mounts:' : '    Mounts:\t<none>', ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`));
  return lines;
}

function volumeLines(p: Pod): string[] {
  const vols = (p.spec.volumes ?? []) as { name: string; projected?: unknown }[];
  if (vols.length === 0) return ['Volumes:\t<none>'];
  return ['Volumes:', ...vols.flatMap((v) => v.projected
    ? [`  ${v.name}:`, '    Type:\tProjected (a volume that contains injected data from multiple sources)', '    TokenExpirationSeconds:\t3607', '    ConfigMapName:\tkube-root-ca.crt', '    Optional:\tfalse', '    DownwardAPI:\ttrue']
    : [`  ${v.name}:`])];
}

/** The describe text of a Pod. */
export function describePod(state: SimState, p: Pod): string {
  const st = p.status ?? {};
  const ip = st.podIP ?? '';
  const lines = [`Name:\t${p.metadata.name}`, `Namespace:\t${p.metadata.namespace}`, `Priority:\t${p.spec.priority ?? 0}`];
  if (p.spec.priorityClassName) lines.push(`Priority Class Name:\t${p.spec.priorityClassName}`);
  lines.push(`Service Account:\t${p.spec.serviceAccountName ?? 'default'}`, `Node:\t${p.spec.nodeName ? `${p.spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}`);
  if (st.startTime) lines.push(`Start Time:\t${rfc1123z(st.startTime)}`);
  lines.push(...labelLines('Labels', p.metadata.labels), ...annotationLines(p.metadata.annotations));
  lines.push(`Status:\t${p.metadata.deletionTimestamp ? 'Terminating' : st.phase ?? 'Pending'}`, `IP:\t${ip}`);
  lines.push(...(st.podIPs?.length ? ['IPs:', ...st.podIPs.map((x) => `  IP:\t${x.ip}`)] : ['IPs:\t<none>']));
  const owner = p.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) lines.push(`Controlled By:\t${owner.kind}/${owner.name}`);
  lines.push('Containers:', ...p.spec.containers.flatMap((c) => containerLines(c, st.containerStatuses?.find((s) => s.name === c.name))));
  lines.push('Conditions:', '  Type\tStatus', ...(st.conditions ?? []).map((c) => `  ${c.type} \t${c.status} `));
  lines.push(...volumeLines(p), `QoS Class:\t${st.qosClass ?? 'BestEffort'}`, `Node-Selectors:\t${Object.entries(p.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}`);
  lines.push(...tolerationLines(p.spec.tolerations, 'Tolerations'));
  return finish(state, p, lines);
}
