// Shared pieces of kubectl describe (kubectl pkg/describe/describe.go): multi-line labels and
// annotations, and the Events section with its own table.
import type { SimState } from '../../../sim/state.js';
import type { KubeEvent, KubeObject } from '../../../sim/types.js';
import { listStored } from '../../../sim/api-server/store.js';
import { parseTimestamp } from '../../../sim/clock.js';
import { humanDuration } from '../../printers/duration.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/tabwriter.js';

/** `Labels:\tk=v` then `\tk2=v2` continuation lines (printLabelsMultiline). */
export function labelLines(title: string, labels: Record<string, string> | undefined): string[] {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${labels![k]}`);
}

/** Annotations, last-applied-configuration hidden. */
export function annotationLines(annotations: Record<string, string> | undefined): string[] {
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort();
  if (keys.length === 0) return ['Annotations:\t<none>'];
  return keys.map((k, i) => `${i === 0 ? 'Annotations:' : ''}\t${k}: ${annotations![k]}`);
}

/** The Events section: `Events:\t<none>` in the block, or a flushed table of the object's events (sorted by last timestamp, as SortableEvents does). */
export function eventsSection(state: SimState, obj: KubeObject): { inline?: string; table?: string } {
  const events = listStored<KubeEvent>(state, 'events', obj.metadata.namespace)
    .filter((e) => e.involvedObject.uid === obj.metadata.uid)
    .sort((a, b) => parseTimestamp(a.lastTimestamp) - parseTimestamp(b.lastTimestamp));
  if (events.length === 0) return { inline: 'Events:\t<none>' };
  const rows = events.map((e) => {
    const first = humanDuration(state.now - parseTimestamp(e.firstTimestamp));
    const last = humanDuration(state.now - parseTimestamp(e.lastTimestamp));
    const ageText = e.count > 1 ? `${last} (x${e.count} over ${first})` : first;
    return `  ${e.type}\t${e.reason}\t${ageText}\t${e.source.component}\t${e.message.trim()}`;
  });
  const table = tabwrite(['  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------', ...rows].join('\n') + '\n', DESCRIBE_TABWRITER);
  return { table: `Events:\n${table}` };
}

/** Aligns describe lines, appending the events (inline in the block, or as their own table). */
export function finish(state: SimState, obj: KubeObject, lines: string[]): string {
  const ev = eventsSection(state, obj);
  const body = tabwrite(`${[...lines, ...(ev.inline ? [ev.inline] : [])].join('\n')}\n`, DESCRIBE_TABWRITER);
  return ev.table ? body + ev.table : body;
}
