// The option words that follow `-m MODULE` or `-j TARGET` on an iptables-save line, gathered the
// way getopt hands them to an extension's parser (iptables libxtables/xtoptions.c): `--name`, an
// optional `!` before it, and the value words after it, up to the next `-m`, `-j`, `-g` or `-s`-style
// option.
import type { Token } from './tokens.js';

/** One `[!] --name [value...]` of an extension. */
export interface ExtOption {
  name: string;
  invert: boolean;
  values: string[];
}

/** A position in a line's words. */
export interface Cursor {
  toks: Token[];
  i: number;
}

function isOption(t: Token | undefined): boolean {
  return !!t && !t.quoted && t.text.startsWith('-') && t.text.length > 1;
}

function isLongOption(t: Token | undefined): boolean {
  return !!t && !t.quoted && t.text.startsWith('--') && t.text.length > 2;
}

/** Collects an extension's options; stops before the next single-dash option (or `! -x`). */
export function collectOptions(c: Cursor): ExtOption[] | string {
  const out: ExtOption[] = [];
  let current: ExtOption | undefined;
  while (c.i < c.toks.length) {
    const t = c.toks[c.i]!;
    if (!t.quoted && t.text === '!') {
      if (!isLongOption(c.toks[c.i + 1])) return out;
      current = { name: c.toks[c.i + 1]!.text.slice(2), invert: true, values: [] };
      out.push(current);
      c.i += 2;
      continue;
    }
    if (isLongOption(t)) {
      current = { name: t.text.slice(2), invert: false, values: [] };
      out.push(current);
    } else if (isOption(t)) return out;
    else if (current) current.values.push(t.text);
    else return `unexpected word "${t.text}"`;
    c.i++;
  }
  return out;
}

/** The single value of an option, or an error. */
export function oneValue(o: ExtOption): string | { error: string } {
  return o.values.length === 1 ? o.values[0]! : { error: `--${o.name} takes one value` };
}

/** Parses `0x4000`-style or decimal unsigned 32-bit numbers. */
export function parseU32(s: string): number | undefined {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 0xffffffff ? n : undefined;
}

/** Parses a port number 0-65535. */
export function parsePort(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}
