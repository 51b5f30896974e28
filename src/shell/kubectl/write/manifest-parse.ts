// Turning one manifest file's text into JSON documents as kubectl does (apimachinery
// util/yaml YAMLReader splits on `---` lines, sigs.k8s.io/yaml converts each document with go-yaml),
// with js-yaml's error texts mapped onto go-yaml's and limits so hostile input never hangs or throws.
import * as yaml from 'js-yaml';

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

/** Splits a stream into documents where a line starts with `---` followed by nothing or a comment. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest === '' || rest.startsWith('#')) {
        docs.push(cur.join('\n'));
        cur = [];
        continue;
      }
    }
    cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs;
}

/** go-yaml's problems raised by its scanner; the rest come from its parser. */
const SCANNER_PROBLEMS = ['mapping values are not allowed in this context', 'found character that cannot start any token', 'found unexpected end of stream', "could not find expected ':'"];

/**
 * go-yaml v2's message for a js-yaml failure. go-yaml numbers scanner errors from 1 but parser
 * errors ("did not find expected key") by the 0-based line of the problem, omitting "line 0: ".
 */
function goYamlMessage(e: unknown): string {
  const err = e as { reason?: string; mark?: { line?: number; column?: number; buffer?: string } };
  const reason = err.reason ?? '';
  if (reason.startsWith('nesting exceeded maxDepth')) return `exceeded max depth of ${MAX_DEPTH}`;
  if (reason.startsWith('unidentified alias')) return `unknown anchor '${reason.replace(/^unidentified alias "(.*)"$/, '$1')}' referenced`;
  const zeroBased = err.mark?.line ?? 0;
  const problem = goProblem(reason, (err.mark?.buffer ?? '').split('\n')[zeroBased] ?? '', err.mark?.column ?? 0, err.mark?.buffer ?? '');
  const line = SCANNER_PROBLEMS.includes(problem) ? zeroBased + 1 : zeroBased;
  return line === 0 ? problem : `line ${line}: ${problem}`;
}

/** Which go-yaml problem a js-yaml reason corresponds to. */
function goProblem(reason: string, lineText: string, col: number, buffer: string): string {
  const at = lineText.charAt(col);
  if (reason.startsWith('tab characters') || /[@`]/.test(at)) return 'found character that cannot start any token';
  if (reason === 'bad indentation of a mapping entry') {
    return /^\s*[^\s#][^#]*:\s/.test(lineText.slice(0, col)) ? 'mapping values are not allowed in this context' : 'did not find expected key';
  }
  if (reason === 'deficient indentation' || reason.startsWith('unexpected end of the stream')) {
    return /\[/.test(buffer) && !/["']/.test(buffer) ? "did not find expected ',' or ']'" : 'found unexpected end of stream';
  }
  if (reason === 'bad indentation of a sequence entry') return "did not find expected '-' indicator";
  if (reason.startsWith('end of the stream or a document separator')) return "could not find expected ':'";
  if (reason.startsWith('missed comma between flow collection entries')) return "did not find expected ',' or ']'";
  if (reason.includes('cannot start any token') || reason.includes('unexpected character')) return 'found character that cannot start any token';
  if (reason.startsWith('unknown tag') || reason.startsWith('unknown scalar tag')) return 'found undefined tag handle';
  return 'did not find expected node content';
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

/** Parses one document's text into a JSON-like value as sigs.k8s.io/yaml's YAMLToJSON does. */
export function parseDocument(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (rawDepthTooBig(text)) return { ok: false, error: `exceeded max depth of ${MAX_DEPTH}` };
  try {
    const docs = yaml.loadAll(text, { schema: GO_YAML_SCHEMA, json: true, maxDepth: MAX_DEPTH }) as unknown[];
    const value = docs[0];
    const shape = checkShape(value);
    return shape ? { ok: false, error: shape } : { ok: true, value: value ?? null };
  } catch (e) {
    return { ok: false, error: goYamlMessage(e) };
  }
}
