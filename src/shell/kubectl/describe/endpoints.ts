// kubectl describe endpoints, endpointslice and namespace (kubectl pkg/describe/describe.go
// describeEndpoints, describeEndpointSliceV1, describeNamespace). Namespaces show the resource
// quota and limit range sections only when some exist, and the lab has none.
import type { SimState } from '../../../sim/state.js';
import type { EndpointSlice, KubeObject, Namespace } from '../../../sim/types.js';
import { annotationLines, finish, labelLines } from './common.js';
import { rfc1123z } from './pod.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/tabwriter.js';

interface EndpointsObject extends KubeObject {
  subsets?: { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[]; ports?: { name?: string; port: number; protocol?: string }[] }[];
}

/** The describe text of an Endpoints object (a blank line after each subset). */
export function describeEndpoints(state: SimState, ep: EndpointsObject): string {
  const lines = [`Name:\t${ep.metadata.name}`, `Namespace:\t${ep.metadata.namespace}`, ...labelLines('Labels', ep.metadata.labels), ...annotationLines(ep.metadata.annotations), 'Subsets:'];
  for (const s of ep.subsets ?? []) {
    lines.push(`  Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`, `  NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    if (s.ports?.length) lines.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------', ...s.ports.map((p) => `    ${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}`));
    lines.push('');
  }
  return finish(state, ep, lines);
}

/** The describe text of an EndpointSlice. */
export function describeEndpointSlice(state: SimState, eps: EndpointSlice): string {
  const lines = [`Name:\t${eps.metadata.name}`, `Namespace:\t${eps.metadata.namespace}`, ...labelLines('Labels', eps.metadata.labels), ...annotationLines(eps.metadata.annotations), `AddressType:\t${eps.addressType}`];
  const ports = eps.ports ?? [];
  if (ports.length === 0) lines.push('Ports: <unset>');
  else lines.push('Ports:', '  Name\tPort\tProtocol', '  ----\t----\t--------', ...ports.map((p) => `  ${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}`));
  const endpoints = eps.endpoints ?? [];
  if (endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const e of endpoints) {
      lines.push(`  - Addresses:\t${e.addresses.join(', ') || '<none>'}`, '    Conditions:', `      Ready:\t${e.conditions.ready === undefined ? '<unset>' : String(e.conditions.ready)}`, `    Hostname:\t${e.hostname ?? '<unset>'}`);
      if (e.targetRef) lines.push(`    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
      lines.push(`    NodeName:\t${e.nodeName ?? '<unset>'}`, `    Zone:\t${e.zone ?? '<unset>'}`);
    }
  }
  return finish(state, eps, lines);
}

/** The describe text of a Namespace (no events section: kubectl's namespace describer has none). */
export function describeNamespace(_state: SimState, ns: Namespace): string {
  const lines = [`Name:\t${ns.metadata.name}`, ...labelLines('Labels', ns.metadata.labels), ...annotationLines(ns.metadata.annotations), `Status:\t${ns.status?.phase ?? 'Active'}`];
  const conds = ns.status?.conditions ?? [];
  if (conds.length) {
    lines.push('Conditions:', '  Type\tStatus\tLastTransitionTime\tReason\tMessage', '  ----\t------\t------------------\t------\t-------');
    for (const c of conds) lines.push(`  ${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime ?? '')}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  lines.push('', 'No resource quota.', '', 'No LimitRange resource.');
  return tabwrite(`${lines.join('\n')}\n`, DESCRIBE_TABWRITER);
}
