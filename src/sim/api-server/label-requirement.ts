// labels.NewRequirement (apimachinery v0.34 pkg/labels/selector.go) with the checks it runs,
// IsQualifiedName and IsValidLabelValue (pkg/util/validation/validation.go), rendered as field.Error
// and an aggregate (pkg/util/validation/field/errors.go, pkg/util/errors/errors.go) render them.
// Left out: the NotSupported error for an unknown operator, which the Operator type rules out.
import { isQualifiedName, isValidLabelValue } from './validation/names.js';
import { goQuote } from './errors.js';

export { isQualifiedName, isValidLabelValue, goQuote };

/** A selection.Operator, spelled as apimachinery spells it. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a label selector (labels.Requirement): a key, an operator and its values. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** The field.Invalid error for a bad label key at `path`, or undefined when the key is valid. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length === 0 ? undefined : invalid(path, goQuote(key), errs.join('; '));
}

/** labels.NewRequirement: the requirement, or the aggregated error text of everything wrong with it. */
export function newRequirement(key: string, operator: Operator, values: string[]): Requirement | { error: string } {
  const errs: string[] = [];
  const keyError = labelKeyError(key, 'key');
  if (keyError) errs.push(keyError);
  const count = (ok: boolean, detail: string) => ok || errs.push(invalid('values', goJSON(values), detail));
  switch (operator) {
    case 'in': case 'notin': count(values.length > 0, "for 'in', 'notin' operators, values set can't be empty"); break;
    case '=': case '==': case '!=': count(values.length === 1, 'exact-match compatibility requires one single value'); break;
    case 'exists': case '!': count(values.length === 0, 'values set must be empty for exists and does not exist'); break;
    case 'gt': case 'lt':
      count(values.length === 1, "for 'Gt', 'Lt' operators, exactly one value is required");
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default: {
      const unreachable: never = operator;
      return unreachable;
    }
  }
  values.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length > 0) errs.push(invalid(`values[${i}][${key}]`, goQuote(v), valueErrs.join('; ')));
  });
  return errs.length === 0 ? { key, operator, values } : { error: aggregate(errs) };
}

/** strconv.ParseInt(s, 10, 64): optional sign and decimal digits within int64, else undefined. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

function invalid(path: string, renderedValue: string, detail: string): string {
  return `${path}: Invalid value: ${renderedValue}: ${detail}`;
}

/** utilerrors aggregate text: one error alone, several as `[a, b]`, repeats dropped. */
function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/** json.Marshal of a []string as field.Error shows a bad value; an empty list is the nil slice, `null`. */
function goJSON(values: string[]): string {
  if (values.length === 0) return 'null';
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `[${values.map((v) => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, escape)).join(',')}]`;
}

/** Requirements ordered by key, as labels.Parse and Selector.Add leave them (a stable sort). */
export function sortByKey(requirements: Requirement[]): Requirement[] {
  return [...requirements].sort((a, b) => compareStrings(a.key, b.key));
}

/** Go's string order (sort.Strings) for the ASCII strings labels are made of. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
