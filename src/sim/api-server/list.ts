// LIST in the generic registry: objects of a kind, in one namespace or all, filtered by a label
// selector and a field selector as `?labelSelector=` and `?fieldSelector=` do on a real API server.
// A namespace that does not exist lists as empty (not an error), as on a real cluster.
import type { SimState } from '../state.js';
import type { KubeObject } from '../types.js';
import { lookupKind, type Kind } from './resources.js';
import { listStored } from './store.js';
import { matchesLabels, parseLabelSelector } from './selectors.js';
import { convertFieldSelector, matchesFields, parseFieldSelector } from './fields.js';
import { badRequestError, type ApiError } from './errors.js';

/** Options of a list. */
export interface ListOptions {
  /** One namespace; undefined lists every namespace (`-A`). Ignored for cluster-scoped kinds. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** The value of a field-selector field on an object, as the API server's field-label conversion reads it. */
export function fieldValue(obj: KubeObject, field: string): string | undefined {
  if (field === 'spec.hostNetwork') return String(Boolean((obj.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork));
  if (field === 'status.podIP') return (obj.status as { podIPs?: { ip: string }[] } | undefined)?.podIPs?.[0]?.ip ?? '';
  if (field === 'status.podIPs') return '';
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (typeof cur !== 'object' || cur === null) return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

/** Lists objects of a kind (LIST), or returns the API server's error for a bad selector. */
export function apiList<T extends KubeObject = KubeObject>(state: SimState, kind: Kind, opts: ListOptions = {}): T[] | ApiError {
  const info = lookupKind(kind)!;
  const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
  if (labels && !labels.ok) return badRequestError(labels.message);
  const parsed = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
  const fields = parsed?.ok ? convertFieldSelector(kind, parsed.requirements) : parsed;
  if (fields && !fields.ok) return badRequestError(fields.message);
  const items = listStored<T>(state, info.resource, info.namespaced ? opts.namespace : undefined);
  return items.filter(
    (o) => (!labels?.ok || matchesLabels(labels.selector, o.metadata.labels)) && (!fields?.ok || matchesFields(fields.requirements, (f) => fieldValue(o, f))),
  );
}
