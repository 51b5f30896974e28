// bash's word scanning (parse.y read_token_word, parse_matched_pair): quotes, backslashes,
// `$VAR`, `${VAR}`, `$(...)` and backticks, kept as parts so expansion knows what was quoted.
// Arithmetic `$((...))` is scanned as a command substitution; `~user` is left literal.

/** One piece of a word: literal text, a parameter, or a command substitution (q: inside quotes). */
export type WordPart =
  | { k: 'lit'; text: string; q: boolean }
  | { k: 'var'; name: string; q: boolean }
  | { k: 'sub'; src: string; q: boolean }
  | { k: 'arith'; src: string; q: boolean };

/** A scan failure: the construct that was left open, and the bash text for it. */
export interface Unclosed { open: 'quote'; error: string }

/** The result of scanning a construct that starts at `i`: its parts and where it ends. */
export type Scanned = { ok: true; parts: WordPart[]; end: number } | ({ ok: false } & Unclosed);

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function unclosed(ch: string): { ok: false } & Unclosed {
  return { ok: false, open: 'quote', error: `unexpected EOF while looking for matching \`${ch}'` };
}

/** Finds the `)` closing a `$(` whose body starts at `i`, skipping quotes and nested parens; -1 if none. */
export function matchParen(s: string, i: number): number {
  let depth = 1;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
    else if (c === "'") { j = s.indexOf("'", j + 1); if (j < 0) return -1; }
    else if (c === '"') { j = skipDouble(s, j + 1); if (j < 0) return -1; }
  }
  return -1;
}

function skipDouble(s: string, i: number): number {
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '"') return j;
  }
  return -1;
}

function matchBacktick(s: string, i: number): number {
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '`') return j;
  }
  return -1;
}

/** Scans a `$` expansion at `i` (the `$` itself); a `$` that starts nothing is literal. */
export function scanDollar(s: string, i: number, q: boolean): Scanned {
  const c = s[i + 1] ?? '';
  if (c === '(') {
    const end = matchParen(s, i + 2);
    if (end < 0) return unclosed(')');
    if (s[i + 2] === '(' && s[end - 1] === ')' && matchParen(s, i + 3) === end - 1) {
      return { ok: true, parts: [{ k: 'arith', src: s.slice(i + 3, end - 1), q }], end: end + 1 };
    }
    return { ok: true, parts: [{ k: 'sub', src: s.slice(i + 2, end), q }], end: end + 1 };
  }
  if (c === "'" && !q) return scanAnsiC(s, i + 2);
  if (c === '{') {
    const end = s.indexOf('}', i + 2);
    if (end < 0) return unclosed('}');
    return { ok: true, parts: [{ k: 'var', name: s.slice(i + 2, end), q }], end: end + 1 };
  }
  if ('?$#!@*-0123456789'.includes(c) && c !== '') return { ok: true, parts: [{ k: 'var', name: c, q }], end: i + 2 };
  if (NAME_START.test(c)) {
    let j = i + 1;
    while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
    return { ok: true, parts: [{ k: 'var', name: s.slice(i + 1, j), q }], end: j };
  }
  return { ok: true, parts: [{ k: 'lit', text: '$', q }], end: i + 1 };
}

/** Scans a backtick substitution at `i`; inside it `\$`, `\`` and `\\` lose their backslash. */
export function scanBacktick(s: string, i: number, q: boolean): Scanned {
  const end = matchBacktick(s, i + 1);
  if (end < 0) return unclosed('`');
  const src = s.slice(i + 1, end).replace(/\\([$`\\])/g, '$1');
  return { ok: true, parts: [{ k: 'sub', src, q }], end: end + 1 };
}

/**
 * Scans double-quoted text from `i` (just after the opening quote) to the closing quote; with
 * `heredoc` set, scans a whole here-document body, where `"` is an ordinary character.
 */
export function scanDouble(s: string, i: number, heredoc = false): Scanned {
  const parts: WordPart[] = [];
  let lit = '';
  const flush = (): void => { if (lit) parts.push({ k: 'lit', text: lit, q: true }); lit = ''; };
  let j = i;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '"' && !heredoc) { flush(); return { ok: true, parts: parts.length ? parts : [{ k: 'lit', text: '', q: true }], end: j + 1 }; }
    if (c === '\\') {
      const n = s[j + 1];
      if (n === '\n') { j += 2; continue; }
      if (n !== undefined && '$`\\'.includes(n) || (n === '"' && !heredoc)) { lit += n; j += 2; continue; }
      lit += c; j++; continue;
    }
    if (c === '$' || c === '`') {
      const r = c === '$' ? scanDollar(s, j, true) : scanBacktick(s, j, true);
      if (!r.ok) return r;
      flush(); parts.push(...r.parts); j = r.end; continue;
    }
    lit += c; j++;
  }
  if (heredoc) { flush(); return { ok: true, parts, end: j }; }
  return unclosed('"');
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Scans ANSI-C quoting `$'...'` from just after the quote: backslash escapes become characters. */
function scanAnsiC(s: string, i: number): Scanned {
  let text = '';
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === "'") return { ok: true, parts: [{ k: 'lit', text, q: true }], end: j + 1 };
    if (c !== '\\' || j + 1 >= s.length) { text += c; continue; }
    const n = s[++j]!;
    const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(s.slice(j + 1)) : null;
    const oct = /[0-7]/.test(n) ? /^[0-7]{1,3}/.exec(s.slice(j)) : null;
    if (hex) { text += String.fromCharCode(parseInt(hex[0], 16)); j += hex[0].length; }
    else if (oct) { text += String.fromCharCode(parseInt(oct[0], 8)); j += oct[0].length - 1; }
    else text += ANSI_C[n] ?? '\\' + n;
  }
  return unclosed("'");
}
