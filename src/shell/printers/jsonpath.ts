// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath) for `-o jsonpath=` and the
// fields of `-o custom-columns=`: `{.a.b}`, `[n]`, `[*]`, `..`-free paths, `{range ...}{end}`,
// quoted literals like `{"\n"}` and plain text. Left out: filters `[?()]`, slices and unions.

type Piece = { text: string } | { path: string } | { range: string; body: Piece[] };

/** Parses a template into pieces, or returns kubectl's error text. */
export function parseJsonPath(template: string): Piece[] | string {
  const pieces: Piece[] = [];
  const stack: Piece[][] = [pieces];
  const re = /\{([^}]*)\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index! > last) stack.at(-1)!.push({ text: template.slice(last, m.index) });
    last = m.index! + m[0].length;
    const inner = m[1]!.trim();
    if (inner.startsWith('range ')) {
      const r: Piece = { range: inner.slice(6).trim(), body: [] };
      stack.at(-1)!.push(r);
      stack.push(r.body);
    } else if (inner === 'end') {
      if (stack.length === 1) return 'not in range, nothing to end';
      stack.pop();
    } else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner)) {
      stack.at(-1)!.push({ text: inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    } else if (inner.startsWith('.') || inner.startsWith('[') || inner === '@') {
      stack.at(-1)!.push({ path: inner === '@' ? '' : inner });
    } else return `unrecognized identifier ${inner}`;
  }
  if (template.slice(last).includes('{')) return 'unclosed action';
  if (last < template.length) stack.at(-1)!.push({ text: template.slice(last) });
  if (stack.length > 1) return 'unclosed action';
  return pieces;
}

/** Evaluates a path (`.a.b[0].c`, `[*]`) against a value; each match is one result. */
export function evalPath(root: unknown, path: string): unknown[] {
  let cur: unknown[] = [root];
  const tokens = path.match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  for (const t of tokens) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (t.startsWith('.')) {
        if (v && typeof v === 'object' && !Array.isArray(v) && t.slice(1) in (v as object)) next.push((v as Record<string, unknown>)[t.slice(1)]);
      } else if (Array.isArray(v)) {
        const idx = t.slice(1, -1);
        if (idx === '*') next.push(...v);
        else if (/^-?\d+$/.test(idx)) {
          const i = Number(idx) < 0 ? v.length + Number(idx) : Number(idx);
          if (i >= 0 && i < v.length) next.push(v[i]);
        }
      } else if (t === '[*]' && v && typeof v === 'object') next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** Renders parsed pieces against data, as kubectl prints them (results of one path joined by spaces). */
export function renderJsonPath(pieces: Piece[], data: unknown): string {
  let out = '';
  for (const p of pieces) {
    if ('text' in p) out += p.text;
    else if ('path' in p) out += evalPath(data, p.path).map(show).join(' ');
    else for (const item of evalPath(data, p.range)) out += renderJsonPath(p.body, item);
  }
  return out;
}
