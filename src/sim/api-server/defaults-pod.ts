// Pod defaulting as the apiserver applies it: SetDefaults_PodSpec, SetDefaults_Pod, SetDefaults_Container,
// SetDefaults_Volume, SetDefaults_Probe (pkg/apis/core/v1/defaults.go), the declarative defaults
// (port protocol TCP), the v1 conversion of serviceAccount, and what the ServiceAccount,
// DefaultTolerationSeconds and Priority admission plugins add to new Pods. Functions mutate.
import type { Container, Pod, PodSpec } from '../types.js';

/** The two system PriorityClasses a kubeadm cluster has, by name. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

/** Where the ServiceAccount admission mounts the token volume. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The pull policy SetDefaults_Container picks: Always for ":latest" or no tag, IfNotPresent otherwise (a digest alone counts as a tag). */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const [name, digest] = image.split('@');
  const lastPart = (name ?? '').slice((name ?? '').lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : digest ? '' : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_PodSpec and its containers and volumes: what every pod template gets, Deployment templates included. */
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // v1 conversion: serviceAccountName falls back to the deprecated serviceAccount, which then mirrors it.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/** SetDefaults_Pod on top of the spec defaults: service links on, requests from limits, host ports under hostNetwork. */
export function defaultPod(pod: Pod): void {
  const spec = pod.spec;
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const res = c.resources as { limits?: Record<string, unknown>; requests?: Record<string, unknown> } | undefined;
    if (res?.limits) res.requests = { ...res.limits, ...(res.requests ?? {}) };
    if (spec.hostNetwork) for (const p of c.ports ?? []) p.hostPort ||= p.containerPort;
  }
}

/** What admission adds to a new Pod: the default ServiceAccount and its token volume, the not-ready/unreachable tolerations, the priority. */
export function admitPod(pod: Pod, opts: { tokenVolumeSuffix: string }): void {
  const isMirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
  if (!isMirror) admitServiceAccount(pod.spec, `kube-api-access-${opts.tokenVolumeSuffix}`);
  addDefaultTolerations(pod.spec);
  const cls = pod.spec.priorityClassName;
  pod.spec.priority ??= cls ? (SYSTEM_PRIORITY_CLASSES[cls] ?? 0) : 0;
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ||= defaultImagePullPolicy(c.image ?? '');
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) {
    const fieldRef = e.valueFrom?.fieldRef as { apiVersion?: string } | undefined;
    if (fieldRef) fieldRef.apiVersion ||= 'v1';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) defaultProbe(probe);
}

// SetDefaults_Probe and SetDefaults_HTTPGetAction.
function defaultProbe(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const p = value as Record<string, unknown> & { httpGet?: { path?: string; scheme?: string } };
  for (const [k, v] of [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const) {
    if (!p[k]) p[k] = v;
  }
  if (p.httpGet) {
    p.httpGet.path ||= '/';
    p.httpGet.scheme ||= 'HTTP';
  }
}

// SetDefaults_Volume (emptyDir when no source is given) and the volume sources' defaultMode 0644.
function defaultVolume(v: Record<string, unknown>): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  for (const k of ['configMap', 'secret', 'downwardAPI', 'projected']) {
    const src = v[k] as { defaultMode?: number } | undefined;
    if (src && typeof src === 'object') src.defaultMode ??= 420;
  }
  const hostPath = v.hostPath as { type?: string } | undefined;
  if (hostPath && typeof hostPath === 'object') hostPath.type ??= '';
  const projected = v.projected as { sources?: { serviceAccountToken?: { expirationSeconds?: number } }[] } | undefined;
  for (const s of projected?.sources ?? []) if (s.serviceAccountToken) s.serviceAccountToken.expirationSeconds ??= 3600;
}

// The ServiceAccount admission plugin: "default" account, and the projected token volume mounted in every container.
function admitServiceAccount(spec: PodSpec, volumeName: string): void {
  spec.serviceAccountName ||= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const needing = containers.filter((c) => !(c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (needing.length === 0) return;
  spec.volumes = [...(spec.volumes ?? []), serviceAccountTokenVolume(volumeName)];
  for (const c of needing) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volumeName, readOnly: true }];
}

function serviceAccountTokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

// DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s unless already tolerated.
function addDefaultTolerations(spec: PodSpec): void {
  const list = spec.tolerations ?? [];
  const tolerates = (key: string): boolean =>
    list.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
    .filter((key) => !tolerates(key))
    .map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 }));
  if (added.length > 0) spec.tolerations = [...list, ...added];
}
