// A lesson as the engine runs it (lessons/FORMAT.md describes the file): where the cluster starts,
// the steps with their goals, hints, named checks, reference solution and explanation, and the
// plausible mistakes the tests make sure do not pass.
import type { ClusterConfig } from '../sim/config.js';

/** One named check with its parameters, and the line of the file it came from. */
export interface CheckSpec {
  check: string;
  params: Record<string, unknown>;
  line: number;
}

/** A wrong attempt: commands that must leave a check failing with a reason matching `reason`. */
export interface WrongAttempt {
  commands: string[];
  reason: string;
  line: number;
}

/** One step of a lesson. */
export interface Step {
  goal: string;
  hints: string[];
  checks: CheckSpec[];
  solution: string[];
  explain: string;
  wrong: WrongAttempt[];
  line: number;
}

/** A parsed, validated lesson. */
export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** Where it came from (for error messages and the menu's order). */
  file: string;
  cluster: Partial<ClusterConfig>;
  setup: string[];
  files: Record<string, string>;
  intro: string;
  steps: Step[];
  outro: string;
}

/** What a check answers: whether it passes, and if not, why — in the learner's terms. */
export interface CheckResult {
  pass: boolean;
  reason: string;
}
