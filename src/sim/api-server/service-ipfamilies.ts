// The Service IP-family initialisation of the REST storage's allocation step
// (initIPFamilyFields in pkg/registry/core/service/storage/alloc.go): ipFamilyPolicy and
// ipFamilies are filled before any address is allocated. Mutates the Service and returns the
// causes of an Invalid error, empty when all is well. Left out: the PreferDualStack no-op on update.
import type { Service } from '../types.js';
import { invalid, type FieldError } from './errors.js';
import { ipFamilyOf } from './validation/ip.js';
import { validateServiceClusterIPsRelatedFields } from './validation/service-fields.js';

/** An IP family of a cluster's service network. */
export type IPFamily = 'IPv4' | 'IPv6';

/** Fills ipFamilyPolicy and ipFamilies as the apiserver does (clusterIP/clusterIPs already normalised); clusterFamilies lists the cluster's families, primary first. */
export function defaultServiceIPFamilies(svc: Service, old?: Service, clusterFamilies: readonly IPFamily[] = ['IPv4']): FieldError[] {
  const s = svc.spec;
  if (s.type === 'ExternalName') return [];
  const headlessSelectorless = s.clusterIP === 'None' && Object.keys(s.selector ?? {}).length === 0;
  // Create: SingleStack, except headless selector-less services; update: keep the old policy.
  s.ipFamilyPolicy ??= old?.spec.ipFamilyPolicy ?? (headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
  const pre = validateServiceClusterIPsRelatedFields(svc);
  if (pre.length > 0) return pre;
  const errs = [...trimOnSingleStack(svc, old), ...checkPolicyAgainstLists(svc), ...inferFamiliesFromIPs(svc, clusterFamilies)];
  if (errs.length > 0) return errs;
  s.ipFamilies ??= [];
  if (headlessSelectorless) {
    // Allowed even on a single-stack cluster: such a service gets both families unless it asks for SingleStack.
    if (s.ipFamilies.length === 0) s.ipFamilies.push(clusterFamilies[0]!);
    if (s.ipFamilies.length < 2 && s.ipFamilyPolicy !== 'SingleStack') s.ipFamilies.push(otherFamily(s.ipFamilies[0] as IPFamily));
    return [];
  }
  if (s.ipFamilyPolicy === 'RequireDualStack' && clusterFamilies.length < 2) {
    errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  s.ipFamilies.forEach((f, i) => {
    if (!clusterFamilies.includes(f as IPFamily)) errs.push(invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (errs.length > 0) return errs;
  if (s.ipFamilies.length === 0) s.ipFamilies.push(clusterFamilies[0]!);
  if (s.ipFamilyPolicy !== 'SingleStack' && s.ipFamilies.length === 1 && clusterFamilies.length === 2) {
    s.ipFamilies.push(otherFamily(s.ipFamilies[0] as IPFamily));
  }
  return [];
}

function otherFamily(f: IPFamily): IPFamily {
  return f === 'IPv4' ? 'IPv6' : 'IPv4';
}

// On update, SingleStack with unchanged lists means "drop the secondary"; any other policy may not shrink them.
function trimOnSingleStack(svc: Service, old: Service | undefined): FieldError[] {
  if (!old) return [];
  const s = svc.spec;
  const same = (a: string[] | undefined, b: string[] | undefined): boolean => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  if (s.ipFamilyPolicy === 'SingleStack') {
    if (same(s.clusterIPs, old.spec.clusterIPs) && (s.clusterIPs ?? []).length > 1) s.clusterIPs = s.clusterIPs!.slice(0, 1);
    if (same(s.ipFamilies, old.spec.ipFamilies) && (s.ipFamilies ?? []).length > 1) s.ipFamilies = s.ipFamilies!.slice(0, 1);
    return [];
  }
  const errs: FieldError[] = [];
  const shrunk = (now: string[] | undefined, before: string[] | undefined): boolean => (now ?? []).length < (before ?? []).length && (now ?? []).length > 0;
  if (shrunk(s.clusterIPs, old.spec.clusterIPs)) errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy ?? null, "must be 'SingleStack' to release the secondary cluster IP"));
  if (shrunk(s.ipFamilies, old.spec.ipFamilies)) errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy ?? null, "must be 'SingleStack' to release the secondary IP family"));
  return errs;
}

// SingleStack cannot carry two cluster IPs or two families.
function checkPolicyAgainstLists(svc: Service): FieldError[] {
  const s = svc.spec;
  if (s.ipFamilyPolicy !== 'SingleStack') return [];
  const errs: FieldError[] = [];
  if ((s.clusterIPs ?? []).length === 2) {
    errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
  }
  if ((s.ipFamilies ?? []).length === 2) {
    errs.push(invalid('spec.ipFamilyPolicy', s.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  return errs;
}

// Families follow the requested cluster IPs; an IP of a family the cluster lacks is refused.
function inferFamiliesFromIPs(svc: Service, clusterFamilies: readonly IPFamily[]): FieldError[] {
  const s = svc.spec;
  const ips = s.clusterIPs ?? [];
  const errs: FieldError[] = [];
  for (let i = 0; i < ips.length && ips[i] !== 'None'; i++) {
    const fam = ipFamilyOf(ips[i]!)!;
    if (i < (s.ipFamilies ?? []).length) continue;
    if (!clusterFamilies.includes(fam)) errs.push(invalid(`spec.clusterIPs[${i}]`, ips, `${fam} is not configured on this cluster`));
    else s.ipFamilies = [...(s.ipFamilies ?? []), fam];
  }
  return errs;
}
