// Label selectors as apimachinery v0.34 has them: labels.Parse and Requirement.Matches
// (pkg/labels/selector.go), FormatLabels (pkg/labels/labels.go), LabelSelectorAsSelector and
// FormatLabelSelector (pkg/apis/meta/v1/helpers.go); the grammar lives in label-parser.ts.
// Left out: labels.Nothing() as a value (an absent workload selector is handled by labelSelectorMatches).
import type { LabelSelector } from '../types.js';
import { parseRequirements } from './label-parser.js';
import { compareStrings, goQuote, newRequirement, parseInt64, sortByKey, type Operator, type Requirement } from './label-requirement.js';

export type { Operator, Requirement } from './label-requirement.js';

/** An AND of requirements, sorted by key as labels.Parse leaves it; empty selects everything. */
export type Selector = Requirement[];

/** The outcome of parsing or converting a selector: the selector, or apimachinery's error text. */
export type SelectorResult = { ok: true; selector: Selector } | { ok: false; message: string };

/** Parses a `-l` / `?labelSelector=` string exactly as labels.Parse does; the message is apimachinery's error text. */
export function parseLabelSelector(text: string): SelectorResult {
  const parsed = parseRequirements(text);
  return parsed.ok ? { ok: true, selector: parsed.requirements } : parsed;
}

/** Whether labels satisfy every requirement (Requirement.Matches): `!=` and `notin` match an absent key. */
export function matchesLabels(selector: Selector, labels: Record<string, string> | undefined): boolean {
  return selector.every((r) => requirementMatches(r, labels ?? {}));
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key]! : '';
  switch (r.operator) {
    case 'in': case '=': case '==': return has && r.values.includes(value);
    case 'notin': case '!=': return !has || !r.values.includes(value);
    case 'exists': return has;
    case '!': return !has;
    case 'gt': case 'lt': return has && r.values.length === 1 && compareIntegers(r.operator, value, r.values[0]!);
    default: {
      const unreachable: never = r.operator;
      return unreachable;
    }
  }
}

/** Gt/Lt compare as strconv.ParseInt(v, 10, 64); a label that is not an int64 never matches. */
function compareIntegers(op: 'gt' | 'lt', labelValue: string, wanted: string): boolean {
  const a = parseInt64(labelValue);
  const b = parseInt64(wanted);
  if (a === undefined || b === undefined) return false;
  return op === 'gt' ? a > b : a < b;
}

/** A selector that matches exactly the given set (SelectorFromSet); an empty set selects everything. */
export function selectorFromSet(set: Record<string, string>): Selector {
  return Object.keys(set).sort(compareStrings).map((key) => ({ key, operator: '=' as const, values: [set[key]!] }));
}

/** Whether a Service's spec.selector picks a pod: an empty or absent selector picks no pods (the endpoint controllers skip it). */
export function serviceSelectorMatches(selector: Record<string, string> | undefined, podLabels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return matchesLabels(selectorFromSet(selector), podLabels);
}

/** Converts a Deployment/ReplicaSet spec.selector as metav1.LabelSelectorAsSelector does, errors included. */
export function labelSelectorAsSelector(ls: LabelSelector): SelectorResult {
  const matchLabels = ls.matchLabels ?? {};
  const requirements: Requirement[] = [];
  // Go ranges over matchLabels in random order; sorted keys make the first error deterministic.
  for (const key of Object.keys(matchLabels).sort(compareStrings)) {
    const r = newRequirement(key, '=', [matchLabels[key]!]);
    if ('error' in r) return { ok: false, message: r.error };
    requirements.push(r);
  }
  for (const expr of ls.matchExpressions ?? []) {
    const op = EXPRESSION_OPERATORS.get(expr.operator);
    if (!op) return { ok: false, message: `${goQuote(expr.operator)} is not a valid label selector operator` };
    const r = newRequirement(expr.key, op, [...(expr.values ?? [])]);
    if ('error' in r) return { ok: false, message: r.error };
    requirements.push(r);
  }
  return { ok: true, selector: sortByKey(requirements) };
}

const EXPRESSION_OPERATORS = new Map<string, Operator>([['In', 'in'], ['NotIn', 'notin'], ['Exists', 'exists'], ['DoesNotExist', '!']]);

/** Whether a workload's selector picks these labels: an absent selector is labels.Nothing(), an invalid one picks nothing. */
export function labelSelectorMatches(ls: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  return labelSelectorMatcher(ls)(labels);
}

/** labelSelectorMatches with the selector converted once, for testing many objects against it. */
export function labelSelectorMatcher(ls: LabelSelector | undefined): (labels: Record<string, string> | undefined) => boolean {
  const converted = ls ? labelSelectorAsSelector(ls) : undefined;
  return (labels) => converted?.ok === true && matchesLabels(converted.selector, labels);
}

/** Sorted `k=v` joined by `,`, or `<none>` (labels.FormatLabels: `--show-labels`, describe Labels/Selector). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(compareStrings);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

/** A workload selector as the SELECTOR column shows it (metav1.FormatLabelSelector): `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | undefined): string {
  if (!ls) return '<none>';
  const converted = labelSelectorAsSelector(ls);
  if (!converted.ok) return '<error>';
  return formatSelector(converted.selector) || '<none>';
}

/** The canonical text of a selector (internalSelector.String): by key, `!k`, `k`, `k in (a,b)`, `k>5`. */
export function formatSelector(selector: Selector): string {
  return sortByKey(selector).map(formatRequirement).join(',');
}

function formatRequirement(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort(compareStrings).join(',');
  switch (r.operator) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': return `${r.key} in (${values})`;
    case 'notin': return `${r.key} notin (${values})`;
    case '=': case '==': case '!=': return `${r.key}${r.operator}${values}`;
    case 'gt': return `${r.key}>${values}`;
    case 'lt': return `${r.key}<${values}`;
    default: {
      const unreachable: never = r.operator;
      return unreachable;
    }
  }
}
