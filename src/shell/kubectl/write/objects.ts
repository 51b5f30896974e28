// The namespace rules of cli-runtime's resource.Builder for `-f` objects (NamespaceParam,
// DefaultNamespace, RequireNamespace): namespaced objects without one get the request's,
// and an explicit `-n` that disagrees with the manifest is refused before any request.
import type { KubeObject } from '../../../sim/types.js';
import type { ManifestItem } from '../manifest.js';
import type { KubectlContext } from '../verb.js';

/** Copies the items and fills in namespaces; the error text when `-n` contradicts a manifest. */
export function placeItems(k: KubectlContext, items: ManifestItem[]): { items: ManifestItem[] } | { error: string } {
  const out: ManifestItem[] = [];
  for (const item of items) {
    const obj = JSON.parse(JSON.stringify(item.obj)) as KubeObject;
    if (typeof obj.metadata !== 'object' || obj.metadata === null || Array.isArray(obj.metadata)) obj.metadata = {};
    if (item.info.namespaced) {
      const ns = typeof obj.metadata.namespace === 'string' && obj.metadata.namespace !== '' ? obj.metadata.namespace : undefined;
      if (ns && k.namespaceExplicit && ns !== k.namespace) {
        return { error: `the namespace from the provided object "${ns}" does not match the namespace "${k.namespace}". You must pass '--namespace=${ns}' to perform this operation.` };
      }
      obj.metadata.namespace = ns ?? k.namespace;
    }
    out.push({ ...item, obj });
  }
  return { items: out };
}

/** The name of a manifest object ('' when unset). */
export function nameOf(obj: KubeObject): string {
  return typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
}
