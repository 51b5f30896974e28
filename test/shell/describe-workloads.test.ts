// kubectl describe for deployments, replicasets, endpoints, endpointslices, namespaces and nodes:
// exact text on a lab with a 3-replica deployment exposed on port 80, 30 s after it was created
// (field order, pod template, conditions, the deprecation warning of v1 Endpoints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sh } from './bash-helpers.js';
import { testLab, type TestLab } from './harness.js';

function lab(): TestLab {
  const l = testLab();
  for (const line of ['kubectl create deployment web --image=nginx --replicas=3 --port=80', 'kubectl expose deployment web --port 80', 'sleep 30']) sh(l, line);
  return l;
}

const cases: [string, string, string][] = [
  ["kubectl describe deploy web", "Name:                   web\nNamespace:              default\nCreationTimestamp:      Thu, 15 Jan 2026 09:00:00 +0000\nLabels:                 app=web\nAnnotations:            deployment.kubernetes.io/revision: 1\nSelector:               app=web\nReplicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx\n    Port:          80/TCP\n    Host Port:     0/TCP\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\nOldReplicaSets:  <none>\nNewReplicaSet:   web-678b8c8999 (3/3 replicas created)\nEvents:\n  Type    Reason             Age   From                   Message\n  ----    ------             ----  ----                   -------\n  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-678b8c8999 from 0 to 3", ""],
  ["kubectl describe rs", "Name:           web-678b8c8999\nNamespace:      default\nSelector:       app=web,pod-template-hash=678b8c8999\nLabels:         app=web\n                pod-template-hash=678b8c8999\nAnnotations:    deployment.kubernetes.io/desired-replicas: 3\n                deployment.kubernetes.io/max-replicas: 4\n                deployment.kubernetes.io/revision: 1\nControlled By:  Deployment/web\nReplicas:       3 current / 3 desired\nPods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n  Labels:  app=web\n           pod-template-hash=678b8c8999\n  Containers:\n   nginx:\n    Image:         nginx\n    Port:          80/TCP\n    Host Port:     0/TCP\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nEvents:\n  Type    Reason            Age   From                   Message\n  ----    ------            ----  ----                   -------\n  Normal  SuccessfulCreate  30s   replicaset-controller  Created pod: web-678b8c8999-8mvpw\n  Normal  SuccessfulCreate  30s   replicaset-controller  Created pod: web-678b8c8999-7b4pf\n  Normal  SuccessfulCreate  30s   replicaset-controller  Created pod: web-678b8c8999-zhkbl", ""],
  ["kubectl describe endpoints web", "Name:         web\nNamespace:    default\nLabels:       app=web\n              endpoints.kubernetes.io/managed-by=endpoint-controller\nAnnotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-15T09:00:06Z\nSubsets:\n  Addresses:          10.244.1.2,10.244.2.2,10.244.2.3\n  NotReadyAddresses:  <none>\n  Ports:\n    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  80    TCP\n\nEvents:  <none>", "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"],
  ["kubectl describe endpointslices -l kubernetes.io/service-name=web", "Name:         web-r2674\nNamespace:    default\nLabels:       app=web\n              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io\n              kubernetes.io/service-name=web\nAnnotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-15T09:00:06Z\nAddressType:  IPv4\nPorts:\n  Name     Port  Protocol\n  ----     ----  --------\n  <unset>  80    TCP\nEndpoints:\n  - Addresses:  10.244.2.2\n    Conditions:\n      Ready:    true\n    Hostname:   <unset>\n    TargetRef:  Pod/web-678b8c8999-7b4pf\n    NodeName:   node02\n    Zone:       <unset>\n  - Addresses:  10.244.2.3\n    Conditions:\n      Ready:    true\n    Hostname:   <unset>\n    TargetRef:  Pod/web-678b8c8999-zhkbl\n    NodeName:   node02\n    Zone:       <unset>\n  - Addresses:  10.244.1.2\n    Conditions:\n      Ready:    true\n    Hostname:   <unset>\n    TargetRef:  Pod/web-678b8c8999-8mvpw\n    NodeName:   node01\n    Zone:       <unset>\nEvents:         <none>", ""],
  ["kubectl describe ns default", "Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.", ""],
];

for (const [line, out, err] of cases) {
  test(line, () => {
    const r = sh(lab(), line);
    assert.deepEqual({ out: r.out, err: r.err }, { out, err });
  });
}

test('describe node: roles, lease, conditions, system info and the pods it runs', () => {
  const r = sh(lab(), 'kubectl describe node controlplane');
  assert.match(r.out, /^Name: {15}controlplane\nRoles: {14}control-plane\n/);
  assert.match(r.out, /\nTaints: {13}node-role.kubernetes.io\/control-plane:NoSchedule\nUnschedulable: {6}false\nLease:\n {2}HolderIdentity: {2}controlplane\n {2}AcquireTime: {5}<unset>\n/);
  assert.match(r.out, /\n {2}Ready {12}True {4}\w{3}, \d\d \w{3} 2026 [\d:]{8} \+0000 {3}/);
  assert.match(r.out, /\nPodCIDR: {22}10.244.0.0\/24\nPodCIDRs: {21}10.244.0.0\/24\nNon-terminated Pods: {10}\(\d+ in total\)\n/);
  assert.match(r.out, /\n {2}kube-system {17}etcd-controlplane +0 \(0%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +10d\n/);
  assert.match(r.out, /\n {2}cpu {16}0 \(0%\) {4}0 \(0%\)\n/);
});

test('describe node sums the requests and limits of the pods on it', () => {
  const l = testLab();
  sh(l, `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  nodeName: node01
  containers:
  - name: app
    image: nginx
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {cpu: "1", memory: 128Mi}
EOF`);
  sh(l, 'sleep 20');
  const r = sh(l, 'kubectl describe node node01');
  assert.ok(r.out.includes('\n  default                     big                      250m (12%)    1 (50%)     64Mi (1%)        128Mi (3%)     20s\n'));
  assert.ok(r.out.includes('\n  cpu                250m (12%)  1 (50%)\n  memory             64Mi (1%)   128Mi (3%)\n'));
});

test('describe of a missing object', () => {
  for (const [type, kind] of [['deploy', 'deployments.apps'], ['rs', 'replicasets.apps'], ['node', 'nodes'], ['ns', 'namespaces']]) {
    const r = sh(testLab(), `kubectl describe ${type} nope`);
    assert.equal(r.err, `Error from server (NotFound): ${kind} "nope" not found`);
  }
});
