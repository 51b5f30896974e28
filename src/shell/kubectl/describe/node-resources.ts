// The resource sections of kubectl describe node (kubectl pkg/describe/describe.go
// describeNodeResource; pkg/util/resource PodRequestsAndLimits): each non-terminated pod's CPU and
// memory requests and limits as a share of allocatable, then the node's totals. Quantities add and
// print as resource.Quantity does; pod overhead and infeasible in-place resizes are left out.
import type { SimState } from '../../../sim/state.js';
import type { Container, Node, Pod } from '../../../sim/types.js';
import { parseTimestamp } from '../../../sim/clock.js';
import { humanDuration } from '../../printers/duration.js';

/** A quantity in thousandths of its unit, with the format the first quantity of a sum brought. */
interface Amount { milli: number; binary: boolean }
type ResourceList = Map<string, Amount>;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

function parseQuantity(q: string | number | undefined): Amount | undefined {
  const m = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?[0-9]+)?$/.exec(String(q ?? '').trim());
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const scale = BINARY[suffix] ?? DECIMAL[suffix] ?? 10 ** Number(suffix.slice(1));
  return { milli: Math.round(Number(m[1]) * scale * 1000), binary: suffix in BINARY };
}

/** Quantity.String(): base-1024 suffixes for a binary sum of whole bytes ≥ 1024, else SI suffixes. */
function formatAmount(a: Amount | undefined): string {
  if (!a || a.milli === 0) return '0';
  const whole = a.milli % 1000 === 0 ? a.milli / 1000 : undefined;
  if (a.binary && whole !== undefined && Math.abs(whole) >= 1024) {
    for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) if (whole % BINARY[s]! === 0) return `${whole / BINARY[s]!}${s}`;
    return String(whole);
  }
  if (whole === undefined) return `${a.milli}m`;
  let v = whole;
  let i = 0;
  const si = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  while (i < si.length - 1 && v % 1000 === 0) {
    v /= 1000;
    i++;
  }
  return `${v}${si[i]}`;
}

function addInto(list: ResourceList, name: string, a: Amount): void {
  const have = list.get(name);
  // Quantity.Add keeps the receiver's format, unless the receiver is zero.
  list.set(name, have ? { milli: have.milli + a.milli, binary: have.milli === 0 ? a.binary : have.binary } : { ...a });
}

function maxInto(list: ResourceList, name: string, a: Amount): void {
  const have = list.get(name);
  if (!have || a.milli > have.milli) list.set(name, { ...a });
}

function listOf(raw: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(raw ?? {})) {
    const a = parseQuantity(v);
    if (a) out.set(k, a);
  }
  return out;
}

/** One container's requests or limits; a running container's requests are the larger of spec and status. */
function containerList(p: Pod, c: Container, field: 'requests' | 'limits'): ResourceList {
  const list = listOf(((c.resources ?? {}) as Record<string, Record<string, string> | undefined>)[field]);
  const status = p.status?.containerStatuses?.find((s) => s.name === c.name)?.resources;
  if (field === 'requests' && status) for (const [k, a] of listOf(status.requests)) maxInto(list, k, a);
  return list;
}

/** PodRequestsAndLimits: containers and sidecars add up, plain init containers count by their maximum. */
function podTotals(p: Pod, field: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of p.spec.containers) for (const [k, a] of containerList(p, c, field)) addInto(total, k, a);
  const sidecars: ResourceList = new Map();
  const init: ResourceList = new Map();
  for (const c of p.spec.initContainers ?? []) {
    const own = containerList(p, c, field);
    let effective: ResourceList;
    if (c['restartPolicy'] === 'Always') {
      for (const [k, a] of own) {
        addInto(total, k, a);
        addInto(sidecars, k, a);
      }
      effective = sidecars;
    } else {
      effective = new Map();
      for (const [k, a] of [...own, ...sidecars]) addInto(effective, k, a);
    }
    for (const [k, a] of effective) maxInto(init, k, a);
  }
  for (const [k, a] of init) maxInto(total, k, a);
  return total;
}

/** `0 (0%)`: the quantity and its share of allocatable, truncated as Go's int64() does. */
function withShare(a: Amount | undefined, of: Amount | undefined, byMilli: boolean, guard: boolean): string {
  const value = (x: Amount | undefined): number => (byMilli ? x?.milli ?? 0 : Math.ceil((x?.milli ?? 0) / 1000));
  const share = guard && value(of) === 0 ? 0 : Math.trunc((value(a) / value(of)) * 100);
  return `${formatAmount(a)} (${share}%)`;
}

function podRow(state: SimState, p: Pod, alloc: ResourceList): string {
  const req = podTotals(p, 'requests');
  const lim = podTotals(p, 'limits');
  const cpu = alloc.get('cpu');
  const mem = alloc.get('memory');
  const cells = [withShare(req.get('cpu'), cpu, true, false), withShare(lim.get('cpu'), cpu, true, false), withShare(req.get('memory'), mem, false, false), withShare(lim.get('memory'), mem, false, false)];
  const age = p.metadata.creationTimestamp ? humanDuration(state.now - parseTimestamp(p.metadata.creationTimestamp)) : '<unknown>';
  return `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${cells.join('\t')}\t${age}`;
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

function allocatedLines(pods: Pod[], alloc: ResourceList): string[] {
  const reqs: ResourceList = new Map();
  const lims: ResourceList = new Map();
  for (const p of pods) {
    for (const [k, a] of podTotals(p, 'requests')) addInto(reqs, k, a);
    for (const [k, a] of podTotals(p, 'limits')) addInto(lims, k, a);
  }
  const row = (name: string, byMilli: boolean): string => `  ${name}\t${withShare(reqs.get(name), alloc.get(name), byMilli, true)}\t${withShare(lims.get(name), alloc.get(name), byMilli, true)}`;
  const names = [...alloc.keys()].sort();
  const hugePages = names.filter((n) => n.startsWith('hugepages-'));
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n));
  return [
    'Allocated resources:', '  (Total limits may be over 100 percent, i.e., overcommitted.)', '  Resource\tRequests\tLimits', '  --------\t--------\t------',
    row('cpu', true), row('memory', false), row('ephemeral-storage', false), ...hugePages.map((n) => row(n, false)),
    ...extended.map((n) => `  ${n}\t${formatAmount(reqs.get(n))}\t${formatAmount(lims.get(n))}`),
  ];
}

/** `Non-terminated Pods:` with one row per pod on the node, then `Allocated resources:`. */
export function nodeResourceLines(state: SimState, node: Node, pods: Pod[]): string[] {
  const alloc = listOf(Object.keys(node.status.allocatable ?? {}).length ? node.status.allocatable : node.status.capacity);
  return [
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
    ...pods.map((p) => podRow(state, p, alloc)),
    ...allocatedLines(pods, alloc),
  ];
}
