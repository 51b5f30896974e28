// The event recorder of client-go (tools/record): controllers and the kubelet report what they did
// as core/v1 Events. A repeat of the same event bumps count and lastTimestamp, as the recorder's
// aggregation does; the API server keeps events for an hour (--event-ttl=1h).
import { formatTimestamp, parseTimestamp } from '../clock.js';
import type { SimState } from '../state.js';
import type { KubeEvent, KubeObject } from '../types.js';
import { removeStored, writeStored } from './store.js';

/** How long the API server keeps events (kube-apiserver --event-ttl). */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** Who reported an event: "default-scheduler", "kubelet" (with the node), "deployment-controller", ... */
export interface EventSource {
  component: string;
  host?: string;
}

/** Records an event about `obj`, or bumps the count of the same event already recorded. */
export function recordEvent(
  state: SimState,
  obj: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  fieldPath?: string,
): void {
  const ns = obj.metadata.namespace ?? 'default';
  // The API server refuses new content in a terminating namespace, events included: they are dropped.
  const nsObj = state.objects['namespaces']?.[ns];
  if ((nsObj?.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
  const involved = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name ?? '',
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
    ...(fieldPath ? { fieldPath } : {}),
  };
  if (!involved.namespace) delete involved.namespace;
  const now = formatTimestamp(state.now);
  const dedupe = `${ns}\u0000${involved.uid}\u0000${reason}\u0000${source.component}\u0000${message}`;
  const index = eventIndex(state);
  const sameKey = index.get(dedupe);
  const same = sameKey === undefined ? undefined : (state.objects['events']?.[sameKey] as KubeEvent | undefined);
  if (same) {
    writeStored(state, 'events', { ...same, count: same.count + 1, lastTimestamp: now });
    return;
  }
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.name}.${eventSuffix(state)}`, namespace: ns, creationTimestamp: now },
    involvedObject: involved,
    reason,
    message,
    type,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    reportingComponent: source.component === 'kubelet' ? 'kubelet' : source.component,
    reportingInstance: source.host ?? '',
  };
  writeStored(state, 'events', event);
  index.set(dedupe, `${ns}/${event.metadata.name}`);
}

/**
 * The recorder's correlation cache (client-go tools/record EventCorrelator): which stored event an
 * identical report aggregates into. Kept beside the state, keyed by the events bucket, and rebuilt
 * from the stored events when the state is new to it (a cloned or restored state).
 */
const correlation = new WeakMap<object, Map<string, string>>();

function eventIndex(state: SimState): Map<string, string> {
  const bucket = (state.objects['events'] ??= {});
  let index = correlation.get(bucket);
  if (!index) {
    index = new Map();
    for (const [key, obj] of Object.entries(bucket)) {
      const e = obj as KubeEvent;
      const ns = e.metadata.namespace ?? 'default';
      index.set(`${ns}\u0000${e.involvedObject.uid}\u0000${e.reason}\u0000${e.source.component}\u0000${e.message}`, key);
    }
    correlation.set(bucket, index);
  }
  return index;
}

/** The recorder names events `<object>.<unix nanoseconds in hex>`; the sequence keeps them unique. */
function eventSuffix(state: SimState): string {
  state.timerSeq += 1;
  return (BigInt(state.now) * 1_000_000n + BigInt(state.timerSeq)).toString(16);
}

/** How much later than the TTL an event may go: the API server's etcd leases are shared for up to a minute (lease_manager.go). */
const LEASE_REUSE_MS = 60_000;

/**
 * Deletes events older than the TTL, as etcd's lease expiry does for real events: not before the
 * earliest one is due, and at most once per LEASE_REUSE_MS, so the clock can move without
 * scanning every event at every step.
 */
export function expireEvents(state: SimState): void {
  const bucket = state.objects['events'];
  if (!bucket || (state.eventsExpireAt ?? -Infinity) > state.now) return;
  let earliest = Infinity;
  for (const [key, e] of Object.entries(bucket)) {
    const last = parseTimestamp((e as KubeEvent).lastTimestamp);
    if (last + EVENT_TTL_MS < state.now) removeStored(state, 'events', key);
    else if (last < earliest) earliest = last;
  }
  state.eventsExpireAt = Math.max(Number.isFinite(earliest) ? earliest + EVENT_TTL_MS : 0, state.now + LEASE_REUSE_MS);
}
