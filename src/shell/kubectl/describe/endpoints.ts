// kubectl describe endpoints (kubectl pkg/describe/describe.go describeEndpoints): metadata, then per
// subset the ready and not-ready addresses and a ports table, each subset followed by a blank line,
// then events. The v1.33+ deprecation warning is printed by the describe verb, as get prints it.
import type { SimState } from '../../../sim/state.js';
import type { Endpoints } from '../../../sim/types.js';
import { annotationLines, finish, labelLines } from './common.js';

type Subset = NonNullable<Endpoints['subsets']>[number];

function subsetLines(s: Subset): string[] {
  const ips = (list: { ip: string }[] | undefined): string => (list ?? []).map((a) => a.ip).join(',') || '<none>';
  const lines = [`  Addresses:\t${ips(s.addresses)}`, `  NotReadyAddresses:\t${ips(s.notReadyAddresses)}`];
  const ports = s.ports ?? [];
  if (ports.length) lines.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------', ...ports.map((p) => `    ${p.name || '<unset>'}\t${p.port}\t${p.protocol}`));
  return [...lines, ''];
}

/** The describe text of a v1 Endpoints object. */
export function describeEndpoints(state: SimState, ep: Endpoints): string {
  const lines = [`Name:\t${ep.metadata.name}`, `Namespace:\t${ep.metadata.namespace}`, ...labelLines('Labels', ep.metadata.labels), ...annotationLines(ep.metadata.annotations)];
  lines.push('Subsets:', ...(ep.subsets ?? []).flatMap(subsetLines));
  return finish(state, ep, lines);
}
