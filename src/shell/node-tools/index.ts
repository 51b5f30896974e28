// The node tools that read kube-proxy's work — curl, iptables-save, ipvsadm, nft, nslookup,
// conntrack, the kube-proxy logs — take their place here, next to the shell's other commands,
// once kube-proxy and the dataplane exist in the simulation.
import type { CommandSpec } from '../types.js';

/** Commands that inspect the dataplane of a node (none yet). */
export const NODE_TOOL_COMMANDS: CommandSpec[] = [];
