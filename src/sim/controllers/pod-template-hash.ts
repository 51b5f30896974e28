// The pod-template-hash of kube-controller-manager: controller.ComputeHash (pkg/controller/
// controller_utils.go) feeds the pod template and the collision count to a 32-bit FNV-1a hash, and
// rand.SafeEncodeString (apimachinery pkg/util/rand) maps the decimal digits to `456789bcdf`.
// Left out: Go's spew dump of the template; we hash canonical JSON, so values differ from a real cluster's.
import { NAME_ALPHABET } from '../rng.js';
import type { PodTemplateSpec } from '../types.js';

/** The label the deployment controller adds to its ReplicaSets, their selectors and pods. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes, continuing from `seed` (the offset basis by default). */
export function fnv1a32(bytes: Uint8Array, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return h;
}

/** JSON with object keys sorted and undefined values dropped: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** rand.SafeEncodeString: each character becomes NAME_ALPHABET[code % 27], so digits give only `456789bcdf`. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

/** The hash of a pod template (and a collision count, when the Deployment has one), as ReplicaSet names and labels carry it. */
/** Stored templates are never changed in place, so the JSON bytes of one are computed once. */
const templateBytes = new WeakMap<object, Uint8Array>();

function bytesOf(template: PodTemplateSpec): Uint8Array {
  let bytes = templateBytes.get(template);
  if (!bytes) templateBytes.set(template, (bytes = new TextEncoder().encode(canonicalJson(template))));
  return bytes;
}

export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv1a32(bytesOf(template));
  if (collisionCount !== undefined) {
    const c = collisionCount >>> 0;
    h = fnv1a32(new Uint8Array([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff]), h);
  }
  return safeEncodeString(String(h));
}
