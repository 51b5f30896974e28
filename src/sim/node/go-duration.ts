// Go's time.Duration.String() for millisecond-truncated durations, the form the kubelet prints in
// its events ("Successfully pulled image ... in 2.104s", "back-off 1m20s restarting ...").
// Left out: sub-millisecond units (the kubelet truncates to milliseconds before printing).

/** A duration in milliseconds as Go prints it: "0s", "313ms", "2.104s", "1m20s", "5m0s", "1h0m0s". */
export function formatGoDuration(ms: number): string {
  const total = Math.max(0, Math.trunc(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const secMs = total % 60_000;
  const whole = Math.floor(secMs / 1000);
  const frac = String(secMs % 1000).padStart(3, '0').replace(/0+$/, '');
  const seconds = frac ? `${whole}.${frac}s` : `${whole}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}
