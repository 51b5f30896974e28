// The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS): BestEffort without any cpu/memory
// requests or limits, Guaranteed when every container limits both and requests equal limits
// (requests default to limits), Burstable otherwise. Left out: pod-level resources, init containers.
import type { Container, Pod } from '../types.js';

const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const QOS_RESOURCES = ['cpu', 'memory'];

/** A resource quantity ("500m", "128Mi", 2) as a number; undefined when it is not one. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q ?? '').trim());
  return m ? Number(m[1]) * SUFFIX[m[2] ?? '']! : undefined;
}

function resourceMap(c: Container, field: 'requests' | 'limits'): Record<string, number> {
  const raw = ((c.resources ?? {}) as Record<string, Record<string, unknown> | undefined>)[field] ?? {};
  const out: Record<string, number> = {};
  for (const r of QOS_RESOURCES) {
    const v = parseQuantity(raw[r]);
    if (v !== undefined && v !== 0) out[r] = v;
  }
  return out;
}

/** status.qosClass of a pod. */
export function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const limits = resourceMap(c, 'limits');
    const requests = { ...limits, ...resourceMap(c, 'requests') };
    if (Object.keys(limits).length > 0 || Object.keys(requests).length > 0) any = true;
    for (const r of QOS_RESOURCES) {
      if (limits[r] === undefined || requests[r] !== limits[r]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
