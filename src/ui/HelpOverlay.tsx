// Every key the lab answers to, printed from the one key-command table, grouped by where it works.
// The scrolling keys move through it on a small terminal; any other key closes it.
import { useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import { KEY_COMMANDS, KEY_SCOPE_TITLES, isKey } from './keys.js';
import { scrolled, visibleTop, type ScrollState } from './scroll.js';
import { fit } from './pane-frame.js';
import { useTheme } from './theme.js';

/** The help's lines: a title per scope, then `  keys  description`. */
export function helpLines(): { text: string; heading: boolean }[] {
  const width = Math.max(...KEY_COMMANDS.map((k) => k.keys.length));
  const out: { text: string; heading: boolean }[] = [];
  for (const [scope, title] of KEY_SCOPE_TITLES) {
    const keys = KEY_COMMANDS.filter((k) => k.scope === scope);
    if (!keys.length) continue;
    if (out.length) out.push({ text: '', heading: false });
    out.push({ text: title, heading: true });
    for (const k of keys) out.push({ text: `  ${k.keys.padEnd(width)}  ${k.description}`, heading: false });
  }
  return out;
}

const SCROLL_KEYS = ['scroll-up', 'scroll-down', 'page-up', 'page-down', 'top', 'bottom'];

export function HelpOverlay(props: { width: number; height: number; onClose(): void }): ReactNode {
  const theme = useTheme();
  const lines = helpLines();
  const room = Math.max(1, props.height - 4);
  const [scroll, setScroll] = useState<ScrollState>({ top: 0, follow: false });
  const top = visibleTop(scroll, lines.length, room);
  useInput((input, key) => {
    const id = SCROLL_KEYS.find((k) => isKey(k, input, key));
    const next = id ? scrolled(scroll, id, lines.length, room) : undefined;
    if (next) setScroll(next);
    else props.onClose();
  });
  const more = lines.length > room;
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" paddingX={1}>
      <Text {...theme.style('focus')}>{fit(`Keys — ${more ? `lines ${top + 1}-${Math.min(lines.length, top + room)} of ${lines.length}, arrows and PgUp/PgDn scroll; ` : ''}any other key closes`, props.width - 4)}</Text>
      {lines.slice(top, top + room).map((l, i) => (
        <Text key={top + i} {...theme.style(l.heading ? 'heading' : 'text')}>{fit(l.text, props.width - 4) || ' '}</Text>
      ))}
    </Box>
  );
}
