// The label-selector Lexer and Parser of apimachinery v0.34 (pkg/labels/selector.go: Lex,
// parse, parseRequirement, parseValues, ...): the grammar of `kubectl get -l` and `?labelSelector=`,
// with the real error texts. Left out: the Go lexer's treatment of a NUL byte as end of input.
import { compareStrings, labelKeyError, newRequirement, sortByKey, type Operator, type Requirement } from './label-requirement.js';

type TokenKind =
  | 'end' | 'closePar' | 'comma' | 'doesNotExist' | 'doubleEquals' | 'equals' | 'greaterThan'
  | 'identifier' | 'in' | 'lessThan' | 'notEquals' | 'notIn' | 'openPar';
interface Token { kind: TokenKind; literal: string }
type Failure = { failure: string };

const LITERAL_TOKENS = new Map<string, TokenKind>([
  [')', 'closePar'], [',', 'comma'], ['!', 'doesNotExist'], ['==', 'doubleEquals'], ['=', 'equals'],
  ['>', 'greaterThan'], ['in', 'in'], ['<', 'lessThan'], ['!=', 'notEquals'], ['notin', 'notIn'], ['(', 'openPar'],
]);
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** Splits a selector into tokens as the Go Lexer does: `!=` and `==` win over `!` and `=`. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && WHITESPACE.has(text[pos]!)) pos++;
    if (pos >= text.length) return [...tokens, { kind: 'end', literal: '' }];
    let end = pos + 1;
    if (SPECIAL.has(text[pos]!)) {
      const two = text.slice(pos, pos + 2);
      if (two === '==' || two === '!=') end = pos + 2;
    } else {
      while (end < text.length && !SPECIAL.has(text[end]!) && !WHITESPACE.has(text[end]!)) end++;
    }
    const literal = text.slice(pos, end);
    tokens.push({ kind: LITERAL_TOKENS.get(literal) ?? 'identifier', literal });
    pos = end;
  }
}

/** The token stream, ending in `end` for good; in the Values context `in` and `notin` are plain identifiers. */
class Cursor {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}
  peek(values = true): Token {
    const t = this.tokens[Math.min(this.pos, this.tokens.length - 1)]!;
    return values && (t.kind === 'in' || t.kind === 'notIn') ? { kind: 'identifier', literal: t.literal } : t;
  }
  next(values = true): Token {
    const t = this.peek(values);
    this.pos++;
    return t;
  }
}

const startsRequirement = (t: Token): boolean => t.kind === 'identifier' || t.kind === 'doesNotExist';

/** labels.ParseToRequirements: the requirements of a selector string sorted by key, or the parse error. */
export function parseRequirements(text: string): { ok: true; requirements: Requirement[] } | { ok: false; message: string } {
  const c = new Cursor(lex(text));
  const requirements: Requirement[] = [];
  for (;;) {
    const t = c.peek();
    if (t.kind === 'end') return { ok: true, requirements: sortByKey(requirements) };
    if (!startsRequirement(t)) return { ok: false, message: `found '${t.literal}', expected: !, identifier, or 'end of string'` };
    const r = parseRequirement(c);
    if ('failure' in r) return { ok: false, message: `unable to parse requirement: ${r.failure}` };
    requirements.push(r);
    const after = c.next();
    if (after.kind === 'end') return { ok: true, requirements: sortByKey(requirements) };
    if (after.kind !== 'comma') return { ok: false, message: `found '${after.literal}', expected: ',' or 'end of string'` };
    const t2 = c.peek();
    if (!startsRequirement(t2)) return { ok: false, message: `found '${t2.literal}', expected: identifier after ','` };
  }
}

function parseRequirement(c: Cursor): Requirement | Failure {
  const head = parseKeyAndInferOperator(c);
  if ('failure' in head) return head;
  if (head.operator === 'exists' || head.operator === '!') return asFailure(newRequirement(head.key, head.operator, []));
  const op = parseOperator(c);
  if (typeof op !== 'string') return op;
  const values = op === 'in' || op === 'notin' ? parseValues(c) : parseExactValue(c);
  if ('failure' in values) return values;
  return asFailure(newRequirement(head.key, op, [...values].sort(compareStrings)));
}

function asFailure(r: Requirement | { error: string }): Requirement | Failure {
  return 'error' in r ? { failure: r.error } : r;
}

function parseKeyAndInferOperator(c: Cursor): { key: string; operator?: Operator } | Failure {
  let t = c.next();
  let operator: Operator | undefined;
  if (t.kind === 'doesNotExist') {
    operator = '!';
    t = c.next();
  }
  if (t.kind !== 'identifier') return { failure: `found '${t.literal}', expected: identifier` };
  // The parser validates the key with its nil field path, which Go prints as "<nil>".
  const keyError = labelKeyError(t.literal, '<nil>');
  if (keyError) return { failure: keyError };
  const following = c.peek().kind;
  if ((following === 'end' || following === 'comma') && operator !== '!') operator = 'exists';
  return { key: t.literal, operator };
}

function parseOperator(c: Cursor): Operator | Failure {
  const t = c.next(false);
  switch (t.kind) {
    case 'in': return 'in';
    case 'equals': return '=';
    case 'doubleEquals': return '==';
    case 'greaterThan': return 'gt';
    case 'lessThan': return 'lt';
    case 'notIn': return 'notin';
    case 'notEquals': return '!=';
    default: return { failure: `found '${t.literal}', expected: ${BINARY_OPERATORS}` };
  }
}

function parseValues(c: Cursor): Set<string> | Failure {
  const open = c.next();
  if (open.kind !== 'openPar') return { failure: `found '${open.literal}' expected: '('` };
  const t = c.peek();
  if (t.kind === 'closePar') {
    c.next();
    return new Set(['']);
  }
  if (t.kind !== 'identifier' && t.kind !== 'comma') return { failure: `found '${t.literal}', expected: ',', ')' or identifier` };
  const values = parseIdentifiersList(c);
  if ('failure' in values) return values;
  if (c.next().kind !== 'closePar') return { failure: `found '${t.literal}', expected: ')'` };
  return values;
}

/** A comma-separated list in which an empty slot (`(,a)`, `(a,)`, `(a,,b)`) means the empty value. */
function parseIdentifiersList(c: Cursor): Set<string> | Failure {
  const values = new Set<string>();
  for (;;) {
    const t = c.next();
    if (t.kind === 'identifier') {
      values.add(t.literal);
      const t2 = c.peek();
      if (t2.kind === 'closePar') return values;
      if (t2.kind !== 'comma') return { failure: `found '${t2.literal}', expected: ',' or ')'` };
    } else if (t.kind === 'comma') {
      if (values.size === 0) values.add('');
      const t2 = c.peek();
      if (t2.kind === 'closePar') return values.add('');
      if (t2.kind === 'comma') {
        c.next();
        values.add('');
      }
    } else {
      return { failure: `found '${t.literal}', expected: ',', or identifier` };
    }
  }
}

function parseExactValue(c: Cursor): Set<string> | Failure {
  const ahead = c.peek().kind;
  if (ahead === 'end' || ahead === 'comma') return new Set(['']);
  const t = c.next();
  return t.kind === 'identifier' ? new Set([t.literal]) : { failure: `found '${t.literal}', expected: identifier` };
}
