// Scrolling a list that may hold tens of thousands of rows: only the visible window is ever laid
// out. `follow` keeps the view at the bottom while new rows arrive (the log and the terminal).
import { useState } from 'react';
import { useInput } from 'ink';
import { isKey } from './keys.js';

/** A scroll position: the first visible row, and whether the view sticks to the bottom. */
export interface ScrollState {
  top: number;
  follow: boolean;
}

/** The first row to show for `total` rows in `height` lines. */
export function visibleTop(s: ScrollState, total: number, height: number): number {
  const max = Math.max(0, total - height);
  return s.follow ? max : Math.min(Math.max(0, s.top), max);
}

/** The scroll state after a scrolling key (the ids of keys.ts), or undefined for any other key. */
export function scrolled(s: ScrollState, id: string, total: number, height: number): ScrollState | undefined {
  const top = visibleTop(s, total, height);
  const max = Math.max(0, total - height);
  const page = Math.max(1, height - 1);
  const at = (t: number): ScrollState => {
    const clamped = Math.min(Math.max(0, t), max);
    return { top: clamped, follow: clamped >= max };
  };
  switch (id) {
    case 'scroll-up': return at(top - 1);
    case 'scroll-down': return at(top + 1);
    case 'page-up': return at(top - page);
    case 'page-down': return at(top + page);
    case 'top': return { top: 0, follow: max === 0 };
    case 'bottom': return { top: max, follow: true };
    default: return undefined;
  }
}

const SCROLL_KEYS = ['scroll-up', 'scroll-down', 'page-up', 'page-down', 'top', 'bottom'];

/** The scroll state of a pane, moved by the scrolling keys while `active`. */
export function useScroll(total: number, height: number, active: boolean, startAtBottom = false): [number, (s: ScrollState) => void] {
  const [s, set] = useState<ScrollState>({ top: 0, follow: startAtBottom });
  useInput((input, key) => {
    const id = SCROLL_KEYS.find((k) => isKey(k, input, key));
    if (!id) return;
    const next = scrolled(s, id, total, height);
    if (next) set(next);
  }, { isActive: active });
  return [visibleTop(s, total, height), set];
}
