// The text helpers of kubectl explain's templates (k8s.io/kubectl pkg/explain/v2/funcs.go): `wrap`, which is
// github.com/mitchellh/go-wordwrap v1.0.1 WrapString behind kubectl's word-wrap writer, and `indent`.
// Widths count code points, as Go's range over a string does; breaks happen only at white space.

const NBSP = 0xa0;

/** unicode.IsSpace from Go's standard library. */
function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === NBSP;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** WrapString's buffers: the output so far, the current line's width, and the pending word and white space. */
interface WrapState {
  out: string;
  current: number;
  word: string;
  wordLen: number;
  space: string;
  spaceLen: number;
}

/** Writes the pending space and word onto the line (a space after a word, or the first space of a run). */
function flushWord(s: WrapState): void {
  s.current += s.spaceLen + s.wordLen;
  s.out += s.space + s.word;
  s.space = s.word = '';
  s.spaceLen = s.wordLen = 0;
}

/** At a newline or the end: the pending word with its space, or the pending space alone if it still fits. */
function closeLine(s: WrapState, limit: number): void {
  if (s.wordLen > 0) s.out += s.space + s.word;
  else if (s.current + s.spaceLen <= limit) s.out += s.space;
  s.space = s.word = '';
  s.spaceLen = s.wordLen = 0;
}

/** go-wordwrap's WrapString: wraps `text` to lines of at most `limit` code points where white space allows. */
export function wrap(limit: number, text: string): string {
  const s: WrapState = { out: '', current: 0, word: '', wordLen: 0, space: '', spaceLen: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') {
      closeLine(s, limit);
      s.out += ch;
      s.current = 0;
    } else if (isGoSpace(cp) && cp !== NBSP) {
      if (s.spaceLen === 0 || s.wordLen > 0) flushWord(s);
      s.space += ch;
      s.spaceLen++;
    } else {
      s.word += ch;
      s.wordLen++;
      // The word overflows the line: break before it (dropping the pending space) unless it alone is too long.
      if (s.current + s.wordLen + s.spaceLen > limit && s.wordLen < limit) {
        s.out += '\n';
        s.current = 0;
        s.space = '';
        s.spaceLen = 0;
      }
    }
  }
  closeLine(s, limit);
  return s.out;
}

/** The template's `indent`: pads the first line and every line after a newline by `amount` spaces. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
}
