// kubectl describe service (kubectl pkg/describe/describe.go describeService, 1.34): the field
// order of the reference, with the Endpoints line computed from the EndpointSlices.
import type { SimState } from '../../../sim/state.js';
import type { EndpointSlice, Service } from '../../../sim/types.js';
import { listByLabels } from '../../../sim/api-server/store.js';
import { formatLabels } from '../../../sim/api-server/selectors.js';
import { annotationLines, finish, labelLines } from './common.js';

/** The Endpoints value of one service port: ready addresses with the slice port of the same name. */
function endpointsFor(state: SimState, svc: Service, portName: string): string {
  const slices = listByLabels<EndpointSlice>(state, 'endpointslices', svc.metadata.namespace!, { 'kubernetes.io/service-name': svc.metadata.name! });
  if (slices.length === 0) return '<none>';
  const items: string[] = [];
  for (const s of slices) {
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === portName);
    for (const e of s.endpoints ?? []) {
      if (e.conditions.ready === false) continue;
      for (const a of e.addresses) items.push(port?.port !== undefined ? `${a}:${port.port}` : a);
    }
  }
  return items.length > 3 ? `${items.slice(0, 3).join(',')} + ${items.length - 3} more...` : items.join(',');
}

/** The describe text of a Service. */
export function describeService(state: SimState, svc: Service): string {
  const s = svc.spec;
  const lines = [`Name:\t${svc.metadata.name}`, `Namespace:\t${svc.metadata.namespace}`, ...labelLines('Labels', svc.metadata.labels), ...annotationLines(svc.metadata.annotations)];
  lines.push(`Selector:\t${formatLabels(s.selector)}`, `Type:\t${s.type}`);
  if (s.ipFamilyPolicy) lines.push(`IP Family Policy:\t${s.ipFamilyPolicy}`);
  if (s.type !== 'ExternalName') lines.push(`IP Families:\t${s.ipFamilies?.length ? s.ipFamilies.join(',') : '<none>'}`);
  lines.push(`IP:\t${s.clusterIP ?? ''}`, `IPs:\t${s.clusterIPs?.length ? s.clusterIPs.join(',') : '<none>'}`);
  if (s.externalIPs?.length) lines.push(`External IPs:\t${s.externalIPs.join(',')}`);
  if (s.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${s.loadBalancerIP}`);
  if (s.type === 'ExternalName') lines.push(`External Name:\t${s.externalName}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) lines.push(`LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip ?? i.hostname}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}`);
  for (const p of s.ports ?? []) {
    const name = p.name || '<unset>';
    lines.push(`Port:\t${name}\t${p.port}/${p.protocol}`, `TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) lines.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    lines.push(`Endpoints:\t${endpointsFor(state, svc, p.name ?? '')}`);
  }
  lines.push(`Session Affinity:\t${s.sessionAffinity}`);
  if (s.externalTrafficPolicy) lines.push(`External Traffic Policy:\t${s.externalTrafficPolicy}`);
  if (s.internalTrafficPolicy) lines.push(`Internal Traffic Policy:\t${s.internalTrafficPolicy}`);
  if (s.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${s.healthCheckNodePort}`);
  if (s.loadBalancerSourceRanges?.length) lines.push(`LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}`);
  return finish(state, svc, lines);
}
