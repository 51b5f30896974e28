// The node tools that read what kube-proxy and the kernel hold on a node: conntrack so far;
// iptables-save, ipvsadm, nft, the DNS and HTTP clients join as the dataplane grows.
import type { CommandSpec } from '../types.js';
import { CONNTRACK_COMMANDS } from './conntrack.js';
import { IPTABLES_COMMANDS } from './iptables-tools.js';

/** Commands that inspect the dataplane of a node. */
export const NODE_TOOL_COMMANDS: CommandSpec[] = [...IPTABLES_COMMANDS, ...CONNTRACK_COMMANDS];
