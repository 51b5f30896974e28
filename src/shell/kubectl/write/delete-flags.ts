// The flags of `kubectl delete` (kubectl pkg/cmd/delete/delete_flags.go AddFlags), with kubectl's
// help texts and defaults (grace period -1, --wait true, --cascade background).
import type { FlagSpec } from '../flags.js';
import { DRY_RUN_FLAG } from './common.js';
import { filenameFlags } from './verb-base.js';

/** Every flag `kubectl delete` registers that the lab honours. */
export const DELETE_FLAGS: FlagSpec[] = [
  ...filenameFlags('delete'),
  { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { long: 'field-selector', type: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { long: 'all', type: 'bool', help: 'Delete all resources, in the namespace of the specified resource types.' },
  { long: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { long: 'force', type: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
  { long: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', help: `Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.` },
  { long: 'now', type: 'bool', help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
  { long: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
  { long: 'timeout', type: 'string', default: '0s', help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
  { long: 'ignore-not-found', type: 'bool', help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
  { long: 'wait', type: 'bool', default: true, help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  { long: 'output', short: 'o', type: 'string', help: 'Output mode. Use "-o name" for shorter output (resource/name).' },
  DRY_RUN_FLAG,
];
