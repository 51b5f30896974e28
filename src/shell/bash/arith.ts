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

interface A { toks: string[]; at: number[]; src: string; i: number; lookup: (name: string) => string | undefined; depth: number }

/** bash's "(error token is ...)" suffix: the expression text from token `i` on. */
function token(a: A, i: number): string {
  return ` (error token is "${a.src.slice(a.at[Math.max(0, Math.min(i, a.at.length - 1))] ?? 0)}")`;
}

function level(a: A, n: number): number {
  if (n === LEVELS.length) return power(a);
  let v = level(a, n + 1);
  while (LEVELS[n]!.includes(a.toks[a.i] ?? '')) {
    const op = a.toks[a.i++]!;
    const rhs = a.i;
    try {
      v = apply(op, v, level(a, n + 1));
    } catch (e) {
      const msg = (e as Error).message;
      throw msg === 'division by 0' ? new Error(msg + token(a, rhs)) : e;
    }
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
  if (t === undefined) throw new Error('syntax error: operand expected' + token(a, a.i - 2));
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
  throw new Error('syntax error: operand expected' + token(a, a.i - 1));
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
  const found = [...src.matchAll(/\d+|[A-Za-z_]\w*|\*\*|&&|\|\||[<>=!]=|[-+*/%()<>!]|\S/g)];
  if (found.length === 0) return 0;
  const a: A = { toks: found.map((m) => m[0]), at: found.map((m) => m.index), src, i: 0, lookup, depth };
  const v = level(a, 0);
  if (a.i < a.toks.length) throw new Error('syntax error in expression' + token(a, a.i));
  return v;
}
