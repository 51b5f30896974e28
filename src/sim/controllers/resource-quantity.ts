// resource.Quantity as far as scheduling needs it (apimachinery pkg/api/resource): decimal SI and
// binary suffixes and exponents, and a pod's effective requests as the scheduler's
// computePodResourceRequest sums them (containers added, init containers as a maximum).
// Left out: pod overhead and restartable (sidecar) init containers.
import type { Container, Pod } from '../types.js';

const SUFFIXES: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The value of a quantity ("100m" → 0.1, "128Mi" → 134217728, "1e3" → 1000); NaN when malformed. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(q.trim());
  if (!m) return NaN;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIXES[m[3] ?? '']!;
}

/** The resources the scheduler checks: millicores of CPU and bytes of memory. */
export interface Resources {
  milliCPU: number;
  memory: number;
}

/** A container's requests; an unset request defaults to the limit, as the API server's defaulting does. */
function containerRequests(c: Container): Resources {
  const r = (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
  const get = (name: string): number => parseQuantity(r.requests?.[name] ?? r.limits?.[name]) || 0;
  return { milliCPU: Math.ceil(get('cpu') * 1000), memory: Math.ceil(get('memory')) };
}

/** computePodResourceRequest: the sum over containers, raised to the largest init container. */
export function podRequests(pod: Pod): Resources {
  const spec = pod.spec;
  let cached = requestsCache.get(spec);
  if (!cached) requestsCache.set(spec, (cached = computePodRequests(pod)));
  return { ...cached };
}

/** Stored objects are never changed in place, so a pod spec's requests can be computed once. */
const requestsCache = new WeakMap<object, Resources>();

function computePodRequests(pod: Pod): Resources {
  const total = { milliCPU: 0, memory: 0 };
  for (const c of pod.spec.containers ?? []) {
    const r = containerRequests(c);
    total.milliCPU += r.milliCPU;
    total.memory += r.memory;
  }
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c);
    total.milliCPU = Math.max(total.milliCPU, r.milliCPU);
    total.memory = Math.max(total.memory, r.memory);
  }
  return total;
}
