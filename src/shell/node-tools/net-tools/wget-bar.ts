// GNU Wget 1.21.2's "bar" progress (src/progress.c create_image) on an 80-column terminal (79
// used): file name in 20 columns, percentage, a 20-column bar, the size (human_readable), the
// rate and the elapsed time; and the numbers it prints (src/utils.c human_readable, print_decimal;
// src/retr.c retr_rate). A lab transfer takes DOWNLOAD_SECONDS, so the rate is always "--.-KB/s".

/** How long the lab's body transfers take, as wget measures them (10 µs: a LAN and a few hundred bytes). */
export const DOWNLOAD_SECONDS = 0.00001;

const WIDTH = 79;
const NAME_COLS = Math.floor(WIDTH / 4);
const BAR_COLS = WIDTH - (NAME_COLS + 1 + 4 + 2 + 8 + 10 + 15);

/** One image of the bar: at the start (nothing received) or when done. */
export function barImage(file: string, received: number, size: number | undefined, done: boolean): string {
  let p = file.length < NAME_COLS ? file.padEnd(NAME_COLS + 1) : `${file.slice(0, NAME_COLS)} `;
  p += size ? `${String(Math.floor((100 * received) / size)).padStart(3)}%` : '    ';
  p += size ? knownBar(received, size) : `[${' <=>'.padEnd(BAR_COLS)}]`;
  p += humanReadable(received, 1000, 2).padStart(8);
  p += '  --.-KB/s';
  if (done) p += `    in ${printDecimal(DOWNLOAD_SECONDS)}s`.padEnd(15);
  else if (size) p += ' '.repeat(15);
  return p.padEnd(WIDTH);
}

function knownBar(received: number, size: number): string {
  const dl = Math.floor((received / size) * BAR_COLS);
  const filled = dl > 0 ? `${'='.repeat(dl - 1)}>` : '';
  return `[${filled.padEnd(BAR_COLS)}]`;
}

/** utils.c human_readable: bytes below 1024 as they are, else 1024-based K/M/G with `decimals` below `acc`. */
export function humanReadable(n: number, acc: number, decimals: number): string {
  if (n < 1024) return String(n);
  const powers = ['K', 'M', 'G', 'T', 'P', 'E'];
  let val = n / 1024;
  for (let i = 0; i < powers.length; i++) {
    if (val < 1024 || i === powers.length - 1) return `${val.toFixed(val < acc ? decimals : 0)}${powers[i]}`;
    val /= 1024;
  }
  return String(n);
}

/** utils.c print_decimal: short decimals for the elapsed time. */
function printDecimal(x: number): string {
  if (x >= 9.95) return x.toFixed(0);
  if (x >= 0.95) return x.toFixed(1);
  if (x >= 0.001) return String(Number(x.toPrecision(1)));
  if (x >= 0.0005) return x.toFixed(3);
  return '0';
}

/** retr.c retr_rate: "58.7 MB/s" (1024-based, more digits for smaller numbers). */
export function retrRate(bytes: number, seconds: number): string {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'];
  let rate = bytes / seconds;
  let u = 0;
  while (rate >= 1024 && u < units.length - 1) {
    rate /= 1024;
    u++;
  }
  return `${rate.toFixed(rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2)} ${units[u]}`;
}
