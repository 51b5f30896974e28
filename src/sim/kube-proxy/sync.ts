// One sync of a node's proxier (the proxiers' syncProxyRules): apply pending changes, write the
// mode's rules (in full, or only the changed services' chains), log the V(2) sync lines of that
// mode, and remember which rules were added and removed for the panes to highlight.
import type { SimState } from '../state.js';
import type { Node } from '../types.js';
import { getStored } from '../api-server/store.js';
import { readKubeProxyConfig } from '../kubeadm/kube-proxy.js';
import type { ConfigMap } from '../types.js';
import { applyPendingChanges } from './apply-changes.js';
import { log, logPlain } from './log.js';
import { programRules, type SyncCounts } from './rules.js';
import { FULL_SYNC_PERIOD_MS, maxIntervalMs } from './runner.js';
import type { ProxierState } from './state.js';
import type { ProgrammedRules, ProxierNode, SyncInput } from './types.js';

/** The node facts a rule writer needs: InternalIP and podCIDR. */
export function proxierNode(state: SimState, name: string): ProxierNode {
  const node = getStored<Node>(state, 'nodes', name);
  const ips = (node?.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
  return { name, ips, podCIDR: node?.spec?.podCIDR ?? '' };
}

/** The SyncInput of a proxier's current maps. */
export function syncInput(state: SimState, p: ProxierState, changed: string[] | undefined): SyncInput {
  const cm = getStored<ConfigMap>(state, 'configmaps', 'kube-system/kube-proxy');
  const clusterCIDR = readKubeProxyConfig(cm).clusterCIDR;
  const names = Object.keys(p.services).sort();
  const input: SyncInput = {
    node: proxierNode(state, p.node),
    config: { mode: p.mode, clusterCIDR, serviceCIDR: state.config.serviceCIDR, masqueradeAll: false, masqueradeBit: 14, localhostNodePorts: true, nodePortAddresses: [], ipvsScheduler: '' },
    services: names.map((n) => p.services[n]!),
    endpoints: p.endpoints,
  };
  if (changed) input.changed = changed;
  return input;
}

/** A Go time.Duration String() of a sub-second elapsed time given in µs (`17.513942ms`). */
function goElapsed(us: number): string {
  if (us < 1000) return `${us}µs`;
  return `${(us / 1000).toFixed(6).replace(/\.?0+$/, '')}ms`;
}

/** A plausible, deterministic sync duration: a fixed cost plus a little per rule written. */
function elapsedUs(c: SyncCounts, full: boolean): number {
  return (full ? 9_000 : 3_000) + 37 * (c.numNATRules + c.numFilterRules) + 211 * c.numServices % 997;
}

/** The v1.25 userspace proxier's unstructured lines for the portals it opens (proxier.go) and its round-robin endpoints (roundrobin.go). */
function logUserspace(p: ProxierState, now: number, before: ProgrammedRules): void {
  const had = new Set((before.userspace ?? []).map((x) => x.service));
  for (const portal of p.rules.userspace ?? []) {
    if (had.has(portal.service)) continue;
    const s = p.services[portal.service];
    if (!s) continue;
    logPlain(p, now, 0, 'proxier.go:428', `Opened iptables from-containers portal for service "${s.name}" on ${s.protocol} ${s.clusterIP}:${s.port}`);
    logPlain(p, now, 0, 'proxier.go:439', `Opened iptables from-host portal for service "${s.name}" on ${s.protocol} ${s.clusterIP}:${s.port}`);
    if (s.nodePort) logPlain(p, now, 0, 'proxier.go:455', `Opened iptables from-containers public port for service "${s.name}" on ${s.protocol} port ${s.nodePort}`);
  }
}

/**
 * Go's time.Since(t).Seconds() for a span given in ns: whole seconds plus the fraction, as a float64
 * (klog prints it with the shortest representation, as JavaScript does in this range).
 */
function goSeconds(ns: number): number {
  return Math.floor(ns / 1e9) + (ns % 1e9) / 1e9;
}

/**
 * The V(4) "Network programming" lines written after the rules are in the kernel: one per endpoint
 * change, with the time since the change that triggered it (the EndpointSlice's
 * last-change-trigger-time). The source lines are the proxiers' own, counted from their sync lines.
 */
function logNetworkProgramming(p: ProxierState, now: number, triggers: [string, number[]][], doneUs: number): void {
  const source = p.mode === 'nftables' ? 'proxier.go:1732' : 'proxier.go:1515';
  for (const [svc, times] of triggers) {
    for (const t of times) {
      const ns = (now - t) * 1e6 + doneUs * 1000 + (t % 997);
      log(p, now, { level: 4, source, msg: 'Network programming', kv: [['ipFamily', 'IPv4'], ['endpoint', svc], ['elapsed', goSeconds(ns)]] });
    }
  }
}

function logSync(p: ProxierState, now: number, full: boolean, c: SyncCounts, triggers: [string, number[]][]): void {
  const v4: [string, string] = ['ipFamily', 'IPv4'];
  const us = elapsedUs(c, full);
  const took = goElapsed(us);
  switch (p.mode) {
    case 'iptables':
      log(p, now, { level: 2, source: 'proxier.go:765', msg: 'Syncing iptables rules', kv: [v4, ['fullSync', full]] });
      log(p, now, { level: 2, source: 'proxier.go:1486', msg: 'Reloading service iptables data', kv: [v4, ['numServices', c.numServices], ['numEndpoints', c.numEndpoints], ['numFilterChains', c.numFilterChains], ['numFilterRules', c.numFilterRules], ['numNATChains', c.numNATChains], ['numNATRules', c.numNATRules]] });
      logNetworkProgramming(p, now, triggers, us);
      log(p, now, { level: 2, source: 'proxier.go:759', msg: 'SyncProxyRules complete', kv: [v4, ['elapsed', took]], offsetUs: us });
      return;
    case 'ipvs':
      log(p, now, { level: 3, source: 'proxier.go:1003', msg: 'Syncing ipvs proxier rules', kv: [v4] });
      logNetworkProgramming(p, now, triggers, us);
      log(p, now, { level: 4, source: 'proxier.go:997', msg: 'syncProxyRules complete', kv: [v4, ['elapsed', took]], offsetUs: us });
      return;
    case 'nftables':
      log(p, now, { level: 2, source: 'proxier.go:1160', msg: 'Syncing nftables rules', kv: [v4, ['fullSync', full]] });
      log(p, now, { level: 2, source: 'proxier.go:1706', msg: 'Reloading service nftables data', kv: [v4, ['numServices', c.numServices], ['numEndpoints', c.numEndpoints]] });
      logNetworkProgramming(p, now, triggers, us);
      log(p, now, { level: 2, source: 'proxier.go:1154', msg: 'SyncProxyRules complete', kv: [v4, ['elapsed', took]], offsetUs: us });
      return;
    case 'userspace':
      return;
  }
}

/** The empty IPv6 proxier's full sync lines (dual-stack: it syncs alongside on full syncs). */
function logIPv6FullSync(p: ProxierState, now: number): void {
  if (p.mode !== 'iptables') return;
  const v6: [string, string] = ['ipFamily', 'IPv6'];
  log(p, now, { level: 2, source: 'proxier.go:765', msg: 'Syncing iptables rules', kv: [v6, ['fullSync', true]] });
  log(p, now, { level: 2, source: 'proxier.go:1486', msg: 'Reloading service iptables data', kv: [v6, ['numServices', 0], ['numEndpoints', 0], ['numFilterChains', 5], ['numFilterRules', 3], ['numNATChains', 4], ['numNATRules', 5]] });
  log(p, now, { level: 2, source: 'proxier.go:759', msg: 'SyncProxyRules complete', kv: [v6, ['elapsed', goElapsed(4_113)]], offsetUs: 4_113 });
}

/** Runs one sync now. */
export function syncProxier(state: SimState, p: ProxierState): void {
  const full = p.needFullSync || p.mode === 'ipvs' || p.mode === 'userspace' || state.now - p.lastFullSync >= FULL_SYNC_PERIOD_MS;
  const { changed, triggers } = applyPendingChanges(state, p);
  const input = syncInput(state, p, full ? undefined : changed);
  const { rules, counts } = programRules(input, p.rules, full, state.config.podCIDR);
  const before = p.rules;
  p.lastDiff = { previous: before, at: state.now };
  p.rules = rules;
  if (p.mode === 'userspace') logUserspace(p, state.now, before);
  logSync(p, state.now, full, counts, triggers);
  p.nextPeriodic = state.now + maxIntervalMs(p.mode);
  if (full) {
    logIPv6FullSync(p, state.now);
    p.needFullSync = false;
    p.lastFullSync = state.now;
  }
}
