// The terminal pane: the shell's scrollback and its prompt, as a terminal running bash shows them.
// readline's editing and history (line-editor.ts), Tab completion that lists the candidates on a
// second Tab, bracketed paste that runs each pasted line in turn, and a scrollback paged with
// PgUp/PgDn that follows new output. Lines are cut to the width, never wrapped.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Text, useInput, usePaste, type Key } from 'ink';
import type { OutLine, Tone } from '../../shell/types.js';
import { useTheme, type Token } from '../theme.js';
import { isKey } from '../keys.js';
import { scrolled, visibleTop, type ScrollState } from '../scroll.js';
import { PaneFrame, fit, innerSize, type PaneProps } from '../pane-frame.js';
import { EMPTY_LINE, candidateColumns, editAction, editLine, promptView, type LineAction, type LineState } from './line-editor.js';

/** What the terminal pane shows and whom it tells about the learner's keys. */
export interface TerminalPaneProps extends PaneProps {
  lines: readonly OutLine[];
  /** Changes whenever `lines` changes (the session may append in place). */
  version: number;
  prompt: string;
  /** The shell waits for more of the line (an open quote or here-document): bash's PS2 `> `. */
  continuation: boolean;
  history: readonly string[];
  /** The prompt has the keyboard. */
  promptActive: boolean;
  complete(line: string, cursor: number): { from: number; candidates: string[] };
  onSubmit(line: string): void;
  onClear(): void;
  onEof(): void;
  /** Ctrl+C: the typed text is abandoned (bash echoes it with `^C`). */
  onInterrupt(typed: string): void;
  onHelp(): void;
}

/** The colour token of an output line's tone. */
export function toneToken(tone: Tone): Token {
  switch (tone) {
    case 'plain': return 'text';
    case 'error': return 'error';
    case 'warning': return 'warning';
    case 'hint': return 'hint';
    case 'muted': return 'muted';
    default: {
      const never: never = tone;
      return never;
    }
  }
}

/** Tabs expanded to the terminal's 8-column stops. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const c of text) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}

/** A candidate as bash lists it: unescaped, and only the last part of a path. */
function listedName(candidate: string): string {
  const plain = candidate.replace(/\\(.)/g, '$1');
  const dir = plain.endsWith('/');
  const base = plain.slice(0, dir ? -1 : undefined);
  return base.slice(base.lastIndexOf('/') + 1) + (dir ? '/' : '');
}

/** The candidate rows above the prompt, at most `room`, the last saying how many there are when cut. */
function listingRows(candidates: readonly string[] | undefined, width: number, room: number): string[] {
  if (!candidates || room <= 0) return [];
  const rows = candidateColumns(candidates.map(listedName), width).map((r) => fit(r, width));
  return rows.length <= room ? rows : [...rows.slice(0, room - 1), fit(`… ${candidates.length} possibilities in all`, width)];
}

const PANE_SCROLL_KEYS = ['scroll-up', 'scroll-down', 'top', 'bottom'];

/** The scrollback, the optional candidate list and the prompt row, in the pane's frame. */
export function TerminalPane(p: TerminalPaneProps): ReactNode {
  const theme = useTheme();
  const { width, height } = innerSize(p);
  const [line, setLineState] = useState<LineState>(EMPTY_LINE);
  const current = useRef(line);
  const lastKeyWasTab = useRef(false);
  const [listing, setListing] = useState<string[]>();
  const [scroll, setScroll] = useState<ScrollState>({ top: 0, follow: true });

  const listed = listingRows(listing, width, height - 1);
  const rows = Math.max(0, height - 1 - listed.length);
  const total = p.lines.length;
  const top = visibleTop(scroll, total, rows);
  const visible = useMemo(
    () => p.lines.slice(top, top + rows).map((l) => ({ text: fit(expandTabs(l.text), width) || ' ', style: theme.style(toneToken(l.tone)) })),
    [p.lines, p.version, top, rows, width, theme],
  );

  const setLine = (next: LineState): void => { current.current = next; setLineState(next); };
  const apply = (a: LineAction): void => setLine(editLine(current.current, a));
  const scrollBy = (id: string): void => setScroll((s) => scrolled(s, id, total, rows) ?? s);
  const submit = (text: string): void => { setLine(EMPTY_LINE); p.onSubmit(text); };

  /** Pasted (or typed-ahead) text: each complete line is submitted in turn, the rest stays in the editor. */
  const paste = (text: string): void => {
    const parts = text.replace(/\r\n?/g, '\n').split('\n');
    let s = current.current;
    for (const part of parts.slice(0, -1)) {
      submit(editLine(s, { type: 'insert', text: part }).text);
      s = EMPTY_LINE;
    }
    setLine(editLine(s, { type: 'insert', text: parts.at(-1)! }));
  };

  /** Tab: a unique candidate or the common prefix goes in; a second Tab that adds nothing lists them all. */
  const tab = (again: boolean): void => {
    const s = current.current;
    const { from, candidates } = p.complete(s.text, s.cursor);
    const next = editLine(s, { type: 'complete', from, candidates });
    if (again && candidates.length > 1 && next.text === s.text) setListing([...candidates]);
    setLine(next);
    lastKeyWasTab.current = true;
  };

  const promptKey = (input: string, key: Key): void => {
    const again = lastKeyWasTab.current;
    lastKeyWasTab.current = false;
    setListing(undefined);
    setScroll((s) => (s.follow ? s : { ...s, follow: true }));
    const { text } = current.current;
    if (isKey('quit', input, key)) { setLine(EMPTY_LINE); p.onInterrupt(text); }
    else if (isKey('eof', input, key)) { if (text === '') p.onEof(); else apply({ type: 'delete' }); }
    else if (isKey('clear-screen', input, key)) p.onClear();
    else if (isKey('submit', input, key)) submit(text);
    else if (isKey('history-prev', input, key)) apply({ type: 'history-prev', history: p.history });
    else if (isKey('history-next', input, key)) apply({ type: 'history-next', history: p.history });
    else if (isKey('complete', input, key)) tab(again);
    else if (isKey('help', input, key) && text === '') p.onHelp();
    else {
      const action = editAction(input, key);
      if (action) apply(action);
      else if (/[\r\n]/.test(input)) paste(input);
      else if (input !== '' && !key.ctrl && !key.meta) apply({ type: 'insert', text: input.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '') }); // eslint-disable-line no-control-regex
    }
  };

  useInput((input, key) => {
    const page = ['page-up', 'page-down'].find((id) => isKey(id, input, key));
    if (page) return scrollBy(page);
    if (p.promptActive) return promptKey(input, key);
    const id = PANE_SCROLL_KEYS.find((k) => isKey(k, input, key));
    if (id) scrollBy(id);
  }, { isActive: p.promptActive || p.focused });
  usePaste(paste, { isActive: p.promptActive });

  const prompt = fit(p.continuation ? '> ' : p.prompt, Math.max(1, width - 1));
  const view = promptView(line.text, line.cursor, width - prompt.length);
  const end = Math.min(total, top + rows);
  return (
    <PaneFrame title="terminal" number={5} status={scroll.follow || total <= rows ? undefined : `${top + 1}-${end} of ${total}`} focused={p.focused} width={p.width} height={p.height}>
      {visible.map((l, i) => <Text key={top + i} {...l.style} wrap="truncate">{l.text}</Text>)}
      {listed.map((r, i) => <Text key={`c${i}`} {...theme.style('text')} wrap="truncate">{r || ' '}</Text>)}
      <Text wrap="truncate">
        {prompt}{view.before}
        {/* The cursor is a block in inverse video in every theme, as a terminal draws it. */}
        <Text inverse={p.promptActive}>{view.at}</Text>
        {view.after}
      </Text>
    </PaneFrame>
  );
}
