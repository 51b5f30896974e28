// A small lab for the controller tests: namespaces and kubeadm-shaped nodes (controlplane tainted
// NoSchedule, node01, node02, ...), created through the API and settled, plus helpers that play the
// kubelet's part where a test needs pods ready, and read back pods, ReplicaSets and events.
import assert from 'node:assert/strict';
import { joinNode, newState } from '../../src/sim/cluster.js';
import { apiCreate, apiGet, apiUpdate } from '../../src/sim/api-server/registry.js';
import { isApiError } from '../../src/sim/api-server/errors.js';
import { listStored } from '../../src/sim/api-server/store.js';
import type { Kind } from '../../src/sim/api-server/resources.js';
import { formatTimestamp } from '../../src/sim/clock.js';
import { settle } from '../../src/sim/settle.js';
import type { SimState } from '../../src/sim/state.js';
import type { KubeEvent, KubeObject, Pod, ReplicaSet } from '../../src/sim/types.js';
import { makeNamespace } from './builders.js';

/** A lab with the given number of nodes (0 keeps every pod unbound, so no kubelet ever touches it). */
export function lab(nodes = 3, seed = 1): SimState {
  const state = newState({ seed });
  for (const ns of ['default', 'kube-system']) created(state, makeNamespace(ns));
  for (let i = 0; i < nodes; i++) joinNode(state, i);
  settle(state);
  return state;
}

/** Creates an object through the API (failing the test on an API error) and settles the cluster. */
export function created<T extends KubeObject>(state: SimState, obj: T): T {
  const r = apiCreate(state, obj);
  if (isApiError(r)) assert.fail(`create ${obj.kind} ${obj.metadata.name}: ${r.message}`);
  settle(state);
  return r;
}

/** Reads, changes and writes back an object (a `kubectl edit`), then settles. */
export function edited<T extends KubeObject>(state: SimState, kind: Kind, name: string, change: (o: T) => void, ns = 'default'): T {
  const current = apiGet<T>(state, kind, ns, name);
  if (isApiError(current)) assert.fail(current.message);
  const copy = structuredClone(current);
  change(copy);
  const r = apiUpdate(state, copy);
  if (isApiError(r)) assert.fail(r.message);
  settle(state);
  return r;
}

/** The pods of a namespace, optionally only those whose name starts with a prefix. */
export function podsNamed(state: SimState, prefix = '', ns = 'default'): Pod[] {
  return listStored<Pod>(state, 'pods', ns).filter((p) => (p.metadata.name ?? '').startsWith(prefix));
}

/** The ReplicaSets of a namespace, oldest first. */
export function replicaSets(state: SimState, ns = 'default'): ReplicaSet[] {
  return listStored<ReplicaSet>(state, 'replicasets', ns).sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
}

/** The events of a namespace as `Reason: message (component)` lines, in the order they were first recorded. */
export function eventLines(state: SimState, reasons: string[], ns = 'default'): string[] {
  return listStored<KubeEvent>(state, 'events', ns)
    .filter((e) => reasons.includes(e.reason))
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason}: ${e.message} (${e.source.component})`);
}

/** The events of a namespace recorded after a point, as eventLines gives them (`since` is a resourceVersion). */
export function eventLinesSince(state: SimState, since: number, reasons: string[], ns = 'default'): string[] {
  return listStored<KubeEvent>(state, 'events', ns)
    .filter((e) => reasons.includes(e.reason) && Number(e.metadata.resourceVersion) > since)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason}: ${e.message} (${e.source.component})`);
}

/** Plays the kubelet: marks pods Running and Ready now (the probes passed), then settles. */
export function markReady(state: SimState, pods: Pod[]): void {
  const now = formatTimestamp(state.now);
  for (const p of pods) {
    const current = apiGet<Pod>(state, 'Pod', p.metadata.namespace, p.metadata.name ?? '');
    if (isApiError(current)) continue;
    const conditions = [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }];
    apiUpdate(state, { ...current, status: { ...(current.status ?? {}), phase: 'Running', conditions } }, { subresource: 'status' });
  }
  settle(state);
}

/** Marks every pod of a ReplicaSet ready, repeating until the controllers stop adding pods that are not. */
export function readyAll(state: SimState, prefix = '', ns = 'default'): void {
  for (let i = 0; i < 50; i++) {
    const waiting = podsNamed(state, prefix, ns).filter((p) => !p.metadata.deletionTimestamp && !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    if (waiting.length === 0) return;
    markReady(state, waiting);
  }
  assert.fail('pods kept coming');
}
