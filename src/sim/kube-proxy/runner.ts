// kube-proxy's BoundedFrequencyRunner (pkg/util/async/bounded_frequency_runner.go): syncs run at
// most once per minSyncPeriod after a burst of two (a token bucket), and at least once per
// maxInterval — an hour in iptables and nftables mode (proxyutil.FullSyncPeriod), syncPeriod
// (30 s) in IPVS mode.
import type { ProxyMode } from '../config.js';
import type { ProxierState } from './state.js';

/** iptables.minSyncPeriod (and ipvs/nftables'), 1 s by default. */
export const MIN_SYNC_MS = 1000;
/** burstSyncs. */
export const BURST_SYNCS = 2;
/** proxyutil.FullSyncPeriod. */
export const FULL_SYNC_PERIOD_MS = 3_600_000;
/** syncPeriod, the IPVS runner's max interval. */
export const SYNC_PERIOD_MS = 30_000;

/** The runner's longest gap between two syncs in a mode. */
export function maxIntervalMs(mode: ProxyMode): number {
  return mode === 'ipvs' || mode === 'userspace' ? SYNC_PERIOD_MS : FULL_SYNC_PERIOD_MS;
}

function tokensAt(p: ProxierState, now: number): number {
  return Math.min(BURST_SYNCS, p.tokens + (now - p.tokensAt) / MIN_SYNC_MS);
}

/** Takes a token if one is there; otherwise returns the time (ms) when one will be. */
export function tryTakeToken(p: ProxierState, now: number): true | number {
  const t = tokensAt(p, now);
  if (t >= 1) {
    p.tokens = t - 1;
    p.tokensAt = now;
    return true;
  }
  return now + Math.ceil((1 - t) * MIN_SYNC_MS);
}
