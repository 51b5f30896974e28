// Pod update validation (ValidatePodUpdate in pkg/apis/core/validation/validation.go): a pod's
// spec is immutable except container images, activeDeadlineSeconds and added tolerations. Binding
// (setting spec.nodeName once) goes through the binding subresource in a real cluster; here the
// scheduler writes it through update, so a first nodeName is allowed. The real message also
// carries a Go diff of the spec, which is left out.
import type { Pod } from '../../types.js';
import { forbidden, type FieldError } from '../errors.js';
import { deepEqual } from '../patch.js';
import { validateObjectMetaUpdate } from './meta.js';

/** The detail of the real Forbidden error for a changed pod spec (without its diff). */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Field errors of a pod update. */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  const mutable = (p: Pod): unknown => ({
    ...p.spec,
    nodeName: undefined,
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    containers: p.spec.containers?.map((c) => ({ ...c, image: undefined })),
    initContainers: p.spec.initContainers?.map((c) => ({ ...c, image: undefined })),
  });
  const nodeNameOk = !old.spec.nodeName || pod.spec.nodeName === old.spec.nodeName;
  const oldTolerations = old.spec.tolerations ?? [];
  const tolerationsOk = oldTolerations.every((t) => (pod.spec.tolerations ?? []).some((u) => deepEqual(t, u)));
  if (!nodeNameOk || !tolerationsOk || !deepEqual(mutable(pod), mutable(old))) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}
