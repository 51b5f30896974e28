// kubectl describe endpointslice (kubectl pkg/describe/describe.go describeEndpointSliceV1): metadata,
// address type, the ports table (`Ports: <unset>` when there are none) and each endpoint with its
// addresses, readiness, hostname, target, node and zone (`Endpoints: <none>` when there are none).
import type { SimState } from '../../../sim/state.js';
import type { EndpointSlice, SliceEndpoint } from '../../../sim/types.js';
import { annotationLines, finish, labelLines } from './common.js';

function endpointLines(e: SliceEndpoint): string[] {
  const lines = [`  - Addresses:\t${e.addresses.join(', ') || '<none>'}`, '    Conditions:', `      Ready:\t${e.conditions.ready === undefined ? '<unset>' : String(e.conditions.ready)}`];
  lines.push(`    Hostname:\t${e.hostname ?? '<unset>'}`);
  if (e.targetRef) lines.push(`    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
  lines.push(`    NodeName:\t${e.nodeName ?? '<unset>'}`, `    Zone:\t${e.zone ?? '<unset>'}`);
  return lines;
}

/** The describe text of a discovery.k8s.io/v1 EndpointSlice. */
export function describeEndpointSlice(state: SimState, eps: EndpointSlice): string {
  const lines = [`Name:\t${eps.metadata.name}`, `Namespace:\t${eps.metadata.namespace}`, ...labelLines('Labels', eps.metadata.labels), ...annotationLines(eps.metadata.annotations)];
  lines.push(`AddressType:\t${eps.addressType}`);
  const ports = eps.ports ?? [];
  if (ports.length === 0) lines.push('Ports: <unset>');
  else lines.push('Ports:', '  Name\tPort\tProtocol', '  ----\t----\t--------', ...ports.map((p) => `  ${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}`));
  const endpoints = eps.endpoints ?? [];
  lines.push(...(endpoints.length ? ['Endpoints:', ...endpoints.flatMap(endpointLines)] : ['Endpoints: <none>']));
  return finish(state, eps, lines);
}
