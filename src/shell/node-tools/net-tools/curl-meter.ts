// curl's progress meter (lib/progress.c progress_meter), printed to stderr when the body does not
// go to the terminal: a two-line header, then one line rewritten with `\r` at most once a second
// and once more when the transfer is done. 7.x uses five-column sizes (max5data) two spaces apart;
// 8.17.0 six-column sizes (max6data, printed "%5" below a million) one space apart.
import type { CurlVersion } from './flavours.js';

/** The meter's two header lines. */
export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** What one meter line shows. */
export interface MeterState {
  /** Bytes received so far. */
  received: number;
  /** The expected size (Content-Length), when known. */
  size?: number;
  /** Microseconds since the transfer started. */
  spentUs: number;
}

/** One meter line, without its leading `\r`. */
export function meterLine(version: CurlVersion, s: MeterState): string {
  const speed = trspeed(s.received, s.spentUs);
  const dlPercent = s.size !== undefined && speed > 0 ? percent(s.size, s.received) : 0;
  const total = s.size ?? s.received;
  const estimate = s.size !== undefined && speed > 0 ? Math.floor(s.size / speed) : 0;
  const spent = Math.floor(s.spentUs / 1_000_000);
  const times = [time2str(estimate), time2str(spent), time2str(estimate > 0 ? estimate - spent : 0)];
  const pct = (n: number): string => String(n).padStart(3);
  const totalPercent = percent(total, s.received);
  if (version === '8.17.0') {
    const z = max6data;
    return `${pct(totalPercent)} ${z(total)} ${pct(dlPercent)} ${z(s.received)} ${pct(0)} ${z(0)} ${z(speed)} ${z(0)}  ${times.join(' ')} ${z(speed)}`;
  }
  const z = max5data;
  return `${pct(totalPercent)} ${z(total)}  ${pct(dlPercent)} ${z(s.received)}  ${pct(0)} ${z(0)}  ${z(speed)}  ${z(0)} ${times.join(' ')} ${z(speed)}`;
}

/** Bytes per second, as trspeed() computes it from microseconds. */
function trspeed(bytes: number, us: number): number {
  return us < 1 ? bytes * 1_000_000 : Math.floor((bytes * 1_000_000) / us);
}

function percent(total: number, cur: number): number {
  if (total > 10000) return Math.floor(cur / Math.floor(total / 100));
  return total > 0 ? Math.floor((cur * 100) / total) : 0;
}

/** "--:--:--" for nothing, "HH:MM:SS" (hours space-padded) otherwise. */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  if (h > 99) return `${String(Math.floor(seconds / 86400)).padStart(3)}d ${String(h % 24).padStart(2, '0')}h`;
  const m = Math.floor((seconds % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

const KB = 1024;
const MB = 1024 * KB;

/** At most five columns: 99999, then 9999k, then 99.9M, then 9999M (curl 7.x). */
function max5data(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
}

/** At most six columns: 999999, then 999.9k or 99999k, and so on up the units (curl 8.17.0). */
function max6data(bytes: number): string {
  if (bytes < 1000000) return String(bytes).padStart(5);
  const units = ['k', 'M', 'G', 'T', 'P'];
  let n = bytes;
  for (const unit of units) {
    const scaled = Math.floor(n / 1024);
    if (scaled < 1000) return `${String(scaled).padStart(3)}.${Math.floor((n % 1024) / Math.floor(1024 / 10))}${unit}`;
    if (scaled < 100000) return `${String(scaled).padStart(5)}${unit}`;
    n = scaled;
  }
  return String(n);
}
