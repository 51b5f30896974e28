// Namespace, ConfigMap and Node validation as core's ValidateNamespace, ValidateConfigMap and
// ValidateNode (pkg/apis/core/validation/validation.go). Left out: binaryData, node resources,
// node config sources and the rules of node updates beyond metadata and podCIDRs.
import type { ConfigMap, Namespace, Node, Taint } from '../../types.js';
import { duplicate, forbidden, notSupported, required, invalid, tooLong, type FieldError } from '../errors.js';
import { validateFinalizerName, validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { byteLength, isConfigMapKey, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validateCIDR } from './ip.js';

const MAX_CONFIGMAP_SIZE = 1024 * 1024;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidateNamespace: a DNS-1123 label name, no namespace, valid spec.finalizers. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, 'spec.finalizers'));
  return errs;
}

/** ValidateNamespaceUpdate: only the metadata rules apply. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

/** ValidateConfigMap: a DNS-subdomain name, config keys in data, at most 1 MiB of values. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    errs.push(...isConfigMapKey(key).map((m) => invalid(`data[${key}]`, key, m)));
    size += byteLength(value);
  }
  // The real path is field.NewPath(""), which prints as "[]": the error concerns the whole object.
  if (size > MAX_CONFIGMAP_SIZE) errs.push(tooLong('[]', MAX_CONFIGMAP_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: metadata rules, then the whole ConfigMap again. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateConfigMap(cm)];
}

/** ValidateNode: a DNS-subdomain name, no namespace, valid taints, valid podCIDRs. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
  // The real path puts taints under metadata, not spec.
  errs.push(...validateTaints(node.spec?.taints ?? [], 'metadata.taints'));
  (node.spec?.podCIDRs ?? []).forEach((c, i) => errs.push(...validateCIDR(`spec.podCIDRs[${i}]`, c)));
  return errs;
}

/** ValidateNodeUpdate: metadata rules; a podCIDR, once set, never changes; taints stay valid. */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata);
  const [now, before] = [node.spec?.podCIDRs ?? [], old.spec?.podCIDRs ?? []];
  const msg = 'node updates may not change podCIDR except from "" to valid';
  if (before.length > 0) {
    if (before.length !== now.length) errs.push(forbidden('spec.podCIDRs', msg));
    else {
      before.forEach((c, i) => {
        if (c !== now[i]) errs.push(forbidden('spec.podCIDRs', msg));
      });
    }
  }
  errs.push(...validateTaints(node.spec?.taints ?? [], 'metadata.taints'));
  return errs;
}

// validateNodeTaints: key a label name, value a label value, a known effect, unique by key and effect.
function validateTaints(taints: Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateLabelName(t.key ?? '', `${p}.key`));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length > 0) errs.push(invalid(`${p}.value`, t.value ?? '', msgs.join(';')));
    if (!t.effect) errs.push(required(`${p}.effect`));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    const key = `${t.effect}\u0000${t.key}`;
    if (seen.has(key)) {
      const internal = { Key: t.key ?? '', Value: t.value ?? '', Effect: t.effect ?? '', TimeAdded: null };
      errs.push({ ...duplicate(p, internal), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    seen.add(key);
  });
  return errs;
}
