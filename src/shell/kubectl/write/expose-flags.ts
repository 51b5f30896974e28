// The flags of `kubectl expose` (kubectl pkg/cmd/expose/expose.go NewCmdExposeService), with
// kubectl's help texts.
import type { FlagSpec } from '../flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './common.js';
import { filenameFlags } from './verb-base.js';

/** Every flag `kubectl expose` registers that the lab honours. */
export const EXPOSE_FLAGS: FlagSpec[] = [
  ...filenameFlags('identify the resource to expose a service').slice(0, 2),
  { long: 'protocol', type: 'string', help: 'The network protocol for the service to be created. Default is \'TCP\'.' },
  { long: 'port', type: 'string', help: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
  { long: 'type', type: 'string', help: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.' },
  { long: 'load-balancer-ip', type: 'string', help: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
  { long: 'selector', type: 'string', help: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
  { long: 'labels', short: 'l', type: 'string', help: 'Labels to apply to the service created by this call.' },
  { long: 'target-port', type: 'string', help: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
  { long: 'external-ip', type: 'string', help: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
  { long: 'name', type: 'string', help: 'The name for the newly created object.' },
  { long: 'session-affinity', type: 'string', help: 'If non-empty, set the session affinity for the service to this; legal values: \'None\', \'ClientIP\'' },
  { long: 'cluster-ip', type: 'string', help: 'ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to \'None\' to create a headless service.' },
  { long: 'port-name', type: 'string', help: 'Name for the port of the service to be created.' },
  { long: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  DRY_RUN_FLAG, OUTPUT_FLAG,
];
