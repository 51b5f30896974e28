// A seeded PRNG whose whole state is four numbers kept inside the simulation state, so the
// same seed and the same operations always give the same names, IPs and ports.
// Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32.

/** The PRNG's state: plain data, saved and restored with the rest of the simulation. */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Seeds a new generator; any integer is a valid seed. */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const rng = { a: next(), b: next(), c: next(), d: next() };
  for (let i = 0; i < 12; i++) nextUint32(rng);
  return rng;
}

/** Advances the generator and returns a uniformly distributed unsigned 32-bit integer. */
export function nextUint32(r: RngState): number {
  const t = (((r.a + r.b) >>> 0) + r.d) >>> 0;
  r.d = (r.d + 1) >>> 0;
  r.a = (r.b ^ (r.b >>> 9)) >>> 0;
  r.b = (r.c + (r.c << 3)) >>> 0;
  r.c = ((r.c << 21) | (r.c >>> 11)) >>> 0;
  r.c = (r.c + t) >>> 0;
  return t;
}

/** A uniformly distributed integer in [0, n); n must be a positive integer below 2^32. */
export function randInt(r: RngState, n: number): number {
  if (n <= 1) return 0;
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const x = nextUint32(r);
    if (x < limit) return x % n;
  }
}

/** The alphabet of apimachinery's rand.String: no vowels, no 0/1/3, so no words and no look-alikes. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** n random characters from NAME_ALPHABET, like apimachinery's rand.String(n). */
export function randString(r: RngState, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += NAME_ALPHABET[randInt(r, NAME_ALPHABET.length)];
  return out;
}

/** A random version-4 UUID string, the form the API server gives metadata.uid. */
export function randUuid(r: RngState): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += randInt(r, 16).toString(16);
    return s;
  };
  const variant = (8 + randInt(r, 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

/** A random lowercase hex string of n characters (container IDs, event name suffixes). */
export function randHex(r: RngState, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += randInt(r, 16).toString(16);
  return s;
}
