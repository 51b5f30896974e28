// Delivery of watch events and the controllers' work, and the simulated clock. In a real cluster
// informers, workqueues and timers run concurrently; here settle() runs them to quiescence in a
// fixed order, and advance() moves time, so the same operations always give the same cluster.
import type { SimState } from './state.js';
import { CONTROLLERS } from './controllers/index.js';
import { addToQueue } from './controllers/controller.js';
import { expireEvents } from './api-server/events.js';

/** More rounds than any real chain of reactions needs; reaching it means a controller loops (a bug). */
const MAX_ROUNDS = 10_000;

/** Delivers pending watch events and drains every work queue until nothing is left to do. */
export function settle(state: SimState): void {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    deliverEvents(state);
    let worked = false;
    for (const c of CONTROLLERS) {
      const queue = state.queues[c.name];
      if (!queue) continue;
      const keys = Object.keys(queue);
      if (keys.length === 0) continue;
      state.queues[c.name] = {};
      for (const key of keys) c.reconcile(state, key);
      worked = true;
      deliverEvents(state);
    }
    if (!worked && state.pending.length === 0) return;
  }
  throw new Error(`settle: controllers did not converge after ${MAX_ROUNDS} rounds`);
}

function deliverEvents(state: SimState): void {
  while (state.pending.length > 0) {
    const events = state.pending;
    state.pending = [];
    for (const ev of events) {
      for (const c of CONTROLLERS) for (const key of c.enqueue(state, ev)) addToQueue(state, c.name, key);
    }
  }
}

/** Moves the simulated clock forward by `ms`, firing every timer that falls due on the way. */
export function advance(state: SimState, ms: number): void {
  // The clock counts whole milliseconds (timestamps and the kubelet's micro-times are integers).
  const target = state.now + Math.max(0, Math.floor(ms));
  settle(state);
  while (state.timers.length > 0 && state.timers[0]!.at <= target) {
    state.now = Math.max(state.now, state.timers[0]!.at);
    while (state.timers.length > 0 && state.timers[0]!.at <= state.now) {
      const t = state.timers.shift()!;
      addToQueue(state, t.queue, t.key);
    }
    settle(state);
  }
  state.now = target;
  expireEvents(state);
  settle(state);
}
