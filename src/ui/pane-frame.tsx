// The frame every pane draws in: a single-line border (bold and coloured when focused), the title
// with its number key, and a right-aligned status (node, filter, counts). Content gets the inner
// size: width - 2 columns and height - 2 rows.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useTheme } from './theme.js';
import { printable } from '../shell/printers/printable.js';

/** What a pane component receives from the layout. */
export interface PaneProps {
  /** Outer size, border included. */
  width: number;
  height: number;
  /** The pane has the keyboard: its keys and scrolling work. */
  focused: boolean;
}

/** The inner size a frame leaves for content. */
export function innerSize(p: Pick<PaneProps, 'width' | 'height'>): { width: number; height: number } {
  return { width: Math.max(1, p.width - 2), height: Math.max(1, p.height - 2) };
}

/** Cuts a line to `width` columns (no wrapping: panes show one row per line), control characters shown, not obeyed. */
export function fit(raw: string, width: number): string {
  const text = printable(raw);
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

export function PaneFrame(props: { title: string; number: number; status?: string; focused: boolean; width: number; height: number; children: ReactNode }): ReactNode {
  const theme = useTheme();
  const border = theme.style(props.focused ? 'focus' : 'border');
  const title = ` ${props.number} ${props.title} `;
  const status = props.status ? ` ${props.status} ` : '';
  const room = Math.max(0, props.width - 2 - title.length);
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle={props.focused ? 'bold' : 'single'} borderColor={border.color} borderDimColor={!props.focused && !theme.color}>
      <Box position="absolute" marginTop={-1} marginLeft={1}>
        <Text {...theme.style(props.focused ? 'focus' : 'heading')}>{fit(title, props.width - 2)}</Text>
        {room > status.length + 1 ? <Text {...theme.style('muted')}>{status}</Text> : null}
      </Box>
      <Box flexDirection="column" width={innerSize(props).width} height={innerSize(props).height} overflow="hidden">
        {props.children}
      </Box>
    </Box>
  );
}
