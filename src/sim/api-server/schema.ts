// The Go types behind the kinds the lab serves (k8s.io/api core/v1, apps/v1, discovery/v1 and
// metav1), reduced to what JSON decoding needs: each field's JSON name, its kind of value and its
// Go type name, so the decoder can reject what the real API server cannot unmarshal.

/** A field's type as the decoder sees it. */
export type FieldType =
  | { t: 'string' | 'int32' | 'int64' | 'bool' | 'float' | 'intstr' | 'quantity' | 'any' | 'time' }
  | { t: 'struct'; name: string; fields: Record<string, FieldType> }
  | { t: 'slice'; of: FieldType }
  | { t: 'map'; of: FieldType };

const S = { t: 'string' } as const;
const I32 = { t: 'int32' } as const;
const I64 = { t: 'int64' } as const;
const B = { t: 'bool' } as const;
const ANY = { t: 'any' } as const;
const INTSTR = { t: 'intstr' } as const;
const QTY = { t: 'quantity' } as const;
const TIME = { t: 'time' } as const;
const struct = (name: string, fields: Record<string, FieldType>): FieldType => ({ t: 'struct', name, fields });
const slice = (of: FieldType): FieldType => ({ t: 'slice', of });
const map = (of: FieldType): FieldType => ({ t: 'map', of });
const SS = map(S);

const ownerRef = struct('OwnerReference', { apiVersion: S, kind: S, name: S, uid: S, controller: B, blockOwnerDeletion: B });
const objectMeta = struct('ObjectMeta', {
  name: S, generateName: S, namespace: S, selfLink: S, uid: S, resourceVersion: S, generation: I64, creationTimestamp: TIME,
  deletionTimestamp: TIME, deletionGracePeriodSeconds: I64, labels: SS, annotations: SS, ownerReferences: slice(ownerRef),
  finalizers: slice(S), managedFields: slice(ANY),
});
const labelSelector = struct('LabelSelector', {
  matchLabels: SS,
  matchExpressions: slice(struct('LabelSelectorRequirement', { key: S, operator: S, values: slice(S) })),
});
const containerPort = struct('ContainerPort', { name: S, hostPort: I32, containerPort: I32, protocol: S, hostIP: S });
const envVar = struct('EnvVar', { name: S, value: S, valueFrom: ANY });
const probe = struct('Probe', {
  exec: ANY, httpGet: ANY, tcpSocket: ANY, grpc: ANY, initialDelaySeconds: I32, timeoutSeconds: I32, periodSeconds: I32,
  successThreshold: I32, failureThreshold: I32, terminationGracePeriodSeconds: I64,
});
const resources = struct('ResourceRequirements', { limits: map(QTY), requests: map(QTY), claims: slice(ANY) });
const container = struct('Container', {
  name: S, image: S, command: slice(S), args: slice(S), workingDir: S, ports: slice(containerPort), envFrom: slice(ANY), env: slice(envVar),
  resources, resizePolicy: slice(ANY), restartPolicy: S, restartPolicyRules: slice(ANY), volumeMounts: slice(ANY), volumeDevices: slice(ANY),
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, lifecycle: ANY, terminationMessagePath: S, terminationMessagePolicy: S,
  imagePullPolicy: S, securityContext: ANY, stdin: B, stdinOnce: B, tty: B,
});
const toleration = struct('Toleration', { key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 });
const podSpec = struct('PodSpec', {
  volumes: slice(ANY), initContainers: slice(container), containers: slice(container), ephemeralContainers: slice(ANY), restartPolicy: S,
  terminationGracePeriodSeconds: I64, activeDeadlineSeconds: I64, dnsPolicy: S, nodeSelector: SS, serviceAccountName: S, serviceAccount: S,
  automountServiceAccountToken: B, nodeName: S, hostNetwork: B, hostPID: B, hostIPC: B, shareProcessNamespace: B, securityContext: ANY,
  imagePullSecrets: slice(ANY), hostname: S, subdomain: S, affinity: ANY, schedulerName: S, tolerations: slice(toleration), hostAliases: slice(ANY),
  priorityClassName: S, priority: I32, dnsConfig: ANY, readinessGates: slice(ANY), runtimeClassName: S, enableServiceLinks: B,
  preemptionPolicy: S, overhead: map(QTY), topologySpreadConstraints: slice(ANY), setHostnameAsFQDN: B, os: ANY, hostUsers: B,
  schedulingGates: slice(ANY), resourceClaims: slice(ANY), resources: ANY,
});
const podTemplate = struct('PodTemplateSpec', { metadata: objectMeta, spec: podSpec });
const servicePort = struct('ServicePort', { name: S, protocol: S, appProtocol: S, port: I32, targetPort: INTSTR, nodePort: I32 });

function kind(name: string, fields: Record<string, FieldType>): FieldType {
  return struct(name, { apiVersion: S, kind: S, metadata: objectMeta, ...fields });
}

/** The decodable shape of every kind the lab serves. */
export const KIND_SCHEMAS: Record<string, FieldType> = {
  Service: kind('Service', {
    spec: struct('ServiceSpec', {
      ports: slice(servicePort), selector: SS, clusterIP: S, clusterIPs: slice(S), type: S, externalIPs: slice(S), sessionAffinity: S,
      loadBalancerIP: S, loadBalancerSourceRanges: slice(S), externalName: S, externalTrafficPolicy: S, healthCheckNodePort: I32,
      publishNotReadyAddresses: B, sessionAffinityConfig: ANY, ipFamilies: slice(S), ipFamilyPolicy: S, allocateLoadBalancerNodePorts: B,
      loadBalancerClass: S, internalTrafficPolicy: S, trafficDistribution: S,
    }),
    status: ANY,
  }),
  Pod: kind('Pod', { spec: podSpec, status: ANY }),
  Deployment: kind('Deployment', {
    spec: struct('DeploymentSpec', {
      replicas: I32, selector: labelSelector, template: podTemplate, strategy: ANY, minReadySeconds: I32, revisionHistoryLimit: I32,
      paused: B, progressDeadlineSeconds: I32,
    }),
    status: ANY,
  }),
  ReplicaSet: kind('ReplicaSet', {
    spec: struct('ReplicaSetSpec', { replicas: I32, minReadySeconds: I32, selector: labelSelector, template: podTemplate }),
    status: ANY,
  }),
  DaemonSet: kind('DaemonSet', {
    spec: struct('DaemonSetSpec', { selector: labelSelector, template: podTemplate, updateStrategy: ANY, minReadySeconds: I32, revisionHistoryLimit: I32 }),
    status: ANY,
  }),
  ConfigMap: kind('ConfigMap', { immutable: B, data: SS, binaryData: map(S) }),
  Namespace: kind('Namespace', { spec: struct('NamespaceSpec', { finalizers: slice(S) }), status: ANY }),
  Node: kind('Node', { spec: ANY, status: ANY }),
  Endpoints: kind('Endpoints', { subsets: slice(ANY) }),
  EndpointSlice: kind('EndpointSlice', { addressType: S, endpoints: slice(ANY), ports: slice(ANY) }),
  Event: kind('Event', {
    involvedObject: ANY, reason: S, message: S, source: ANY, firstTimestamp: TIME, lastTimestamp: TIME, count: I32, type: S, eventTime: ANY,
    series: ANY, action: S, related: ANY, reportingComponent: S, reportingInstance: S,
  }),
};

/** The Go spelling of a type, as json.UnmarshalTypeError prints it ("[]v1.ServicePort", "map[string]string"). */
export function goTypeName(f: FieldType): string {
  switch (f.t) {
    case 'string': return 'string';
    case 'int32': return 'int32';
    case 'int64': return 'int64';
    case 'bool': return 'bool';
    case 'float': return 'float64';
    case 'intstr': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    case 'time': return 'v1.Time';
    case 'any': return 'interface {}';
    case 'struct': return `v1.${f.name}`;
    case 'slice': return `[]${goTypeName(f.of)}`;
    case 'map': return `map[string]${goTypeName(f.of)}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}
