// POSIX basic and extended regular expressions (as GNU grep, sed and awk read them) translated
// to JavaScript RegExp: in BRE `\(`, `\|`, `\{` are the operators and `( | { + ?` literal;
// bracket classes like [[:digit:]] become JS ranges. Back-references beyond \1-\9 are not handled.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_',
};

function bracket(p: string, i: number): { src: string; end: number } | undefined {
  let j = i + 1;
  let src = '[';
  if (p[j] === '^') { src += '^'; j++; }
  if (p[j] === ']') { src += '\\]'; j++; }
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']') return { src: src + ']', end: j };
    const m = c === '[' ? /^\[:([a-z]+):\]/.exec(p.slice(j)) : null;
    if (m) { src += CLASSES[m[1]!] ?? ''; j += m[0].length - 1; continue; }
    src += c === '\\' || c === '[' ? '\\' + c : c;
  }
  return undefined;
}

/** Converts a POSIX regex (basic unless `extended`) to a JavaScript pattern source. */
export function posixToJs(p: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '[') {
      const b = bracket(p, i);
      if (b) { out += b.src; i = b.end; continue; }
      out += '\\['; continue;
    }
    if (c === '\\' && i + 1 < p.length) {
      const n = p[++i]!;
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += '\\' + n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) { out += '\\' + c; continue; }
    if (c === '/') { out += '\\/'; continue; }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) { out += '\\*'; continue; }
    out += c;
  }
  return out;
}

/** Compiles a POSIX regex, or returns undefined when JavaScript cannot compile the translation. */
export function compilePosix(p: string, extended: boolean, flags = ''): RegExp | undefined {
  try { return compiledNow(new RegExp(posixToJs(p, extended), flags)); } catch { return undefined; }
}

/** V8 compiles a RegExp at its first use, and only then finds one too large: compile it here, so that no later match throws. */
export function compiledNow(re: RegExp): RegExp {
  re.test('');
  re.lastIndex = 0;
  return re;
}
