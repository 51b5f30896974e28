// The tools that show what kube-proxy and the kernel do with packets: the clients that send them
// (curl, wget, nc, ping, telnet, the DNS clients), the lab's own `trace`, and the views of a
// node's netfilter and IPVS state (iptables-save, iptables, ipvsadm, ipset, nft, conntrack).
import type { CommandSpec } from '../types.js';
import { CONNTRACK_COMMANDS } from './conntrack.js';
import { DNS_COMMANDS } from './dns.js';
import { IPTABLES_COMMANDS } from './iptables-tools.js';
import { IPVS_COMMANDS } from './ipvs-tools.js';
import { NFT_COMMAND } from './nft-tool.js';
import { NET_TOOL_COMMANDS } from './net-tools/index.js';
import { TRACE_COMMAND } from './trace.js';

/** Commands that send packets or inspect the dataplane. */
export const NODE_TOOL_COMMANDS: CommandSpec[] = [...NET_TOOL_COMMANDS, ...DNS_COMMANDS, TRACE_COMMAND, ...IPTABLES_COMMANDS, ...IPVS_COMMANDS, NFT_COMMAND, ...CONNTRACK_COMMANDS];
