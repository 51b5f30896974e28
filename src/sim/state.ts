// The whole simulation as one plain-data value: configuration, clock, PRNG, the API server's
// object store and allocators, undelivered watch events, controller work queues and timers.
// Everything here can be printed, compared, cloned and replayed; nothing holds a function.
import type { ClusterConfig } from './config.js';
import type { RngState } from './rng.js';
import type { KubeObject } from './types.js';
import type { KubeletPod } from './node/pod-runtime.js';
import type { ProxierState } from './kube-proxy/state.js';
import type { NodeKernel } from './dataplane/types.js';

/** A watch event as the API server streams it to informers. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: string;
  key: string;
  object: KubeObject;
  oldObject?: KubeObject;
}

/** Work to do at a simulated instant: put `key` on `queue` when the clock reaches `at`. */
export interface Timer {
  at: number;
  seq: number;
  queue: string;
  key: string;
}

/** The allocators' books: which ClusterIP and NodePort belong to which Service (`ns/name`). */
export interface AllocState {
  serviceIPs: Record<string, string>;
  nodePorts: Record<string, string>;
}

/** host-local IPAM of one node: its range, the last address handed out, and addresses in use. */
export interface NodeIpam {
  range: string;
  lastReserved: number;
  used: Record<string, string>;
}

/** Per-node kubelet facts that are not API objects: the images already pulled. */
export interface NodeRuntime {
  images: Record<string, true>;
  /** The kubelet's own books about the pods it runs (sandbox, containers, back-offs), by `ns/name`. */
  pods?: Record<string, KubeletPod>;
}

/** What the endpoint controllers' TriggerTimeTracker remembers of one Service (ms; pods by name). */
export interface ServiceTriggerTimes {
  service: number;
  pods: Record<string, number>;
}

/** The simulation state. */
export interface SimState {
  config: ClusterConfig;
  now: number;
  rng: RngState;
  resourceVersion: number;
  objects: Record<string, Record<string, KubeObject>>;
  alloc: AllocState;
  ipam: Record<string, NodeIpam>;
  runtime: Record<string, NodeRuntime>;
  pending: WatchEvent[];
  /** Work queues by controller: keys waiting, in the order they were added. */
  queues: Record<string, Record<string, true>>;
  timers: Timer[];
  timerSeq: number;
  /** TriggerTimeTracker state of the endpoints and endpointslice controllers, by controller then `ns/name`. */
  triggerTimes?: Record<string, Record<string, ServiceTriggerTimes>>;
  /** Each node's kube-proxy (absent until its pod runs), by node name. */
  proxy?: Record<string, ProxierState>;
  /** Each node's kernel networking state (conntrack, xt_recent lists), by host name. */
  kernel?: Record<string, NodeKernel>;
  /** When the API server next looks for expired events (ms; see expireEvents). */
  eventsExpireAt?: number;
}
