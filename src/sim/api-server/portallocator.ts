// The NodePort allocator of kube-apiserver (pkg/registry/core/service/portallocator) with the
// KEP-3668 static/dynamic split: ports below base+offset are kept for explicit picks, random ones
// come from the rest (random start, walk forward, wrap), and the lower band only when that is full.
import { parsePortRange } from '../config.js';
import { randInt } from '../rng.js';
import type { SimState } from '../state.js';

/** The outcome of a NodePort allocation. */
export type PortAllocation = { ok: true; port: number } | { ok: false; reason: string; full?: boolean };

/** calculateRangeOffset for ports: min(max(16, size/32), 128), 0 for tiny ranges. */
export function nodePortStaticBand(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

function range(state: SimState): { base: number; size: number } {
  return parsePortRange(state.config.nodePortRange)!;
}

/** The range as the apiserver prints it in errors: "30000-32767". */
export function nodePortRangeText(state: SimState): string {
  const r = range(state);
  return `${r.base}-${r.base + r.size - 1}`;
}

/** Reserves an explicitly requested NodePort for `owner` (`ns/name`). */
export function allocateSpecificPort(state: SimState, port: number, owner: string): PortAllocation {
  const r = range(state);
  if (port < r.base || port >= r.base + r.size) {
    return { ok: false, reason: `provided port is not in the valid range. The range of valid ports is ${nodePortRangeText(state)}` };
  }
  if (state.alloc.nodePorts[port] !== undefined) return { ok: false, reason: 'provided port is already allocated' };
  state.alloc.nodePorts[port] = owner;
  return { ok: true, port };
}

/** Picks a free NodePort at random for `owner`. */
export function allocateNextPort(state: SimState, owner: string): PortAllocation {
  const r = range(state);
  const offset = nodePortStaticBand(r.size);
  const port = scan(state, r.base + offset, r.size - offset) ?? scan(state, r.base, offset);
  if (port === undefined) return { ok: false, reason: 'range is full', full: true };
  state.alloc.nodePorts[port] = owner;
  return { ok: true, port };
}

function scan(state: SimState, first: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const start = randInt(state.rng, count);
  for (let i = 0; i < count; i++) {
    const p = first + ((start + i) % count);
    if (state.alloc.nodePorts[p] === undefined) return p;
  }
  return undefined;
}

/** Returns a NodePort to the pool. */
export function releasePort(state: SimState, port: number): void {
  delete state.alloc.nodePorts[port];
}
