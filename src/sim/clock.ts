// The simulated clock. Time is an input kept in the state (milliseconds since the Unix epoch),
// never read from the host, so every run with the same commands prints the same timestamps.
// Calendar arithmetic is done here by hand (Hinnant's days-from-civil) so src/sim never touches Date.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number since 1970-01-01. */
function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Milliseconds since the epoch of a UTC date and time. */
export function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000;
}

/** The instant a fresh lab's cluster was installed by kubeadm (the clock then moves on). */
export const DEFAULT_INSTALL_TIME = utcMillis(2026, 1, 5, 9, 0, 0);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Broken-down UTC fields of an instant. */
export function utcFields(ms: number): { y: number; m: number; d: number; h: number; mi: number; s: number; weekday: number } {
  const days = Math.floor(ms / DAY_MS);
  const secs = Math.floor((ms - days * DAY_MS) / 1000);
  const { y, m, d } = civilFromDays(days);
  return { y, m, d, h: Math.floor(secs / 3600), mi: Math.floor(secs / 60) % 60, s: secs % 60, weekday: (((days + 4) % 7) + 7) % 7 };
}

/** RFC 3339 in UTC with second precision, as metav1.Time marshals: "2026-01-05T09:00:00Z". */
export function formatTimestamp(ms: number): string {
  const f = utcFields(ms);
  return `${f.y}-${pad(f.m)}-${pad(f.d)}T${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}Z`;
}

/** Parses "YYYY-MM-DDTHH:MM:SSZ" (what formatTimestamp writes); NaN for anything else. */
export function parseTimestamp(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(s);
  if (!m) return NaN;
  const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return utcMillis(y, mo, d, h, mi, sec);
}
