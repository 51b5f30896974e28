// bash's grammar for simple commands (parse.y: simple_command, pipeline, and_or, list) with
// its error texts ("syntax error near unexpected token `|'"). Compound commands (if, for,
// subshells) are not parsed: their tokens are reported as unexpected, as a minimal sh would.
import { tokenize, type HereDoc, type Token, type Word } from './lexer.js';
import { COMPOUND_WORDS, parseCompound, type Compound } from './compound.js';

/** A redirection: `>`, `>>`, `<`, `>&` (dup), `&>` (both), `<<`/`<<-` (here-document), `<<<` (here-string). */
export type Redir =
  | { op: '>' | '>>' | '<' | '>&' | '&>' | '&>>' | '<<<'; fd: number; target: Word }
  | { op: '<<'; fd: number; here: HereDoc };

/** An assignment word `NAME=value` (or `NAME+=value`, appending). */
export interface Assign { name: string; value: Word; append: boolean }

/** A simple command: assignments, words and redirections, in the order typed. */
export interface SimpleCommand { k: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }

/** A stage of a pipeline: a simple command or a for/while/until/if compound command. */
export type Command = SimpleCommand | Compound;

/** Commands joined by `|`, with `!` negating the status. */
export interface Pipeline { cmds: Command[]; negate: boolean }

/** Pipelines joined by `&&` and `||`. */
export interface AndOr { first: Pipeline; rest: { op: '&&' | '||'; pipeline: Pipeline }[] }

/** A parsed command line: the and-or lists, with bash's warnings (here-document at EOF). */
export type Parsed =
  | { ok: true; list: AndOr[]; warnings: string[]; openHeredoc: boolean }
  | { ok: false; error: string; incomplete?: 'quote' | 'heredoc' | 'continuation' };

/** A syntax error found while parsing (thrown inside the parser, returned from parse). */
export class SyntaxError_ { constructor(readonly error: string, readonly incomplete?: 'continuation') {} }

/** The parser's position in the token list. */
export interface P { toks: Token[]; i: number }

/** Operators that start a redirection. */
export const REDIR_OPS = new Set(['>', '>>', '<', '>&', '&>', '&>>', '<<<', '<<', '<<-', '<&', '<>']);

/** Parses a command line or script into and-or lists. */
export function parse(text: string): Parsed {
  const lx = tokenize(text);
  if (!lx.ok) return lx;
  const p: P = { toks: lx.tokens, i: 0 };
  try {
    const list: AndOr[] = [];
    for (;;) {
      while (isOp(peek(p), '\n', ';', '&')) {
        const t = peek(p)!;
        if (t.t === 'op' && t.op !== '\n') throw unexpected(t);
        p.i++;
      }
      if (!peek(p)) break;
      list.push(parseAndOr(p));
      const t = peek(p);
      if (!t) break;
      if (!isOp(t, '\n', ';', '&')) throw unexpected(t);
      p.i++;
    }
    return { ok: true, list, warnings: lx.warnings, openHeredoc: lx.openHeredoc };
  } catch (e) {
    if (e instanceof SyntaxError_) return { ok: false, error: e.error, incomplete: e.incomplete };
    throw e;
  }
}

/** The next token, if any. */
export function peek(p: P): Token | undefined { return p.toks[p.i]; }

/** Whether a token is one of the given operators. */
export function isOp(t: Token | undefined, ...ops: string[]): boolean {
  return t !== undefined && t.t === 'op' && ops.includes(t.op);
}

/** bash's syntax error for an unexpected token (or end of input: the line is unfinished). */
export function unexpected(t: Token | undefined): SyntaxError_ {
  if (!t) return new SyntaxError_('syntax error: unexpected end of file', 'continuation');
  const name = t.t === 'word' ? t.word.raw : t.op === '\n' ? 'newline' : t.op;
  return new SyntaxError_(`syntax error near unexpected token \`${name}'`);
}

function skipNewlines(p: P): void { while (isOp(peek(p), '\n')) p.i++; }

/** Parses pipelines joined by `&&` and `||`. */
export function parseAndOr(p: P): AndOr {
  const out: AndOr = { first: parsePipeline(p), rest: [] };
  for (let t = peek(p); isOp(t, '&&', '||'); t = peek(p)) {
    p.i++;
    skipNewlines(p);
    out.rest.push({ op: (t as { op: '&&' | '||' }).op, pipeline: parsePipeline(p) });
  }
  return out;
}

function parsePipeline(p: P): Pipeline {
  let negate = false;
  const t = peek(p);
  if (t?.t === 'word' && t.word.raw === '!') { negate = true; p.i++; }
  const cmds = [parseCommand(p)];
  while (isOp(peek(p), '|')) {
    p.i++;
    skipNewlines(p);
    cmds.push(parseCommand(p));
  }
  return { cmds, negate };
}

const CLOSERS = ['do', 'done', 'then', 'fi', 'else', 'elif', '}'];

function parseCommand(p: P): Command {
  const t = peek(p);
  if (t?.t === 'word' && COMPOUND_WORDS.includes(t.word.raw)) return parseCompound(p);
  if (t?.t === 'word' && CLOSERS.includes(t.word.raw)) throw unexpected(t);
  return parseSimple(p);
}

function parseSimple(p: P): SimpleCommand {
  const first = peek(p);
  const cmd: SimpleCommand = { k: 'simple', assigns: [], words: [], redirs: [], line: first?.line ?? 1 };
  for (let t = peek(p); t; t = peek(p)) {
    if (t.t === 'op') {
      if (!REDIR_OPS.has(t.op)) break;
      p.i++;
      cmd.redirs.push(parseRedir(p, t));
      continue;
    }
    p.i++;
    const m = cmd.words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(t.word.raw) : null;
    if (m) cmd.assigns.push({ name: m[1]!, value: dropPrefix(t.word, m[0].length), append: m[2] === '+' });
    else cmd.words.push(t.word);
  }
  if (!cmd.assigns.length && !cmd.words.length && !cmd.redirs.length) throw unexpected(peek(p));
  return cmd;
}

/** Parses the target of a redirection operator just consumed. */
export function parseRedir(p: P, t: Token & { t: 'op' }): Redir {
  const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
  if ((t.op === '<<' || t.op === '<<-')) {
    const w = peek(p);
    if (!t.here || w?.t !== 'word') throw unexpected(w);
    p.i++;
    return { op: '<<', fd, here: t.here };
  }
  const w = peek(p);
  if (w?.t !== 'word') throw unexpected(w ?? { t: 'op', op: '\n', line: 0 });
  p.i++;
  const op = t.op === '<&' ? '>&' : t.op === '<>' ? '<' : t.op;
  return { op: op as '>', fd, target: w.word };
}

/** The word without its first `n` raw characters (the `NAME=` of an assignment, always unquoted literal). */
function dropPrefix(w: Word, n: number): Word {
  const parts = [...w.parts];
  let left = n;
  while (left > 0 && parts.length) {
    const first = parts[0]!;
    if (first.k !== 'lit') break;
    if (first.text.length <= left) { left -= first.text.length; parts.shift(); }
    else { parts[0] = { ...first, text: first.text.slice(left) }; left = 0; }
  }
  return { parts, raw: w.raw.slice(n) };
}
