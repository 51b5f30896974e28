// The cluster-IP, external-IP and traffic-policy parts of core validation's Service checks
// (ValidateServiceClusterIPsRelatedFields, validateServiceExternalTrafficPolicy,
// validateServiceInternalTrafficFieldsValue, validateUpgradeDowngradeClusterIPs/IPFamilies in
// pkg/apis/core/validation/validation.go). Expects clusterIP and clusterIPs already normalised.
import type { Service } from '../../types.js';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../errors.js';
import { ipFamilyOf, validateIP, validateNonSpecialIP } from './ip.js';
import { isValidPortNum } from './names.js';

/** isHeadlessService: clusterIPs is exactly ["None"]. */
export function isHeadlessService(svc: Service): boolean {
  const ips = svc.spec.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

/** service.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with external IPs. */
export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs ?? []).length > 0);
}

/** service.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs agree, families and policy are known, IPs parse. */
export function validateServiceClusterIPsRelatedFields(svc: Service, strictIP = false): FieldError[] {
  if (svc.spec.type === 'ExternalName') return [];
  const s = svc.spec;
  const ips = s.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (s.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== s.clusterIP) errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length > 0) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (s.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (s.ipFamilyPolicy !== undefined && !policies.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', s.ipFamilyPolicy, policies));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(`spec.clusterIPs[${i}]`, ip, strictIP);
    badIPs ||= e.length > 0;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  return [...errs, ...validateClusterIPFamilies(svc)];
}

// Two IPs must be one of each family, and each IP must match the family listed at its index.
function validateClusterIPFamilies(svc: Service): FieldError[] {
  const ips = svc.spec.clusterIPs ?? [];
  const families = svc.spec.ipFamilies ?? [];
  const errs: FieldError[] = [];
  const families4and6 = ips.some((ip) => ipFamilyOf(ip) === 'IPv4') && ips.some((ip) => ipFamilyOf(ip) === 'IPv6');
  if (ips.length > 1 && !families4and6) {
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  if (isHeadlessService(svc)) return errs;
  ips.slice(0, families.length).forEach((ip, i) => {
    const want = families[i];
    if (want === 'IPv4' && ipFamilyOf(ip) === 'IPv6') errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
    if (want === 'IPv6' && ipFamilyOf(ip) !== 'IPv6') errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
  });
  return errs;
}

/** spec.externalIPs: each a valid IP that is not unspecified, loopback or link-local. */
export function validateExternalIPs(svc: Service, strictIP = false): FieldError[] {
  return (svc.spec.externalIPs ?? []).flatMap((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    const e = validateIP(path, ip, strictIP);
    return e.length > 0 ? e : validateNonSpecialIP(path, ip);
  });
}

/** validateServiceExternalTrafficPolicy: the policy only on externally-accessible services; healthCheckNodePort only with Local LBs. */
export function validateExternalTrafficPolicy(svc: Service): FieldError[] {
  const { externalTrafficPolicy: etp, healthCheckNodePort: hc } = svc.spec;
  const errs: FieldError[] = [];
  if (!externallyAccessible(svc)) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (!etp) {
    errs.push(required('spec.externalTrafficPolicy'));
  } else if (etp !== 'Cluster' && etp !== 'Local') {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, ['Cluster', 'Local']));
  }
  if (!needsHealthCheck(svc)) {
    if (hc) errs.push(invalid('spec.healthCheckNodePort', hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (!hc) {
    errs.push(required('spec.healthCheckNodePort'));
  } else {
    errs.push(...isValidPortNum(hc).map((m) => invalid('spec.healthCheckNodePort', hc, m)));
  }
  return errs;
}

/** validateServiceInternalTrafficFieldsValue: required on ClusterIP/NodePort/LoadBalancer; Cluster or Local. */
export function validateInternalTrafficPolicy(svc: Service): FieldError[] {
  const itp = svc.spec.internalTrafficPolicy;
  const t = svc.spec.type;
  if (itp === undefined) return t === 'NodePort' || t === 'LoadBalancer' || t === 'ClusterIP' ? [required('spec.internalTrafficPolicy')] : [];
  return itp === 'Cluster' || itp === 'Local' ? [] : [notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local'])];
}

/** validateUpgradeDowngradeClusterIPs: the primary cluster IP never changes (ExternalName and headless aside). */
export function validateClusterIPsUpdate(svc: Service, old: Service): FieldError[] {
  if (svc.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return [];
  if (isHeadlessService(svc) && isHeadlessService(old)) return [];
  const now = svc.spec.clusterIPs ?? [];
  const before = old.spec.clusterIPs ?? [];
  const errs: FieldError[] = [];
  if (before.length === now.length) {
    before.forEach((ip, i) => {
      if (ip !== now[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, now, 'may not change once set'));
    });
  } else if (before.length > now.length) {
    if (now.length === 0) errs.push(invalid('spec.clusterIPs[0]', now, 'primary clusterIP can not be unset'));
    if (now.length > 0 && now[0] !== before[0]) errs.push(invalid('spec.clusterIPs[0]', now, 'may not change once set'));
    if (now.length === 1 && svc.spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid('spec.ipFamilyPolicy', svc.spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (before.length > 0 && now[0] !== before[0]) {
    errs.push(invalid('spec.clusterIPs[0]', now, 'may not change once set'));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies, reduced to the single-family case: the primary family never changes. */
export function validateIPFamiliesUpdate(svc: Service, old: Service): FieldError[] {
  if (svc.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return [];
  if (isHeadlessService(svc) || isHeadlessService(old)) return [];
  const now = svc.spec.ipFamilies ?? [];
  const before = old.spec.ipFamilies ?? [];
  if (before.length === now.length) {
    return before.flatMap((f, i) => (f !== now[i] ? [invalid('spec.ipFamilies[0]', now, 'may not change once set')] : []));
  }
  return before.length > 0 && now.length > 0 && now[0] !== before[0] ? [invalid('spec.ipFamilies[0]', svc.spec.clusterIPs ?? [], 'may not change once set')] : [];
}

/** validateServiceExternalTrafficFieldsUpdate: a Local LoadBalancer keeps its healthCheckNodePort. */
export function validateHealthCheckNodePortUpdate(svc: Service, old: Service): FieldError[] {
  if (!needsHealthCheck(old) || !needsHealthCheck(svc)) return [];
  return svc.spec.healthCheckNodePort === old.spec.healthCheckNodePort ? [] : [forbidden('spec.healthCheckNodePort', 'field is immutable')];
}
