// Turning one manifest file's text into JSON documents as kubectl does (apimachinery
// util/yaml YAMLReader splits on `---` lines, sigs.k8s.io/yaml converts each document with go-yaml),
// with js-yaml's error texts mapped onto go-yaml's and limits so hostile input never hangs or throws.
import * as yaml from 'js-yaml';
import { goYamlSyntaxMessage, type JsYamlError } from './yaml-errors.js';

/** The biggest manifest file the lab reads. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** The most documents one file may hold. */
export const MAX_DOCUMENTS = 1000;
/** The deepest nesting accepted. */
export const MAX_DEPTH = 100;
/** How many values alias expansion may produce before the document counts as a billion-laughs bomb. */
const MAX_EXPANDED_NODES = 200_000;

/** go-yaml v2's resolution (what sigs.k8s.io/yaml uses): YAML 1.1 booleans (`yes`, `on`), octal ints and `<<` merges, timestamps left as strings. */
const GO_YAML_SCHEMA = new yaml.Schema([yaml.strTag, yaml.seqTag, yaml.mapTag, yaml.nullYaml11Tag, yaml.boolYaml11Tag, yaml.intYaml11Tag, yaml.floatYaml11Tag, yaml.mergeTag]);

/** One parsed document (null when empty) or go-yaml's error text (without the `yaml:` prefix). */
export type ParsedDocs = { ok: true; docs: unknown[] } | { ok: false; error: string };

/** Splits a stream into documents where a line starts with `---` followed by nothing or a comment; each keeps its last line break, as apimachinery's YAMLReader does. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(cur.length > 0 ? `${cur.join('\n')}\n` : '');
        cur = [];
        continue;
      }
    }
    cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs;
}

/** go-yaml v2's message for a js-yaml failure on `text`: its limits, an unknown alias, or a syntax error. */
function goYamlMessage(e: unknown, text: string): string {
  const err = e as JsYamlError;
  const reason = err.reason ?? '';
  if (reason.startsWith('nesting exceeded maxDepth')) return `exceeded max depth of ${MAX_DEPTH}`;
  if (reason.startsWith('unidentified alias')) return `unknown anchor '${reason.replace(/^unidentified alias "(.*)"$/, '$1')}' referenced`;
  return goYamlSyntaxMessage(err, text, (again) => {
    try {
      yaml.loadAll(again, { schema: GO_YAML_SCHEMA, json: true, maxDepth: MAX_DEPTH });
      return undefined;
    } catch (e2) {
      return e2 as JsYamlError;
    }
  });
}

/** Walks a parsed value with a budget; reports aliasing bombs and over-deep nesting. */
function checkShape(v: unknown): string | undefined {
  let budget = MAX_EXPANDED_NODES;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (--budget < 0) return 'document contains excessive aliasing';
    if (depth > MAX_DEPTH) return `exceeded max depth of ${MAX_DEPTH}`;
    if (typeof x === 'object' && x !== null) {
      for (const c of Array.isArray(x) ? x : Object.values(x)) stack.push([c, depth + 1]);
    }
  }
  return undefined;
}

/**
 * The value with every map's keys in sorted order: YAMLToJSON marshals maps with Go's encoding/json,
 * which sorts keys, so the server reads (and reports unknown fields) in that order.
 */
function sortKeys(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(sortKeys);
  const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, x]) => [k, sortKeys(x)]));
}

/** Rough nesting depth of the raw text, checked before parsing so the parser cannot overflow its stack. */
function rawDepthTooBig(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (depth > MAX_DEPTH) return true;
  }
  return false;
}

/**
 * The lines of the document's first node when the document starts indented and a later line sits
 * further left: go-yaml's Unmarshal reads that first node and never looks at the rest.
 */
function firstIndentedNode(text: string): string | undefined {
  const lines = text.split('\n');
  const content = (l: string): boolean => l.trim() !== '' && !l.trimStart().startsWith('#');
  const first = lines.findIndex(content);
  const indent = first < 0 ? 0 : lines[first]!.length - lines[first]!.trimStart().length;
  if (indent === 0) return undefined;
  const end = lines.findIndex((l, i) => i > first && content(l) && l.length - l.trimStart().length < indent);
  return end < 0 ? undefined : `${lines.slice(0, end).join('\n')}\n`;
}

/** Parses one document's text into a JSON-like value as sigs.k8s.io/yaml's YAMLToJSON does. */
export function parseDocument(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (rawDepthTooBig(text)) return { ok: false, error: `exceeded max depth of ${MAX_DEPTH}` };
  try {
    const docs = yaml.loadAll(text, { schema: GO_YAML_SCHEMA, json: true, maxDepth: MAX_DEPTH }) as unknown[];
    const value = docs[0];
    const shape = checkShape(value);
    return shape ? { ok: false, error: shape } : { ok: true, value: sortKeys(value ?? null) };
  } catch (e) {
    const head = firstIndentedNode(text);
    if (head !== undefined) {
      const r = parseDocument(head);
      if (r.ok) return r;
    }
    return { ok: false, error: goYamlMessage(e, text) };
  }
}
