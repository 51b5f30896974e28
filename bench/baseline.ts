// The yardsticks every benchmark prints its figures against, measured in the same run (machines
// are noisy: a figure alone says little, its ratio to a baseline taken minutes apart says more).
import { spawnSync } from 'node:child_process';

/** The median of some samples. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** `a` as a multiple of `b` (`1.9×`). */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;
}

/**
 * A fixed piece of JavaScript shaped like the simulation's work (build strings, fill a map, sort):
 * a figure's ratio to it stays comparable between a fast and a slow moment of the same machine.
 */
export function calibrate(): { label: string; ms: number } {
  const run = (): number => {
    const t = performance.now();
    const m = new Map<string, string[]>();
    for (let i = 0; i < 50_000; i++) m.set(`-A KUBE-SEP-${(i * 2654435761 >>> 0).toString(36)}`, [`-s 10.244.${i & 255}.${i >> 8}/32`]);
    [...m.keys()].sort();
    return performance.now() - t;
  };
  return { label: 'a 50,000-entry map built and sorted', ms: median(Array.from({ length: 7 }, run)) };
}

/** The time of `node -e 0` with this Node (median of `n` runs): the floor under any start-up figure. */
export function nodeStart(n = 7): number {
  return median(Array.from({ length: n }, () => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  }));
}
