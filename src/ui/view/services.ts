// The services pane's rows: `kubectl get services` cut to NAME, TYPE, CLUSTER-IP, EXTERNAL-IP and
// PORT(S) (cells from kubectl's own table printer), and under each Service the endpoints its
// EndpointSlices hold — what `kubectl describe service` sums up as Endpoints — one per line, so the
// selector → endpoints link is visible: not-ready endpoints are marked, a selector that matches no
// pod shows `<none>`.
import type { SimState } from '../../sim/state.js';
import type { EndpointSlice, Pod, Service, SliceEndpoint } from '../../sim/types.js';
import { listByLabels, listStored } from '../../sim/api-server/store.js';
import { formatLabels } from '../../sim/api-server/selectors.js';
import { ipToInt } from '../../sim/net.js';
import { TABLES } from '../../shell/kubectl/get/columns.js';
import { GET_TABWRITER, tabwrite } from '../../shell/printers/tabwriter.js';
import type { Token } from '../theme.js';
import { isSystemNamespace } from './pods.js';

/** One line of the services pane: a Service or one of its endpoints. */
export interface ServiceLine {
  key: string;
  text: string;
  token: Token;
}

/** The services view: the header, the lines, and how many Services they hold. */
export interface ServicesView {
  header: string;
  lines: ServiceLine[];
  count: number;
}

/** The label the EndpointSlice controller ties a slice to its Service with. */
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** One endpoint address of a Service, as its EndpointSlices list it. */
export interface ServiceEndpoint {
  ip: string;
  ports: number[];
  pod: string;
  node: string;
  conditions: SliceEndpoint['conditions'];
}

/** The endpoints of a Service from its EndpointSlices, one per address, sorted by address. */
export function serviceEndpoints(sim: SimState, svc: Service): ServiceEndpoint[] {
  const ns = svc.metadata.namespace ?? 'default';
  const slices = listByLabels<EndpointSlice>(sim, 'endpointslices', ns, { [SERVICE_NAME_LABEL]: svc.metadata.name! });
  const byIp = new Map<string, ServiceEndpoint>();
  for (const s of slices) {
    const ports = [...new Set((s.ports ?? []).map((p) => p.port).filter((p): p is number => p !== undefined))];
    for (const e of s.endpoints ?? []) {
      for (const ip of e.addresses) {
        const have = byIp.get(ip);
        if (have) have.ports = [...new Set([...have.ports, ...ports])];
        else byIp.set(ip, { ip, ports, pod: e.targetRef?.name ?? '', node: e.nodeName ?? '', conditions: e.conditions });
      }
    }
  }
  return [...byIp.values()].sort((a, b) => (ipToInt(a.ip) >>> 0) - (ipToInt(b.ip) >>> 0));
}

/** `  → 10.244.1.2:80 web-abc12 node01`, with `(not ready)` or `(terminating)` when the slice says so. */
function endpointLine(e: ServiceEndpoint): { text: string; token: Token } {
  const addr = e.ports.length ? `${e.ip}:${e.ports.join(',')}` : e.ip;
  const text = `  → ${[addr, e.pod, e.node].filter((x) => x).join(' ')}`;
  if (e.conditions.terminating) return { text: `${text} (terminating)`, token: 'pending' };
  if (e.conditions.ready === false) return { text: `${text} (not ready)`, token: 'pending' };
  return { text, token: 'ready' };
}

/** The line shown when a Service has no endpoints, saying why in the selector's terms. */
function noEndpointsLine(sim: SimState, svc: Service): { text: string; token: Token } {
  if (svc.spec.type === 'ExternalName') return { text: `  → ${svc.spec.externalName ?? ''} (DNS CNAME, no endpoints)`, token: 'muted' };
  const selector = svc.spec.selector ?? {};
  if (Object.keys(selector).length === 0) return { text: '  → <none> (no selector: endpoints are managed by hand)', token: 'muted' };
  const matching = listByLabels<Pod>(sim, 'pods', svc.metadata.namespace ?? 'default', selector).length;
  const why = matching === 0 ? `no pod matches ${formatLabels(selector)}` : `${matching} pod${matching === 1 ? '' : 's'} match ${formatLabels(selector)}, none has an address yet`;
  return { text: `  → <none> (${why})`, token: 'warning' };
}

/** The services pane's header and lines (kube-system and the other system namespaces only when `showSystem`). */
export function servicesView(sim: SimState, showSystem: boolean): ServicesView {
  const table = TABLES.Service!;
  const services = listStored<Service>(sim, 'services').filter((s) => showSystem || !isSystemNamespace(s.metadata.namespace ?? 'default'));
  const cells = services.map((s) => {
    const [name, type, clusterIP, externalIP, ports] = table.row(s, sim)[0];
    const ns = s.metadata.namespace ?? 'default';
    return [ns === 'default' ? name! : `${ns}/${name}`, type!, clusterIP!, externalIP!, ports!];
  });
  const aligned = tabwrite([['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)'], ...cells].map((c) => c.join('\t')).join('\n'), GET_TABWRITER).split('\n');
  const lines: ServiceLine[] = [];
  services.forEach((s, i) => {
    const key = `${s.metadata.namespace}/${s.metadata.name}`;
    lines.push({ key, text: aligned[i + 1]!, token: 'text' });
    const eps = serviceEndpoints(sim, s);
    if (eps.length === 0) lines.push({ key: `${key} none`, ...noEndpointsLine(sim, s) });
    for (const e of eps) lines.push({ key: `${key} ${e.ip}`, ...endpointLine(e) });
  });
  return { header: aligned[0]!, lines, count: services.length };
}
