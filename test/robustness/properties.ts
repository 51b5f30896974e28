// The fuzzing properties, shared by the bounded test (fuzz.test.ts) and the long run
// (fuzz-long.ts): generated sessions keep every invariant after every line, and the same session
// run twice on two fresh labs prints the same text and leaves the same state.
import fc from 'fast-check';
import { manifestSession, session } from './generators.js';
import { checkSession } from './invariants.js';

/** The seed of the bounded run, so that a failure there is the same failure everywhere. */
export const FUZZ_SEED = 20_260_115;

/** How many sessions and lines the properties have run in this process, and the slowest line. */
export const tried = { sessions: 0, lines: 0, slowest: { ms: 0, line: '' } };

/** Called before each session runs (the long run reports it, so that a hang names its input). */
export const hooks: { beforeSession?: (lines: string[]) => void } = {};

/** Which cluster a session runs on: a few seeds, each booted once. */
const labSeed = fc.integer({ min: 1, max: 3 });

function check(seed: number, lines: string[], twice: boolean): void {
  hooks.beforeSession?.(lines);
  tried.sessions += 1;
  tried.lines += lines.length;
  const run = checkSession(seed, lines, twice);
  run.ms.forEach((ms, i) => {
    if (ms > tried.slowest.ms) tried.slowest = { ms, line: lines[i]! };
  });
}

/** Sessions of command lines (with a manifest now and then) keep every invariant. */
export const sessionsHold = fc.property(labSeed, session, (seed, lines) => check(seed, lines, false));

/** Sessions of manifests (with a kubectl line now and then) keep every invariant. */
export const manifestsHold = fc.property(labSeed, manifestSession, (seed, lines) => check(seed, lines, false));

/** A session run twice, on two fresh labs of the same seed, prints the same and ends in the same state. */
export const runsRepeat = fc.property(labSeed, session, (seed, lines) => check(seed, lines, true));
