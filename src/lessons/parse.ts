// Reading a lesson file: YAML (js-yaml) into the Lesson shape, every field checked, every mistake
// reported as `FILE:LINE: message` — the line found by walking the keys and list items of the
// text, so an author is sent to the right place. A broken lesson is a value (its errors), never a
// thrown exception.
import { load, YAMLException } from 'js-yaml';
import { resolveConfig, type ClusterConfig } from '../sim/config.js';
import { CHECKS } from './checks.js';
import type { CheckSpec, Lesson, Step, WrongAttempt } from './types.js';

/** A lesson, or the reasons it is not one. */
export type ParsedLesson = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

type Path = (string | number)[];

/** The 1-based line where a path of keys and list indexes starts in the YAML text (best effort). */
export function lineOf(text: string, path: Path): number {
  const lines = text.split('\n');
  let from = 0;
  let indent = -1;
  for (const seg of path) {
    let found = -1;
    let seen = -1;
    let itemIndent = -1;
    for (let i = from; i < lines.length; i++) {
      const l = lines[i]!;
      const t = l.trimStart();
      if (!t || t.startsWith('#')) continue;
      const ind = l.length - t.length;
      const item = t.startsWith('- ') || t === '-';
      if (i > from && (ind < indent || (ind === indent && !(typeof seg === 'number' && item)))) break;
      if (typeof seg === 'string' && ind > indent && new RegExp(`^(- )?${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(t)) {
        found = i;
        indent = ind + (item ? 2 : 0);
        break;
      }
      if (typeof seg === 'number' && item && ind >= indent) {
        if (itemIndent < 0) itemIndent = ind;
        if (ind !== itemIndent) continue;
        seen++;
        if (seen === seg) {
          found = i;
          indent = ind;
          break;
        }
      }
    }
    if (found < 0) return from + 1;
    from = found;
  }
  return from + 1;
}

const TOP = ['id', 'title', 'summary', 'cluster', 'setup', 'files', 'intro', 'steps', 'outro'];
const STEP = ['goal', 'hints', 'checks', 'solution', 'explain', 'wrong'];
const CLUSTER: Record<string, 'number' | 'string' | 'boolean'> = { nodes: 'number', serviceCIDR: 'string', podCIDR: 'string', nodePortRange: 'string', proxyMode: 'string', cloud: 'boolean', seed: 'number' };

/** Parses and validates a lesson's text. */
/** Characters lesson text may not hold: every control character but tab and line feed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export function parseLesson(text: string, file: string): ParsedLesson {
  const errors: string[] = [];
  const err = (path: Path, msg: string): void => void errors.push(`${file}:${lineOf(text, path)}: ${msg}`);
  let doc: unknown;
  try {
    doc = load(text, { filename: file });
  } catch (e) {
    const mark = e instanceof YAMLException ? e.mark : undefined;
    return { ok: false, errors: [`${file}:${mark ? mark.line + 1 : 1}: ${e instanceof YAMLException ? e.reason : String(e)}`] };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, errors: [`${file}:1: a lesson is a mapping (id:, title:, steps: ...)`] };
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(d)) if (!TOP.includes(k)) err([k], `unknown field "${k}" (expected one of ${TOP.join(', ')})`);
  const plain = (v: string, path: Path): string => {
    const c = CONTROL.exec(v);
    if (c) err(path, `${path.join('.')} contains the control character U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: lesson text is shown in the learner's terminal`);
    return v.replace(/\n+$/, '');
  };
  const str = (v: unknown, path: Path, required: boolean): string => {
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || !v.trim()) {
      err(path, `${path.join('.')} must be ${required ? 'a non-empty' : 'a'} string`);
      return '';
    }
    return plain(v, path);
  };
  const strings = (v: unknown, path: Path): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      err(path, `${path.join('.')} must be a list of strings`);
      return [];
    }
    return (v as string[]).map((x, i) => plain(x, [...path, i]));
  };
  const id = str(d.id, ['id'], true);
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err(['id'], `id "${id}" must be lower-case words joined by -`);
  const cluster: Partial<ClusterConfig> = {};
  if (d.cluster !== undefined) {
    if (!d.cluster || typeof d.cluster !== 'object' || Array.isArray(d.cluster)) err(['cluster'], 'cluster must be a mapping of cluster options');
    else {
      for (const [k, v] of Object.entries(d.cluster as Record<string, unknown>)) {
        if (!(k in CLUSTER)) err(['cluster', k], `unknown cluster option "${k}" (expected one of ${Object.keys(CLUSTER).join(', ')})`);
        else if (typeof v !== CLUSTER[k]) err(['cluster', k], `cluster.${k} must be a ${CLUSTER[k]}`);
        else (cluster as Record<string, unknown>)[k] = v;
      }
      const resolved = resolveConfig(cluster);
      if ('errors' in resolved) for (const e of resolved.errors) err(['cluster'], e);
    }
  }
  const files: Record<string, string> = {};
  if (d.files !== undefined) {
    if (!d.files || typeof d.files !== 'object' || Array.isArray(d.files)) err(['files'], 'files must map file names to their contents');
    else for (const [k, v] of Object.entries(d.files as Record<string, unknown>)) {
      if (typeof v !== 'string') err(['files', k], `files.${k} must be the file's text`);
      else if (!/^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/.test(k) || k.includes('..')) err(['files', k], `files: "${k}" is not a plain relative file name`);
      else files[k] = v;
    }
  }
  const steps: Step[] = [];
  if (!Array.isArray(d.steps) || d.steps.length === 0) err(['steps'], 'steps must be a non-empty list');
  else d.steps.forEach((raw, i) => {
    const p: Path = ['steps', i];
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return err(p, `steps[${i}] must be a mapping`);
    const s = raw as Record<string, unknown>;
    for (const k of Object.keys(s)) if (!STEP.includes(k)) err([...p, k], `unknown step field "${k}" (expected one of ${STEP.join(', ')})`);
    const checks: CheckSpec[] = [];
    if (!Array.isArray(s.checks) || s.checks.length === 0) err([...p, 'checks'], `steps[${i}].checks must be a non-empty list`);
    else s.checks.forEach((c, j) => {
      const cp: Path = [...p, 'checks', j];
      if (!c || typeof c !== 'object' || Array.isArray(c)) return err(cp, 'a check is a mapping with check: NAME and its parameters');
      const { check, ...params } = c as Record<string, unknown>;
      const def = typeof check === 'string' ? CHECKS[check] : undefined;
      if (!def) return err(cp, `unknown check "${String(check)}" (known: ${Object.keys(CHECKS).join(', ')})`);
      for (const problem of def.validate(params)) err(cp, `check ${check}: ${problem}`);
      checks.push({ check: check as string, params, line: lineOf(text, cp) });
    });
    const wrong: WrongAttempt[] = [];
    if (s.wrong !== undefined) {
      if (!Array.isArray(s.wrong)) err([...p, 'wrong'], 'wrong must be a list of attempts');
      else s.wrong.forEach((w, j) => {
        const wp: Path = [...p, 'wrong', j];
        const o = (w ?? {}) as Record<string, unknown>;
        const commands = strings(o.commands, [...wp, 'commands']);
        const reason = str(o.reason, [...wp, 'reason'], true);
        try {
          new RegExp(reason);
        } catch {
          err([...wp, 'reason'], `reason "${reason}" is not a valid regular expression`);
        }
        wrong.push({ commands, reason, line: lineOf(text, wp) });
      });
    }
    const solution = strings(s.solution, [...p, 'solution']);
    if (!solution.length) err([...p, 'solution'], `steps[${i}].solution must list the commands that solve the step`);
    steps.push({ goal: str(s.goal, [...p, 'goal'], true), hints: strings(s.hints, [...p, 'hints']), checks, solution, explain: str(s.explain, [...p, 'explain'], false), wrong, line: lineOf(text, p) });
  });
  const lesson: Lesson = {
    id, file, cluster, files, steps,
    title: str(d.title, ['title'], true),
    summary: str(d.summary, ['summary'], true),
    setup: strings(d.setup, ['setup']),
    intro: str(d.intro, ['intro'], true),
    outro: str(d.outro, ['outro'], false),
  };
  return errors.length ? { ok: false, errors } : { ok: true, lesson };
}
