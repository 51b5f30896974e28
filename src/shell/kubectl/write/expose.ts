// `kubectl expose` (kubectl pkg/cmd/expose/expose.go with polymorphichelpers' selector, port and
// protocol introspection): a Service named after the resource, selector from its labels or
// matchLabels, ports from --port or the containers, `port-N` names when several; `exposed`.
import { apiGet, isApiError } from '../../../sim/index.js';
import type { KubeObject, Service, ServicePort } from '../../../sim/types.js';
import { str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail, failApi } from './common.js';
import { submitGenerated } from './submit.js';
import { NO_RESOURCES_MESSAGE, resolveTargets } from './targets.js';
import { EXPOSE_FLAGS } from './expose-flags.js';
import { helpFor } from './verb-base.js';

type Introspected = { selector: Record<string, string> | string; ports: { port: number; protocol: string }[] };

/** MapBasedSelectorForObject and PortsForObject / ProtocolsForObject for the kinds expose accepts. */
function introspect(obj: KubeObject): Introspected {
  const spec = (obj as { spec?: Record<string, unknown> }).spec ?? {};
  const containerPorts = (podSpec: unknown): Introspected['ports'] =>
    ((podSpec as { containers?: { ports?: { containerPort: number; protocol?: string }[] }[] })?.containers ?? [])
      .flatMap((c) => c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' }));
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      return { selector: Object.keys(labels).length ? labels : 'the pod has no labels and cannot be exposed', ports: containerPorts(spec) };
    }
    case 'Service': {
      const sel = (spec['selector'] ?? {}) as Record<string, string>;
      const ports = ((spec['ports'] ?? []) as ServicePort[]).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
      return { selector: Object.keys(sel).length ? sel : 'the service has no pod selector set', ports };
    }
    default: {
      const selector = (spec['selector'] ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      const template = (spec['template'] ?? {}) as { spec?: unknown };
      if (selector.matchExpressions?.length) return { selector: `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`, ports: containerPorts(template.spec) };
      return { selector: selector.matchLabels ?? {}, ports: containerPorts(template.spec) };
    }
  }
}

function parseMap(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** The Service createService builds, or an error text. */
function buildService(k: KubectlContext, obj: KubeObject, found: Introspected): Service | string {
  const selector = str(k.flags, 'selector') ? parseMap(str(k.flags, 'selector')) : found.selector;
  if (typeof selector === 'string') return `couldn't retrieve selectors via --selector flag or introspection: ${selector}`;
  const portText = str(k.flags, 'port');
  const portList = portText ? [portText] : found.ports.map((p) => String(p.port));
  if (portList.length === 0 && str(k.flags, 'cluster-ip') !== 'None') return "couldn't find port via --port flag or introspection";
  const ports: ServicePort[] = [];
  for (const [i, p] of portList.entries()) {
    if (!/^-?\d+$/.test(p)) return `strconv.Atoi: parsing "${p}": invalid syntax`;
    const protocol = str(k.flags, 'protocol') || found.ports.find((f) => String(f.port) === p)?.protocol || 'TCP';
    const name = portList.length > 1 ? `port-${i + 1}` : str(k.flags, 'port-name');
    const target = str(k.flags, 'target-port');
    ports.push({ ...(name ? { name } : {}), port: Number(p), protocol, targetPort: target === '' ? Number(p) : /^\d+$/.test(target) ? Number(target) : target } as ServicePort);
  }
  const labels = str(k.flags, 'labels') ? parseMap(str(k.flags, 'labels')) : obj.metadata.labels;
  const spec: Record<string, unknown> = { ...(ports.length ? { ports } : {}), selector };
  if (str(k.flags, 'type')) spec['type'] = str(k.flags, 'type');
  if (str(k.flags, 'external-ip')) spec['externalIPs'] = [str(k.flags, 'external-ip')];
  if (str(k.flags, 'cluster-ip')) spec['clusterIP'] = str(k.flags, 'cluster-ip');
  const affinity = str(k.flags, 'session-affinity');
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP') return `unknown session affinity: ${affinity}`;
  if (affinity) spec['sessionAffinity'] = affinity;
  const name = str(k.flags, 'name') || (obj.metadata.name ?? '').slice(0, 63);
  const metadata = { creationTimestamp: null, ...(labels && Object.keys(labels).length ? { labels } : {}), name };
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata as never, spec: spec as never, status: { loadBalancer: {} } } as Service;
}

function runExpose(k: KubectlContext): number {
  if (k.flags.args.length === 0 && !k.flags.set.has('filename')) return fail(k, `${NO_RESOURCES_MESSAGE}\nSee 'kubectl expose -h' for help and examples`);
  const resolved = resolveTargets(k, k.flags.args);
  if (!resolved.ok) return fail(k, resolved.error);
  let status = 0;
  for (const t of resolved.targets) {
    if (!['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(t.info.kind)) {
      status = fail(k, `cannot expose a ${t.info.kind}${t.info.group ? `.${t.info.group}` : ''}`);
      continue;
    }
    const live = apiGet(k.sim, t.info.kind, t.namespace, t.name);
    if (isApiError(live)) {
      status = failApi(k, live);
      continue;
    }
    const svc = buildService(k, live, introspect(live));
    status = Math.max(status, typeof svc === 'string' ? fail(k, svc) : submitGenerated(k, svc, { op: 'exposed' }));
  }
  return status;
}

/** `kubectl expose`. */
export const EXPOSE_VERB: KubectlVerb = { ...helpFor('expose'), flags: EXPOSE_FLAGS, run: runExpose };
