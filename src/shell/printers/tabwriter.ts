// Go's text/tabwriter as kubectl configures it (cli-runtime pkg/printers/tabwriter.go for `get`:
// minwidth 6, padding 3; kubectl describe: minwidth 0, padding 2): cells end at tabs, a column is
// sized per block of consecutive lines that have that column, the text after the last tab of a
// line belongs to no column, and every terminated cell is padded (even an empty one).

/** Tabwriter parameters. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** `kubectl get` tables. */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** `kubectl describe` output. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Display width of a cell (code points; the lab's text is narrow characters). */
function width(s: string): number {
  return [...s].length;
}

/** Aligns tab-separated text; each input line is one output line. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const hasNewline = text.endsWith('\n');
  const lines = (hasNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[][] = lines.map((cells) => new Array(Math.max(0, cells.length - 1)).fill(0));
  formatBlock(lines, widths, 0, lines.length, 0, opts);
  const out = lines.map((cells, i) => cells.map((c, j) => (j < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[i]![j]! - width(c))) : c)).join(''));
  return out.join('\n') + (hasNewline ? '\n' : '');
}

/** Sizes column `col` for the lines [from, to): runs of consecutive lines that have a terminated cell there. */
function formatBlock(lines: string[][], widths: number[][], from: number, to: number, col: number, opts: TabwriterOptions): void {
  let i = from;
  while (i < to) {
    if (lines[i]!.length - 1 <= col) {
      i++;
      continue;
    }
    let j = i;
    let w = opts.minwidth;
    while (j < to && lines[j]!.length - 1 > col) {
      w = Math.max(w, width(lines[j]![col]!) + opts.padding);
      j++;
    }
    for (let k = i; k < j; k++) widths[k]![col] = w;
    formatBlock(lines, widths, i, j, col + 1, opts);
    i = j;
  }
}
