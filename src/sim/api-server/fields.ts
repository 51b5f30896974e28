// Field selectors as apimachinery v0.34 parses them (pkg/fields/selector.go: splitTerms, splitTerm,
// UnescapeValue) and as the API server then checks their field names: the per-kind field-label
// conversion funcs of kubernetes pkg/apis/core/v1/conversion.go, else runtime.DefaultMetaV1FieldSelectorConversion.
// Left out: kinds the lab does not serve (Secret, ReplicationController, Job, CertificateSigningRequest).
import { compareStrings, goQuote } from './label-requirement.js';
import type { Kind } from './resources.js';

/** One term of a field selector; `==` is stored as `=`, as fields.hasTerm does. */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** The outcome of parsing a field selector: its terms, or apimachinery's error text. */
export type FieldSelectorResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; message: string };

/** Parses a `--field-selector` / `?fieldSelector=` string as fields.ParseSelector does (no trimming of spaces). */
export function parseFieldSelector(text: string): FieldSelectorResult {
  const requirements: FieldRequirement[] = [];
  // parseSelector sorts the raw terms, so both the order of the terms and the first error follow that sort.
  for (const term of splitTerms(text).sort(compareStrings)) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) return { ok: false, message: `invalid selector: '${text}'; can't understand '${term}'` };
    const value = unescapeValue(split.rhs);
    if (typeof value !== 'string') return { ok: false, message: value.error };
    // Transform drops a term whose field and value are both empty (`=` alone selects everything).
    if (split.lhs === '' && value === '') continue;
    requirements.push({ field: split.lhs, op: split.op === '!=' ? '!=' : '=', value });
  }
  return { ok: true, requirements };
}

/** Splits on commas that are not escaped with a backslash. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return [...terms, text.slice(start)];
}

/** The first operator in the term, trying `!=`, then `==`, then `=` at each position. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` unescape; a bare `,` or `=` is an error naming its code point. */
function unescapeValue(s: string): string | { error: string } {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') return { error: `invalid field selector: invalid escape sequence: \\${c}` };
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      return { error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    } else {
      out += c;
    }
  }
  return inSlash ? { error: 'invalid field selector: invalid escape sequence: \\' } : out;
}

/** Whether an object's fields satisfy every term; a field the object does not have reads as "" (fields.Set.Get). */
export function matchesFields(requirements: FieldRequirement[], fieldValue: (field: string) => string | undefined): boolean {
  return requirements.every((r) => {
    const equal = (fieldValue(r.field) ?? '') === r.value;
    return r.op === '=' ? equal : !equal;
  });
}

const OBJECT_META_FIELDS = ['metadata.name', 'metadata.namespace'] as const;

/** The field selectors the real API server accepts for a kind (its field-label conversion func). */
export function supportedFieldsOf(kind: Kind): readonly string[] {
  switch (kind) {
    case 'Pod':
      // status.podIPs is accepted but missing from the pod's field set (ToSelectableFields), so it reads as "".
      return [...OBJECT_META_FIELDS, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName',
        'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'];
    case 'Service':
      return [...OBJECT_META_FIELDS, 'spec.clusterIP', 'spec.type'];
    case 'Node':
      return ['metadata.name', 'spec.unschedulable'];
    case 'Namespace':
      return ['metadata.name', 'status.phase'];
    case 'Event':
      return [...OBJECT_META_FIELDS, 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
        'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'];
    case 'Endpoints': case 'EndpointSlice': case 'ConfigMap': case 'Deployment': case 'ReplicaSet': case 'DaemonSet':
      return OBJECT_META_FIELDS;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** Kinds with their own conversion func; the rest fall back to DefaultMetaV1FieldSelectorConversion. */
const HAS_CONVERSION_FUNC: ReadonlySet<Kind> = new Set<Kind>(['Pod', 'Service', 'Node', 'Namespace', 'Event']);

/** The API server's error for a field it cannot select on, for that kind (both real wordings). */
export function unsupportedFieldMessage(kind: Kind, field: string): string {
  if (HAS_CONVERSION_FUNC.has(kind)) return `field label not supported: ${field}`;
  return `${goQuote(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/** The server-side field-label conversion of a whole selector (FieldSelector.Transform): renamed terms, or the first error. */
export function convertFieldSelector(kind: Kind, requirements: FieldRequirement[]): FieldSelectorResult {
  const supported = supportedFieldsOf(kind);
  const converted: FieldRequirement[] = [];
  for (const r of requirements) {
    // Old v1 clients sent spec.host; the Pod conversion still renames it to spec.nodeName.
    const field = kind === 'Pod' && r.field === 'spec.host' ? 'spec.nodeName' : r.field;
    if (!supported.includes(field)) return { ok: false, message: unsupportedFieldMessage(kind, r.field) };
    converted.push({ ...r, field });
  }
  return { ok: true, requirements: converted };
}
