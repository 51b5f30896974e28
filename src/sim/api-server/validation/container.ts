// Container validation from core's pkg/apis/core/validation/validation.go: validateContainers,
// validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv,
// ValidateVolumeMounts, validatePullPolicy and the probe checks. Left out: resources,
// securityContext, envFrom, lifecycle hooks, resize policies and ephemeral containers.
import type { Container } from '../../types.js';
import { duplicate, forbidden, invalid, notSupported, renderValue, required, type FieldError } from '../errors.js';
import { isDNS1123Label, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from './names.js';
import { isSupportedProtocol, SUPPORTED_PROTOCOLS } from './ports.js';
import { validateProbe } from './probe.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

/** validateContainers: at least one container; each valid, uniquely named; host ports unique across them. */
export function validateContainers(containers: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else names.add(c.name);
    errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
    errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    if (c.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

/** validateInitContainers: like regular containers, names unique across both lists, no probes unless restartPolicy is Always. */
export function validateInitContainers(inits: Container[] | undefined, regular: Container[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const names = new Set((regular ?? []).map((c) => c.name));
  const errs: FieldError[] = [];
  (inits ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy !== undefined && !sidecar) errs.push(notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(`${p}.name`, c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    for (const [field, kind] of [['livenessProbe', 'liveness'], ['readinessProbe', 'readiness'], ['startupProbe', 'startup']] as const) {
      if (sidecar) errs.push(...validateProbe(c[field], `${p}.${field}`, kind));
      else if (c[field] !== undefined) errs.push(forbidden(`${p}.${field}`, 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}

// validateContainerCommon: name, image, termination message policy, ports, env, mounts, pull policy.
function validateContainerCommon(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...isDNS1123Label(c.name).map((m) => invalid(`${path}.name`, c.name, m)));
  if (!c.image) errs.push(required(`${path}.image`));
  const tmp = c.terminationMessagePolicy ?? '';
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(c, `${path}.ports`));
  errs.push(...validateEnv(c, `${path}.env`));
  errs.push(...validateVolumeMounts(c, volumes, `${path}.volumeMounts`));
  const pull = c.imagePullPolicy ?? '';
  if (!pull) errs.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, pull, PULL_POLICIES));
  return errs;
}

// validateContainerPorts: IANA names unique per container, containerPort required and in range, protocol known.
function validateContainerPorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(`${p}.name`, port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    const cp = port.containerPort ?? 0;
    if (cp === 0) errs.push(required(`${p}.containerPort`));
    else errs.push(...isValidPortNum(cp).map((m) => invalid(`${p}.containerPort`, cp, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(`${p}.hostPort`, port.hostPort, m)));
    if (!port.protocol) errs.push(required(`${p}.protocol`));
    else if (!isSupportedProtocol(port.protocol)) errs.push(notSupported(`${p}.protocol`, port.protocol, SUPPORTED_PROTOCOLS));
  });
  return errs;
}

// ValidateEnv with relaxed names (RelaxedEnvironmentVariableValidation is on in v1.34).
function validateEnv(c: Container, path: string): FieldError[] {
  return (c.env ?? []).flatMap((e, i) => {
    const p = `${path}[${i}].name`;
    if (!e.name) return [required(p)];
    return isRelaxedEnvVarName(e.name).map((m) => invalid(p, e.name, m));
  });
}

// ValidateVolumeMounts: each mount names a volume of the pod and has a unique, non-empty mountPath.
function validateVolumeMounts(c: Container, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m.name) errs.push(required(`${p}.name`));
    if (!volumes.has(m.name)) errs.push({ field: `${p}.name`, type: 'Not found', value: renderValue(m.name ?? '') });
    if (!m.mountPath) errs.push(required(`${p}.mountPath`));
    if (paths.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
    paths.add(m.mountPath);
  });
  return errs;
}

// AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple may be claimed once.
function checkHostPortConflicts(containers: Container[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${String((port as { hostIP?: string }).hostIP ?? '')}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key));
      seen.add(key);
    });
  });
  return errs;
}
