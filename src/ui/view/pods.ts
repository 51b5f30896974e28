// The pods pane's rows: `kubectl get pods -o wide --show-labels` cut to NAME, READY, STATUS, IP,
// NODE and LABELS, with the cells computed by the same table printer kubectl uses (so STATUS reads
// ContainerCreating, Running, CrashLoopBackOff exactly as `kubectl get pods` does). System
// namespaces are hidden unless asked for; a namespace filter narrows the list to one.
import type { SimState } from '../../sim/state.js';
import type { Namespace, Pod } from '../../sim/types.js';
import { listStored } from '../../sim/api-server/store.js';
import { formatLabels } from '../../sim/api-server/selectors.js';
import { TABLES } from '../../shell/kubectl/get/columns.js';
import { GET_TABWRITER, tabwrite } from '../../shell/printers/tabwriter.js';
import type { Token } from '../theme.js';

/** Namespaces a kubeadm + flannel cluster uses for itself. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'kube-flannel']);

/** True for the cluster's own namespaces (kube-system, kube-flannel and the other kube-* ones). */
export function isSystemNamespace(ns: string): boolean {
  return SYSTEM_NAMESPACES.has(ns) || ns.startsWith('kube-');
}

/** What the pods pane shows: one namespace or all (null), and whether system namespaces count. */
export interface PodsFilter {
  namespace: string | null;
  showSystem: boolean;
}

/** One pod line: the aligned text, and where its STATUS cell sits with the token it is drawn in. */
export interface PodRow {
  key: string;
  text: string;
  statusStart: number;
  statusEnd: number;
  token: Token;
}

/** The pods view: the header line and a row per pod. */
export interface PodsView {
  header: string;
  rows: PodRow[];
}

const PENDING = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'Init:0/1']);
const QUIET = new Set(['Completed', 'Succeeded']);

/** The token of a STATUS cell: ready when Running with every container ready, pending while on its way, failed otherwise. */
export function podStatusToken(status: string, ready: string): Token {
  if (status === 'Running') {
    const [have, want] = ready.split('/');
    return have === want ? 'ready' : 'pending';
  }
  if (PENDING.has(status) || status.startsWith('Init:')) return 'pending';
  if (QUIET.has(status)) return 'muted';
  return 'failed';
}

/** The namespaces the `n` key cycles through (sorted; system ones only when shown). */
export function podNamespaces(sim: SimState, showSystem: boolean): string[] {
  return listStored<Namespace>(sim, 'namespaces').map((n) => n.metadata.name!).filter((n) => showSystem || !isSystemNamespace(n));
}

/** The filter after `current`: all namespaces (null), then each namespace, then all again. */
export function nextNamespace(current: string | null, namespaces: string[]): string | null {
  if (current === null) return namespaces[0] ?? null;
  const i = namespaces.indexOf(current);
  return i < 0 || i + 1 >= namespaces.length ? null : namespaces[i + 1]!;
}

function visible(p: Pod, f: PodsFilter): boolean {
  const ns = p.metadata.namespace ?? 'default';
  if (f.namespace !== null) return ns === f.namespace;
  return f.showSystem || !isSystemNamespace(ns);
}

/** The pods pane's header and rows for a filter (names are `ns/name` outside default when every namespace shows). */
export function podsView(sim: SimState, f: PodsFilter): PodsView {
  const table = TABLES.Pod!;
  const pods = listStored<Pod>(sim, 'pods').filter((p) => visible(p, f));
  const cells = pods.map((p) => {
    const [[name, ready, status], [ip, node]] = table.row(p, sim) as [string[], string[]];
    const ns = p.metadata.namespace ?? 'default';
    const shown = f.namespace === null && ns !== 'default' ? `${ns}/${name}` : name!;
    return [shown, ready!, status!, ip!, node!, formatLabels(p.metadata.labels)];
  });
  const lines = tabwrite([['NAME', 'READY', 'STATUS', 'IP', 'NODE', 'LABELS'], ...cells].map((c) => c.join('\t')).join('\n'), GET_TABWRITER).split('\n');
  const header = lines[0]!;
  const statusStart = header.indexOf('STATUS');
  const rows = cells.map((c, i): PodRow => ({
    key: `${pods[i]!.metadata.namespace}/${pods[i]!.metadata.name}`,
    text: lines[i + 1]!,
    statusStart,
    statusEnd: statusStart + c[2]!.length,
    token: podStatusToken(c[2]!, c[1]!),
  }));
  return { header, rows };
}
