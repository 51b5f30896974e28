// kube-proxy's userspace mode as it was until its removal in v1.26 (pkg/proxy/userspace
// proxier.go, roundrobin.go; reference kube-proxy.md §3), kept as history: kube-proxy itself
// listens on a "proxy port" per service port and the nat table only REDIRECTs ClusterIP and
// NodePort traffic to it (from pods) or DNATs it to node-IP:proxy-port (from the node itself).
import { hashPrefix } from '../chain-names.js';
import { comment, rule } from '../iptables-mode/rule.js';
import { kubeletOnlyTables, table } from '../iptables-mode/tables.js';
import type { IptablesState, SyncInput, UserspacePortal } from '../types.js';

/** A proxy port per service port: random in the real kube-proxy; here a stable pick in 32768-60999 from the name. */
export function proxyPortFor(servicePort: string): number {
  const h = hashPrefix(servicePort, 4);
  let n = 0;
  for (const c of h) n = (n * 32 + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c)) % 28232;
  return 32768 + n;
}

const CLUSTER_IPS = comment('handle ClusterIPs; NOTE: this must be before the NodePort rules');
const NODE_PORTS = comment('handle service NodePorts; NOTE: this must be the last rule in the chain');

/** The portals and the nat rules of userspace mode. */
export function writeUserspace(input: SyncInput): { portals: UserspacePortal[]; iptables: IptablesState } {
  const portals: UserspacePortal[] = [];
  const chains: Record<string, string[]> = { 'KUBE-PORTALS-CONTAINER': [], 'KUBE-PORTALS-HOST': [], 'KUBE-NODEPORT-CONTAINER': [], 'KUBE-NODEPORT-HOST': [] };
  const nodeIP = input.node.ips[0] ?? '';
  for (const s of input.services) {
    const p = s.protocol.toLowerCase();
    const proxyPort = proxyPortFor(s.name);
    portals.push({ service: s.name, protocol: s.protocol, proxyPort });
    const c = comment(s.name);
    chains['KUBE-PORTALS-CONTAINER']!.push(rule('KUBE-PORTALS-CONTAINER', { dst: s.clusterIP, proto: p, matches: [c, `-m ${p} --dport ${s.port}`], target: `REDIRECT --to-ports ${proxyPort}` }));
    chains['KUBE-PORTALS-HOST']!.push(rule('KUBE-PORTALS-HOST', { dst: s.clusterIP, proto: p, matches: [c, `-m ${p} --dport ${s.port}`], target: `DNAT --to-destination ${nodeIP}:${proxyPort}` }));
    if (!s.nodePort) continue;
    chains['KUBE-NODEPORT-CONTAINER']!.push(rule('KUBE-NODEPORT-CONTAINER', { proto: p, matches: [c, `-m ${p} --dport ${s.nodePort}`], target: `REDIRECT --to-ports ${proxyPort}` }));
    chains['KUBE-NODEPORT-HOST']!.push(rule('KUBE-NODEPORT-HOST', { proto: p, matches: [c, `-m ${p} --dport ${s.nodePort}`], target: `DNAT --to-destination ${nodeIP}:${proxyPort}` }));
  }
  const base = kubeletOnlyTables();
  const nat = table('nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'], {
    ...base.nat.chains, ...chains,
    PREROUTING: [rule('PREROUTING', { matches: [CLUSTER_IPS], target: 'KUBE-PORTALS-CONTAINER' }), rule('PREROUTING', { matches: ['-m addrtype --dst-type LOCAL', NODE_PORTS], target: 'KUBE-NODEPORT-CONTAINER' })],
    OUTPUT: [rule('OUTPUT', { matches: [CLUSTER_IPS], target: 'KUBE-PORTALS-HOST' }), rule('OUTPUT', { matches: ['-m addrtype --dst-type LOCAL', NODE_PORTS], target: 'KUBE-NODEPORT-HOST' })],
  });
  return { portals, iptables: { ...base, nat } };
}
