// Reads one line of `iptables-save` back into the rule the kernel holds, as iptables-restore does
// (iptables iptables/iptables-restore.c + xshared.c do_parse): the IP-header options (`-s`, `-d`,
// `-p`, `-i`, `-o`, each with an optional `!`), then `-m` extensions, then `-j`/`-g`. Errors are
// values, never exceptions; parsed chains are memoised per rule array, since a table is built once
// per sync and then evaluated for many packets.
import { tokenize } from './tokens.js';
import { collectOptions, type Cursor } from './options.js';
import { parseMatch } from './parse-matches.js';
import { parseTarget } from './parse-targets.js';
import type { NfMatch, NfRule, NfTarget, ParsedRule } from './types.js';
import { parseAddrSpec } from './addr.js';

const HEADER_OPTIONS: Record<string, 's' | 'd' | 'p' | 'i' | 'o'> = {
  '-s': 's', '--source': 's', '--src': 's',
  '-d': 'd', '--destination': 'd', '--dst': 'd',
  '-p': 'p', '--protocol': 'p',
  '-i': 'i', '--in-interface': 'i',
  '-o': 'o', '--out-interface': 'o',
};

const EXTENSION_OPTIONS = ['-m', '--match', '-j', '--jump', '-g', '--goto'];

function headerMatch(opt: 's' | 'd' | 'p' | 'i' | 'o', value: string, invert: boolean): NfMatch | string {
  switch (opt) {
    case 's':
    case 'd': {
      const addr = parseAddrSpec(value, invert);
      if (!addr) return `bad address "${value}"`;
      return opt === 's' ? { kind: 'src', addr } : { kind: 'dst', addr };
    }
    case 'p': return { kind: 'proto', invert, proto: value.toLowerCase() };
    case 'i':
    case 'o':
      return { kind: 'iface', dir: opt === 'i' ? 'in' : 'out', invert, name: value };
    default: {
      const never: never = opt;
      return never;
    }
  }
}

interface Building {
  chain: string;
  matches: NfMatch[];
  target?: NfTarget;
}

/** Handles one option at the cursor; returns an error text or undefined. */
function step(c: Cursor, b: Building, invert: boolean): string | undefined {
  const word = c.toks[c.i]!.text;
  const value = c.toks[c.i + 1];
  if (!HEADER_OPTIONS[word] && !EXTENSION_OPTIONS.includes(word)) return `unknown option "${word}"`;
  if (!value) return `option "${word}" needs a value`;
  c.i += 2;
  const header = HEADER_OPTIONS[word];
  if (header) {
    const m = headerMatch(header, value.text, invert);
    if (typeof m === 'string') return m;
    b.matches.push(m);
    return undefined;
  }
  if (invert) return `"!" cannot precede "${word}"`;
  if (b.target) return `"${word}" after the target`;
  const opts = collectOptions(c);
  if (typeof opts === 'string') return opts;
  if (word === '-m' || word === '--match') {
    const m = parseMatch(value.text, opts);
    if (typeof m === 'string') return m;
    b.matches.push(m);
    return undefined;
  }
  if (word === '-g' || word === '--goto') {
    if (opts.length) return `-g ${value.text} takes no options`;
    b.target = { kind: 'goto', chain: value.text };
    return undefined;
  }
  const t = parseTarget(value.text, opts);
  if (typeof t === 'string') return t;
  b.target = t;
  return undefined;
}

/** Parses one `-A CHAIN ...` line as iptables-save prints it. */
export function parseRule(line: string): ParsedRule {
  const toks = tokenize(line);
  const fail = (error: string): ParsedRule => ({ ok: false, error, line });
  if (!toks) return fail('unterminated quote');
  const c: Cursor = { toks, i: 0 };
  const b: Building = { chain: '', matches: [] };
  if (toks[0]?.text === '-A' || toks[0]?.text === '--append') {
    if (!toks[1]) return fail('-A needs a chain');
    b.chain = toks[1].text;
    c.i = 2;
  }
  while (c.i < toks.length) {
    const t = toks[c.i]!;
    const invert = !t.quoted && t.text === '!';
    if (invert) c.i++;
    if (c.i >= toks.length || toks[c.i]!.quoted) return fail(`unexpected word "${toks[c.i]?.text ?? '!'}"`);
    const err = step(c, b, invert);
    if (err) return fail(err);
  }
  const rule: NfRule = { chain: b.chain, matches: b.matches, target: b.target ?? { kind: 'none' }, line };
  return { ok: true, rule };
}

const memo = new WeakMap<readonly string[], ParsedRule[]>();
/** Lines seen before: a sync rewrites chains into new arrays, but most of their lines are unchanged. */
const lineMemo = new Map<string, ParsedRule>();
const LINE_MEMO_MAX = 200_000;

function parseKnown(line: string): ParsedRule {
  let parsed = lineMemo.get(line);
  if (!parsed) {
    if (lineMemo.size >= LINE_MEMO_MAX) lineMemo.clear();
    parsed = parseRule(line);
    lineMemo.set(line, parsed);
  }
  return parsed;
}

/** The parsed rules of one chain, parsed once per rule array (and each distinct line once). */
export function parseChain(lines: readonly string[]): ParsedRule[] {
  let parsed = memo.get(lines);
  if (!parsed || parsed.length !== lines.length) {
    parsed = lines.map(parseKnown);
    memo.set(lines, parsed);
  }
  return parsed;
}
