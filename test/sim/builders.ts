// Builders for API objects as a learner's manifests write them (no server-side defaults), each
// taking an optional mutator: makeService('web', s => { s.spec.type = 'NodePort' }).
// Namespaced objects are in "default"; every workload selects and labels app=<name>.
import type { ConfigMap, DaemonSet, Deployment, Namespace, Node, Pod, PodSpec, ReplicaSet, Service } from '../../src/sim/types.js';

/** Changes a freshly built object in place. */
export type Mutator<T> = (obj: T) => void;

function built<T>(obj: T, mutate?: Mutator<T>): T {
  mutate?.(obj);
  return obj;
}

/** A pod spec with one container named after the app, running nginx:1.27 on port 80. */
export function makePodSpec(name: string): PodSpec {
  return { containers: [{ name, image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] };
}

/** A ClusterIP Service selecting app=<name>, port 80 to targetPort 8080. */
export function makeService(name: string, mutate?: Mutator<Service>): Service {
  return built<Service>(
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] } },
    mutate,
  );
}

/** A bare Pod labelled app=<name>. */
export function makePod(name: string, mutate?: Mutator<Pod>): Pod {
  return built<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec: makePodSpec(name) }, mutate);
}

/** A Deployment selecting and labelling app=<name>, replicas left to the defaults. */
export function makeDeployment(name: string, mutate?: Mutator<Deployment>): Deployment {
  const spec = { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: makePodSpec(name) } };
  return built<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' }, spec }, mutate);
}

/** A ReplicaSet selecting and labelling app=<name>. */
export function makeReplicaSet(name: string, mutate?: Mutator<ReplicaSet>): ReplicaSet {
  const spec = { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: makePodSpec(name) } };
  return built<ReplicaSet>({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' }, spec }, mutate);
}

/** A DaemonSet selecting and labelling app=<name>. */
export function makeDaemonSet(name: string, mutate?: Mutator<DaemonSet>): DaemonSet {
  const spec = { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: makePodSpec(name) } };
  return built<DaemonSet>({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace: 'default' }, spec }, mutate);
}

/** A Namespace. */
export function makeNamespace(name: string, mutate?: Mutator<Namespace>): Namespace {
  return built<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, mutate);
}

/** A ConfigMap in "default" with the given data. */
export function makeConfigMap(name: string, data: Record<string, string> = {}, mutate?: Mutator<ConfigMap>): ConfigMap {
  return built<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data }, mutate);
}

/** A Node with an InternalIP and no taints. */
export function makeNode(name: string, internalIP = '192.168.56.11', mutate?: Mutator<Node>): Node {
  const status = { addresses: [{ type: 'InternalIP', address: internalIP }], capacity: {}, allocatable: {}, conditions: [], nodeInfo: {} };
  return built<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status }, mutate);
}
