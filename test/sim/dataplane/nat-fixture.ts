// node01's nat and filter tables for a small cluster, written by hand in iptables-save form from
// the templates of ../shared/reference/kube-proxy.md §1.3-§1.5 (chain hashes computed with §1.6).
//
// Addressing plan: node01 192.168.56.11, podCIDR 10.244.1.0/24, cluster CIDR 10.244.0.0/16.
//   kube-system/kube-dns:dns  10.96.0.10:53/udp   -> 10.244.0.2:53, 10.244.0.3:53       (Cluster)
//   default/web:http          10.96.100.10:80/tcp -> 10.244.1.5:8080, 10.244.2.7:8080, 10.244.2.8:8080,
//                             NodePort 30080, externalTrafficPolicy Cluster
//   default/local-web         10.96.70.7:80/tcp   -> 10.244.1.6:8080 (node01), 10.244.2.9:8080,
//                             NodePort 30081, externalTrafficPolicy Local
//   default/edge              10.96.80.8:80/tcp   -> 10.244.2.11:8080 (node02 only), NodePort 30082, ETP Local
//   default/sticky            10.96.60.6:80/tcp   -> 10.244.1.7:80, 10.244.2.10:80, sessionAffinity ClientIP
//   default/db                10.96.50.5:3306/tcp, no endpoints
import type { IptablesTable } from '../../../src/sim/kube-proxy/types.js';

const DNS = 'KUBE-SVC-TCOU7JCQXEZGVUNU';
const WEB = 'CDGGSHYLG3RE2FKL';
const LOCAL = 'MUUDGL3XUFQ34SWD';
const EDGE = 'Z2O42GJTWQAMWARO';
const STICKY = 'KUBE-SVC-BJWR5DPVIKTHVKZU';

/** A SEP chain's two rules (hairpin masquerade + DNAT), optionally recording affinity. */
function sep(chain: string, name: string, ip: string, port: number, proto: string, recent = false): string[] {
  const rec = recent ? ` -m recent --set --name ${chain} --mask 255.255.255.255 --rsource` : '';
  return [
    `-A ${chain} -s ${ip}/32 -m comment --comment "${name}" -j KUBE-MARK-MASQ`,
    `-A ${chain} -p ${proto} -m comment --comment "${name}"${rec} -m ${proto} -j DNAT --to-destination ${ip}:${port}`,
  ];
}

const masq = (svc: string, name: string, ip: string, port: number, proto: string): string =>
  `-A ${svc} ! -s 10.244.0.0/16 -d ${ip}/32 -p ${proto} -m comment --comment "${name} cluster IP" -m ${proto} --dport ${port} -j KUBE-MARK-MASQ`;

function extLocal(hash: string, name: string, svl: boolean): string[] {
  const ext = `KUBE-EXT-${hash}`;
  return [
    `-A ${ext} -s 10.244.0.0/16 -m comment --comment "pod traffic for ${name} external destinations" -j KUBE-SVC-${hash}`,
    `-A ${ext} -m comment --comment "masquerade LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
    `-A ${ext} -m comment --comment "route LOCAL traffic for ${name} external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-${hash}`,
    ...(svl ? [`-A ${ext} -j KUBE-SVL-${hash}`] : []),
  ];
}

/** Every nat rule of node01, in iptables-save order within each chain. */
export const NAT_RULES: string[] = [
  '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
  '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000',
  '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
  '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
  '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  `-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j ${DNS}`,
  `-A KUBE-SERVICES -d 10.96.100.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-${WEB}`,
  `-A KUBE-SERVICES -d 10.96.70.7/32 -p tcp -m comment --comment "default/local-web cluster IP" -m tcp --dport 80 -j KUBE-SVC-${LOCAL}`,
  `-A KUBE-SERVICES -d 10.96.80.8/32 -p tcp -m comment --comment "default/edge cluster IP" -m tcp --dport 80 -j KUBE-SVC-${EDGE}`,
  `-A KUBE-SERVICES -d 10.96.60.6/32 -p tcp -m comment --comment "default/sticky cluster IP" -m tcp --dport 80 -j ${STICKY}`,
  '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  `-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-${WEB}`,
  `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-EXT-${WEB}`,
  `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/local-web" -m tcp --dport 30081 -j KUBE-EXT-${LOCAL}`,
  `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/edge" -m tcp --dport 30082 -j KUBE-EXT-${EDGE}`,
  masq(DNS, 'kube-system/kube-dns:dns', '10.96.0.10', 53, 'udp'),
  `-A ${DNS} -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.2:53" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-YIL6JZP7A3QYXJU2`,
  `-A ${DNS} -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.3:53" -j KUBE-SEP-6E7XQMQ4RAYOWTTM`,
  ...sep('KUBE-SEP-YIL6JZP7A3QYXJU2', 'kube-system/kube-dns:dns', '10.244.0.2', 53, 'udp'),
  ...sep('KUBE-SEP-6E7XQMQ4RAYOWTTM', 'kube-system/kube-dns:dns', '10.244.0.3', 53, 'udp'),
  masq(`KUBE-SVC-${WEB}`, 'default/web:http', '10.96.100.10', 80, 'tcp'),
  `-A KUBE-SVC-${WEB} -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-AFGSLHOD2HFNCBX4`,
  `-A KUBE-SVC-${WEB} -m comment --comment "default/web:http -> 10.244.2.7:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-2RIJ5GIYXEFH6G4D`,
  `-A KUBE-SVC-${WEB} -m comment --comment "default/web:http -> 10.244.2.8:8080" -j KUBE-SEP-AWFNTVUNTOD2SN3M`,
  `-A KUBE-EXT-${WEB} -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ`,
  `-A KUBE-EXT-${WEB} -j KUBE-SVC-${WEB}`,
  ...sep('KUBE-SEP-AFGSLHOD2HFNCBX4', 'default/web:http', '10.244.1.5', 8080, 'tcp'),
  ...sep('KUBE-SEP-2RIJ5GIYXEFH6G4D', 'default/web:http', '10.244.2.7', 8080, 'tcp'),
  ...sep('KUBE-SEP-AWFNTVUNTOD2SN3M', 'default/web:http', '10.244.2.8', 8080, 'tcp'),
  masq(`KUBE-SVC-${LOCAL}`, 'default/local-web', '10.96.70.7', 80, 'tcp'),
  `-A KUBE-SVC-${LOCAL} -m comment --comment "default/local-web -> 10.244.1.6:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-5DUQA4KVUUPYN4QB`,
  `-A KUBE-SVC-${LOCAL} -m comment --comment "default/local-web -> 10.244.2.9:8080" -j KUBE-SEP-NKXNEX3PK4AW5FZN`,
  ...extLocal(LOCAL, 'default/local-web', true),
  `-A KUBE-SVL-${LOCAL} -m comment --comment "default/local-web -> 10.244.1.6:8080" -j KUBE-SEP-5DUQA4KVUUPYN4QB`,
  ...sep('KUBE-SEP-5DUQA4KVUUPYN4QB', 'default/local-web', '10.244.1.6', 8080, 'tcp'),
  ...sep('KUBE-SEP-NKXNEX3PK4AW5FZN', 'default/local-web', '10.244.2.9', 8080, 'tcp'),
  masq(`KUBE-SVC-${EDGE}`, 'default/edge', '10.96.80.8', 80, 'tcp'),
  `-A KUBE-SVC-${EDGE} -m comment --comment "default/edge -> 10.244.2.11:8080" -j KUBE-SEP-MDICKZSDCDFXEO5M`,
  ...extLocal(EDGE, 'default/edge', false),
  ...sep('KUBE-SEP-MDICKZSDCDFXEO5M', 'default/edge', '10.244.2.11', 8080, 'tcp'),
  masq(STICKY, 'default/sticky', '10.96.60.6', 80, 'tcp'),
  `-A ${STICKY} -m comment --comment "default/sticky -> 10.244.1.7:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-2FJZOYV5LQTFJHUK --mask 255.255.255.255 --rsource -j KUBE-SEP-2FJZOYV5LQTFJHUK`,
  `-A ${STICKY} -m comment --comment "default/sticky -> 10.244.2.10:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-RKKDUXIDYMYOKIJQ --mask 255.255.255.255 --rsource -j KUBE-SEP-RKKDUXIDYMYOKIJQ`,
  `-A ${STICKY} -m comment --comment "default/sticky -> 10.244.1.7:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-2FJZOYV5LQTFJHUK`,
  `-A ${STICKY} -m comment --comment "default/sticky -> 10.244.2.10:80" -j KUBE-SEP-RKKDUXIDYMYOKIJQ`,
  ...sep('KUBE-SEP-2FJZOYV5LQTFJHUK', 'default/sticky', '10.244.1.7', 80, 'tcp', true),
  ...sep('KUBE-SEP-RKKDUXIDYMYOKIJQ', 'default/sticky', '10.244.2.10', 80, 'tcp', true),
];

/** Every filter rule of node01. */
export const FILTER_RULES: string[] = [
  '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
  '-A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  '-A INPUT -j KUBE-FIREWALL',
  '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
  '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
  '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
  '-A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
  '-A OUTPUT -j KUBE-FIREWALL',
  '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/edge has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30082 -j DROP',
  '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
  '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP',
  '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
  '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  '-A KUBE-SERVICES -d 10.96.50.5/32 -p tcp -m comment --comment "default/db has no endpoints" -m tcp --dport 3306 -j REJECT --reject-with icmp-port-unreachable',
];

const BUILTINS: Record<IptablesTable['name'], string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};

/** Groups `-A CHAIN ...` lines into a table (built-ins with policy ACCEPT, plus the user chains named). */
export function tableOf(name: IptablesTable['name'], rules: string[], emptyChains: string[] = []): IptablesTable {
  const chains: Record<string, string[]> = {};
  for (const b of BUILTINS[name]) chains[b] = [];
  for (const c of emptyChains) chains[c] = [];
  for (const line of rules) (chains[line.split(' ')[1]!] ??= []).push(line);
  return { name, builtins: BUILTINS[name].map((b) => [b, 'ACCEPT']), chains };
}

/** node01's nat table. */
export const natTable = (): IptablesTable => tableOf('nat', NAT_RULES);
/** node01's filter table (KUBE-PROXY-FIREWALL and filter KUBE-NODEPORTS exist but are empty). */
export const filterTable = (): IptablesTable => tableOf('filter', FILTER_RULES, ['KUBE-PROXY-FIREWALL', 'KUBE-NODEPORTS']);
