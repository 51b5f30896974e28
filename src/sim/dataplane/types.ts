// The dataplane's plain data: a packet as netfilter sees it, the hops a packet takes (what `trace`
// prints and the NAT pane lights up), and each node's kernel state that outlives one packet —
// conntrack entries and the `recent` match's address lists (xt_recent).

/** A packet's headers as netfilter matches them. */
export interface NfPacket {
  proto: 'tcp' | 'udp' | 'sctp' | 'icmp';
  src: string;
  sport: number;
  dst: string;
  dport: number;
  /** The skb mark (kube-proxy's masquerade bit is 0x4000). */
  mark: number;
}

/** One step of a packet's journey: a rule it matched (or a chain's end), or a routing/delivery step. */
export interface Hop {
  /** The node (or `laptop`) where it happened. */
  host: string;
  kind: 'rule' | 'policy' | 'route' | 'deliver' | 'drop' | 'reject' | 'ipvs' | 'nft' | 'conntrack' | 'app' | 'proxy';
  /** For rules: the table and chain, the 1-based rule number and the rule as iptables-save prints it. */
  table?: string;
  chain?: string;
  index?: number;
  rule?: string;
  /** What happened, in words (`probability 0.33333333349: drew 0.1932 → match`, `DNAT to 10.244.1.5:8080`). */
  detail: string;
  /** The packet after this step. */
  packet: NfPacket;
}

/** A conntrack entry: the original direction and, after NAT, the reply direction. */
export interface ConntrackEntry {
  proto: 'tcp' | 'udp' | 'sctp' | 'icmp';
  /** Original tuple. */
  src: string;
  sport: number;
  dst: string;
  dport: number;
  /** Reply tuple (after DNAT/SNAT): the reply comes from replySrc:replySport to replyDst:replyDport. */
  replySrc: string;
  replySport: number;
  replyDst: string;
  replyDport: number;
  /** TCP state (`ESTABLISHED`, `TIME_WAIT`) or '' for UDP. */
  state: string;
  /** Simulated ms when the entry expires. */
  expires: number;
  /** `[ASSURED]` once a reply was seen. */
  assured: boolean;
  /** `[UNREPLIED]`: no packet has come back yet (IPS_SEEN_REPLY unset); absent means a reply was seen. */
  unreplied?: boolean;
  mark: number;
  id: number;
}

/** One address list of the `recent` match (`--name KUBE-SEP-...`): source IP → last seen (ms). */
export type RecentList = Record<string, number>;

/** A node's kernel networking state that persists between packets. */
export interface NodeKernel {
  conntrack: ConntrackEntry[];
  recent: Record<string, RecentList>;
  /** Next conntrack id. */
  nextId: number;
  /** Round-robin positions: IPVS's per virtual server (`TCP 10.96.0.10:53`), the userspace proxier's per service (`userspace ns/name:port`). */
  ipvsNext?: Record<string, number>;
  /** IPVS persistence (sessionAffinity ClientIP): per virtual server and client IP, the real server and until when. */
  ipvsPersist?: Record<string, { server: string; until: number }>;
  /** nftables mode's ClientIP affinity sets (`affinity-…`): set name → source IP → expiry (ms). */
  nftAffinity?: Record<string, Record<string, number>>;
}

/** How a connection attempt (TCP) or a datagram exchange (UDP) ended, as the client's kernel reports it. */
export type ConnectOutcome =
  /** The server accepted (TCP handshake done, or a UDP reply came back). */
  | 'connected'
  /** An RST or ICMP port-unreachable came back: ECONNREFUSED (a REJECT rule, or nothing listening). */
  | 'refused'
  /** Nothing came back: the packet was dropped or lost (ETIMEDOUT after the tool's or the kernel's timeout). */
  | 'timeout'
  /** ICMP host-unreachable: no neighbour answered ARP for the next hop (EHOSTUNREACH, "No route to host"). */
  | 'unreachable'
  /** The sender has no route at all (ENETUNREACH, "Network is unreachable"). */
  | 'no-route';

/** Who answered a connection. */
export interface ServerSide {
  /** A pod's container (namespace/name and the container name), or a node's own process (hostNetwork pods included). */
  kind: 'pod' | 'node';
  namespace?: string;
  pod?: string;
  container?: string;
  node: string;
  ip: string;
  port: number;
}

/** The result of one connection attempt through the dataplane. */
export interface ConnectResult {
  outcome: ConnectOutcome;
  server?: ServerSide;
  /** The client address and port the server saw (after any SNAT/masquerade). */
  seenFrom?: { ip: string; port: number };
  /** The client's own source address and port. */
  from: { ip: string; port: number };
  /** Every hop, in order: what `trace` prints and the NAT pane lights up. */
  hops: Hop[];
  /** Simulated milliseconds until the outcome was known (a timeout's length, a round trip otherwise). */
  elapsedMs: number;
  /** For a netfilter REJECT: the address the ICMP port-unreachable came from. */
  rejectedBy?: string;
}
