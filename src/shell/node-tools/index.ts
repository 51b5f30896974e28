// The node tools that read what kube-proxy and the kernel hold on a node: conntrack so far;
// the DNS clients (dig, host, nslookup, getent); iptables-save, ipvsadm, nft and the HTTP clients
// join as the dataplane grows.
import type { CommandSpec } from '../types.js';
import { CONNTRACK_COMMANDS } from './conntrack.js';
import { DNS_COMMANDS } from './dns.js';
import { IPTABLES_COMMANDS } from './iptables-tools.js';
import { NET_TOOL_COMMANDS } from './net-tools/index.js';

/** Commands that inspect the dataplane of a node. */
export const NODE_TOOL_COMMANDS: CommandSpec[] = [...NET_TOOL_COMMANDS, ...IPTABLES_COMMANDS, ...CONNTRACK_COMMANDS, ...DNS_COMMANDS];
