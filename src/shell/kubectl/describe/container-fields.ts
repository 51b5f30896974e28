// The per-container fields of a describe pod template (kubectl pkg/describe/describe.go
// describeResources, DescribeProbe, describeContainerEnvFrom, describeContainerEnvVars,
// describeContainerVolumes). Templates have no pod to resolve fieldRefs against, so those values
// print empty, as kubectl prints them; resourceFieldRef divisors other than 1 are left out.
import type { Container } from '../../../sim/types.js';
import { milli, units } from './quantity.js';

type ResourceList = Record<string, string | number>;
interface Probe {
  initialDelaySeconds?: number; timeoutSeconds?: number; periodSeconds?: number; successThreshold?: number; failureThreshold?: number;
  exec?: { command?: string[] };
  httpGet?: { scheme?: string; host?: string; port?: number | string; path?: string };
  tcpSocket?: { host?: string; port?: number | string };
  grpc?: { port: number; service?: string };
}
interface KeyRef { name?: string; key?: string; optional?: boolean }
interface ValueFrom { fieldRef?: { apiVersion?: string; fieldPath?: string }; resourceFieldRef?: { resource?: string }; secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef }
interface EnvFromSource { prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } }

function resources(c: Container): { limits: ResourceList; requests: ResourceList } {
  const r = (c.resources ?? {}) as { limits?: ResourceList; requests?: ResourceList };
  return { limits: r.limits ?? {}, requests: r.requests ?? {} };
}

/** `Limits:` and `Requests:` with one `name:\tquantity` line per resource, sorted by name. */
export function resourceLines(c: Container): string[] {
  const { limits, requests } = resources(c);
  const block = (title: string, list: ResourceList): string[] => {
    const names = Object.keys(list).sort();
    return names.length ? [`    ${title}:`, ...names.map((n) => `      ${n}:\t${String(list[n])}`)] : [];
  };
  return [...block('Limits', limits), ...block('Requests', requests)];
}

/** A probe as one line: `http-get http://:8181/ready delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    const host = g.host?.includes(':') ? `[${g.host}]` : g.host ?? '';
    const authority = port ? `${host}:${port}` : host;
    // url.URL.String() puts a slash between the authority and a relative path.
    const path = g.path && authority && !g.path.startsWith('/') ? `/${g.path}` : g.path ?? '';
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${authority}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** Liveness, Readiness and Startup lines, each only when the probe is set. */
export function probeLines(c: Container): string[] {
  const probes: [string, unknown][] = [['Liveness', c['livenessProbe']], ['Readiness', c.readinessProbe], ['Startup', c['startupProbe']]];
  return probes.filter(([, p]) => p).map(([title, p]) => `    ${title}:\t${probeText(p as Probe)}`);
}

/** `Environment Variables from:` with one `name\tConfigMap\tOptional: false` row per source (only when there are some). */
export function envFromLines(c: Container): string[] {
  const sources = (c['envFrom'] ?? []) as EnvFromSource[];
  if (sources.length === 0) return [];
  return ['    Environment Variables from:', ...sources.map((e) => {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    return `      ${ref?.name ?? ''}\t${from}${e.prefix ? ` with prefix '${e.prefix}'` : ''}\tOptional: ${ref?.optional === true}`;
  })];
}

/** The value describe shows for a resourceFieldRef (ExtractContainerResourceValue with divisor 1). */
function resourceFieldValue(c: Container, resource: string): string {
  const { limits, requests } = resources(c);
  const [kind, name] = resource.split('.', 2) as [string, string];
  const raw = kind === 'limits' ? limits[name!] : requests[name!];
  const value = name === 'cpu' ? Math.ceil(milli(raw === undefined ? undefined : String(raw)) / 1000) : units(raw === undefined ? undefined : String(raw));
  if (value === 0 && (resource === 'limits.cpu' || resource === 'limits.memory')) return 'node allocatable';
  return String(value);
}

function envVarLines(c: Container, e: { name: string; value?: string; valueFrom?: ValueFrom }): string[] {
  const from = e.valueFrom;
  if (!from) return (e.value ?? '').split('\n').map((s, i) => (i === 0 ? `      ${e.name}:\t${s}` : `      \t${s}`));
  if (from.fieldRef) return [`      ${e.name}:\t (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath ?? ''})`];
  if (from.resourceFieldRef) {
    const resource = from.resourceFieldRef.resource ?? '';
    return [`      ${e.name}:\t${resourceFieldValue(c, resource)} (${resource})`];
  }
  if (from.secretKeyRef) return [`      ${e.name}:\t<set to the key '${from.secretKeyRef.key ?? ''}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}`];
  if (from.configMapKeyRef) return [`      ${e.name}:\t<set to the key '${from.configMapKeyRef.key ?? ''}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}`];
  return [];
}

/** `Environment:` then one line per variable, or `Environment:\t<none>`. */
export function envLines(c: Container): string[] {
  const env = (c.env ?? []) as { name: string; value?: string; valueFrom?: ValueFrom }[];
  return [env.length ? '    Environment:' : '    Environment:\t<none>', ...env.flatMap((e) => envVarLines(c, e))];
}

/** `Mounts:` sorted by mount path (`/data from vol (rw,path="sub")`) or `<none>`, then any `Devices:`. */
export function mountLines(c: Container): string[] {
  const mounts = [...((c.volumeMounts ?? []) as { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[])]
    .sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  const flags = (m: { readOnly?: boolean; subPath?: string }): string => [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])].join(',');
  const lines = [mounts.length ? '    Mounts:' : '    Mounts:\t<none>', ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${flags(m)})`)];
  const devices = [...((c['volumeDevices'] ?? []) as { name: string; devicePath: string }[])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : a.devicePath > b.devicePath ? 1 : 0));
  // kubectl reuses the mounts' `<none>` marker for the Devices title.
  if (devices.length) lines.push(`    Devices:${mounts.length ? '' : '\t<none>'}`, ...devices.map((d) => `      ${d.devicePath} from ${d.name}`));
  return lines;
}
