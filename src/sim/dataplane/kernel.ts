// Each host's kernel networking state, created on first use: conntrack, xt_recent lists, and the
// IPVS scheduler's and nftables affinity's books.
import type { SimState } from '../state.js';
import type { NodeKernel } from './types.js';

/** The kernel state of a host (a node name, or `laptop`). */
export function kernelOf(state: SimState, host: string): NodeKernel {
  const all = (state.kernel ??= {});
  return (all[host] ??= { conntrack: [], recent: {}, nextId: 1 });
}
