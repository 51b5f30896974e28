// bash's word expansions (subst.c expand_word_list_internal): parameters, command
// substitution, field splitting on default IFS, pathname expansion against the lab's files and
// quote removal. Only the `${VAR:-word}`/`${VAR-word}`/`${#VAR}` parameter forms are understood.
import type { Word } from './lexer.js';
import { scanDouble, type WordPart } from './words.js';
import { evalArith } from './arith.js';

/** What expansion needs from the running shell. */
export interface Expander {
  /** The value of a parameter, or undefined when unset. */
  lookup(name: string): string | undefined;
  /** Runs a command substitution and returns its standard output. */
  substitute(src: string): string;
  /** Paths matching a glob field, sorted; empty when none match. */
  glob(pattern: string): string[];
  /** Reports an expansion error (bash prints it and the command does not run). */
  fail(message: string): void;
}

/** Expands a parameter reference `name` (the inside of `${...}` or a plain name). */
export function paramValue(ex: Expander, name: string): string {
  if (name.startsWith('#') && name.length > 1) return String((ex.lookup(name.slice(1)) ?? '').length);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?)([-=+?])(.*)$/s.exec(name);
  if (!m) return ex.lookup(name) ?? '';
  const v = ex.lookup(m[1]!);
  const unset = v === undefined || (m[2] === ':' && v === '');
  if (m[3] === '+') return unset ? '' : expandString(ex, m[4]!);
  return unset ? expandString(ex, m[4]!) : v;
}

function partValue(ex: Expander, p: WordPart): string {
  switch (p.k) {
    case 'lit': return p.text;
    case 'var': return paramValue(ex, p.name);
    case 'sub': return ex.substitute(p.src).replace(/\n+$/, '');
    case 'arith': return arithValue(ex, p.src);
    default: { const never: never = p; return never; }
  }
}

function arithValue(ex: Expander, src: string): string {
  const expanded = expandString(ex, src);
  try {
    return String(evalArith(expanded, (n) => ex.lookup(n)));
  } catch (e) {
    ex.fail(`${expanded}: ${(e as Error).message}`);
    return '';
  }
}

/**
 * The longest word an expansion may make. bash grows a word until memory runs out; the lab stops at
 * 16 MiB (a variable doubled in a loop would otherwise take the whole lab down).
 */
export const MAX_WORD_LENGTH = 16 * 1024 * 1024;

const TOO_LONG = `expansion longer than ${MAX_WORD_LENGTH} characters: the lab's limit for one word`;

/** The parts' values joined, or '' after reporting when they would exceed MAX_WORD_LENGTH. */
function joinParts(ex: Expander, parts: readonly WordPart[]): string {
  const values: string[] = [];
  let length = 0;
  for (const p of parts) {
    const v = partValue(ex, p);
    length += v.length;
    if (length > MAX_WORD_LENGTH) {
      ex.fail(TOO_LONG);
      return '';
    }
    values.push(v);
  }
  return values.join('');
}

/** Expands text as bash expands a here-document body or a double-quoted string (no splitting). */
export function expandString(ex: Expander, text: string): string {
  const r = scanDouble(text, 0, true);
  if (!r.ok) return text;
  return joinParts(ex, r.parts);
}

/** Expands a word into a single string without field splitting (assignments, redirection targets). */
export function expandOne(ex: Expander, w: Word): string {
  return joinParts(ex, w.parts);
}

/** Expands a word into fields: splits unquoted expansions on blanks and expands unquoted globs. */
export function expandFields(ex: Expander, w: Word): string[] {
  const fields: { text: string; glob: boolean }[] = [];
  let cur = '';
  let set = false;
  let glob = false;
  const push = (): void => { if (set) fields.push({ text: cur, glob }); cur = ''; set = false; glob = false; };
  for (const p of w.parts) {
    const v = partValue(ex, p);
    if (p.k === 'lit' || p.q) {
      cur += v; set = true;
      if (p.k === 'lit' && !p.q && /[*?[]/.test(v)) glob = true;
      continue;
    }
    if (v === '') continue;
    const pieces = v.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) push();
      if (piece !== '') { cur += piece; set = true; if (/[*?[]/.test(piece)) glob = true; }
    });
    if (cur.length > MAX_WORD_LENGTH) {
      ex.fail(TOO_LONG);
      return [];
    }
  }
  push();
  return fields.flatMap((f) => {
    if (!f.glob) return [f.text];
    const m = ex.glob(f.text);
    return m.length ? m : [f.text];
  });
}

/** Converts a shell glob to a regular expression matching one path component. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) { re += '\\['; continue; }
      const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`; i = end;
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  try { return new RegExp(`^${re}$`); } catch { return /^$/; }
}
