// Go's time.ParseDuration (time/format.go), which pflag uses for kubectl's --timeout flags:
// `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` with units ns, us, µs, ms, s, m, h, and "0" alone; its three
// error texts with the time package's own quoting. Precision is a float's, not int64 nanoseconds.

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.quote: double quotes, `"` and `\` escaped, control and non-ASCII characters as \x bytes of their UTF-8. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c >= 0x80) for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

/** A duration in seconds (negative allowed), or the error text `time: ...` Go gives. */
export function parseGoDuration(orig: string): { seconds: number } | { error: string } {
  const invalid = { error: `time: invalid duration ${quote(orig)}` };
  let s = orig;
  const neg = s.startsWith('-');
  if (neg || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return { seconds: 0 };
  if (s === '') return invalid;
  let ns = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || (m[1] === '' && !m[2])) return invalid;
    s = s.slice(m[0].length);
    const unit = /^[^.\d]*/.exec(s)![0];
    if (unit === '') return { error: `time: missing unit in duration ${quote(orig)}` };
    const scale = UNIT_NS[unit];
    if (scale === undefined) return { error: `time: unknown unit ${quote(unit)} in duration ${quote(orig)}` };
    s = s.slice(unit.length);
    ns += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * scale;
    if (ns > 2 ** 63 - 1) return invalid;
  }
  return { seconds: (neg ? -ns : ns) / 1e9 };
}
