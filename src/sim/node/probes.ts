// Readiness probes as the kubelet's prober runs them (pkg/kubelet/prober/prober.go, worker.go):
// httpGet and tcpSocket against the pod IP, exec always succeeding; the messages are Go's dial
// errors and the HTTP prober's. Left out: liveness and startup probes, timeouts, failureThreshold.
import type { Container } from '../types.js';
import { answerFor } from './process.js';
import { NODE_KERNEL_BUILD } from './catalogue.js';

interface ProbeSpec {
  httpGet?: { path?: string; port?: number | string; scheme?: string };
  tcpSocket?: { port?: number | string };
  exec?: unknown;
  initialDelaySeconds?: number;
  periodSeconds?: number;
}

/** The probe outcome: success, or the text after "Readiness probe failed: ". */
export type ProbeResult = { ok: true } | { ok: false; message: string };

function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port !== undefined && /^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** When the first readiness probe runs, in ms after the container started (the first tick past initialDelaySeconds). */
export function firstProbeDelayMs(container: Container): number {
  const p = (container.readinessProbe ?? {}) as ProbeSpec;
  const delay = p.initialDelaySeconds ?? 0;
  const period = p.periodSeconds ?? 10;
  return delay <= 0 ? 0 : Math.ceil(delay / period) * period * 1000;
}

/** The probe period in ms. */
export function probePeriodMs(container: Container): number {
  return ((container.readinessProbe as ProbeSpec | undefined)?.periodSeconds ?? 10) * 1000;
}

/** Runs the container's readiness probe against the pod's IP. */
export function runReadinessProbe(container: Container, pod: { name: string; namespace: string; ip: string; node: string }, now: number): ProbeResult {
  const p = (container.readinessProbe ?? {}) as ProbeSpec;
  const action = p.httpGet ?? p.tcpSocket;
  if (!action) return { ok: true };
  const port = resolvePort(container, action.port);
  const target = `${pod.ip}:${port ?? 0}`;
  const req = { protocol: 'TCP' as const, port: port ?? 0, pod, client: { ip: pod.ip, port: 40000 }, now, image: container.image ?? '', argv: [], env: {}, kernelBuild: NODE_KERNEL_BUILD };
  if (p.tcpSocket) {
    const a = answerFor(container, req);
    return a.kind === 'refused' ? { ok: false, message: `dial tcp ${target}: connect: connection refused` } : { ok: true };
  }
  const path = p.httpGet?.path ?? '/';
  const a = answerFor(container, { ...req, http: { method: 'GET', path, headers: [['Host', target], ['User-Agent', 'kube-probe/1.34'], ['Accept', '*/*']] } });
  if (a.kind === 'refused') return { ok: false, message: `Get "http://${target}${path}": dial tcp ${target}: connect: connection refused` };
  if (a.kind === 'http' && (a.status < 200 || a.status >= 400)) return { ok: false, message: `HTTP probe failed with statuscode: ${a.status}` };
  return { ok: true };
}
