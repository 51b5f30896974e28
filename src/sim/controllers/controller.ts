// The shape every reconciler follows, after client-go's workqueue pattern
// (staging/src/k8s.io/client-go/examples/workqueue/main.go): event handlers only enqueue keys,
// and reconcile reads the current state for a key and makes the world match it.
import type { SimState, WatchEvent } from '../state.js';

/** A controller: a named work queue, the handler that fills it, and the reconciler that drains it. */
export interface Controller {
  /** The queue's name (also used by timers that wake this controller). */
  name: string;
  /** Maps a watch event to the keys to enqueue (often none). Must not write to the API. */
  enqueue(state: SimState, ev: WatchEvent): string[];
  /** Brings the world in line for one key; writes through the API server. */
  reconcile(state: SimState, key: string): void;
}

/** Adds a key to a queue unless it is already waiting there (a workqueue never holds duplicates). */
export function addToQueue(state: SimState, queue: string, key: string): void {
  (state.queues[queue] ??= {})[key] = true;
}

/** Asks for `key` to be put on `queue` when the simulated clock reaches `at` (workqueue AddAfter). */
export function addAfter(state: SimState, queue: string, key: string, at: number): void {
  state.timerSeq += 1;
  const timer = { at, seq: state.timerSeq, queue, key };
  const i = state.timers.findIndex((t) => t.at > at);
  if (i < 0) state.timers.push(timer);
  else state.timers.splice(i, 0, timer);
}
