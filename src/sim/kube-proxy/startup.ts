// What kube-proxy logs from process start until its informers have synced (cmd/kube-proxy/app
// server.go, server_linux.go, the proxiers' constructors; reference kube-proxy.md §5.3), per mode.
// Offsets spread the lines over the first second as a real start does. The userspace mode runs as
// kube-proxy v1.25 did; its lines are marked as history.
import type { ProxyMode } from '../config.js';
import { log, logPlain, type LogCall } from './log.js';
import type { ProxierState } from './state.js';

/** What the start-up lines need to know. */
export interface StartupFacts {
  /** `mode` as the ConfigMap gives it ('' when empty, which means iptables). */
  configuredMode: string;
  mode: ProxyMode;
  nodeIPs: string[];
  kubernetesVersion: string;
}

const V4 = ['ipFamily', 'IPv4'] as [string, string];
const V6 = ['ipFamily', 'IPv6'] as [string, string];

function iptablesConstructorLines(family: [string, string]): LogCall[] {
  return [
    { level: 2, source: 'proxier.go:271', msg: 'Using iptables mark for masquerade', kv: [family, ['mark', '0x00004000']] },
    { level: 2, source: 'proxier.go:296', msg: 'Iptables sync params', kv: [family, ['minSyncPeriod', '1s'], ['syncPeriod', '30s'], ['burstSyncs', 2]] },
    { level: 2, source: 'proxier.go:306', msg: 'Iptables supports --random-fully', kv: [family] },
  ];
}

function proxierLines(mode: ProxyMode): LogCall[] {
  switch (mode) {
    case 'iptables': return [
      { level: 0, source: 'server_linux.go:132', msg: 'Using iptables Proxier' },
      { level: 0, source: 'proxier.go:242', msg: 'Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses', kv: [V4] },
      ...iptablesConstructorLines(V4), ...iptablesConstructorLines(V6),
    ];
    case 'ipvs': return [
      { level: 0, source: 'server_linux.go:192', msg: 'Using ipvs Proxier' },
      { level: 0, source: 'proxier.go:412', msg: 'IPVS scheduler not specified, use rr by default', kv: [V4] },
      { level: 0, source: 'proxier.go:412', msg: 'IPVS scheduler not specified, use rr by default', kv: [V6] },
    ];
    case 'nftables': return [{ level: 0, source: 'server_linux.go:241', msg: 'Using nftables Proxier' }];
    case 'userspace': return [];
  }
}

/** The informer start-up block (client-go shared_informer and pkg/proxy/config). */
const INFORMER_START: LogCall[] = [
  { level: 0, source: 'server.go:527', msg: 'Version info', kv: [] },
  { level: 0, source: 'server.go:529', msg: 'Golang settings', kv: [['GOGC', ''], ['GOMAXPROCS', ''], ['GOTRACEBACK', '']] },
  { level: 0, source: 'config.go:200', msg: 'Starting service config controller' },
  { level: 0, source: 'config.go:403', msg: 'Starting serviceCIDR config controller' },
  { level: 0, source: 'shared_informer.go:349', msg: 'Waiting for caches to sync', kv: [['controller', 'service config']] },
  { level: 0, source: 'shared_informer.go:349', msg: 'Waiting for caches to sync', kv: [['controller', 'serviceCIDR config']] },
  { level: 0, source: 'config.go:106', msg: 'Starting endpoint slice config controller' },
  { level: 0, source: 'shared_informer.go:349', msg: 'Waiting for caches to sync', kv: [['controller', 'endpoint slice config']] },
  { level: 0, source: 'config.go:309', msg: 'Starting node config controller' },
  { level: 0, source: 'shared_informer.go:349', msg: 'Waiting for caches to sync', kv: [['controller', 'node config']] },
  { level: 0, source: 'shared_informer.go:356', msg: 'Caches are synced', kv: [['controller', 'node config']] },
];

/** The lines after the informers have listed everything. */
export const CACHES_SYNCED: LogCall[] = ['service config', 'endpoint slice config', 'serviceCIDR config'].map((c) => ({
  level: 0, source: 'shared_informer.go:356', msg: 'Caches are synced', kv: [['controller', c]],
}));

function userspaceStart(p: ProxierState, at: number): void {
  logPlain(p, at, 0, 'server.go:230', 'History: this lab runs the userspace proxier as kube-proxy v1.25 did; the mode was removed in v1.26', 0);
  logPlain(p, at, 0, 'server_others.go:257', 'Using userspace Proxier.', 400_000);
}

/** Logs the start-up sequence up to the informers' start (the handlers' lines and "Caches are synced" follow). */
export function logStartup(p: ProxierState, at: number, f: StartupFacts): void {
  if (f.mode === 'userspace') return userspaceStart(p, at);
  const calls: LogCall[] = [];
  if (f.configuredMode === '') calls.push({ level: 0, source: 'server_linux.go:53', msg: 'Using iptables proxy' });
  calls.push(
    { level: 4, source: 'server_linux.go:66', msg: 'Defaulting detect-local-mode', kv: [['localModeClusterCIDR', 'ClusterCIDR']] },
    { level: 2, source: 'server_linux.go:69', msg: 'DetectLocalMode', kv: [['localMode', 'ClusterCIDR']] },
    { level: 0, source: 'shared_informer.go:349', msg: 'Waiting for caches to sync', kv: [['controller', 'node informer cache']], offsetUs: 418_000 },
    { level: 0, source: 'shared_informer.go:356', msg: 'Caches are synced', kv: [['controller', 'node informer cache']], offsetUs: 100_000 },
    { level: 0, source: 'server.go:219', msg: 'Successfully retrieved NodeIPs', kv: [['NodeIPs', f.nodeIPs]] },
    { level: 0, source: 'conntrack.go:60', msg: 'Setting nf_conntrack_max', kv: [['nfConntrackMax', 131072]], offsetUs: 73_000 },
  );
  if (f.mode !== 'nftables') {
    calls.push({ level: 0, severity: 'E', source: 'server.go:256', msg: 'Kube-proxy configuration may be incomplete or incorrect', kv: [['err', 'nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`']] });
  }
  calls.push({ level: 0, source: 'server.go:265', msg: 'kube-proxy running in dual-stack mode', kv: [['primary ipFamily', 'IPv4']], offsetUs: 94_000 });
  calls.push(...proxierLines(f.mode));
  const informers = INFORMER_START.map((c) => (c.msg === 'Version info' ? { ...c, kv: [['version', f.kubernetesVersion]] as [string, string][], offsetUs: 31_000 } : c));
  calls.push(...informers);
  for (const c of calls) log(p, at, c);
}
