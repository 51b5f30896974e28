// The state of one node's kube-proxy between syncs, as plain data: its configuration as read at
// start, the service and endpoint maps it last applied (pkg/proxy ServicePortMap/EndpointsMap),
// the changes waiting for the next sync, the bounded-frequency runner's books, what it programmed
// and its log. Lives in SimState.proxy by node name.
import type { ProxyMode } from '../config.js';
import type { EndpointInfo, ProgrammedRules, ServicePortInfo } from './types.js';

/** One klog call, kept unformatted until someone reads the log (formatting thousands of lines nobody reads is waste). */
export interface LogEntry {
  micros: number;
  severity: 'I' | 'W' | 'E';
  source: string;
  msg: string;
  kv?: [string, string | number | boolean | string[]][];
  /** An unstructured klog.Infof line (msg printed as is). */
  plain?: boolean;
}

/** A watch event as this proxier's informers received it: what changed, and for Services how many ports it now has. */
export interface InformerEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: 'services' | 'endpointslices';
  /** The object's `ns/name`. */
  key: string;
  /** The Service (`ns/name`) the change belongs to. */
  service: string;
  /** For Services: the number of ports kube-proxy programs for the new state (0 once deleted or skipped). */
  portCount: number;
}

/** One node's kube-proxy. */
export interface ProxierState {
  node: string;
  /** The kube-proxy pod serving this node, and when its container started (ms). */
  pod: string;
  startedAt: number;
  mode: ProxyMode;
  verbosity: number;
  /** The service ports and endpoints as of the last sync, by ServicePortName.String(). */
  services: Record<string, ServicePortInfo>;
  endpoints: Record<string, EndpointInfo[]>;
  /** The service port names of each Service (`ns/name`), for applying one Service's change. */
  portsByService: Record<string, string[]>;
  /** Services (`ns/name`) whose Service or EndpointSlices changed since the last sync. */
  dirty: Record<string, true>;
  /** True until the first sync, and after anything that forces a full sync. */
  needFullSync: boolean;
  /** The bounded-frequency runner's token bucket (burst 2, one token per min-sync-period) as of tokensAt. */
  tokens: number;
  tokensAt: number;
  /** Watch events delivered to this proxier's informers and not yet handled, in order. */
  events: InformerEvent[];
  /** False once the pod stopped: the rules stay in the kernel, nothing updates them. */
  running: boolean;
  /** When a wake-up is already scheduled on the timer queue (ms), so reconciles do not pile up timers. */
  wakeAt: number;
  /** The last klog timestamp written (µs), so lines never go back in time. */
  lastLogMicros: number;
  /** When the last full sync ran (ms); another is due an hour later (proxyutil.FullSyncPeriod). */
  lastFullSync: number;
  /** When the runner's max interval runs out and a sync runs even without changes (ms). */
  nextPeriodic: number;
  /** What the last sync programmed. */
  rules: ProgrammedRules;
  /** What the rules were before the last sync, and when it ran: the panes diff them when they need to (rule-diff.ts). */
  lastDiff: { previous: ProgrammedRules; at: number };
  /** klog lines written so far (a ring buffer: oldest dropped past the cap). */
  log: LogEntry[];
  /** How many lines the ring keeps (fewer per node on a big cluster, log.ts logCapFor). */
  logCap: number;
  /** Lines dropped from the head of the log so far. */
  logDropped: number;
}
