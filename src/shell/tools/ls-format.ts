// GNU ls output layout (ls.c print_many_per_line, print_long_format): columns filled top to
// bottom within 80 characters for a terminal, one name per line otherwise, and `-l` rows with
// mode, links, owner, size and the modification time in ls's recent-file format.

import { utcFields } from '../../sim/clock.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ls's `Mon dd HH:MM` time for a simulated epoch time in ms (UTC). */
export function lsTime(ms: number): string {
  const f = utcFields(ms);
  return `${MONTHS[f.m - 1]} ${String(f.d).padStart(2)} ${String(f.h).padStart(2, '0')}:${String(f.mi).padStart(2, '0')}`;
}

/** Lays names out in columns as ls -C does for an 80-column terminal. */
export function columns(names: string[], width = 80): string[] {
  if (names.length === 0) return [];
  for (let cols = Math.min(names.length, Math.floor(width / 3)); cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths = Array.from({ length: cols }, (_, c) => names.slice(c * rows, (c + 1) * rows).reduce((w, n) => Math.max(w, n.length), 0) + 2);
    const total = widths.reduce((a, b) => a + b, 0) - 2;
    if (total > width) continue;
    return Array.from({ length: rows }, (_, r) =>
      widths.map((_, c) => names[c * rows + r]).map((n, c) => (n === undefined ? '' : c === cols - 1 || names[(c + 1) * rows + r] === undefined ? n : n.padEnd(widths[c]!))).join('').trimEnd());
  }
  return names;
}

/** The byte length of text in UTF-8, as `ls -l` and `wc -c` count it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** One `ls -l` row: a file or directory with its size (directories are 4096 as on ext4). */
export interface LongRow { name: string; dir: boolean; size: number }

/** The rows of `ls -l`, sizes right-aligned to the widest, owner root. */
export function longRows(rows: LongRow[], when: number): string[] {
  const sw = rows.reduce((w, r) => Math.max(w, String(r.size).length), 1);
  const time = lsTime(when);
  return rows.map((r) => `${r.dir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} root root ${String(r.size).padStart(sw)} ${time} ${r.name}`);
}
