// Reads the rule text kube-proxy's table holds (as `nft list` prints it) back into matches and
// statements, so the evaluator runs exactly what the learner sees. It knows the expressions
// kube-proxy writes (pkg/proxy/nftables/proxier.go) and nothing more; anything else is reported.

/** A match: all of a rule's matches must hold for its statements to run. */
export type NftMatch =
  | { kind: 'ctNew' }
  | { kind: 'addr'; field: 'saddr' | 'daddr'; negate: boolean; values: string[] }
  | { kind: 'inSet'; field: 'saddr' | 'daddr'; negate: boolean; set: string }
  | { kind: 'dport'; proto: string; port: number }
  | { kind: 'l4proto'; proto: string }
  | { kind: 'fibLocal'; field: 'saddr' | 'daddr' }
  | { kind: 'mark'; mask: number; negate: boolean; value: number };

/** A statement: what a matching rule does. */
export type NftStatement =
  | { kind: 'verdict'; verdict: 'accept' | 'drop' | 'reject' | 'return' }
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'vmap'; map: string; key: 'daddr.proto.port' | 'proto.port' }
  | { kind: 'numgen'; mod: number; targets: Record<number, string> }
  | { kind: 'markOr' | 'markXor'; value: number }
  | { kind: 'masquerade' }
  | { kind: 'dnat'; ip: string; port: number }
  | { kind: 'update'; set: string };

/** A parsed rule, or the reason it could not be read. */
export type ParsedRule = { matches: NftMatch[]; statement: NftStatement } | { error: string };

const IP = String.raw`(ip6?) (saddr|daddr) (!= )?`;
const MATCHERS: [RegExp, (m: RegExpExecArray) => NftMatch][] = [
  [/^ct state new /, () => ({ kind: 'ctNew' })],
  [new RegExp(`^${IP}@(\\S+) `), (m) => ({ kind: 'inSet', field: m[2] as 'saddr', negate: !!m[3], set: m[4]! })],
  [new RegExp(`^${IP}\\{ ([^}]*) \\} `), (m) => ({ kind: 'addr', field: m[2] as 'saddr', negate: !!m[3], values: m[4]!.split(', ') })],
  [new RegExp(`^${IP}([0-9a-f:][0-9a-f.:/]*) `), (m) => ({ kind: 'addr', field: m[2] as 'saddr', negate: !!m[3], values: [m[4]!] })],
  [/^(tcp|udp|sctp) dport (\d+) /, (m) => ({ kind: 'dport', proto: m[1]!, port: Number(m[2]) })],
  [/^meta l4proto (tcp|udp|sctp) /, (m) => ({ kind: 'l4proto', proto: m[1]! })],
  [/^fib (saddr|daddr) type local /, (m) => ({ kind: 'fibLocal', field: m[1] as 'saddr' })],
  [/^meta mark & (0x[0-9a-f]+) (==|!=) (0x[0-9a-f]+) /, (m) => ({ kind: 'mark', mask: Number(m[1]), negate: m[2] === '!=', value: Number(m[3]) })],
];

function numgenTargets(body: string): Record<number, string> {
  const out: Record<number, string> = {};
  for (const part of body.split(', ')) {
    const m = /^(\d+) : goto (\S+)$/.exec(part);
    if (m) out[Number(m[1])] = m[2]!;
  }
  return out;
}

const STATEMENTS: [RegExp, (m: RegExpExecArray) => NftStatement][] = [
  [/^(accept|drop|reject|return)$/, (m) => ({ kind: 'verdict', verdict: m[1] as 'accept' })],
  [/^(jump|goto) (\S+)$/, (m) => ({ kind: m[1] as 'jump', chain: m[2]! })],
  [/^ip6? daddr \. meta l4proto \. th dport vmap @(\S+)$/, (m) => ({ kind: 'vmap', map: m[1]!, key: 'daddr.proto.port' })],
  [/^meta l4proto \. th dport vmap @(\S+)$/, (m) => ({ kind: 'vmap', map: m[1]!, key: 'proto.port' })],
  [/^numgen random mod (\d+) vmap \{ (.*) \}$/, (m) => ({ kind: 'numgen', mod: Number(m[1]), targets: numgenTargets(m[2]!) })],
  [/^meta mark set meta mark \| (0x[0-9a-f]+)$/, (m) => ({ kind: 'markOr', value: Number(m[1]) })],
  [/^meta mark set meta mark \^ (0x[0-9a-f]+)$/, (m) => ({ kind: 'markXor', value: Number(m[1]) })],
  [/^masquerade( fully-random)?$/, () => ({ kind: 'masquerade' })],
  [/^dnat to \[?([0-9a-f.:]+?)\]?:(\d+)$/, (m) => ({ kind: 'dnat', ip: m[1]!, port: Number(m[2]) })],
  [/^update @(\S+) \{ ip6? saddr \}$/, (m) => ({ kind: 'update', set: m[1]! })],
];

const cache = new Map<string, ParsedRule>();

/** Parses one rule (memoised: the same texts recur for every packet). */
export function parseRule(text: string): ParsedRule {
  const hit = cache.get(text);
  if (hit) return hit;
  let rest = text.replace(/ comment "[^"]*"$/, '');
  const matches: NftMatch[] = [];
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const [re, make] of MATCHERS) {
      const m = re.exec(rest);
      if (!m) continue;
      matches.push(make(m));
      rest = rest.slice(m[0].length);
      progressed = true;
      break;
    }
  }
  let parsed: ParsedRule = { error: `unsupported rule: ${text}` };
  for (const [re, make] of STATEMENTS) {
    const m = re.exec(rest);
    if (m) {
      parsed = { matches, statement: make(m) };
      break;
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(text, parsed);
  return parsed;
}
