// The prompt's line editing as GNU readline does it in bash's emacs mode: insert at point, Backspace
// and Delete, Left/Right, Home/End (Ctrl+A/E), Ctrl+U (unix-line-discard), Ctrl+W
// (unix-word-rubout), Ctrl+K (kill-line), Up/Down through the history keeping the unfinished line,
// and Tab's insertion of a completion. Pure: the pane owns the state. No kill ring, no undo.
import type { Key } from 'ink';
import { isKey } from '../keys.js';
import { printable } from '../../shell/printers/printable.js';

/** The line being edited, where the cursor is, and where in the history it came from. */
export interface LineState {
  text: string;
  /** UTF-16 offset into text, 0..text.length. */
  cursor: number;
  /** Index into the history of the line shown, or undefined for the line being typed. */
  historyIndex: number | undefined;
  /** The line being typed, kept while the history is browsed (readline's saved line). */
  draft: string;
}

/** What the editor can be asked to do. */
export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' }
  | { type: 'kill-line' | 'kill-word' | 'kill-to-end' | 'clear' }
  | { type: 'history-prev' | 'history-next'; history: readonly string[] }
  | { type: 'complete'; from: number; candidates: readonly string[] };

/** An empty line at the end of the history. */
export const EMPTY_LINE: LineState = { text: '', cursor: 0, historyIndex: undefined, draft: '' };

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The offset one character before `i` (a surrogate pair is one character). */
function prevChar(text: string, i: number): number {
  if (i <= 0) return 0;
  return i >= 2 && isLow(text.charCodeAt(i - 1)) && !isLow(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** The offset one character after `i`. */
function nextChar(text: string, i: number): number {
  if (i >= text.length) return text.length;
  return i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

/** The longest prefix every candidate shares. */
export function longestCommonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function edit(s: LineState, text: string, cursor: number): LineState {
  return { ...s, text, cursor };
}

/** Replaces from..cursor with a completion: a unique one gets a space unless it is a directory. */
function applyCompletion(s: LineState, from: number, candidates: readonly string[]): LineState {
  const start = Math.max(0, Math.min(from, s.cursor));
  const typed = s.text.slice(start, s.cursor);
  const after = s.text.slice(s.cursor);
  if (candidates.length === 1) {
    const word = candidates[0]!;
    const space = word.endsWith('/') || after.startsWith(' ') ? '' : ' ';
    const cursor = start + word.length + (word.endsWith('/') ? 0 : 1);
    return edit(s, s.text.slice(0, start) + word + space + after, cursor);
  }
  const prefix = longestCommonPrefix(candidates);
  if (prefix === '' || typed.startsWith(prefix)) return s;
  return edit(s, s.text.slice(0, start) + prefix + after, start + prefix.length);
}

/** The line after moving through the history; the draft comes back past the newest entry. */
function browse(s: LineState, history: readonly string[], step: -1 | 1): LineState {
  if (history.length === 0 || (step === 1 && s.historyIndex === undefined)) return s;
  const draft = s.historyIndex === undefined ? s.text : s.draft;
  const from = s.historyIndex ?? history.length;
  const index = Math.min(Math.max(0, from + step), history.length);
  if (index === from && s.historyIndex !== undefined) return s;
  const text = index === history.length ? draft : history[index]!;
  return { text, cursor: text.length, historyIndex: index === history.length ? undefined : index, draft };
}

/** The start of the whitespace-delimited word before the cursor (unix-word-rubout). */
function wordStart(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** The editor's reducer. */
export function editLine(s: LineState, a: LineAction): LineState {
  const { text, cursor } = s;
  switch (a.type) {
    case 'insert': return edit(s, text.slice(0, cursor) + a.text + text.slice(cursor), cursor + a.text.length);
    case 'backspace': return edit(s, text.slice(0, prevChar(text, cursor)) + text.slice(cursor), prevChar(text, cursor));
    case 'delete': return edit(s, text.slice(0, cursor) + text.slice(nextChar(text, cursor)), cursor);
    case 'left': return edit(s, text, prevChar(text, cursor));
    case 'right': return edit(s, text, nextChar(text, cursor));
    case 'home': return edit(s, text, 0);
    case 'end': return edit(s, text, text.length);
    case 'kill-line': return edit(s, text.slice(cursor), 0);
    case 'kill-word': return edit(s, text.slice(0, wordStart(text, cursor)) + text.slice(cursor), wordStart(text, cursor));
    case 'kill-to-end': return edit(s, text.slice(0, cursor), cursor);
    case 'clear': return EMPTY_LINE;
    case 'history-prev': return browse(s, a.history, -1);
    case 'history-next': return browse(s, a.history, 1);
    case 'complete': return applyCompletion(s, a.from, a.candidates);
    default: {
      const never: never = a;
      return never;
    }
  }
}

/** The editing action of a key at the prompt, or undefined for keys the editor does not handle. */
export function editAction(input: string, key: Key): LineAction | undefined {
  if (isKey('line-start', input, key) || key.home) return { type: 'home' };
  if (isKey('line-end', input, key) || key.end) return { type: 'end' };
  if (isKey('kill-line', input, key)) return { type: 'kill-line' };
  if (isKey('kill-word', input, key)) return { type: 'kill-word' };
  if (isKey('kill-to-end', input, key)) return { type: 'kill-to-end' };
  if (key.backspace) return { type: 'backspace' };
  if (key.delete) return { type: 'delete' };
  if (key.leftArrow) return { type: 'left' };
  if (key.rightArrow) return { type: 'right' };
  return undefined;
}

/**
 * What the prompt row shows in `width` columns: the text around the cursor (readline's horizontal
 * scrolling), with `…` where it is cut; `at` is the character under the cursor (a space at the end).
 */
export function promptView(text: string, cursor: number, width: number): { before: string; at: string; after: string } {
  const shown = text.replace(/[\t\n\r]/g, ' ');
  const room = Math.max(1, width);
  const start = Math.max(0, cursor - room + 1);
  const next = nextChar(shown, cursor);
  const afterRoom = Math.max(0, room - (cursor - start) - 1);
  let before = shown.slice(start, cursor);
  let after = shown.slice(next, next + afterRoom);
  if (start > 0 && before.length > 0) before = `…${before.slice(1)}`;
  if (next + afterRoom < shown.length && after.length > 0) after = `${after.slice(0, -1)}…`;
  return { before: printable(before), at: printable(shown.slice(cursor, next)) || ' ', after: printable(after) };
}

/** Candidates laid out in columns as readline's rl_display_match_list does: down, then across. */
export function candidateColumns(candidates: readonly string[], width: number): string[] {
  if (candidates.length === 0) return [];
  const longest = Math.max(...candidates.map((c) => c.length));
  const colWidth = longest + 2;
  const cols = Math.max(1, Math.floor((width + 2) / colWidth));
  const rows = Math.ceil(candidates.length / cols);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < cols; c++) {
      const item = candidates[c * rows + r];
      if (item !== undefined) row += item.padEnd(colWidth);
    }
    out.push(row.trimEnd());
  }
  return out;
}
