// Defaulting as the apiserver applies it when it decodes a request: SetDefaults_Service and
// SetDefaults_Namespace (pkg/apis/core/v1/defaults.go), SetDefaults_Deployment / _ReplicaSet /
// _DaemonSet (pkg/apis/apps/v1/defaults.go), plus what the namespace strategy's PrepareForCreate
// adds. Every function mutates the object it is given; the caller clones. Pods: defaults-pod.ts.
import type { DaemonSet, Deployment, Namespace, ReplicaSet, Service } from '../types.js';
import { defaultPodSpec } from './defaults-pod.js';
import { externallyAccessible } from './validation/service-fields.js';

export { admitPod, defaultImagePullPolicy, defaultPod, defaultPodSpec, SERVICE_ACCOUNT_MOUNT_PATH, SYSTEM_PRIORITY_CLASSES } from './defaults-pod.js';
export { defaultServiceIPFamilies, type IPFamily } from './service-ipfamilies.js';

/** SetDefaults_Service: type, session affinity, port protocol and targetPort, traffic policies, LB node ports. */
export function defaultService(svc: Service): void {
  const s = svc.spec;
  s.sessionAffinity ||= 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  s.type ||= 'ClusterIP';
  for (const p of s.ports ?? []) {
    p.protocol ||= 'TCP';
    // targetPort 0 or "" means "same as port".
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(svc) && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (s.internalTrafficPolicy === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) {
    s.internalTrafficPolicy = 'Cluster';
  }
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
  // A Service's status is a struct, so even a new one prints `status: {loadBalancer: {}}`.
  svc.status ??= {};
  svc.status.loadBalancer ??= {};
  if (s.type === 'LoadBalancer') for (const ing of svc.status.loadBalancer.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
}

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, template defaults. */
export function defaultDeployment(d: Deployment): void {
  const s = d.spec;
  s.replicas ??= 1;
  s.strategy ??= {};
  s.strategy.type ||= 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {};
    s.strategy.rollingUpdate.maxUnavailable ??= '25%';
    s.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  if (s.template?.spec) defaultPodSpec(s.template.spec);
}

/** SetDefaults_ReplicaSet: replicas 1, template defaults. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec.replicas ??= 1;
  if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec);
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, revisionHistoryLimit 10, template defaults. */
export function defaultDaemonSet(ds: DaemonSet): void {
  const s = ds.spec;
  s.updateStrategy ??= {};
  s.updateStrategy.type ||= 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    s.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
  if (s.template?.spec) defaultPodSpec(s.template.spec);
}

/** SetDefaults_Namespace (the kubernetes.io/metadata.name label), then PrepareForCreate (finalizer "kubernetes", phase Active) or, given the stored object, PrepareForUpdate (both kept from it). */
export function defaultNamespace(ns: Namespace, old?: Namespace): void {
  const name = ns.metadata.name;
  if (name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  if (old) {
    ns.spec = { ...(ns.spec ?? {}), finalizers: [...(old.spec?.finalizers ?? [])] };
    if (old.status) ns.status = { ...old.status };
    return;
  }
  ns.spec = { ...(ns.spec ?? {}), finalizers: ['kubernetes'] };
  ns.status = { phase: 'Active' };
}
