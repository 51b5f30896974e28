// A small awk (POSIX awk, as mawk on Ubuntu nodes runs it): a tokenizer and recursive-descent
// parser for pattern-action rules, BEGIN/END, print/printf, assignments, if/else and the usual
// expression operators. Arrays, loops, user functions and getline are left out.

/** An awk expression. */
export type Expr =
  | { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 're'; v: string }
  | { k: 'var'; name: string } | { k: 'field'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr } | { k: 'not'; e: Expr } | { k: 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr } | { k: 'incr'; op: string; target: Expr; pre: boolean }
  | { k: 'call'; name: string; args: Expr[] };

/** An awk statement. */
export type Stmt =
  | { k: 'print'; args: Expr[] } | { k: 'printf'; args: Expr[] } | { k: 'expr'; e: Expr }
  | { k: 'if'; cond: Expr; then: Stmt[]; else: Stmt[] } | { k: 'next' };

/** A rule: BEGIN, END, or a pattern (none: every line) with its action (none: print). */
export interface Rule { when: 'BEGIN' | 'END' | 'line'; pattern?: Expr; action?: Stmt[] }

type Tok = { t: 'num' | 'str' | 're' | 'name' | 'op'; v: string };

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  const re = /\s*(?:(#[^\n]*)|(\n)|(\d+\.?\d*(?:e[+-]?\d+)?)|("(?:\\.|[^"\\])*")|([A-Za-z_]\w*)|(&&|\|\||[<>!=]=|\+\+|--|[-+*/%^]=|!~|[-+*%^<>!=~?:;,(){}$[\]])|(\/))/y;
  let pos = 0;
  for (let m = re.exec(src); m && m[0] !== ''; m = re.exec(src)) {
    pos = re.lastIndex;
    if (m[1]) continue;
    if (m[2]) toks.push({ t: 'op', v: ';' });
    else if (m[3]) toks.push({ t: 'num', v: m[3] });
    else if (m[4]) toks.push({ t: 'str', v: JSON.parse(m[4].replace(/\\\//g, '/')) as string });
    else if (m[5]) toks.push({ t: 'name', v: m[5] });
    else if (m[7]) {
      const prev = toks[toks.length - 1];
      const operand = !prev || (prev.t === 'op' && !')]'.includes(prev.v)) || (prev.t === 'name' && ['print', 'printf'].includes(prev.v));
      if (!operand) { toks.push({ t: 'op', v: '/' }); continue; }
      const end = /(?:\\.|[^\\/\n])*\//y;
      end.lastIndex = re.lastIndex;
      const r = end.exec(src);
      if (!r) throw new Error('runaway regular expression');
      toks.push({ t: 're', v: r[0].slice(0, -1) });
      re.lastIndex = end.lastIndex;
      pos = re.lastIndex;
    } else toks.push({ t: 'op', v: m[6]! });
  }
  const left = src.slice(pos).trim();
  if (left) throw new Error(`syntax error at or near ${left[0]}`);
  return toks;
}

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(): Tok | undefined { return this.toks[this.i]; }
  is(v: string): boolean { const t = this.peek(); return t !== undefined && (t.t === 'op' || t.t === 'name') && t.v === v; }
  eat(v: string): void { if (!this.is(v)) throw new Error(`syntax error at or near ${this.peek()?.v ?? 'end of file'}`); this.i++; }
  skip(): void { while (this.is(';')) this.i++; }
}

/** Parses an awk program into rules; throws Error('syntax error ...') on bad input. */
export function parseAwk(src: string): Rule[] {
  const p = new Parser(lex(src));
  const rules: Rule[] = [];
  for (p.skip(); p.peek(); p.skip()) {
    if (p.is('BEGIN') || p.is('END')) { const when = p.peek()!.v as 'BEGIN' | 'END'; p.i++; rules.push({ when, action: block(p) }); continue; }
    const pattern = p.is('{') ? undefined : expr(p);
    rules.push({ when: 'line', pattern, action: p.is('{') ? block(p) : undefined });
  }
  return rules;
}

function block(p: Parser): Stmt[] {
  p.eat('{');
  const out: Stmt[] = [];
  for (p.skip(); !p.is('}'); p.skip()) {
    if (!p.peek()) throw new Error('syntax error at or near end of file');
    out.push(stmt(p));
  }
  p.eat('}');
  return out;
}

function stmt(p: Parser): Stmt {
  if (p.is('{')) { const b = block(p); return { k: 'if', cond: { k: 'num', v: 1 }, then: b, else: [] }; }
  if (p.is('next')) { p.i++; return { k: 'next' }; }
  if (p.is('if')) {
    p.i++; p.eat('(');
    const cond = expr(p); p.eat(')'); p.skip();
    const then = [stmt(p)];
    p.skip();
    const els = p.is('else') ? (p.i++, p.skip(), [stmt(p)]) : [];
    return { k: 'if', cond, then, else: els };
  }
  if (p.is('print') || p.is('printf')) {
    const k = p.peek()!.v as 'print' | 'printf';
    p.i++;
    const args: Expr[] = [];
    const paren = p.is('(');
    if (paren) p.i++;
    while (p.peek() && !p.is(';') && !p.is('}') && !p.is(')')) { args.push(expr(p, true)); if (p.is(',')) p.i++; }
    if (paren) p.eat(')');
    return { k, args };
  }
  return { k: 'expr', e: expr(p) };
}

const LEVELS = [['||'], ['&&'], ['~', '!~'], ['<', '<=', '==', '!=', '>', '>='], ['concat'], ['+', '-'], ['*', '/', '%']];

function expr(p: Parser, noGt = false): Expr {
  const left = binary(p, 0, noGt);
  const t = p.peek();
  if (t?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.v) && (left.k === 'var' || left.k === 'field')) {
    p.i++;
    return { k: 'assign', op: t.v, target: left, e: expr(p, noGt) };
  }
  return left;
}

function binary(p: Parser, level: number, noGt: boolean): Expr {
  if (level === LEVELS.length) return unary(p);
  let a = binary(p, level + 1, noGt);
  for (;;) {
    const t = p.peek();
    const ops = LEVELS[level]!;
    if (ops[0] === 'concat') {
      if (!t || !(t.t !== 'op' || ['$', '(', '!', '-', '++', '--'].includes(t.v)) || (t.t === 'name' && ['in', 'else'].includes(t.v))) return a;
      a = { k: 'bin', op: 'concat', a, b: binary(p, level + 1, noGt) };
      continue;
    }
    if (!t || t.t !== 'op' || !ops.includes(t.v) || (noGt && t.v === '>')) return a;
    p.i++;
    a = { k: 'bin', op: t.v, a, b: binary(p, level + 1, noGt) };
  }
}

function unary(p: Parser): Expr {
  if (p.is('!')) { p.i++; return { k: 'not', e: unary(p) }; }
  if (p.is('-')) { p.i++; return { k: 'neg', e: unary(p) }; }
  if (p.is('++') || p.is('--')) { const op = p.peek()!.v; p.i++; return { k: 'incr', op, target: primary(p), pre: true }; }
  const e = primary(p);
  if ((p.is('++') || p.is('--')) && (e.k === 'var' || e.k === 'field')) { const op = p.peek()!.v; p.i++; return { k: 'incr', op, target: e, pre: false }; }
  return e;
}

function primary(p: Parser): Expr {
  const t = p.peek();
  if (!t) throw new Error('syntax error at or near end of file');
  p.i++;
  if (t.t === 'num') return { k: 'num', v: Number(t.v) };
  if (t.t === 'str') return { k: 'str', v: t.v };
  if (t.t === 're') return { k: 're', v: t.v };
  if (t.t === 'op' && t.v === '$') return { k: 'field', e: primary(p) };
  if (t.t === 'op' && t.v === '(') { const e = expr(p); p.eat(')'); return e; }
  if (t.t === 'name' && p.is('(')) {
    p.i++;
    const args: Expr[] = [];
    while (!p.is(')')) { args.push(expr(p)); if (p.is(',')) p.i++; else if (!p.is(')')) throw new Error(`syntax error at or near ${p.peek()?.v ?? 'end of file'}`); }
    p.i++;
    return { k: 'call', name: t.v, args };
  }
  if (t.t === 'name') return { k: 'var', name: t.v };
  throw new Error(`syntax error at or near ${t.v}`);
}
