// Where the panes go for a terminal size. Three arrangements: wide and tall (every pane: pods and
// services on the left, the NAT table and kube-proxy's log on the right, the terminal below), small
// (80×24: the terminal with pods and services above it; the other panes open zoomed when focused),
// and zoomed (one pane below the header). Below the minimum the lab says how big a terminal it needs.
// A lesson, when one runs, takes a column on the left.

/** The panes, in focus order (the number keys 1-5). */
export type PaneId = 'pods' | 'services' | 'nat' | 'log' | 'terminal';
export const PANES: PaneId[] = ['pods', 'services', 'nat', 'log', 'terminal'];

/** The smallest terminal the lab draws in. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;

/** A pane's place: its size (the renderer stacks them in rows and columns). */
export interface Rect {
  width: number;
  height: number;
}

/** The arrangement for a size. */
export type Layout =
  | { kind: 'too-small'; columns: number; rows: number }
  | { kind: 'zoom'; pane: PaneId; lesson?: Rect; rect: Rect }
  | { kind: 'small'; lesson?: Rect; pods: Rect; services: Rect; terminal: Rect }
  | { kind: 'large'; lesson?: Rect; pods: Rect; services: Rect; nat: Rect; log: Rect; terminal: Rect };

/** The size at and above which every pane shows at once. */
export const LARGE_COLUMNS = 120;
export const LARGE_ROWS = 30;

/** The layout for a terminal of `columns` × `rows` (the header takes one row). */
export function computeLayout(columns: number, rows: number, opts: { zoom?: PaneId; lessonWidth?: number } = {}): Layout {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return { kind: 'too-small', columns, rows };
  const lessonWidth = opts.lessonWidth && columns - opts.lessonWidth >= MIN_COLUMNS ? opts.lessonWidth : 0;
  const lesson = lessonWidth ? { width: lessonWidth, height: rows - 1 } : undefined;
  const width = columns - lessonWidth;
  const body = rows - 1;
  const withLesson = <T extends object>(l: T): T => (lesson ? { ...l, lesson } : l);
  const large = width >= LARGE_COLUMNS && rows >= LARGE_ROWS;
  if (opts.zoom) {
    return withLesson({ kind: 'zoom', pane: opts.zoom, rect: { width, height: body } });
  }
  const terminalHeight = Math.max(8, Math.floor(body * (large ? 0.38 : 0.58)));
  const top = body - terminalHeight;
  if (!large) {
    const half = Math.floor(width / 2);
    return withLesson({ kind: 'small', pods: { width: half, height: top }, services: { width: width - half, height: top }, terminal: { width, height: terminalHeight } });
  }
  const left = Math.floor(width * 0.5);
  const right = width - left;
  const podsHeight = Math.floor(top / 2);
  const natHeight = Math.floor(top * 0.6);
  return withLesson({
    kind: 'large',
    pods: { width: left, height: podsHeight },
    services: { width: left, height: top - podsHeight },
    nat: { width: right, height: natHeight },
    log: { width: right, height: top - natHeight },
    terminal: { width, height: terminalHeight },
  });
}

/** The panes a layout shows. */
export function visiblePanes(l: Layout): PaneId[] {
  switch (l.kind) {
    case 'too-small': return [];
    case 'zoom': return [l.pane];
    case 'small': return ['pods', 'services', 'terminal'];
    case 'large': return [...PANES];
  }
}
