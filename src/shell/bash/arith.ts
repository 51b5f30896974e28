// bash's arithmetic expansion `$((...))` (expr.c): integer arithmetic with C precedence over
// + - * / % **, comparisons, && || !, parentheses, and variable names read as numbers.
// Assignment operators (`i++`, `+=`) and bases (`16#ff`) are not modelled.

/** Binary operators by precedence, loosest first. */
const LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||': return Number(a !== 0 || b !== 0);
    case '&&': return Number(a !== 0 && b !== 0);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '+': return a + b;
    case '-': return a - b;
    case '*': return Math.imul(a, b);
    case '/': if (b === 0) throw new Error('division by 0'); return Math.trunc(a / b);
    case '%': if (b === 0) throw new Error('division by 0'); return a % b;
    default: return a ** b;
  }
}

interface A { toks: string[]; i: number; lookup: (name: string) => string | undefined; depth: number }

function level(a: A, n: number): number {
  if (n === LEVELS.length) return power(a);
  let v = level(a, n + 1);
  while (LEVELS[n]!.includes(a.toks[a.i] ?? '')) {
    const op = a.toks[a.i++]!;
    v = apply(op, v, level(a, n + 1));
  }
  return v;
}

function power(a: A): number {
  const base = unary(a);
  if (a.toks[a.i] !== '**') return base;
  a.i++;
  return apply('**', base, power(a));
}

function unary(a: A): number {
  const t = a.toks[a.i++];
  if (t === undefined) throw new Error('syntax error: operand expected');
  if (t === '-') return -unary(a);
  if (t === '+') return unary(a);
  if (t === '!') return Number(unary(a) === 0);
  if (t === '(') {
    const v = level(a, 0);
    if (a.toks[a.i++] !== ')') throw new Error('missing `)\'');
    return v;
  }
  if (/^\d+$/.test(t)) return Number(t);
  if (/^[A-Za-z_]\w*$/.test(t)) return variable(a, t);
  throw new Error(`syntax error: operand expected (error token is "${t}")`);
}

function variable(a: A, name: string): number {
  const v = (a.lookup(name) ?? '').trim();
  if (v === '') return 0;
  if (/^-?\d+$/.test(v)) return Number(v);
  if (a.depth > 8) throw new Error('expression recursion level exceeded');
  return evalArith(v, a.lookup, a.depth + 1);
}

/** Evaluates an arithmetic expression (already parameter-expanded); throws Error with bash's reason. */
export function evalArith(src: string, lookup: (name: string) => string | undefined, depth = 0): number {
  const toks = src.match(/\d+|[A-Za-z_]\w*|\*\*|&&|\|\||[<>=!]=|[-+*/%()<>!]|\S/g) ?? [];
  if (toks.length === 0) return 0;
  const a: A = { toks, i: 0, lookup, depth };
  const v = level(a, 0);
  if (a.i < toks.length) throw new Error(`syntax error in expression (error token is "${toks.slice(a.i).join(' ')}")`);
  return v;
}
