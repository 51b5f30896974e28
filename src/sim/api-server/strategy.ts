// Per-kind behaviour of the generic registry, as k8s.io/apiserver's rest.RESTCreateStrategy and
// RESTUpdateStrategy (PrepareForCreate, Validate, ValidateUpdate) plus the Service storage's
// allocation hooks. Each kind's strategy lives in strategies.ts.
import type { SimState } from '../state.js';
import type { KubeObject } from '../types.js';
import type { FieldError } from './errors.js';
import type { AllocTxn } from './service-alloc.js';

/** What the registry needs to know about one kind. */
export interface Strategy {
  /** Fills in defaults (mutates the object, which the registry has already cloned); `old` is the stored object on update. */
  defaults(obj: KubeObject, state: SimState, old?: KubeObject): void;
  /** Field errors of a new object, in the order the real validation reports them. */
  validate(obj: KubeObject, state: SimState): FieldError[];
  /** Field errors of an update, immutable fields included. */
  validateUpdate(obj: KubeObject, old: KubeObject, state: SimState): FieldError[];
  /** Reserves addresses before validation (Services); undefined for kinds that allocate nothing. */
  allocate?(state: SimState, obj: KubeObject, old: KubeObject | undefined): AllocTxn;
  /** Frees what a deleted object held. */
  release?(state: SimState, obj: KubeObject): void;
  /** True when status is a subresource: writes to the main resource keep the stored status. */
  statusSubresource: boolean;
  /** True when PrepareForCreate drops a status sent with a new object (Pods, Services, workloads). */
  resetStatusOnCreate?: boolean;
  /** True when metadata.generation counts spec changes. */
  generation: boolean;
}
