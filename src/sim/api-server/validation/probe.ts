// Probe validation as core's validateProbe / validateLivenessProbe / validateReadinessProbe /
// validateStartupProbe and validateHandler (pkg/apis/core/validation/validation.go).
// Left out: the sleep action and HTTP header names.
import { forbidden, invalid, notSupported, required, type FieldError } from '../errors.js';
import { validatePortNumOrName } from './ports.js';

/** Which probe of a container is being checked. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; scheme?: string };
  tcpSocket?: { port?: number | string };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** One probe: exactly one handler, non-negative timings, and the per-kind rules (liveness and startup need successThreshold 1). */
export function validateProbe(value: unknown, path: string, kind: ProbeKind): FieldError[] {
  if (value === undefined || value === null) return [];
  const probe = value as Probe;
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = probe[f] ?? 0;
    if (v < 0) errs.push(invalid(`${path}.${f}`, v, 'must be greater than or equal to 0'));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  switch (kind) {
    case 'liveness':
    case 'startup':
      if ((probe.successThreshold ?? 0) !== 1) errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
      break;
    case 'readiness':
      if (grace !== undefined) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must not be set for readinessProbes'));
      break;
    default: {
      const never: never = kind;
      throw new Error(`unknown probe kind ${String(never)}`);
    }
  }
  return errs;
}

// validateHandler: the first handler counts, any further one is forbidden, none at all is required.
function validateHandler(probe: Probe, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const h of HANDLERS) {
    if (probe[h] === undefined) continue;
    if (count > 0) {
      errs.push(forbidden(`${path}.${h}`, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...validateAction(probe, h, `${path}.${h}`));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateAction(probe: Probe, handler: (typeof HANDLERS)[number], path: string): FieldError[] {
  switch (handler) {
    case 'exec':
      return (probe.exec?.command ?? []).length === 0 ? [required(`${path}.command`)] : [];
    case 'httpGet': {
      const h = probe.httpGet ?? {};
      const errs = h.path ? [] : [required(`${path}.path`)];
      errs.push(...validatePortNumOrName(h.port ?? 0, `${path}.port`));
      if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(notSupported(`${path}.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']));
      return errs;
    }
    case 'tcpSocket':
      return validatePortNumOrName(probe.tcpSocket?.port ?? 0, `${path}.port`);
    case 'grpc':
      return validatePortNumOrName(probe.grpc?.port ?? 0, `${path}.port`);
    default: {
      const never: never = handler;
      throw new Error(`unknown handler ${String(never)}`);
    }
  }
}
