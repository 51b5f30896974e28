// Pod and pod-template validation as core's ValidatePodSpec, validatePodMetadataAndSpec and
// ValidatePodTemplateSpec (pkg/apis/core/validation/validation.go), causes in the real order.
// Runs on a defaulted spec. Left out: volume sources, affinity, security contexts, topology
// spread, DNS config details, overhead, OS rules, and the rules of pod updates.
import type { Pod, PodSpec, PodTemplateSpec, Toleration } from '../../types.js';
import { duplicate, invalid, notSupported, required, type FieldError } from '../errors.js';
import { validateContainers, validateInitContainers } from './container.js';
import { validateAnnotations, validateLabelName, validateLabels, validateObjectMeta } from './meta.js';
import { isDNS1123Label, isValidLabelValue, nameIsDNSSubdomain } from './names.js';

/** Options of pod-spec validation (core's PodValidationOptions, the part the lab uses). */
export interface PodSpecValidationOptions {
  /** True when the spec belongs to a Pod, false inside a workload's template. */
  resourceIsPod: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** ValidatePodSpec at a path: "spec" for Pods, "spec.template.spec" for workloads. */
export function validatePodSpec(spec: PodSpec, path: string, opts: PodSpecValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`));
  const { volumes, errors: volumeErrs } = validateVolumeNames(spec, `${path}.volumes`);
  errs.push(...volumeErrs);
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${path}.initContainers`));
  errs.push(...validateHostNetworkPorts(spec, path, opts));
  const restart = spec.restartPolicy ?? '';
  if (!restart) errs.push(required(`${path}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(restart)) errs.push(notSupported(`${path}.restartPolicy`, restart, RESTART_POLICIES));
  const dns = spec.dnsPolicy ?? '';
  if (!dns) errs.push(required(`${path}.dnsPolicy`));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (dns === 'None' && spec.dnsConfig === undefined) {
    errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
  }
  errs.push(...validateNames(spec, path));
  errs.push(...validateTolerations(spec.tolerations ?? [], `${path}.tolerations`));
  if (spec.priorityClassName) {
    errs.push(...nameIsDNSSubdomain(spec.priorityClassName, false).map((m) => invalid(`${path}.priorityClassName`, spec.priorityClassName, m)));
  }
  const preemption = spec.preemptionPolicy;
  if (preemption !== undefined && preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
    errs.push(preemption ? notSupported(`${path}.preemptionPolicy`, preemption, ['PreemptLowerPriority', 'Never']) : required(`${path}.preemptionPolicy`));
  }
  return errs;
}

/** ValidatePodCreate's metadata-and-spec part: a DNS-subdomain name, the spec, and pod-only image checks. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, 'spec', { resourceIsPod: true }));
  for (const list of ['containers', 'initContainers'] as const) {
    (pod.spec[list] ?? []).forEach((c, i) => {
      const image = c.image ?? '';
      if (image !== image.trim()) errs.push(invalid(`spec.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    });
  }
  return errs;
}

/** ValidatePodTemplateSpec: the template's labels and annotations (on the template's own path), then its spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  return [
    ...validateLabels(template.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`, { resourceIsPod: false }),
  ];
}

/** ValidateTolerations: key a label name, Exists for an empty key, value rules per operator, known effects. */
export function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  return tolerations.flatMap((t, i) => {
    const p = `${path}[${i}]`;
    const errs: FieldError[] = [];
    const [key, op, value, effect] = [t.key ?? '', t.operator ?? '', t.value ?? '', t.effect ?? ''];
    if (key) errs.push(...validateLabelName(key, `${p}.key`));
    if (!key && op !== 'Exists') {
      errs.push(invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(`${p}.operator`, value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(invalid(`${p}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(`${p}.effect`, effect, TAINT_EFFECTS));
    return errs;
  });
}

// ValidateVolumes, names only: required, a DNS-1123 label, unique. Returns the usable names for mounts.
function validateVolumeNames(spec: PodSpec, path: string): { volumes: Set<string>; errors: FieldError[] } {
  const volumes = new Set<string>();
  const errors: FieldError[] = [];
  (spec.volumes ?? []).forEach((v, i) => {
    const name = typeof v.name === 'string' ? v.name : '';
    const p = `${path}[${i}].name`;
    const errs = name ? isDNS1123Label(name).map((m) => invalid(p, name, m)) : [required(p)];
    if (volumes.has(name)) errs.push(duplicate(p, name));
    if (errs.length === 0) volumes.add(name);
    errors.push(...errs);
  });
  return { volumes, errors };
}

// validatePodHostNetworkDeps: with hostNetwork, a hostPort must equal its containerPort (templates may leave it 0).
function validateHostNetworkPorts(spec: PodSpec, path: string, opts: PodSpecValidationOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  return spec.containers.flatMap((c, i) =>
    (c.ports ?? []).flatMap((port, j) => {
      const hp = port.hostPort ?? 0;
      const bad = (opts.resourceIsPod || hp !== 0) && hp !== port.containerPort;
      return bad ? [invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true')] : [];
    }),
  );
}

// serviceAccountName and nodeName are DNS subdomains; hostname and subdomain DNS labels.
function validateNames(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const check = (field: 'serviceAccountName' | 'nodeName', value: string | undefined): void => {
    if (value) errs.push(...nameIsDNSSubdomain(value, false).map((m) => invalid(`${path}.${field}`, value, m)));
  };
  check('serviceAccountName', spec.serviceAccountName);
  check('nodeName', spec.nodeName);
  for (const field of ['hostname', 'subdomain'] as const) {
    const value = spec[field];
    if (value) errs.push(...isDNS1123Label(value).map((m) => invalid(`${path}.${field}`, value, m)));
  }
  return errs;
}
