// Semantic colour tokens and the two themes: colour (readable on dark and light backgrounds: no
// white or black text, only mid-tone hues) and no colour (NO_COLOR, or FORCE_COLOR=0), where the
// same distinctions are carried by markers, bold, dim and inverse — never by colour alone.
import { createContext, useContext } from 'react';

/** What a piece of text means; components ask for a token, never a colour. */
export type Token =
  | 'text' | 'muted' | 'heading' | 'accent' | 'focus' | 'border'
  | 'added' | 'removed' | 'traced'
  | 'error' | 'warning' | 'hint'
  | 'ready' | 'pending' | 'failed';

/** The props a token maps to on Ink's <Text>. */
export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

/** A theme: a style per token, and a marker per token for text that must stand out without colour. */
export interface Theme {
  color: boolean;
  style(token: Token): TextStyle;
  /** A one-character prefix that carries the meaning without colour ('+', '-', '>', '!'), or ''. */
  marker(token: Token): string;
}

const COLOURS: Record<Token, TextStyle> = {
  text: {},
  muted: { dimColor: true },
  heading: { bold: true },
  accent: { color: 'cyan' },
  focus: { color: 'cyan', bold: true },
  border: { color: 'gray' },
  added: { color: 'green', bold: true },
  removed: { color: 'red', dimColor: true },
  traced: { color: 'magenta', bold: true },
  error: { color: 'red' },
  warning: { color: 'yellow' },
  hint: { color: 'blue' },
  ready: { color: 'green' },
  pending: { color: 'yellow' },
  failed: { color: 'red', bold: true },
};

const PLAIN: Record<Token, TextStyle> = {
  text: {},
  muted: { dimColor: true },
  heading: { bold: true },
  accent: { bold: true },
  focus: { bold: true, inverse: true },
  border: {},
  added: { bold: true },
  removed: { dimColor: true },
  traced: { inverse: true },
  error: { bold: true },
  warning: { bold: true },
  hint: {},
  ready: {},
  pending: { bold: true },
  failed: { bold: true, inverse: true },
};

const MARKERS: Partial<Record<Token, string>> = { added: '+', removed: '-', traced: '>', error: '!', warning: '!', failed: '!' };

/** The colour theme. */
export const COLOUR_THEME: Theme = { color: true, style: (t) => COLOURS[t], marker: (t) => (t === 'added' || t === 'removed' || t === 'traced' ? MARKERS[t]! : '') };

/** The no-colour theme: markers for every token that carries a meaning. */
export const PLAIN_THEME: Theme = { color: false, style: (t) => PLAIN[t], marker: (t) => MARKERS[t] ?? '' };

/** The theme the environment asks for: NO_COLOR (any value) or FORCE_COLOR=0 turn colour off; FORCE_COLOR ≥ 1 forces it on. */
export function themeFor(env: Record<string, string | undefined>, isTTY: boolean): Theme {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN_THEME;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return PLAIN_THEME;
  if (env.FORCE_COLOR !== undefined) return COLOUR_THEME;
  return isTTY ? COLOUR_THEME : PLAIN_THEME;
}

export const ThemeContext = createContext<Theme>(COLOUR_THEME);

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
