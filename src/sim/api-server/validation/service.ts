// Service validation as core's ValidateService / ValidateServiceUpdate
// (pkg/apis/core/validation/validation.go), causes in the real order. Runs on a defaulted object
// whose clusterIP/clusterIPs were normalised; allocation errors (ranges, ports or IPs taken) come
// from the allocation step. Left out: topology annotations, loadBalancerClass, trafficDistribution.
import type { Service, ServicePort } from '../../types.js';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../errors.js';
import { validateCIDR } from './ip.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNS1035Label } from './names.js';
import { isSupportedProtocol, SUPPORTED_PROTOCOLS, validatePortNumOrName } from './ports.js';
import {
  isHeadlessService, validateClusterIPsUpdate, validateExternalIPs, validateExternalTrafficPolicy, validateHealthCheckNodePortUpdate,
  validateInternalTrafficPolicy, validateIPFamiliesUpdate, validateServiceClusterIPsRelatedFields,
} from './service-fields.js';

/** What Service validation depends on beyond the object. */
export interface ServiceValidationContext {
  /** The StrictIPCIDRValidation feature gate (alpha, off in v1.34): reject leading zeros and IPv4-mapped IPv6. */
  strictIPValidation?: boolean;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** ValidateService: every cause a new (or updated) Service has, in the order the apiserver reports them. */
export function validateService(svc: Service, ctx: ServiceValidationContext = {}): FieldError[] {
  const s = svc.spec;
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  if ((s.ports ?? []).length === 0 && !isHeadlessService(svc) && s.type !== 'ExternalName') errs.push(required('spec.ports'));
  errs.push(...validateTypeSpecific(svc));
  const names = new Set<string>();
  (s.ports ?? []).forEach((p, i) => errs.push(...validateServicePort(p, (s.ports ?? []).length > 1, names, `spec.ports[${i}]`)));
  if (s.selector) errs.push(...validateLabels(s.selector, 'spec.selector'));
  errs.push(...validateSessionAffinity(svc));
  errs.push(...validateServiceClusterIPsRelatedFields(svc, ctx.strictIPValidation));
  errs.push(...validateExternalIPs(svc, ctx.strictIPValidation));
  if (!s.type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported('spec.type', s.type, SERVICE_TYPES));
  errs.push(...validateNodePorts(svc));
  errs.push(...validateDuplicatePorts(svc));
  errs.push(...validateLoadBalancerFields(svc));
  errs.push(...validateExternalTrafficPolicy(svc));
  errs.push(...validateInternalTrafficPolicy(svc));
  return errs;
}

/** ValidateServiceUpdate: metadata and cluster-IP immutability first, then the whole object again. */
export function validateServiceUpdate(svc: Service, old: Service, ctx: ServiceValidationContext = {}): FieldError[] {
  return [
    ...validateObjectMetaUpdate(svc.metadata, old.metadata),
    ...validateClusterIPsUpdate(svc, old),
    ...validateIPFamiliesUpdate(svc, old),
    ...validateHealthCheckNodePortUpdate(svc, old),
    ...validateService(svc, ctx),
  ];
}

// Headless NodePort/LoadBalancer services, and what ExternalName services may and must not carry.
function validateTypeSpecific(svc: Service): FieldError[] {
  const s = svc.spec;
  switch (s.type) {
    case 'LoadBalancer':
    case 'NodePort':
      return isHeadlessService(svc) ? [invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${s.type} services`)] : [];
    case 'ExternalName': {
      const errs: FieldError[] = [];
      if ((s.clusterIPs ?? []).length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if ((s.ipFamilies ?? []).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (s.ipFamilyPolicy !== undefined) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      // The CNAME may carry one trailing dot to mark it fully qualified.
      const cname = (s.externalName ?? '').replace(/\.$/, '');
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)));
      else errs.push(required('spec.externalName'));
      return errs;
    }
    default:
      return [];
  }
}

// validateServicePort: names (required when there are several), port, protocol, targetPort, appProtocol.
function validateServicePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`));
  else if (p.name) {
    errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${path}.name`, p.name, m)));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  const port = p.port ?? 0;
  errs.push(...isValidPortNum(port).map((m) => invalid(`${path}.port`, port, m)));
  if (!p.protocol) errs.push(required(`${path}.protocol`));
  else if (!isSupportedProtocol(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, SUPPORTED_PROTOCOLS));
  errs.push(...validatePortNumOrName(p.targetPort ?? 0, `${path}.targetPort`));
  if (p.appProtocol !== undefined) errs.push(...isQualifiedName(p.appProtocol).map((m) => invalid(`${path}.appProtocol`, p.appProtocol, m)));
  return errs;
}

// sessionAffinity is None or ClientIP; ClientIP needs a timeout in (0, 86400], None takes no config.
function validateSessionAffinity(svc: Service): FieldError[] {
  const { sessionAffinity: sa, sessionAffinityConfig: cfg } = svc.spec;
  const path = 'spec.sessionAffinityConfig';
  if (!sa) return [required('spec.sessionAffinity')];
  if (sa !== 'ClientIP' && sa !== 'None') return [notSupported('spec.sessionAffinity', sa, ['ClientIP', 'None'])];
  if (sa === 'None') return cfg ? [forbidden(path, 'must not be set when session affinity is None')] : [];
  if (!cfg) return [required(path, 'when session affinity type is ClientIP')];
  if (!cfg.clientIP) return [required(`${path}.clientIP`, 'when session affinity type is ClientIP')];
  const t = cfg.clientIP.timeoutSeconds;
  if (t === undefined) return [required(`${path}.clientIP.timeoutSeconds`, 'when session affinity type is ClientIP')];
  return t <= 0 || t > 86400 ? [invalid(`${path}.clientIP.timeoutSeconds`, t, 'must be greater than 0 and less than 86400')] : [];
}

// nodePort is forbidden on ClusterIP services, and unique per protocol.
function validateNodePorts(svc: Service): FieldError[] {
  const ports = svc.spec.ports ?? [];
  const errs: FieldError[] = [];
  if (svc.spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol ?? ''}/${p.nodePort}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    seen.add(key);
  });
  return errs;
}

// (port, protocol) pairs are unique; the value shown is the internal core.ServicePort key as JSON.
function validateDuplicatePorts(svc: Service): FieldError[] {
  const seen = new Set<string>();
  return (svc.spec.ports ?? []).flatMap((p, i) => {
    const key = { Name: '', Protocol: p.protocol ?? '', AppProtocol: null, Port: p.port ?? 0, TargetPort: 0, NodePort: 0 };
    const k = `${key.Protocol}/${key.Port}`;
    const dup = seen.has(k);
    seen.add(k);
    return dup ? [duplicate(`spec.ports[${i}]`, key)] : [];
  });
}

// loadBalancerSourceRanges and allocateLoadBalancerNodePorts belong to LoadBalancer services only.
function validateLoadBalancerFields(svc: Service): FieldError[] {
  const s = svc.spec;
  const errs: FieldError[] = [];
  const ranges = s.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    // The real path is capitalised like this.
    if (s.type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...validateCIDR(`spec.LoadBalancerSourceRanges[${i}]`, r.trim())));
  }
  if (s.allocateLoadBalancerNodePorts !== undefined && s.type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  // The real path lacks the "spec." prefix; defaulting always sets the field, so it never shows.
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts'));
  return errs;
}
