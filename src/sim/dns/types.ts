// DNS messages as plain data: the questions clients send and the replies CoreDNS writes, shaped
// after miekg/dns (github.com/miekg/dns msg.go, types.go), which CoreDNS uses for every message.
// Only the record types a cluster's DNS serves are modelled; classes other than IN are left out.

/** The query types the lab's resolvers and CoreDNS understand. */
export const DNS_TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'MX', 'NS', 'SOA', 'ANY'] as const;
/** One of DNS_TYPES. */
export type DnsType = (typeof DNS_TYPES)[number];

/** A question: a name (with or without the final dot) and a type. */
export interface DnsQuery {
  name: string;
  type: DnsType;
}

/** Response codes (RFC 1035 4.1.1) the lab produces. */
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

/** The numeric value of each response code, as it travels in the header. */
export const RCODE_VALUES: Record<Rcode, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

/** The numeric value of each type (RFC 1035, RFC 2782, RFC 3596). */
export const TYPE_VALUES: Record<DnsType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 };

/** The fields every resource record carries; names are fully qualified, ending in a dot. */
interface RecordHeader {
  name: string;
  ttl: number;
}

/** A resource record, by type. */
export type DnsRecord =
  | (RecordHeader & { type: 'A' | 'AAAA'; address: string })
  | (RecordHeader & { type: 'CNAME' | 'PTR' | 'NS'; target: string })
  | (RecordHeader & { type: 'SRV'; priority: number; weight: number; port: number; target: string })
  | (RecordHeader & { type: 'MX'; preference: number; target: string })
  | (RecordHeader & { type: 'TXT'; text: string })
  | (RecordHeader & { type: 'SOA'; mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number });

/** A reply, as the server wrote it, plus how long after the query it arrives. */
export interface DnsResponse {
  /** The question, echoed as the client asked it (fully qualified). */
  question: { name: string; type: DnsType };
  rcode: Rcode;
  /** The AA bit: CoreDNS sets it for everything the kubernetes plugin answers. */
  authoritative: boolean;
  /** The RA bit: CoreDNS never sets it (miekg/dns SetReply leaves it clear). */
  recursionAvailable: boolean;
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** Milliseconds between the query leaving the client and the reply arriving. */
  delayMs: number;
  /**
   * The UDP size the server puts in its own OPT record when the query had one; undefined when it
   * reflects the query's OPT with its options, as CoreDNS does (request.go SizeAndDo).
   */
  ednsUdpSize?: number;
}

/** An empty reply to a question: the base every server's answer builds on. */
export function emptyReply(query: DnsQuery, rcode: Rcode, delayMs = 0): DnsResponse {
  return {
    question: { name: fqdn(query.name), type: query.type },
    rcode, authoritative: false, recursionAvailable: false, answer: [], authority: [], additional: [], delayMs,
  };
}

/** A name in fully qualified form, its case kept (servers echo the case a client asked in). */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** A name as servers compare names: fully qualified and lower-case (RFC 4343). */
export function canonicalName(name: string): string {
  return fqdn(name).toLowerCase();
}
