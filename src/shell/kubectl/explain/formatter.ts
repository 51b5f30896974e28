// The text writer of kubectl's OpenAPI v2 explain (k8s.io/kubectl pkg/explain/formatter.go): indented lines,
// and wrapString, which fills lines greedily to the width (in bytes) but starts a new line after a word ending
// in ":", before a bullet, at a blank line, and keeps lines indented four spaces as they are.

/** Go's unicode.IsSpace, as strings.Fields and strings.TrimSpace use it. */
function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch);
}

function fields(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (isGoSpace(ch)) {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

function trimSpace(text: string): string {
  const chars = [...text];
  while (chars.length && isGoSpace(chars[0]!)) chars.shift();
  while (chars.length && isGoSpace(chars[chars.length - 1]!)) chars.pop();
  return chars.join('');
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;
const BULLET = /^(\d+\.?|-|\*)[\t\n\f\r ]/;

/** formatter.go wrapString: the lines of `text` wrapped to `width`. */
export function wrapLines(text: string, width: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = (): void => {
    if (words.length === 0) return;
    lastWord = '';
    wrapped.push(words.join(' '));
    words = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    const trimmed = trimSpace(line);
    if (wrapped.length > 0 && trimmed === '') {
      flush();
      wrapped.push('');
      continue;
    }
    if (lastWord.endsWith(':') || trimmed === '' || BULLET.test(trimmed)) flush();
    for (const word of fields(line)) {
      lastWord = word;
      if (words.length > 0 && byteLength([...words, word].join(' ')) > width) flush();
      words.push(word);
    }
  }
  flush();
  return wrapped;
}

/** formatter.go Formatter: writes lines at an indent, wrapping to 80 columns less the indent. */
export class Formatter {
  constructor(private readonly out: string[], readonly indentLevel = 0, private readonly width = 80) {}

  /** A formatter writing to the same output further indented. */
  indent(by: number): Formatter {
    return new Formatter(this.out, this.indentLevel + by, this.width);
  }

  /** Formatter.Write: the line at the indent; an empty line is written bare. */
  write(line: string): void {
    this.out.push(line === '' ? '\n' : `${' '.repeat(this.indentLevel)}${line}\n`);
  }

  /** Formatter.WriteWrapped: the text wrapped to the width left at this indent. */
  writeWrapped(text: string): void {
    for (const line of wrapLines(text, this.width - this.indentLevel)) this.write(line);
  }
}
