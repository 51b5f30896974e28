// kubectl describe daemonset (kubectl pkg/describe/describe.go describeDaemonSet): selector, the
// template's node selector, the scheduling counts (written without a tab, so they break the
// alignment), the phases of its pods, the pod template and events.
import type { SimState } from '../../../sim/state.js';
import type { DaemonSet } from '../../../sim/types.js';
import { formatLabels, formatSelector, labelSelectorAsSelector } from '../../../sim/api-server/selectors.js';
import { annotationLines, finish, labelLines } from './common.js';
import { podTemplateLines } from './pod-template.js';
import { podStatusForController } from './replicaset.js';

/** The describe text of a DaemonSet. */
export function describeDaemonSet(state: SimState, ds: DaemonSet): string {
  const ns = ds.metadata.namespace ?? '';
  const s = ds.status;
  const selector = labelSelectorAsSelector(ds.spec.selector);
  const lines = [`Name:\t${ds.metadata.name}`, `Namespace:\t${ns}`, `Selector:\t${selector.ok ? formatSelector(selector.selector) : ''}`];
  lines.push(`Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}`);
  lines.push(...labelLines('Labels', ds.metadata.labels), ...annotationLines(ds.metadata.annotations));
  lines.push(
    `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}`,
    `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}`,
    `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}`,
    `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}`,
  );
  lines.push(`Pods Status:\t${podStatusForController(state, ns, ds.spec.selector, ds.metadata.uid ?? '')}`);
  lines.push(...podTemplateLines(ds.spec.template));
  return finish(state, ds, lines);
}
