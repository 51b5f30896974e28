// Words of an iptables-save line, split the way iptables-restore splits them (iptables
// iptables/xshared.c add_param_to_argv: double quotes group, a backslash escapes the next
// character), and the reverse: libxtables' xtables_save_string, which quotes a value only when it
// holds a character outside [A-Za-z0-9_-] and escapes `"`, `\` and `'` inside the quotes.

/** One word of a rule line; `quoted` words are always values, never options. */
export interface Token {
  text: string;
  quoted: boolean;
}

/** Splits a rule line into words; undefined when a quote is left open. */
export function tokenize(line: string): Token[] | undefined {
  const out: Token[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    let text = '';
    let quoted = false;
    let open = false;
    let start = i;
    for (; i < n; i++) {
      const c = line.charCodeAt(i);
      if (!open && (c === 32 || c === 9)) break;
      if (c === 92 && i + 1 < n) {
        text += line.slice(start, i) + line[i + 1];
        start = ++i + 1;
      } else if (c === 34) {
        text += line.slice(start, i);
        open = !open;
        quoted = true;
        start = i + 1;
      }
    }
    if (open) return undefined;
    out.push({ text: text + line.slice(start, i), quoted });
  }
  return out;
}

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;

/** A value as xtables_save_string prints it (without the leading space). */
export function saveString(value: string): string {
  if (NO_QUOTE.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}
