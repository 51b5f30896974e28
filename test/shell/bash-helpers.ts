// Helpers for the bash-layer tests: run a line through runLine and read back stdout, stderr
// (each as the lines the terminal pane would show, joined by newlines) and the status.
import { runLine, type RunResult } from '../../src/shell/shell.js';
import { testLab, type TestLab } from './harness.js';

/** What a line printed, as text. */
export interface Shown { out: string; err: string; status: number; incomplete?: RunResult['incomplete'] }

/** Runs text in the lab (script mode unless told) and returns what it showed. */
export function sh(lab: TestLab, text: string, mode: 'script' | 'interactive' = 'script'): Shown {
  const r = runLine(lab, text, mode);
  const pick = (s: string): string => r.lines.filter((l) => l.stream === s).map((l) => l.text).join('\n');
  const shown: Shown = { out: pick('stdout'), err: pick('stderr'), status: r.status };
  if (r.incomplete) shown.incomplete = r.incomplete;
  return shown;
}

/** A row of a table-driven test: commands run first (setup), the line, and what it must show. */
export interface Case { name: string; setup?: string[]; line: string; out?: string; err?: string; status?: number }

/** Runs a case on a fresh lab and returns what it showed, with the expectation filled from defaults. */
export function runCase(c: Case): { got: Shown; want: Shown } {
  const lab = testLab();
  for (const s of c.setup ?? []) sh(lab, s);
  const got = sh(lab, c.line);
  return { got: { out: got.out, err: got.err, status: got.status }, want: { out: c.out ?? '', err: c.err ?? '', status: c.status ?? 0 } };
}
