// The learner's own machine, `laptop`: the host of the VirtualBox-style host-only network the nodes
// live on (vboxnet0, 192.168.56.1/24 — the nodes' default gateway) and of a home Wi-Fi link. It
// reaches the nodes' addresses but has no route into the pod or service networks.
import { LAPTOP } from '../../sim/dataplane/topology.js';

/** The laptop's name as `ssh` and the prompt know it. */
export const LAPTOP_NAME = LAPTOP.name;

/** True for the names and address that mean the laptop. */
export function isLaptopTarget(target: string): boolean {
  const name = target.replace(/^[^@]*@/, '');
  return name === LAPTOP.name || name === LAPTOP.ip;
}

/** `ip addr` on the laptop. */
export function laptopIpAddr(): string {
  return [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '2: wlp2s0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000',
    '    link/ether 3c:22:fb:41:8e:17 brd ff:ff:ff:ff:ff:ff',
    '    inet 192.168.1.23/24 brd 192.168.1.255 scope global dynamic noprefixroute wlp2s0',
    '       valid_lft 85912sec preferred_lft 85912sec',
    '3: vboxnet0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
    '    link/ether 0a:00:27:00:00:00 brd ff:ff:ff:ff:ff:ff',
    `    inet ${LAPTOP.ip}/24 brd 192.168.56.255 scope global vboxnet0`,
    '       valid_lft forever preferred_lft forever',
    '',
  ].join('\n');
}

/** `ip route` on the laptop. */
export function laptopIpRoute(): string {
  return [
    'default via 192.168.1.1 dev wlp2s0 proto dhcp metric 600',
    '192.168.1.0/24 dev wlp2s0 proto kernel scope link src 192.168.1.23 metric 600',
    `192.168.56.0/24 dev vboxnet0 proto kernel scope link src ${LAPTOP.ip}`,
    '',
  ].join('\n');
}
