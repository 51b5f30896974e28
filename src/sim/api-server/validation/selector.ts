// metav1.LabelSelector in validation: ValidateLabelSelector (apimachinery pkg/apis/meta/v1/validation),
// the conversion and matching of ../selectors.ts (LabelSelectorAsSelector, labels.Selector.Empty),
// and the JSON form field errors print (Go marshals maps with sorted keys).
import type { LabelSelector } from '../../types.js';
import { forbidden, invalid, required, type FieldError } from '../errors.js';
import { isValidLabelValue } from './names.js';
import { labelSelectorAsSelector, labelSelectorMatches } from '../selectors.js';
import { validateLabelName, validateLabels } from './meta.js';

/** ValidateLabelSelector: matchLabels as labels, then each matchExpression's operator, key and values. */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const values = expr.values ?? [];
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${p}.operator`, expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', `${p}.key`));
    values.forEach((v, j) => errs.push(...isValidLabelValue(v).map((m) => invalid(`${p}.values[${j}]`, v, m))));
  });
  return errs;
}

/** False when LabelSelectorAsSelector would fail (bad key, operator, value or value count); nil converts fine. */
export function selectorParses(sel: LabelSelector | undefined): boolean {
  return sel === undefined || labelSelectorAsSelector(sel).ok;
}

/** labels.Selector.Empty(): true only for a non-nil selector with no terms (which selects everything). */
export function selectorIsEmpty(sel: LabelSelector | undefined): boolean {
  return sel !== undefined && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

/** Matches as the converted selector does: a nil selector matches nothing, an empty one everything. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  return labelSelectorMatches(sel, labels);
}

/** A string map as Go's encoding/json writes it: keys sorted (undefined stays undefined, rendered as null). */
export function sortedMap(m: Record<string, string> | undefined): Record<string, string> | undefined {
  if (m === undefined) return undefined;
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A LabelSelector in Go's JSON form: json tags, omitempty fields dropped, map keys sorted. */
export function selectorJSON(sel: LabelSelector | undefined): unknown {
  if (!sel) return null;
  const out: Record<string, unknown> = {};
  if (Object.keys(sel.matchLabels ?? {}).length > 0) out.matchLabels = sortedMap(sel.matchLabels);
  if ((sel.matchExpressions ?? []).length > 0) {
    out.matchExpressions = sel.matchExpressions!.map((e) => ({
      key: e.key,
      operator: e.operator,
      ...((e.values ?? []).length > 0 ? { values: e.values } : {}),
    }));
  }
  return out;
}
