// bash's compound commands (parse.y: for_command, while_command, until_command, if_command) as
// tutorials use them: `for i in $(seq 1 5); do curl ...; done`, `while ...; do ...; done`,
// `if ...; then ...; elif ...; else ...; fi`, with trailing redirections. No case, select or `((`.
import type { Word } from './lexer.js';
import { isOp, parseAndOr, parseRedir, peek, REDIR_OPS, unexpected, SyntaxError_, type AndOr, type P, type Redir } from './parser.js';

/** A compound command. */
export type Compound =
  | { k: 'for'; name: string; items: Word[] | undefined; body: AndOr[]; redirs: Redir[] }
  | { k: 'while'; until: boolean; cond: AndOr[]; body: AndOr[]; redirs: Redir[] }
  | { k: 'if'; branches: { cond: AndOr[]; body: AndOr[] }[]; otherwise: AndOr[] | undefined; redirs: Redir[] }
  | { k: 'group'; body: AndOr[]; redirs: Redir[] };

/** The reserved words that open a compound command. */
export const COMPOUND_WORDS = ['for', 'while', 'until', 'if', '{'];

/** Parses a compound command starting at its reserved word. */
export function parseCompound(p: P): Compound {
  const t = peek(p)!;
  p.i++;
  const raw = t.t === 'word' ? t.word.raw : '';
  const cmd = raw === 'for' ? parseFor(p) : raw === 'if' ? parseIf(p) : raw === '{' ? parseGroup(p) : parseWhile(p, raw === 'until');
  for (let r = peek(p); r?.t === 'op' && REDIR_OPS.has(r.op); r = peek(p)) {
    p.i++;
    cmd.redirs.push(parseRedir(p, r));
  }
  return cmd;
}

function isWord(p: P, ...raws: string[]): boolean {
  const t = peek(p);
  return t?.t === 'word' && raws.includes(t.word.raw);
}

function expectWord(p: P, raw: string): void {
  if (!isWord(p, raw)) throw unexpected(peek(p));
  p.i++;
}

/** A list of and-or commands up to (not including) one of the closing reserved words. */
function parseList(p: P, ends: string[]): AndOr[] {
  const list: AndOr[] = [];
  for (;;) {
    while (isOp(peek(p), '\n', ';', '&')) p.i++;
    if (!peek(p)) throw unexpected(undefined);
    if (isWord(p, ...ends)) {
      if (list.length === 0) throw unexpected(peek(p));
      return list;
    }
    list.push(parseAndOr(p));
    const n = peek(p);
    if (!n) throw unexpected(undefined);
    if (!isOp(n, '\n', ';', '&')) throw unexpected(n);
  }
}

function parseFor(p: P): Compound {
  const t = peek(p);
  if (t?.t !== 'word') throw unexpected(t);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.word.raw)) throw new SyntaxError_(`\`${t.word.raw}': not a valid identifier`);
  p.i++;
  while (isOp(peek(p), '\n')) p.i++;
  let items: Word[] | undefined;
  if (isWord(p, 'in')) {
    p.i++;
    items = [];
    for (let w = peek(p); w?.t === 'word'; w = peek(p)) { items.push(w.word); p.i++; }
    if (!isOp(peek(p), ';', '\n')) throw unexpected(peek(p));
  }
  while (isOp(peek(p), '\n', ';')) p.i++;
  expectWord(p, 'do');
  const body = parseList(p, ['done']);
  expectWord(p, 'done');
  return { k: 'for', name: t.word.raw, items, body, redirs: [] };
}

function parseWhile(p: P, until: boolean): Compound {
  const cond = parseList(p, ['do']);
  expectWord(p, 'do');
  const body = parseList(p, ['done']);
  expectWord(p, 'done');
  return { k: 'while', until, cond, body, redirs: [] };
}

function parseIf(p: P): Compound {
  const branches: { cond: AndOr[]; body: AndOr[] }[] = [];
  let otherwise: AndOr[] | undefined;
  for (;;) {
    const cond = parseList(p, ['then']);
    expectWord(p, 'then');
    branches.push({ cond, body: parseList(p, ['elif', 'else', 'fi']) });
    if (isWord(p, 'elif')) { p.i++; continue; }
    if (isWord(p, 'else')) { p.i++; otherwise = parseList(p, ['fi']); }
    expectWord(p, 'fi');
    return { k: 'if', branches, otherwise, redirs: [] };
  }
}

function parseGroup(p: P): Compound {
  const body = parseList(p, ['}']);
  expectWord(p, '}');
  return { k: 'group', body, redirs: [] };
}
