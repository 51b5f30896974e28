// One rule in the normal form `iptables-save` prints (iptables' print order, not kube-proxy's input
// order): `! -s`/`-s`, `! -d`/`-d` (single addresses gain /32), `-p`, then each `-m` match in the
// order given, then the target.

/** The parts of a rule. */
export interface RuleSpec {
  src?: string;
  notSrc?: string;
  dst?: string;
  proto?: string;
  /** `-m` matches with their options, already in save form (`-m comment --comment "x"`). */
  matches?: string[];
  /** `-j TARGET ...`, or nothing for a rule without a target (kube-proxy's comment-only rule). */
  target?: string;
}

function addr(a: string): string {
  return a.includes('/') ? a : `${a}/32`;
}

/** `-A CHAIN ...` in save form. */
export function rule(chain: string, r: RuleSpec): string {
  const parts = [`-A ${chain}`];
  if (r.notSrc) parts.push(`! -s ${addr(r.notSrc)}`);
  if (r.src) parts.push(`-s ${addr(r.src)}`);
  if (r.dst) parts.push(`-d ${addr(r.dst)}`);
  if (r.proto) parts.push(`-p ${r.proto}`);
  for (const m of r.matches ?? []) parts.push(m);
  if (r.target) parts.push(`-j ${r.target}`);
  return parts.join(' ');
}

/** `-m comment --comment "text"` (kube-proxy's comments always need iptables-save's quotes). */
export function comment(text: string): string {
  return `-m comment --comment "${text}"`;
}

/** `-m tcp --dport N` (the protocol's own match with its port). */
export function dport(proto: string, port: number): string {
  return `-m ${proto} --dport ${port}`;
}

/** kube-proxy's `%0.10f` of 1/n as the statistic match stores and prints it back (`%.11f` of lround(2^31·p)/2^31). */
export function probability(n: number): string {
  const written = Number((1 / n).toFixed(10));
  return (Math.round(0x80000000 * written) / 0x80000000).toFixed(11);
}
