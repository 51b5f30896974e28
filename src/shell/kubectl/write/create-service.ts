// `kubectl create service clusterip|nodeport|loadbalancer|externalname` (kubectl
// pkg/cmd/create/create_service.go): ports from --tcp (named `80-8080`), labels and selector
// app=<name>; errors wrapped as `failed to create <Type> service: ...`.
import type { Service, ServicePort } from '../../../sim/types.js';
import { isValidPortName, isValidPortNum } from '../../../sim/api-server/validation/names.js';
import { int, list, str } from '../flags.js';
import type { FlagSpec } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail } from './common.js';
import { subcommandHelp } from './create.js';
import { nameArg, submitGenerated } from './submit.js';
import { helpFor, WRITE_FLAGS } from './verb-base.js';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** Go's strconv.ParseUint(s, 10, 16) (k8s.io/utils net.ParsePort): digits only, at most 65535. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing "${s}": invalid syntax`;
  return Number(s) > 65535 ? `strconv.ParseUint: parsing "${s}": value out of range` : Number(s);
}

/**
 * parsePorts: `port[:targetPort]`. The port goes through net.ParsePort (0 allowed); a targetPort that
 * strconv.Atoi reads must be a valid port number, anything else a valid port name (IsValidPortName).
 */
function parsePorts(spec: string): { port: number; targetPort: number | string } | string {
  const [p = '', t] = spec.split(':');
  const port = parseUint16(p);
  if (typeof port === 'string') return port;
  if (t === undefined) return { port, targetPort: port };
  if (/^[+-]?\d+$/.test(t) && Number.isSafeInteger(Number(t))) {
    const errs = isValidPortNum(Number(t));
    return errs.length ? errs.join(',') : { port, targetPort: Number(t) };
  }
  const errs = isValidPortName(t);
  return errs.length ? errs.join(',') : { port, targetPort: t };
}

function buildService(k: KubectlContext, type: ServiceType, name: string): Service | string {
  const ports: ServicePort[] = [];
  for (const tcp of list(k.flags, 'tcp').flatMap((s) => s.split(','))) {
    const parsed = parsePorts(tcp);
    if (typeof parsed === 'string') return parsed;
    const nodePort = int(k.flags, 'node-port') ?? 0;
    ports.push({ name: tcp.replace(/:/g, '-'), port: parsed.port, protocol: 'TCP', targetPort: parsed.targetPort, ...(nodePort ? { nodePort } : {}) } as ServicePort);
  }
  const spec: Record<string, unknown> = { type, selector: { app: name } };
  if (ports.length) spec['ports'] = ports;
  if (type === 'ExternalName') spec['externalName'] = str(k.flags, 'external-name');
  if (str(k.flags, 'clusterip') !== '') spec['clusterIP'] = str(k.flags, 'clusterip');
  return { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null, labels: { app: name }, name } as never, spec: spec as never, status: { loadBalancer: {} } } as Service;
}

function validate(k: KubectlContext, type: ServiceType): string | undefined {
  const clusterIP = str(k.flags, 'clusterip');
  if (clusterIP === 'None' && type !== 'ClusterIP') return 'ClusterIP=None can only be used with ClusterIP service type';
  if (clusterIP !== 'None' && list(k.flags, 'tcp').length === 0 && type !== 'ExternalName') return 'at least one tcp port specifier must be provided';
  const ext = str(k.flags, 'external-name');
  if (type === 'ExternalName' && (ext.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(ext))) return `invalid service external name ${ext}`;
  return undefined;
}

function serviceVerb(path: string, type: ServiceType, extra: FlagSpec[]): KubectlVerb {
  const run = (k: KubectlContext): number => {
    const name = nameArg(k);
    if (typeof name === 'number') return name;
    if (type === 'ExternalName' && !k.flags.set.has('external-name')) return fail(k, 'required flag(s) "external-name" not set');
    const invalid = validate(k, type);
    if (invalid) return fail(k, invalid);
    const svc = buildService(k, type, name);
    if (typeof svc === 'string') return fail(k, svc);
    return submitGenerated(k, svc, { wrap: `${type} service` });
  };
  const tcp: FlagSpec = { long: 'tcp', type: 'stringArray', help: "Port pairs can be specified as '<port>:<targetPort>'." };
  const saveConfig: FlagSpec = { long: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' };
  return { ...helpFor(path), flags: [tcp, ...extra, saveConfig, ...WRITE_FLAGS], run };
}

/** `kubectl create service` and its four subcommands. */
export const CREATE_SERVICE_VERB: KubectlVerb = {
  ...helpFor('create service'),
  aliases: ['svc'],
  flags: [],
  subcommands: [
    serviceVerb('create service clusterip', 'ClusterIP', [{ long: 'clusterip', type: 'string', help: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }]),
    serviceVerb('create service externalname', 'ExternalName', [{ long: 'external-name', type: 'string', help: 'External name of service' }]),
    serviceVerb('create service loadbalancer', 'LoadBalancer', []),
    serviceVerb('create service nodeport', 'NodePort', [{ long: 'node-port', type: 'int', default: 0, help: 'Port used to expose the service on each node in a cluster.' }]),
  ],
  run: (k) => subcommandHelp(k, CREATE_SERVICE_VERB),
};
