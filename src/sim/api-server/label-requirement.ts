// labels.NewRequirement (apimachinery v0.34 pkg/labels/selector.go) with the checks it runs,
// IsQualifiedName and IsValidLabelValue (pkg/util/validation/validation.go), rendered as field.Error
// and an aggregate (pkg/util/validation/field/errors.go, pkg/util/errors/errors.go) render them.
// Left out: the NotSupported error for an unknown operator, which the Operator type rules out.

/** A selection.Operator, spelled as apimachinery spells it. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a label selector (labels.Requirement): a key, an operator and its values. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** validation.RegexError, including its doubled space before each " or ". */
function regexError(msg: string, fmt: string, examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** Go's len(): lengths in validation are UTF-8 bytes. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, ['example.com']));
  return errs;
}

/** validation.IsQualifiedName: a label key, `[prefix/]name`; the reasons it is not one. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    const shape = regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, ['MyName', 'my.name', '123-abc']);
    return [`a qualified name ${shape} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errs: string[] = [];
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (utf8Length(name) > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME_RE.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, ['MyName', 'my.name', '123-abc'])}`);
  return errs;
}

/** validation.IsValidLabelValue: the reasons a string is not a label value. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, ['MyValue', 'my_value', '12345']));
  return errs;
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

const GO_ESCAPES = new Map([
  ['"', '\\"'], ['\\', '\\\\'], ['\x07', '\\a'], ['\b', '\\b'], ['\f', '\\f'], ['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t'], ['\v', '\\v'],
]);

/** Go's %q (strconv.Quote): printable characters kept, control characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const hex = cp.toString(16);
    if (GO_ESCAPES.has(ch)) out += GO_ESCAPES.get(ch)!;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex.padStart(2, '0')}`;
    else if (cp >= 0x80 && cp < 0xa0) out += `\\u${hex.padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
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
