// Property-based fuzzing of the whole shell, bounded to a few seconds with a fixed seed: generated
// command lines and manifests (valid, near-valid, hostile) never crash the lab, never print a
// JavaScript error, never break the cluster's invariants, and replay identically. On failure
// fast-check prints the seed, the path and the shrunk session; `npm run fuzz` runs many more.
import { test } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED, manifestsHold, runsRepeat, sessionsHold } from './properties.js';

test('generated command lines keep every invariant', () => {
  fc.assert(sessionsHold, { seed: FUZZ_SEED, numRuns: 250, includeErrorInReport: true });
});

test('generated manifests keep every invariant', () => {
  fc.assert(manifestsHold, { seed: FUZZ_SEED + 1, numRuns: 250, includeErrorInReport: true });
});

test('a generated session replays identically on a fresh lab', () => {
  fc.assert(runsRepeat, { seed: FUZZ_SEED + 2, numRuns: 25, includeErrorInReport: true });
});
