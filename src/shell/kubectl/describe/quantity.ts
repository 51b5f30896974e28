// Resource quantities as describe adds and prints them (k8s.io/apimachinery resource.Quantity for
// the forms pods use: `250m`, `2`, `128Mi`, `1Gi`, `500M`, plain bytes): sums in milli-units or
// bytes, printed back in the shortest exact form.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** A quantity in milli-units (cpu) — `250m` → 250, `2` → 2000. */
export function milli(q: string | undefined): number {
  if (!q) return 0;
  if (q.endsWith('m')) return Number(q.slice(0, -1)) || 0;
  return Math.round((Number(q) || 0) * 1000);
}

/** A quantity in units (memory bytes) — `128Mi` → 134217728. */
export function units(q: string | undefined): number {
  if (!q) return 0;
  const m = /^([0-9.]+)([KMGT]i|[kMGT])?$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * (m[2] ? BINARY[m[2]] ?? DECIMAL[m[2]] ?? 1 : 1);
}

/** CPU milli-units as Quantity.String() prints them. */
export function formatMilli(n: number): string {
  return n % 1000 === 0 ? String(n / 1000) : `${n}m`;
}

/** Bytes as Quantity.String() prints a binary-suffixed sum. */
export function formatBytes(n: number): string {
  for (const s of ['Ti', 'Gi', 'Mi', 'Ki']) if (n !== 0 && n % BINARY[s]! === 0) return `${n / BINARY[s]!}${s}`;
  return String(n);
}
