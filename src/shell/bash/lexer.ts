// bash's tokenizer (parse.y read_token, shell_getc, gather_here_documents): words, operators,
// `\`-newline continuation, `#` comments and here-document bodies read after the line ends.
// Reserved words (if, for, while, case) are not recognised: the lab runs simple commands.
import { scanBacktick, scanDollar, scanDouble, type WordPart } from './words.js';

/** A here-document: its delimiter, whether it was quoted (no expansion), `<<-`, and its body. */
export interface HereDoc { delim: string; strip: boolean; quoted: boolean; body: string; line: number }

/** A word as typed (raw) and as parts for expansion; `fd` is set for an IO number like the 2 of `2>`. */
export interface Word { parts: WordPart[]; raw: string }

/** A token of a command line. */
export type Token =
  | { t: 'word'; word: Word; line: number }
  | { t: 'op'; op: string; line: number; fd?: number; here?: HereDoc };

/** Tokens and warnings, or the reason the input cannot be tokenized (incomplete: needs more input). */
export type LexResult =
  | { ok: true; tokens: Token[]; warnings: string[]; openHeredoc: boolean }
  | { ok: false; error: string; incomplete?: 'quote' | 'heredoc' | 'continuation' };

const OPS = ['<<<', '<<-', '&>>', '&&', '||', ';;', '>>', '>&', '>|', '<<', '<&', '<>', '&>', '|', '&', ';', '<', '>', '(', ')', '\n'];
const META = ' \t\n|&;<>()';
const OP_START = '|&;<>()\n';
/** A run of characters with no special meaning inside a word, taken in one step for long input. */
const PLAIN_RUN = /[^ \t\n|&;<>()\\'"$`]+/y;

interface Lexer { s: string; i: number; line: number; tokens: Token[]; pending: HereDoc[]; warnings: string[]; open: boolean }
type Step = { ok: true } | { ok: false; error: string; incomplete?: 'quote' | 'heredoc' | 'continuation' };
const OK: Step = { ok: true };

/** Splits a command line (or a whole script) into tokens. */
export function tokenize(s: string): LexResult {
  const lx: Lexer = { s, i: 0, line: 1, tokens: [], pending: [], warnings: [], open: false };
  while (lx.i < s.length) {
    const r = step(lx);
    if (!r.ok) return r;
  }
  if (lx.pending.length) { const r = readHereDocs(lx); if (!r.ok) return r; }
  return { ok: true, tokens: lx.tokens, warnings: lx.warnings, openHeredoc: lx.open };
}

function step(lx: Lexer): Step {
  const { s } = lx;
  const c = s[lx.i]!;
  if (c === ' ' || c === '\t' || c === '\r') { lx.i++; return OK; }
  if (c === '\\' && s[lx.i + 1] === '\n') { lx.i += 2; lx.line++; return OK; }
  if (c === '\\' && lx.i + 1 === s.length) return { ok: false, error: '', incomplete: 'continuation' };
  if (c === '#') { while (lx.i < s.length && s[lx.i] !== '\n') lx.i++; return OK; }
  const op = OP_START.includes(c) ? OPS.find((o) => s.startsWith(o, lx.i)) : undefined;
  if (op) return lexOp(lx, op === '>|' ? '>' : op, op.length);
  return lexWord(lx);
}

function lexOp(lx: Lexer, op: string, len: number): Step {
  lx.i += len;
  const tok: Token = { t: 'op', op, line: lx.line };
  lx.tokens.push(tok);
  if (op === '\n') {
    lx.line++;
    return lx.pending.length ? readHereDocs(lx) : OK;
  }
  if (op !== '<<' && op !== '<<-') return OK;
  while (lx.s[lx.i] === ' ' || lx.s[lx.i] === '\t') lx.i++;
  const start = lx.tokens.length;
  if (lx.i >= lx.s.length || META.includes(lx.s[lx.i]!)) return OK;
  const r = lexWord(lx);
  if (!r.ok) return r;
  const w = lx.tokens[start];
  if (w?.t !== 'word') return OK;
  const raw = w.word.raw;
  tok.here = { delim: raw.replace(/["'\\]/g, ''), strip: op === '<<-', quoted: /["'\\]/.test(raw), body: '', line: lx.line };
  lx.pending.push(tok.here);
  return OK;
}

function readHereDocs(lx: Lexer): Step {
  for (const h of lx.pending) {
    const lines: string[] = [];
    for (;;) {
      if (lx.i >= lx.s.length) {
        lx.warnings.push(`bash: warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delim}')`);
        lx.open = true;
        break;
      }
      const nl = lx.s.indexOf('\n', lx.i);
      const end = nl < 0 ? lx.s.length : nl;
      let text = lx.s.slice(lx.i, end);
      lx.i = nl < 0 ? end : end + 1;
      lx.line++;
      if (h.strip) text = text.replace(/^\t+/, '');
      if (text === h.delim) break;
      lines.push(text);
    }
    h.body = lines.length ? lines.join('\n') + '\n' : '';
  }
  lx.pending = [];
  return OK;
}

function lexWord(lx: Lexer): Step {
  const { s } = lx;
  const start = lx.i;
  const parts: WordPart[] = [];
  let lit = '';
  const flush = (): void => { if (lit) parts.push({ k: 'lit', text: lit, q: false }); lit = ''; };
  if (s[lx.i] === '~' && (lx.i + 1 === s.length || s[lx.i + 1] === '/' || META.includes(s[lx.i + 1]!))) {
    parts.push({ k: 'var', name: 'HOME', q: true });
    lx.i++;
  }
  while (lx.i < s.length && !META.includes(s[lx.i]!)) {
    PLAIN_RUN.lastIndex = lx.i;
    const run = PLAIN_RUN.exec(s);
    if (run) { lit += run[0]; lx.i += run[0].length; continue; }
    const c = s[lx.i]!;
    if (c === '\\') {
      const n = s[lx.i + 1];
      if (n === undefined) { lit += '\\'; lx.i++; continue; }
      if (n === '\n') { lx.i += 2; lx.line++; continue; }
      flush(); parts.push({ k: 'lit', text: n, q: true }); lx.i += 2; continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", lx.i + 1);
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''", incomplete: 'quote' };
      flush(); parts.push({ k: 'lit', text: s.slice(lx.i + 1, end), q: true });
      lx.line += countLines(s, lx.i, end); lx.i = end + 1; continue;
    }
    if (c === '"' || c === '$' || c === '`') {
      const r = c === '"' ? scanDouble(s, lx.i + 1) : c === '$' ? scanDollar(s, lx.i, false) : scanBacktick(s, lx.i, false);
      if (!r.ok) return { ok: false, error: r.error, incomplete: 'quote' };
      flush(); parts.push(...r.parts);
      lx.line += countLines(s, lx.i, r.end); lx.i = r.end; continue;
    }
    lit += c; lx.i++;
  }
  flush();
  const raw = s.slice(start, lx.i);
  if ((s[lx.i] === '<' || s[lx.i] === '>') && /^[0-9]$/.test(raw)) return lexIoNumber(lx, Number(raw));
  lx.tokens.push({ t: 'word', word: { parts, raw }, line: lx.line });
  return OK;
}

/** A single digit just before `<` or `>` is the file descriptor of the redirection (`2>`, `0<`). */
function lexIoNumber(lx: Lexer, fd: number): Step {
  const op = OPS.find((o) => lx.s.startsWith(o, lx.i))!;
  const at = lx.tokens.length;
  const r = lexOp(lx, op === '>|' ? '>' : op, op.length);
  const tok = lx.tokens[at];
  if (tok?.t === 'op') tok.fd = fd;
  return r;
}

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) n++;
  return n;
}
