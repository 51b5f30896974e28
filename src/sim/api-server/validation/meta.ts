// Object-metadata validation: apimachinery's pkg/api/validation/objectmeta.go (ValidateObjectMeta,
// ValidateObjectMetaUpdate, ValidateAnnotations) and pkg/apis/meta/v1/validation (ValidateLabels),
// plus the finalizer check core/validation adds. Left out: managedFields, and the update-time
// "resourceVersion must be specified" check, which the registry's unconditional updates never need.
import type { ObjectMeta, OwnerReference } from '../../types.js';
import { forbidden, invalid, required, tooLong, type FieldError } from '../errors.js';
import { byteLength, isQualifiedName, isValidLabelValue, nameIsDNSLabel, type NameValidator } from './names.js';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** ValidateLabels: every key a qualified name, every value a label value; all causes on the map's own path. */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(v).map((m) => invalid(path, v, m)));
  }
  return errs;
}

/** ValidateLabelName: a label key (also used for toleration and taint keys). */
export function validateLabelName(key: string, path: string): FieldError[] {
  return isQualifiedName(key).map((m) => invalid(path, key, m));
}

/** ValidateAnnotations: keys are qualified names (case-insensitive); the total size is capped at 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    size += byteLength(k) + byteLength(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** ValidateObjectMeta for a new object, with the kind's name rule and core's finalizer-name check. */
export function validateObjectMeta(meta: ObjectMeta | undefined, requiresNamespace: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) errs.push(...nameFn(m.generateName, true).map((msg) => invalid(`${path}.generateName`, m.generateName, msg)));
  if (!m.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...nameFn(m.name, false).map((msg) => invalid(`${path}.name`, m.name, msg)));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(`${path}.namespace`));
    else errs.push(...nameIsDNSLabel(m.namespace, false).map((msg) => invalid(`${path}.namespace`, m.namespace, msg)));
  } else if (m.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if ((m.generation ?? 0) < 0) errs.push(invalid(`${path}.generation`, m.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, `${path}.labels`));
  errs.push(...validateAnnotations(m.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(m.ownerReferences, `${path}.ownerReferences`));
  errs.push(...validateFinalizers(m.finalizers, `${path}.finalizers`));
  return errs;
}

/** ValidateObjectMetaUpdate: identity fields are immutable; labels and annotations are re-checked. */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalid(`${path}.generation`, meta.generation ?? 0, 'must not be decremented'));
  const immutable = ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const;
  for (const k of immutable) {
    const [now, before] = [meta[k], old[k]];
    // Unset timestamps and pointers marshal as null; unset strings as "".
    const emptyOf = k === 'name' || k === 'namespace' || k === 'uid' ? '' : null;
    if ((now ?? emptyOf) !== (before ?? emptyOf)) errs.push(invalid(`${path}.${k}`, now ?? emptyOf, 'field is immutable'));
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  for (const [i, f] of (meta.finalizers ?? []).entries()) errs.push(...validateKubeFinalizerName(f, `${path}.finalizers[${i}]`));
  return errs;
}

/** ValidateFinalizerName plus core's rule that unqualified finalizers must be standard ones (spec.finalizers of a Namespace). */
export function validateFinalizerName(name: string, path: string): FieldError[] {
  return [...isQualifiedName(name).map((m) => invalid(path, name, m)), ...validateKubeFinalizerName(name, path)];
}

// apimachinery reports qualified-name errors on the list's path; core then checks each entry by index.
function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const list = finalizers ?? [];
  const errs = list.flatMap((f) => isQualifiedName(f).map((m) => invalid(path, f, m)));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  list.forEach((f, i) => errs.push(...validateKubeFinalizerName(f, `${path}[${i}]`)));
  return errs;
}

function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  if (name.includes('/') || STANDARD_FINALIZERS.includes(name)) return [];
  return [invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
}

function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = ref.apiVersion?.split('/').pop() ?? '';
    if (!version) errs.push(invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(`${path}.name`, ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
    if (!ref.controller) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (!firstController) firstController = current;
    else {
      const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`;
      errs.push(invalid(path, refs, detail));
    }
  }
  return errs;
}
