// Reading `-f FILE|DIR|-` into objects, as cli-runtime's resource.Builder does (FilenameParam,
// FileVisitor, StreamVisitor, the RESTMapper lookup) with kubectl's client-side error texts.
// Every problem is found before any request, so a refused manifest changes nothing.
import { apiVersionOf, lookupKind, type ResourceInfo } from '../../sim/index.js';
import type { KubeObject } from '../../sim/types.js';
import type { CommandContext } from '../types.js';
import { readSource } from './manifest-source.js';
import { MAX_DOCUMENTS, MAX_MANIFEST_BYTES, parseDocument, splitDocuments } from './write/manifest-parse.js';

/** One object of a manifest, with the file it came from (`STDIN` for `-f -`). */
export interface ManifestItem {
  obj: KubeObject;
  info: ResourceInfo;
  source: string;
}

/** The objects of all `-f` arguments in order, or the first error as kubectl prints it (without `error: `). */
export type ManifestResult = { ok: true; items: ManifestItem[] } | { ok: false; error: string };

const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Expands one `-f` argument into (source name, text) pairs. */
function expandPath(ctx: Pick<CommandContext, 'shell' | 'host' | 'stdin'>, path: string, recursive: boolean, depth = 0): { files: [string, string][] } | { error: string } {
  if (path === '-') return { files: [['STDIN', ctx.stdin ?? '']] };
  const entry = readSource(ctx, path);
  if (entry.type === 'missing') return { error: `the path "${path}" does not exist` };
  if (entry.type === 'file') return { files: [[path, entry.text]] };
  const files: [string, string][] = [];
  for (const full of entry.paths) {
    const shown = `${path.replace(/\/+$/, '')}/${full.slice(full.lastIndexOf('/') + 1)}`;
    const sub = readSource(ctx, shown);
    if (sub.type === 'dir' && recursive && depth < 16) {
      const r = expandPath(ctx, shown, recursive, depth + 1);
      if ('error' in r) return r;
      files.push(...r.files);
    } else if (sub.type === 'file' && EXTENSIONS.some((e) => shown.endsWith(e))) files.push([shown, sub.text]);
  }
  return { files };
}

/** Reads every `-f` argument and decodes its objects. */
export function loadManifests(ctx: Pick<CommandContext, 'shell' | 'host' | 'stdin'>, paths: string[], recursive = false): ManifestResult {
  const items: ManifestItem[] = [];
  for (const path of paths) {
    const expanded = expandPath(ctx, path, recursive);
    if ('error' in expanded) return { ok: false, error: expanded.error };
    for (const [source, text] of expanded.files) {
      const r = decodeFile(source, text);
      if (!r.ok) return r;
      items.push(...r.items);
    }
  }
  return { ok: true, items };
}

/** Decodes one file's text into objects. */
export function decodeFile(source: string, text: string): ManifestResult {
  if (text.length > MAX_MANIFEST_BYTES) return { ok: false, error: `error reading ${source}: the lab reads manifests up to 1 MB; this one is ${Math.ceil(text.length / 1024)} KB` };
  const docs = splitDocuments(text);
  if (docs.length > MAX_DOCUMENTS) return { ok: false, error: `error reading ${source}: the lab reads at most ${MAX_DOCUMENTS} documents per file; this one has ${docs.length}` };
  const items: ManifestItem[] = [];
  for (const doc of docs) {
    const parsed = parseDocument(doc);
    if (!parsed.ok) return { ok: false, error: `error parsing ${source}: error converting YAML to JSON: yaml: ${parsed.error}` };
    if (parsed.value === null) continue;
    const r = toItems(source, parsed.value, 0);
    if (!r.ok) return r;
    items.push(...r.items);
  }
  return { ok: true, items };
}

function goTypeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Checks one decoded value: an object with kind and apiVersion the server knows (a List expands). */
function toItems(source: string, v: unknown, depth: number): ManifestResult {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { ok: false, error: `error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goTypeOf(v)} into Go value of type map[string]interface {}` };
  }
  const o = v as Record<string, unknown>;
  const missing = [...(typeof o['apiVersion'] !== 'string' || o['apiVersion'] === '' ? ['apiVersion not set'] : []), ...(typeof o['kind'] !== 'string' || o['kind'] === '' ? ['kind not set'] : [])];
  if (missing.length > 0) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return { ok: false, error: `error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false` };
  }
  const kind = o['kind'] as string;
  const apiVersion = o['apiVersion'] as string;
  if (kind.endsWith('List') && Array.isArray(o['items']) && depth === 0) {
    const items: ManifestItem[] = [];
    for (const item of o['items'] as unknown[]) {
      const r = toItems(source, item, depth + 1);
      if (!r.ok) return r;
      items.push(...r.items);
    }
    return { ok: true, items };
  }
  const info = lookupKind(kind);
  if (!info || apiVersionOf(info) !== apiVersion) {
    const meta = (typeof o['metadata'] === 'object' && o['metadata'] !== null ? o['metadata'] : {}) as Record<string, unknown>;
    const name = typeof meta['name'] === 'string' ? meta['name'] : '';
    const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
    return { ok: false, error: `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first` };
  }
  return { ok: true, items: [{ obj: o as unknown as KubeObject, info, source }] };
}
