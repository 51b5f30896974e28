// apps/v1 workload validation as pkg/apis/apps/validation/validation.go (ValidateDeployment,
// ValidateReplicaSet, ValidateDaemonSet and their Update forms) plus the registry strategies'
// selector-immutability check (pkg/registry/apps/*/strategy.go). Runs on defaulted objects.
// Left out: StatefulSets, rollbackTo, templateGeneration and DaemonSet surge/unavailable pairing.
import type { DaemonSet, Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from '../../types.js';
import { forbidden, invalid, notSupported, required, type FieldError } from '../errors.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { nameIsDNSSubdomain } from './names.js';
import { validatePodTemplateSpec } from './pod.js';
import { selectorIsEmpty, selectorJSON, selectorMatches, selectorParses, sortedMap, validateLabelSelector } from './selector.js';
import { validateDaemonSetUpdateStrategy, validateDeploymentStrategy } from './apps-strategy.js';

const nonNegative = (path: string, v: number | undefined): FieldError[] =>
  v !== undefined && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];

/** ValidateDeployment: metadata (DNS subdomain name) and the spec. */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d)];
}

/** ValidateDeploymentUpdate, then the apps/v1 rule that spec.selector never changes. */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [...validateObjectMetaUpdate(d.metadata, old.metadata), ...validateDeploymentSpec(d), ...immutableSelector(d.spec.selector, old.spec.selector)];
}

/** ValidateReplicaSet: metadata and the spec (replicas, selector, template). */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs)];
}

/** The ReplicaSet strategy's update check: the whole object again, the update rules, then selector immutability. */
export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [
    ...validateReplicaSet(rs),
    ...validateObjectMetaUpdate(rs.metadata, old.metadata),
    ...validateReplicaSetSpec(rs),
    ...immutableSelector(rs.spec.selector, old.spec.selector),
  ];
}

/** ValidateDaemonSet: metadata and the spec (selector, template, update strategy). */
export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  return [...validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(ds)];
}

/** The DaemonSet strategy's update check: the whole object again, the update rules, then selector immutability. */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  return [
    ...validateDaemonSet(ds),
    ...validateObjectMetaUpdate(ds.metadata, old.metadata),
    ...validateDaemonSetSpec(ds),
    ...immutableSelector(ds.spec.selector, old.spec.selector),
  ];
}

function validateDeploymentSpec(d: Deployment): FieldError[] {
  const s = d.spec;
  const errs = nonNegative('spec.replicas', s.replicas);
  errs.push(...validateWorkloadSelector(s.selector, 'deployment'));
  errs.push(...validateTemplateAgainstSelector(s.template, s.selector, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(s.strategy));
  errs.push(...nonNegative('spec.minReadySeconds', s.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', s.revisionHistoryLimit));
  if (s.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', s.progressDeadlineSeconds));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const s = rs.spec;
  const errs = [...nonNegative('spec.replicas', s.replicas), ...nonNegative('spec.minReadySeconds', s.minReadySeconds)];
  // The real message says "deployment" for ReplicaSets too.
  errs.push(...validateWorkloadSelector(s.selector, 'deployment'));
  errs.push(...validateTemplateAgainstSelector(s.template, s.selector, 'ReplicaSet'));
  return errs;
}

function validateDaemonSetSpec(ds: DaemonSet): FieldError[] {
  const s = ds.spec;
  const errs = validateLabelSelector(s.selector, 'spec.selector');
  if (selectorParses(s.selector) && !selectorMatches(s.selector, s.template?.metadata?.labels)) {
    errs.push(invalid('spec.template.metadata.labels', sortedMap(s.template?.metadata?.labels) ?? null, '`selector` does not match template `labels`'));
  }
  if (s.selector && selectorIsEmpty(s.selector)) errs.push(invalid('spec.selector', selectorJSON(s.selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
  errs.push(...templateRestartRules(s.template, 'DaemonSet'));
  errs.push(...nonNegative('spec.minReadySeconds', s.minReadySeconds as number | undefined));
  errs.push(...validateDaemonSetUpdateStrategy(s.updateStrategy));
  errs.push(...nonNegative('spec.revisionHistoryLimit', s.revisionHistoryLimit));
  return errs;
}

// Deployments and ReplicaSets require a selector, check it strictly, and refuse an empty one.
function validateWorkloadSelector(sel: LabelSelector | undefined, kind: string): FieldError[] {
  if (!sel) return [required('spec.selector')];
  const errs = validateLabelSelector(sel, 'spec.selector');
  if (selectorIsEmpty(sel)) errs.push(invalid('spec.selector', selectorJSON(sel), `empty selector is invalid for ${kind}`));
  return errs;
}

// ValidatePodTemplateSpecForReplicaSet: skipped when the selector cannot be parsed; a nil selector matches nothing.
function validateTemplateAgainstSelector(template: PodTemplateSpec, sel: LabelSelector | undefined, kind: string): FieldError[] {
  if (!selectorParses(sel)) return [invalid('spec.selector', selectorJSON(sel), 'invalid label selector')];
  const errs: FieldError[] = [];
  const labels = template?.metadata?.labels;
  if (!selectorIsEmpty(sel) && !selectorMatches(sel, labels)) {
    errs.push(invalid('spec.template.metadata.labels', sortedMap(labels) ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...templateRestartRules(template, kind));
  return errs;
}

// Workload pods must restart Always and may not carry a deadline.
function templateRestartRules(template: PodTemplateSpec, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const policy = template?.spec?.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', policy, ['Always']));
  if (template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

// ValidateImmutableField on spec.selector, with semantic equality (nil and empty collections are equal).
function immutableSelector(sel: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  const same = JSON.stringify(selectorJSON(sel)) === JSON.stringify(selectorJSON(old));
  return same ? [] : [invalid('spec.selector', selectorJSON(sel), 'field is immutable')];
}
