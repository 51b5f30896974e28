// kubectl describe namespace (kubectl pkg/describe/describe.go describeNamespace): metadata, phase,
// conditions while terminating, then the quota and limit-range sections. The lab serves no
// ResourceQuota or LimitRange, so those print their empty forms; namespaces have no Events section.
import type { SimState } from '../../../sim/state.js';
import type { Namespace } from '../../../sim/types.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import { annotationLines, labelLines } from './common.js';
import { rfc1123z } from './pod.js';

/** The describe text of a Namespace. */
export function describeNamespace(_state: SimState, ns: Namespace): string {
  const lines = [`Name:\t${ns.metadata.name}`, ...labelLines('Labels', ns.metadata.labels), ...annotationLines(ns.metadata.annotations), `Status:\t${ns.status?.phase ?? ''}`];
  const conds = ns.status?.conditions ?? [];
  if (conds.length) {
    lines.push('Conditions:', '  Type\tStatus\tLastTransitionTime\tReason\tMessage', '  ----\t------\t------------------\t------\t-------');
    for (const c of conds) lines.push(`  ${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime ?? '')}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  lines.push('', 'No resource quota.', '', 'No LimitRange resource.');
  return tabwrite(`${lines.join('\n')}\n`, DESCRIBE_TABWRITER);
}
