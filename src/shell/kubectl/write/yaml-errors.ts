// go-yaml v2's syntax-error texts (what sigs.k8s.io/yaml hands kubectl) for a js-yaml failure.
// go-yaml is a port of libyaml (scannerc.go, parserc.go); its yaml.go `fail` numbers scanner
// errors by the 1-based line of the problem and parser errors by the 0-based one, omitting
// "line 0: ". The mapping reads the text around js-yaml's mark; it covers the usual manifest
// mistakes (indentation, tabs, unclosed flow collections and quotes, missing colons), not every YAML error.

/** The parts of a js-yaml error the mapping reads. */
export interface JsYamlError { reason?: string; mark?: { line?: number; column?: number; position?: number } }

/** A go-yaml problem and the number go-yaml prints after "line " (0: no line shown). */
interface GoProblem { problem: string; line: number }

/** A scanner error on the first line has no line: `fail` adds 1 only to a non-zero problem line. */
const scannerError = (problem: string, line0: number): GoProblem => ({ problem, line: line0 === 0 ? 0 : line0 + 1 });
const parserError = (problem: string, line0: number): GoProblem => ({ problem, line: line0 });

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isContent = (line: string): boolean => line.trim() !== '' && !line.trimStart().startsWith('#');

/** The index of the nearest line before `from` that holds something other than blanks or a comment. */
function previousLine(lines: string[], from: number, wanted: (l: string) => boolean = (l) => l.trim() !== ''): number {
  for (let i = from - 1; i >= 0; i--) if (wanted(lines[i]!)) return i;
  return -1;
}

/** Whether a line ends in a plain scalar, which go-yaml's scanner keeps reading over the line break. */
function endsInPlainScalar(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.startsWith('#') || / #/.test(text) || text.endsWith(':')) return false;
  const value = /:\s/.test(text) ? text.slice(text.search(/:\s/) + 2).trim() : text.replace(/^(-\s+)+/, '');
  return value !== '' && !/^["'[{|>&*!%@`]/.test(value);
}

/** Whether line `line0` falls inside a block scalar (`|`, `>`): every line since its header is indented deeper. */
function inBlockScalar(lines: string[], line0: number): boolean {
  let min = Infinity;
  for (let i = line0 - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (/(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(l) && indentOf(l) < min) return true;
    min = Math.min(min, indentOf(l));
  }
  return false;
}

/** What is still open at an offset: flow collections (their closers, innermost last) and a quote. */
function openAt(text: string, offset: number): { closers: string[]; quote: string; quoteAt: number } {
  const closers: string[] = [];
  let quote = '';
  let quoteAt = -1;
  // The last non-blank character before i, kept as i moves on (re-trimming the prefix at every i is quadratic).
  let scanned = 0;
  let lastNonBlank = '';
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i]!;
    for (; scanned < i; scanned++) if (text[scanned] !== ' ' && text[scanned] !== '\t') lastNonBlank = text[scanned]!;
    const before = lastNonBlank;
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < offset && text[i + 1] !== '\n' && i + 1 < text.length) i++;
    } else if ((c === '"' || c === "'") && (before === '' || /[\n[{,:-]/.test(before))) [quote, quoteAt] = [c, i];
    else if ((c === '[' || c === '{') && (closers.length > 0 || before === '' || /[\n:-]/.test(before))) closers.push(c === '[' ? ']' : '}');
    else if ((c === ']' || c === '}') && closers.length > 0) closers.pop();
  }
  return { closers, quote, quoteAt };
}

/** Where a quoted scalar opened at `at` closes (-1: never; go-yaml reads it over any indentation to the end). */
function closingQuote(text: string, quote: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * The text with the lines a quoted scalar runs over indented deeper, so that js-yaml (which wants
 * them indented) reads the scalar where go-yaml does and reports what comes after it, on the same line.
 */
function indentQuoted(text: string, from: number, to: number): string {
  const start = text.lastIndexOf('\n', from) + 1;
  const pad = ' '.repeat(indentOf(text.slice(start, text.indexOf('\n', from))) + 1);
  return text.slice(0, from) + text.slice(from, to).replace(/\n/g, `\n${pad}`) + text.slice(to);
}

/** The column where a line's key or value starts, after its indentation and any `- ` entries. */
const contentColumn = (line: string): number => line.length - line.replace(/^\s*(-\s+)*/, '').length;

/**
 * Whether the implicit key starting on `line0` is one go-yaml requires to be a key: it sits at the
 * column of a mapping already open there (a later key of that mapping), not first after `- ` or in the document.
 */
function keyIsRequired(lines: string[], line0: number): boolean {
  const line = lines[line0] ?? '';
  const col = indentOf(line);
  if (contentColumn(line) !== col) return false;
  for (let i = line0 - 1; i >= 0; i--) {
    if (!isContent(lines[i]!)) continue;
    if (contentColumn(lines[i]!) === col) return true;
    if (indentOf(lines[i]!) < col) return false;
  }
  return false;
}

/** Whether the block sequence broken at `line0` sits at its parent key's column (an indentless sequence). */
function inIndentlessSequence(lines: string[], line0: number): boolean {
  const col = indentOf(lines[line0] ?? '');
  const dash = previousLine(lines, line0, (l) => isContent(l) && l.trimStart().startsWith('-') && indentOf(l) < col);
  if (dash < 0) return false;
  const seq = indentOf(lines[dash]!);
  const parent = previousLine(lines, dash, (l) => isContent(l) && (indentOf(l) < seq || (indentOf(l) === seq && !l.trimStart().startsWith('-'))));
  return parent >= 0 && indentOf(lines[parent]!) === seq;
}

/** The first line of a plain scalar read as a key that ends on line `last` (its lines hold no `key:`). */
function multilineKeyStart(lines: string[], last: number): number {
  let start = last;
  for (let prev = previousLine(lines, start, isContent); prev >= 0; prev = previousLine(lines, start, isContent)) {
    if (/:(\s|$)/.test(lines[prev]!) || indentOf(lines[prev]!) > indentOf(lines[start]!)) break;
    start = prev;
  }
  return start;
}

/** The line of the token after `line0`: the next line with content, else the end of the text. */
function nextTokenLine(lines: string[], line0: number): number {
  for (let i = line0 + 1; i < lines.length; i++) if (isContent(lines[i]!)) return i;
  return lines.length - 1;
}

/** Which go-yaml problem, at which line, a js-yaml reason at a mark corresponds to. */
function goProblem(reason: string, text: string, line0: number, col: number, offset: number, reparse?: Reparse): GoProblem {
  const lines = text.split('\n');
  const lineText = lines[line0] ?? '';
  const at = lineText.charAt(col);
  if (reason.startsWith('tab characters')) {
    const leading = /^[ \t]*$/.test(lineText.slice(0, col));
    const before = lines[previousLine(lines, line0)] ?? '';
    if (leading && inBlockScalar(lines, line0)) return scannerError('found a tab character where an indentation space is expected', line0);
    return scannerError(leading && endsInPlainScalar(before) ? 'found a tab character that violates indentation' : 'found character that cannot start any token', line0);
  }
  if (/[@`]/.test(at)) return scannerError('found character that cannot start any token', line0);
  const open = openAt(text, offset);
  const closer = open.closers.at(-1);
  const stuck = reason === 'deficient indentation' || reason.startsWith('unexpected end of the stream') || reason.startsWith('missed comma');
  if (stuck && open.quote !== '') {
    const close = closingQuote(text, open.quote, open.quoteAt);
    if (close < 0) return scannerError('found unexpected end of stream', lines.length - 1);
    const moved = indentQuoted(text, open.quoteAt, close);
    const after = reparse?.(moved);
    if (after) return goProblemOf(after, moved);
  }
  if (stuck && closer) return parserError(`did not find expected ',' or '${closer}'`, line0);
  if (reason.startsWith('bad indentation of a') && at === ':') return scannerError('mapping values are not allowed in this context', line0);
  if (reason === 'bad indentation of a mapping entry') return parserError('did not find expected key', line0);
  if (reason === 'bad indentation of a sequence entry') {
    return parserError(inIndentlessSequence(lines, line0) ? 'did not find expected key' : "did not find expected '-' indicator", line0);
  }
  if (reason === 'deficient indentation' || reason.startsWith('unexpected end of the stream')) return scannerError('found unexpected end of stream', line0);
  if (reason.startsWith('expected \':\' after a mapping key')) return scannerError("could not find expected ':'", nextTokenLine(lines, line0));
  if (reason.startsWith('can not read a block mapping entry')) {
    const required = keyIsRequired(lines, multilineKeyStart(lines, at === '#' ? line0 : previousLine(lines, line0, isContent)));
    return scannerError(required ? "could not find expected ':'" : 'mapping values are not allowed in this context', line0);
  }
  if (reason.startsWith('end of the stream or a document separator')) {
    const tabbed = lines.slice(0, line0 + 1).findIndex((l) => /^ *\t/.test(l));
    if (tabbed >= 0) return scannerError('found character that cannot start any token', tabbed);
    return scannerError(at === ':' ? 'mapping values are not allowed in this context' : "could not find expected ':'", line0);
  }
  if (reason.includes('cannot start any token') || reason.includes('unexpected character')) return scannerError('found character that cannot start any token', line0);
  if (reason.startsWith('unknown tag') || reason.startsWith('unknown scalar tag')) return parserError('found undefined tag handle', line0);
  return parserError('did not find expected node content', line0);
}

/** Parses a text again with js-yaml, returning its error if any. */
export type Reparse = (text: string) => JsYamlError | undefined;

/** The go-yaml problem for a js-yaml error in `text` (reparsing once at most). */
function goProblemOf(err: JsYamlError, text: string, reparse?: Reparse): GoProblem {
  return goProblem(err.reason ?? '', text, err.mark?.line ?? 0, err.mark?.column ?? 0, err.mark?.position ?? text.length, reparse);
}

/** go-yaml's message (without the `yaml: ` prefix) for a js-yaml syntax error in `text`. */
export function goYamlSyntaxMessage(err: JsYamlError, text: string, reparse?: Reparse): string {
  const { problem, line } = goProblemOf(err, text, reparse);
  return line === 0 ? problem : `line ${line}: ${problem}`;
}
