// Text on its way to the learner's terminal: control characters from anything a learner or a
// lesson supplied (names, labels, annotations, file contents, image names, curl responses) are
// shown, not obeyed — an escape sequence in a manifest must not move the cursor, retitle the
// window or hide text. They are written the way `cat -v` and `less` show them: C0 controls as
// ^X, DEL as ^?, C1 controls as M-^X, and the bidirectional overrides that can reorder what is
// read as <U+202E>. Tabs stay (the panes expand them); a line feed is shown as ^J, since the text
// here is one line.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function shown(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  if (code <= 0x9f) return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The text with every control character made visible (the text itself when it has none). */
export function printable(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, shown) : text;
}
