// Rollout-strategy validation of apps/v1 workloads: ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment, ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet
// (pkg/apis/apps/validation/validation.go). Unsupported strategies print as the internal Go
// structs (no json tags) that the real validation passes to field.NotSupported.
import type { DaemonSet, Deployment } from '../../types.js';
import { forbidden, invalid, notSupported, required, type FieldError } from '../errors.js';
import { isValidPercent } from './names.js';

type IntOrString = number | string;
type RollingUpdate = { maxUnavailable?: IntOrString; maxSurge?: IntOrString };

/** ValidateDeploymentStrategy: Recreate takes no rollingUpdate; RollingUpdate needs sane maxSurge/maxUnavailable. */
export function validateDeploymentStrategy(strategy: Deployment['spec']['strategy']): FieldError[] {
  const s = strategy ?? {};
  const path = 'spec.strategy';
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      if (!s.rollingUpdate) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      return validateRollingUpdateDeployment(s.rollingUpdate, `${path}.rollingUpdate`);
    default:
      return [notSupported(path, internalStrategy(s.type, s.rollingUpdate), ['Recreate', 'RollingUpdate'])];
  }
}

/** ValidateDaemonSetUpdateStrategy: OnDelete, or RollingUpdate with exactly one of maxSurge / maxUnavailable non-zero. */
export function validateDaemonSetUpdateStrategy(strategy: DaemonSet['spec']['updateStrategy']): FieldError[] {
  const s = strategy ?? {};
  const path = 'spec.updateStrategy';
  switch (s.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!s.rollingUpdate) return [required(`${path}.rollingUpdate`)];
      return validateRollingUpdateDaemonSet(s.rollingUpdate, `${path}.rollingUpdate`);
    default:
      return [notSupported(path, internalStrategy(s.type, s.rollingUpdate), ['RollingUpdate', 'OnDelete'])];
  }
}

function validateRollingUpdateDeployment(ru: RollingUpdate, path: string): FieldError[] {
  const [unavailable, surge] = [ru.maxUnavailable ?? 0, ru.maxSurge ?? 0];
  const errs = [...positiveIntOrPercent(unavailable, `${path}.maxUnavailable`), ...positiveIntOrPercent(surge, `${path}.maxSurge`)];
  if (intOrPercentValue(unavailable) === 0 && intOrPercentValue(surge) === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, unavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(unavailable, `${path}.maxUnavailable`));
  return errs;
}

function validateRollingUpdateDaemonSet(ru: RollingUpdate, path: string): FieldError[] {
  const [unavailable, surge] = [ru.maxUnavailable ?? 0, ru.maxSurge ?? 0];
  const errs = [...positiveIntOrPercent(unavailable, `${path}.maxUnavailable`), ...positiveIntOrPercent(surge, `${path}.maxSurge`)];
  errs.push(...notMoreThan100Percent(unavailable, `${path}.maxUnavailable`), ...notMoreThan100Percent(surge, `${path}.maxSurge`));
  const [hasUnavailable, hasSurge] = [intOrPercentValue(unavailable) !== 0, intOrPercentValue(surge) !== 0];
  if (hasUnavailable && hasSurge) errs.push(invalid(`${path}.maxSurge`, surge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

// ValidatePositiveIntOrPercent: a percent string, or a non-negative integer.
function positiveIntOrPercent(v: IntOrString, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

// getIntOrPercentValue: the number of a percent, the integer, or 0 for a non-numeric string (IntValue's Atoi).
function intOrPercentValue(v: IntOrString): number {
  if (typeof v === 'number') return v;
  if (isValidPercent(v).length === 0) return Number(v.slice(0, -1));
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}

function notMoreThan100Percent(v: IntOrString, path: string): FieldError[] {
  const isPercent = typeof v === 'string' && isValidPercent(v).length === 0;
  return isPercent && intOrPercentValue(v) > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
}

// The internal apps.DeploymentStrategy / DaemonSetUpdateStrategy as encoding/json writes it.
function internalStrategy(type: string | undefined, ru: RollingUpdate | undefined): unknown {
  const rollingUpdate = ru ? { MaxUnavailable: ru.maxUnavailable ?? 0, MaxSurge: ru.maxSurge ?? 0 } : null;
  return { Type: type ?? '', RollingUpdate: rollingUpdate };
}
