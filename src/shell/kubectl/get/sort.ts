// kubectl get --sort-by (kubectl pkg/cmd/get/sorter.go, customcolumn.go RelaxedJSONPathExpression):
// the field is a relaxed JSONPath; it must exist on at least one object; numbers compare as
// numbers, strings byte-wise, objects without the field first. Left out: Quantity-aware ordering.
import type { KubeObject } from '../../../sim/types.js';
import { evalPath } from '../../printers/jsonpath.js';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`, or kubectl's error. */
export function relaxedJsonPath(expr: string): string | { error: string } {
  const m = RELAXED.exec(expr);
  if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return `{.${m[1] ?? m[2]}}`;
}

function firstValue(obj: KubeObject, path: string): unknown {
  const v = evalPath(obj, path)[0];
  return v === null ? undefined : v;
}

function compareValues(x: unknown, y: unknown): number {
  if (x === undefined) return y === undefined ? 0 : -1;
  if (y === undefined) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const a = typeof x === 'object' ? JSON.stringify(x) : String(x);
  const b = typeof y === 'object' ? JSON.stringify(y) : String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts objects by a --sort-by field, or returns the error kubectl prints. */
export function sortObjects(objs: KubeObject[], by: string): KubeObject[] | { error: string } {
  if (!by) return objs;
  const field = relaxedJsonPath(by);
  if (typeof field !== 'string') return field;
  const path = field.slice(1, -1);
  if (objs.length > 0 && !objs.some((o) => firstValue(o, path) !== undefined)) return { error: `couldn't find any field with path "${field}" in the list of objects` };
  return objs.map((o) => ({ o, v: firstValue(o, path) })).sort((a, b) => compareValues(a.v, b.v)).map((e) => e.o);
}
