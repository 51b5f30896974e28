// The client side of `kubectl apply` (kubectl pkg/cmd/apply/patcher.go, pkg/util/apply.go):
// the last-applied-configuration annotation and a three-way merge of last-applied, the new
// manifest and the live object. Deliberately simpler than strategic merge: lists merge by their
// merge key (name, port, containerPort, mountPath) and keep live-only elements, others replace.

/** The annotation `kubectl apply` keeps its last manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = unknown;
type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's json.Marshal of an unstructured object: map keys sorted, `<`, `>`, `&` escaped. */
export function goJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${goString(k)}:${goJson(v[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v ?? null);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The object with the annotation set to its own JSON (GetModifiedConfiguration with annotate=true). */
export function withLastApplied<T extends { metadata?: { annotations?: Record<string, string> } }>(obj: T): T {
  const copy = JSON.parse(JSON.stringify(obj)) as T;
  copy.metadata ??= {};
  const annots = { ...(copy.metadata.annotations ?? {}) };
  delete annots[LAST_APPLIED];
  copy.metadata.annotations = annots;
  const modified = `${goJson(copy)}\n`;
  copy.metadata.annotations = { ...annots, [LAST_APPLIED]: modified };
  return copy;
}

/** The last-applied object of a live one, or undefined when the annotation is missing or unreadable. */
export function lastAppliedOf(live: { metadata?: { annotations?: Record<string, string> } }): Obj | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED];
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return isObj(v) ? v : {};
  } catch {
    return {};
  }
}

const MERGE_KEYS = ['containerPort', 'mountPath', 'name', 'port', 'ip'];

function mergeKeyOf(field: string, items: unknown[]): string | undefined {
  if (!items.every(isObj)) return undefined;
  const preferred = field === 'ports' ? ['port', 'containerPort'] : [];
  for (const key of [...preferred, ...MERGE_KEYS]) {
    if ((items as Obj[]).every((i) => i[key] !== undefined)) return key;
  }
  return undefined;
}

function mergeList(field: string, last: unknown, mod: unknown[], cur: unknown): unknown[] {
  const key = mergeKeyOf(field, mod);
  if (!key || !Array.isArray(cur) || !cur.every(isObj)) return clone(mod) as unknown[];
  const lastList = Array.isArray(last) ? last.filter(isObj) : [];
  const same = (a: Obj, b: Obj): boolean => JSON.stringify(a[key]) === JSON.stringify(b[key]);
  const out = (mod as Obj[]).map((m) => threeWay(lastList.find((l) => same(l, m)), m, (cur as Obj[]).find((c) => same(c, m)), field));
  for (const c of cur as Obj[]) {
    if (!(mod as Obj[]).some((m) => same(m, c)) && !lastList.some((l) => same(l, c))) out.push(c);
  }
  return out;
}

function clone(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Merges the new manifest into the live object: what last-applied had and the manifest dropped is removed. */
export function threeWay(last: unknown, mod: unknown, cur: unknown, field = ''): unknown {
  if (Array.isArray(mod)) return mergeList(field, last, mod, cur);
  if (!isObj(mod)) return clone(mod);
  const out: Obj = isObj(cur) ? { ...cur } : {};
  if (isObj(last)) for (const k of Object.keys(last)) if (!(k in mod)) delete out[k];
  for (const [k, v] of Object.entries(mod)) {
    if (v === null) delete out[k];
    else out[k] = threeWay(isObj(last) ? last[k] : undefined, v, isObj(cur) ? cur[k] : undefined, k);
  }
  return out;
}
