// `ip addr` and `ip route` (iproute2) as a flannel node or a pod shows them: lo, eth0 with the
// InternalIP, flannel.1 with the node's podCIDR .0/32, cni0 with .1/24; routes to the other
// nodes' podCIDRs through flannel.1. Left out: the veth pairs of running pods and inet6 lines.
import type { SimState } from '../../sim/state.js';
import type { Node, Pod } from '../../sim/types.js';
import { getStored, listStored } from '../../sim/api-server/store.js';
import { intToIp, ipToInt, parseCidr } from '../../sim/net.js';
import type { Host } from '../types.js';

function mac(seed: string, prefix: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const b = [h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255].map((x) => x.toString(16).padStart(2, '0'));
  return `${prefix}:${b.join(':')}`;
}

function iface(n: number, name: string, flags: string, mtu: number, tail: string, link: string, inet: string): string[] {
  return [`${n}: ${name}: <${flags}> mtu ${mtu} ${tail}`, `    ${link}`, `    ${inet}`, '       valid_lft forever preferred_lft forever'];
}

const LO = iface(1, 'lo', 'LOOPBACK,UP,LOWER_UP', 65536, 'qdisc noqueue state UNKNOWN group default qlen 1000', 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00', 'inet 127.0.0.1/8 scope host lo');

function nodeOf(sim: SimState, name: string): Node | undefined {
  return getStored<Node>(sim, 'nodes', name);
}

/** `ip addr` on the current host. */
export function ipAddr(sim: SimState, host: Host): string {
  if (host.kind === 'pod') {
    const pod = getStored<Pod>(sim, 'pods', `${host.namespace}/${host.pod}`);
    const ip = pod?.status?.podIP ?? '';
    const brd = intToIp(ipToInt(ip || '0.0.0.0') | 255);
    return [...LO, ...iface(2, 'eth0@if7', 'BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN', 1450, 'qdisc noqueue state UP group default qlen 1000',
      `link/ether ${mac(ip, '0a:58')} brd ff:ff:ff:ff:ff:ff link-netnsid 0`, `inet ${ip}/24 brd ${brd} scope global eth0`)].join('\n') + '\n';
  }
  const node = nodeOf(sim, host.node);
  const ip = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  const cidr = parseCidr(node?.spec.podCIDR ?? '10.244.0.0/24')!;
  const lines = [...LO,
    ...iface(2, 'eth0', 'BROADCAST,MULTICAST,UP,LOWER_UP', 1500, 'qdisc fq_codel state UP group default qlen 1000', `link/ether ${mac(ip, '08:00:27')} brd ff:ff:ff:ff:ff:ff`, `inet ${ip}/24 brd ${intToIp(ipToInt(ip) | 255)} scope global eth0`),
    ...iface(3, 'flannel.1', 'BROADCAST,MULTICAST,UP,LOWER_UP', 1450, 'qdisc noqueue state UNKNOWN group default', `link/ether ${mac(`f${ip}`, '2a')} brd ff:ff:ff:ff:ff:ff`, `inet ${intToIp(cidr.base)}/32 scope global flannel.1`)];
  const hasPods = listStored<Pod>(sim, 'pods').some((p) => p.spec.nodeName === host.node && !p.spec.hostNetwork && p.status?.podIP);
  if (hasPods) lines.push(...iface(4, 'cni0', 'BROADCAST,MULTICAST,UP,LOWER_UP', 1450, 'qdisc noqueue state UP group default qlen 1000', `link/ether ${mac(`c${ip}`, '2e')} brd ff:ff:ff:ff:ff:ff`, `inet ${intToIp(cidr.base + 1)}/${cidr.prefix} brd ${intToIp(cidr.base + cidr.size - 1)} scope global cni0`));
  const vips = sim.proxy?.[host.node]?.rules.ipvs?.dummyAddresses ?? [];
  if (vips.length) {
    lines.push(`${hasPods ? 5 : 4}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `, `    link/ether ${mac(`k${ip}`, '6e:5a:8d')} brd ff:ff:ff:ff:ff:ff`);
    for (const v of vips) lines.push(`    inet ${v}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return `${lines.join('\n')}\n`;
}

/** `ip route` on the current host. */
export function ipRoute(sim: SimState, host: Host): string {
  if (host.kind === 'pod') {
    const pod = getStored<Pod>(sim, 'pods', `${host.namespace}/${host.pod}`);
    const node = nodeOf(sim, host.node);
    const cidr = parseCidr(node?.spec.podCIDR ?? '10.244.0.0/24')!;
    const gw = intToIp(cidr.base + 1);
    return `default via ${gw} dev eth0\n${sim.config.podCIDR} via ${gw} dev eth0\n${node?.spec.podCIDR} dev eth0 scope link  src ${pod?.status?.podIP ?? ''}\n`;
  }
  const nodes = listStored<Node>(sim, 'nodes');
  const me = nodes.find((n) => n.metadata.name === host.node);
  const ip = me?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  const routes = [`default via ${intToIp((ipToInt(ip) & 0xffffff00) + 1)} dev eth0 proto static`];
  const podRoutes = nodes.map((n) => {
    const c = parseCidr(n.spec.podCIDR!)!;
    return n === me ? `${n.spec.podCIDR} dev cni0 proto kernel scope link src ${intToIp(c.base + 1)}` : `${n.spec.podCIDR} via ${intToIp(c.base)} dev flannel.1 onlink`;
  });
  routes.push(...podRoutes, `${intToIp(ipToInt(ip) & 0xffffff00)}/24 dev eth0 proto kernel scope link src ${ip}`);
  return `${routes.join('\n')}\n`;
}
