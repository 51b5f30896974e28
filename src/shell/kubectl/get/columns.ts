// The API server's table columns for each kind (pkg/printers/internalversion/printers.go), which
// kubectl get prints: headers, the priority-1 columns of -o wide, and each cell's text.
import type { SimState } from '../../../sim/state.js';
import type {
  ConfigMap, DaemonSet, Deployment, EndpointSlice, Endpoints, KubeEvent, KubeObject, Namespace, Node, Pod, ReplicaSet, Service,
} from '../../../sim/types.js';
import { parseTimestamp } from '../../../sim/clock.js';
import { formatLabels, formatLabelSelector } from '../../../sim/api-server/selectors.js';
import { humanDuration } from '../../printers/duration.js';

/** A kind's table: headers, wide-only headers, and a row builder returning [cells, wideCells]. */
export interface TableDef {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, state: SimState): [string[], string[]];
}

/** AGE of an object (or any timestamp). */
export function age(state: SimState, ts: string | undefined): string {
  if (!ts) return '<unknown>';
  return humanDuration(state.now - parseTimestamp(ts));
}

function containersAndImages(spec: { containers?: { name: string; image?: string }[] } | undefined): string[] {
  const cs = spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** The STATUS column of a pod (printPod's reason logic, without init containers). */
export function podStatus(p: Pod): string {
  let reason = p.status?.reason || p.status?.phase || 'Pending';
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state.terminated) reason = `ExitCode:${cs.state.terminated.exitCode}`;
    else continue;
    break;
  }
  if (p.metadata.deletionTimestamp && reason !== 'Succeeded' && reason !== 'Failed') reason = 'Terminating';
  return reason;
}

function podRestarts(p: Pod, state: SimState): string {
  const statuses = p.status?.containerStatuses ?? [];
  const n = statuses.reduce((sum, c) => sum + c.restartCount, 0);
  const last = statuses.map((c) => c.lastState.terminated?.finishedAt).filter((t): t is string => !!t).sort().pop();
  return n > 0 && last ? `${n} (${age(state, last)} ago)` : String(n);
}

const pods: TableDef = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(o, state) {
    const p = o as Pod;
    const total = p.spec.containers?.length ?? 0;
    const ready = (p.status?.containerStatuses ?? []).filter((c) => c.ready).length;
    return [
      [p.metadata.name!, `${ready}/${total}`, podStatus(p), podRestarts(p, state), age(state, p.metadata.creationTimestamp)],
      [p.status?.podIPs?.[0]?.ip ?? p.status?.podIP ?? '<none>', p.spec.nodeName || '<none>', '<none>', '<none>'],
    ];
  },
};

/** PORT(S): `80/TCP`, `80:31110/TCP`, joined by commas. */
export function servicePorts(s: Service): string {
  const ports = s.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(s: Service, wide: boolean): string {
  const ext = s.spec.externalIPs ?? [];
  switch (s.spec.type) {
    case 'ExternalName':
      return s.spec.externalName ?? '';
    case 'LoadBalancer': {
      const ingress = [...new Set((s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || ''))].sort();
      let joined = ingress.join(',');
      if (!wide && joined.length > 16) joined = `${joined.slice(0, 13)}...`;
      const all = [joined, ...ext].filter((x) => x).join(',');
      return all || '<pending>';
    }
    default:
      return ext.length ? ext.join(',') : '<none>';
  }
}

const services: TableDef = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wide: ['SELECTOR'],
  row(o, state) {
    const s = o as Service;
    const clusterIP = s.spec.clusterIPs?.[0] ?? s.spec.clusterIP ?? '<none>';
    return [
      [s.metadata.name!, s.spec.type ?? 'ClusterIP', clusterIP || '<none>', externalIP(s, false), servicePorts(s), age(state, s.metadata.creationTimestamp)],
      [formatLabels(s.spec.selector)],
    ];
  },
};

/** Up to three entries and ` + N more...`, as the endpoints printers format lists. */
function firstThree(items: string[], none: string): string {
  if (items.length === 0) return none;
  return items.length > 3 ? `${items.slice(0, 3).join(',')} + ${items.length - 3} more...` : items.join(',');
}

const endpoints: TableDef = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wide: [],
  row(o, state) {
    const e = o as Endpoints;
    const items: string[] = [];
    for (const ss of e.subsets ?? []) {
      const ports = ss.ports ?? [];
      for (const port of ports.length ? ports : [undefined]) for (const a of ss.addresses ?? []) items.push(port ? `${a.ip}:${port.port}` : a.ip);
    }
    const cell = (e.subsets?.length ?? 0) === 0 ? '<none>' : firstThree(items, '');
    return [[e.metadata.name!, cell, age(state, e.metadata.creationTimestamp)], []];
  },
};

const endpointSlices: TableDef = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wide: [],
  row(o, state) {
    const s = o as EndpointSlice;
    const ports = (s.ports ?? []).map((p) => (p.port === undefined ? (p.name || '*') : String(p.port)));
    const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
    return [[s.metadata.name!, s.addressType, firstThree(ports, '<unset>'), firstThree(addrs, '<unset>'), age(state, s.metadata.creationTimestamp)], []];
  },
};

const deployments: TableDef = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(o, state) {
    const d = o as Deployment;
    const st = d.status ?? {};
    return [
      [d.metadata.name!, `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`, String(st.updatedReplicas ?? 0), String(st.availableReplicas ?? 0), age(state, d.metadata.creationTimestamp)],
      [...containersAndImages(d.spec.template?.spec), formatLabelSelector(d.spec.selector)],
    ];
  },
};

const replicaSets: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(o, state) {
    const r = o as ReplicaSet;
    return [
      [r.metadata.name!, String(r.spec.replicas ?? 0), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(state, r.metadata.creationTimestamp)],
      [...containersAndImages(r.spec.template?.spec), formatLabelSelector(r.spec.selector)],
    ];
  },
};

const daemonSets: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(o, state) {
    const d = o as DaemonSet;
    const st = d.status;
    const n = (x: number | undefined): string => String(x ?? 0);
    return [
      [d.metadata.name!, n(st?.desiredNumberScheduled), n(st?.currentNumberScheduled), n(st?.numberReady), n(st?.updatedNumberScheduled), n(st?.numberAvailable),
        formatLabels(d.spec.template?.spec?.nodeSelector), age(state, d.metadata.creationTimestamp)],
      [...containersAndImages(d.spec.template?.spec), formatLabelSelector(d.spec.selector)],
    ];
  },
};

function nodeRoles(n: Node): string {
  const roles = Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length)).sort();
  return roles.length ? roles.join(',') : '<none>';
}

const nodes: TableDef = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(o, state) {
    const n = o as Node;
    const ready = n.status.conditions.find((c) => c.type === 'Ready');
    let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
    if (n.spec.unschedulable) status += ',SchedulingDisabled';
    const addr = (t: string): string => n.status.addresses.find((a) => a.type === t)?.address ?? '<none>';
    const info = n.status.nodeInfo;
    return [
      [n.metadata.name!, status, nodeRoles(n), age(state, n.metadata.creationTimestamp), info['kubeletVersion'] ?? ''],
      [addr('InternalIP'), addr('ExternalIP'), info['osImage'] || '<unknown>', info['kernelVersion'] || '<unknown>', info['containerRuntimeVersion'] || '<unknown>'],
    ];
  },
};

const namespaces: TableDef = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wide: [],
  row: (o, state) => [[o.metadata.name!, (o as Namespace).status?.phase ?? 'Active', age(state, o.metadata.creationTimestamp)], []],
};

const configMaps: TableDef = {
  headers: ['NAME', 'DATA', 'AGE'],
  wide: [],
  row: (o, state) => {
    const c = o as ConfigMap;
    const n = Object.keys(c.data ?? {}).length + Object.keys((c as { binaryData?: object }).binaryData ?? {}).length;
    return [[c.metadata.name!, String(n), age(state, c.metadata.creationTimestamp)], []];
  },
};

const events: TableDef = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wide: [],
  row: (o, state) => {
    const e = o as KubeEvent;
    const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
    return [[age(state, e.lastTimestamp), e.type, e.reason, obj, e.message.replace(/\n.*/s, '')], []];
  },
};

/** The table of each kind. */
export const TABLES: Record<string, TableDef> = {
  Pod: pods, Service: services, Endpoints: endpoints, EndpointSlice: endpointSlices, Deployment: deployments, ReplicaSet: replicaSets,
  DaemonSet: daemonSets, Node: nodes, Namespace: namespaces, ConfigMap: configMaps, Event: events,
};
