// kubectl describe for node, deployment, replicaset, endpoints, endpointslice, namespace, daemonset
// and configmap: exact v1.34 text (kubectl pkg/describe/describe.go, tabwriter padding 2, a line
// without a tab starting a new alignment block) on the default lab at Thu 15 Jan 2026 09:01:00,
// 60 s after `create deployment web --replicas=3`, just after `expose deployment web --port 80`.
// Pods: web-7957885594-8mvpw 10.244.1.2 on node01, -7b4pf 10.244.2.2 and -zhkbl 10.244.2.3 on node02.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KUBECTL_COMMAND } from '../../src/shell/kubectl/index.js';
import { advance } from '../../src/sim/settle.js';
import { runSpec, testLab, type TestLab } from './harness.js';

const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

function kubectl(lab: TestLab, line: string, stdin?: string): { stdout: string; stderr: string; status: number } {
  return runSpec(lab, KUBECTL_COMMAND, line.split(' '), stdin);
}

function webLab(): TestLab {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx --replicas=3');
  advance(lab.sim, 60_000);
  kubectl(lab, 'expose deployment web --port 80');
  return lab;
}

/** Describe output as its lines, each ending in a newline. */
function text(...lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

const POD_TEMPLATE = [
  '  Containers:',
  '   nginx:',
  '    Image:         nginx',
  '    Port:          <none>',
  '    Host Port:     <none>',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
];

const NODE01 = text(
  'Name:               node01',
  'Roles:              <none>',
  'Labels:             beta.kubernetes.io/arch=amd64',
  '                    beta.kubernetes.io/os=linux',
  '                    kubernetes.io/arch=amd64',
  '                    kubernetes.io/hostname=node01',
  '                    kubernetes.io/os=linux',
  'Annotations:        flannel.alpha.coreos.com/backend-type: vxlan',
  '                    flannel.alpha.coreos.com/kube-subnet-manager: true',
  '                    flannel.alpha.coreos.com/public-ip: 192.168.56.11',
  '                    kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock',
  '                    node.alpha.kubernetes.io/ttl: 0',
  '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
  'CreationTimestamp:  Mon, 05 Jan 2026 09:01:00 +0000',
  'Taints:             <none>',
  'Unschedulable:      false',
  'Lease:',
  '  HolderIdentity:  node01',
  '  AcquireTime:     <unset>',
  '  RenewTime:       Thu, 15 Jan 2026 09:01:00 +0000',
  'Conditions:',
  '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
  '  ----             ------  -----------------                 ------------------                ------                       -------',
  '  MemoryPressure   False   Thu, 15 Jan 2026 09:01:00 +0000   Mon, 05 Jan 2026 09:01:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
  '  DiskPressure     False   Thu, 15 Jan 2026 09:01:00 +0000   Mon, 05 Jan 2026 09:01:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
  '  PIDPressure      False   Thu, 15 Jan 2026 09:01:00 +0000   Mon, 05 Jan 2026 09:01:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
  '  Ready            True    Thu, 15 Jan 2026 09:01:00 +0000   Mon, 05 Jan 2026 09:01:00 +0000   KubeletReady                 kubelet is posting ready status',
  'Addresses:',
  '  InternalIP:  192.168.56.11',
  '  Hostname:    node01',
  'Capacity:',
  '  cpu:                2',
  '  ephemeral-storage:  40581564Ki',
  '  hugepages-2Mi:      0',
  '  memory:             4014036Ki',
  '  pods:               110',
  'Allocatable:',
  '  cpu:                2',
  '  ephemeral-storage:  37399969574',
  '  hugepages-2Mi:      0',
  '  memory:             3911636Ki',
  '  pods:               110',
  'System Info:',
  '  Machine ID:                 ',
  '  System UUID:                ',
  '  Boot ID:                    ',
  '  Kernel Version:             5.15.0-126-generic',
  '  OS Image:                   Ubuntu 22.04.5 LTS',
  '  Operating System:           linux',
  '  Architecture:               amd64',
  '  Container Runtime Version:  containerd://1.7.27',
  '  Kubelet Version:            v1.34.0',
  '  Kube-Proxy Version:         ',
  'PodCIDR:                      10.244.1.0/24',
  'PodCIDRs:                     10.244.1.0/24',
  'Non-terminated Pods:          (3 in total)',
  '  Namespace                   Name                     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
  '  ---------                   ----                     ------------  ----------  ---------------  -------------  ---',
  '  default                     web-7957885594-8mvpw     0 (0%)        0 (0%)      0 (0%)           0 (0%)         60s',
  '  kube-flannel                kube-flannel-ds-p75sk    0 (0%)        0 (0%)      0 (0%)           0 (0%)         10d',
  '  kube-system                 kube-proxy-lq2cg         0 (0%)        0 (0%)      0 (0%)           0 (0%)         10d',
  'Allocated resources:',
  '  (Total limits may be over 100 percent, i.e., overcommitted.)',
  '  Resource           Requests  Limits',
  '  --------           --------  ------',
  '  cpu                0 (0%)    0 (0%)',
  '  memory             0 (0%)    0 (0%)',
  '  ephemeral-storage  0 (0%)    0 (0%)',
  '  hugepages-2Mi      0 (0%)    0 (0%)',
  'Events:              <none>',
);

const DEPLOYMENT = text(
  'Name:                   web',
  'Namespace:              default',
  'CreationTimestamp:      Thu, 15 Jan 2026 09:00:00 +0000',
  'Labels:                 app=web',
  'Annotations:            deployment.kubernetes.io/revision: 1',
  'Selector:               app=web',
  'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
  'StrategyType:           RollingUpdate',
  'MinReadySeconds:        0',
  'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
  'Pod Template:',
  '  Labels:  app=web',
  ...POD_TEMPLATE,
  'Conditions:',
  '  Type           Status  Reason',
  '  ----           ------  ------',
  '  Available      True    MinimumReplicasAvailable',
  '  Progressing    True    NewReplicaSetAvailable',
  'OldReplicaSets:  <none>',
  'NewReplicaSet:   web-7957885594 (3/3 replicas created)',
  'Events:',
  '  Type    Reason             Age   From                   Message',
  '  ----    ------             ----  ----                   -------',
  '  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set web-7957885594 from 0 to 3',
);

const REPLICASET = text(
  'Name:           web-7957885594',
  'Namespace:      default',
  'Selector:       app=web,pod-template-hash=7957885594',
  'Labels:         app=web',
  '                pod-template-hash=7957885594',
  'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
  '                deployment.kubernetes.io/max-replicas: 4',
  '                deployment.kubernetes.io/revision: 1',
  'Controlled By:  Deployment/web',
  'Replicas:       3 current / 3 desired',
  'Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
  'Pod Template:',
  '  Labels:  app=web',
  '           pod-template-hash=7957885594',
  ...POD_TEMPLATE,
  'Events:',
  '  Type    Reason            Age   From                   Message',
  '  ----    ------            ----  ----                   -------',
  '  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-7957885594-8mvpw',
  '  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-7957885594-7b4pf',
  '  Normal  SuccessfulCreate  60s   replicaset-controller  Created pod: web-7957885594-zhkbl',
);

const ENDPOINTS = text(
  'Name:         web',
  'Namespace:    default',
  'Labels:       app=web',
  '              endpoints.kubernetes.io/managed-by=endpoint-controller',
  'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-15T09:01:00Z',
  'Subsets:',
  '  Addresses:          10.244.1.2,10.244.2.2,10.244.2.3',
  '  NotReadyAddresses:  <none>',
  '  Ports:',
  '    Name     Port  Protocol',
  '    ----     ----  --------',
  '    <unset>  80    TCP',
  '',
  'Events:  <none>',
);

function sliceEndpoint(ip: string, pod: string, node: string): string[] {
  return [`  - Addresses:  ${ip}`, '    Conditions:', '      Ready:    true', '    Hostname:   <unset>', `    TargetRef:  Pod/${pod}`, `    NodeName:   ${node}`, '    Zone:       <unset>'];
}

const ENDPOINTSLICE = text(
  'Name:         web-kqrdm',
  'Namespace:    default',
  'Labels:       app=web',
  '              endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
  '              kubernetes.io/service-name=web',
  'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2026-01-15T09:01:00Z',
  'AddressType:  IPv4',
  'Ports:',
  '  Name     Port  Protocol',
  '  ----     ----  --------',
  '  <unset>  80    TCP',
  'Endpoints:',
  ...sliceEndpoint('10.244.2.2', 'web-7957885594-7b4pf', 'node02'),
  ...sliceEndpoint('10.244.1.2', 'web-7957885594-8mvpw', 'node01'),
  ...sliceEndpoint('10.244.2.3', 'web-7957885594-zhkbl', 'node02'),
  'Events:         <none>',
);

const NAMESPACE = text(
  'Name:         default',
  'Labels:       kubernetes.io/metadata.name=default',
  'Annotations:  <none>',
  'Status:       Active',
  '',
  'No resource quota.',
  '',
  'No LimitRange resource.',
);

const DAEMONSET = text(
  'Name:           kube-proxy',
  'Namespace:      kube-system',
  'Selector:       k8s-app=kube-proxy',
  'Node-Selector:  kubernetes.io/os=linux',
  'Labels:         k8s-app=kube-proxy',
  'Annotations:    <none>',
  'Desired Number of Nodes Scheduled: 3',
  'Current Number of Nodes Scheduled: 3',
  'Number of Nodes Scheduled with Up-to-date Pods: 3',
  'Number of Nodes Scheduled with Available Pods: 3',
  'Number of Nodes Misscheduled: 0',
  'Pods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
  'Pod Template:',
  '  Labels:           k8s-app=kube-proxy',
  '  Service Account:  kube-proxy',
  '  Containers:',
  '   kube-proxy:',
  '    Image:      registry.k8s.io/kube-proxy:v1.34.0',
  '    Port:       <none>',
  '    Host Port:  <none>',
  '    Command:',
  '      /usr/local/bin/kube-proxy',
  '      --config=/var/lib/kube-proxy/config.conf',
  '      --hostname-override=$(NODE_NAME)',
  '    Environment:',
  '      NODE_NAME:         (v1:spec.nodeName)',
  '    Mounts:             <none>',
  '  Volumes:              <none>',
  '  Priority Class Name:  system-node-critical',
  '  Node-Selectors:       kubernetes.io/os=linux',
  '  Tolerations:          op=Exists',
  'Events:                 <none>',
);

const CONFIGMAP = text(
  'Name:         app-config',
  'Namespace:    default',
  'Labels:       <none>',
  'Annotations:  <none>',
  '',
  'Data',
  '====',
  'color:',
  '----',
  'blue',
  '',
  'mode:',
  '----',
  'dev',
  '',
  '',
  'BinaryData',
  '====',
  '',
  'Events:  <none>',
);

const cases: [string, string, string][] = [
  ['describe node node01', NODE01, ''],
  ['describe deployment web', DEPLOYMENT, ''],
  ['describe rs web', REPLICASET, ''],
  ['describe endpoints web', ENDPOINTS, ENDPOINTS_WARNING],
  ['describe endpointslice web', ENDPOINTSLICE, ''],
  ['describe ns default', NAMESPACE, ''],
  ['describe ds kube-proxy -n kube-system', DAEMONSET, ''],
  ['describe cm app-config', CONFIGMAP, ''],
];

for (const [line, stdout, stderr] of cases) {
  test(`kubectl ${line}`, () => {
    const lab = webLab();
    kubectl(lab, 'create configmap app-config --from-literal=color=blue --from-literal=mode=dev');
    const r = kubectl(lab, line);
    assert.deepEqual([r.stdout, r.stderr, r.status], [stdout, stderr, 0]);
  });
}

const missing: [string, string][] = [
  ['node', 'Error from server (NotFound): nodes "nope" not found\n'],
  ['deployment', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ['rs', 'Error from server (NotFound): replicasets.apps "nope" not found\n'],
  ['endpoints', `${ENDPOINTS_WARNING}Error from server (NotFound): endpoints "nope" not found\n`],
  ['endpointslice', 'Error from server (NotFound): endpointslices.discovery.k8s.io "nope" not found\n'],
  ['ns', 'Error from server (NotFound): namespaces "nope" not found\n'],
  ['ds', 'Error from server (NotFound): daemonsets.apps "nope" not found\n'],
  ['cm', 'Error from server (NotFound): configmaps "nope" not found\n'],
];

for (const [type, stderr] of missing) {
  test(`kubectl describe ${type} nope: NotFound once nothing has the name as a prefix`, () => {
    const r = kubectl(webLab(), `describe ${type} nope`);
    assert.deepEqual([r.stdout, r.stderr, r.status], ['', stderr, 1]);
  });
}

test('describe node: decimal and binary quantities add and print as resource.Quantity, shares truncate', () => {
  const lab = webLab();
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  nodeName: node01\n  containers:\n  - name: app\n    image: nginx\n'
    + '    resources:\n      requests: {cpu: 250m, memory: 100M}\n      limits: {cpu: 500m, memory: 200M}\n  - name: sidecar\n    image: busybox\n'
    + '    resources:\n      requests: {memory: 28Mi}\n';
  assert.equal(kubectl(lab, 'apply -f -', pod).stderr, '');
  const out = kubectl(lab, 'describe node node01').stdout;
  // 250m of 2 CPUs is 12.5% and 100M + 28Mi = 129360128 bytes is 3.2% of 3911636Ki; the memory sum keeps
  // the first quantity's decimal format, but is not a whole number of kilobytes, so it prints bare.
  assert.ok(out.includes('\n  default                     big                      250m (12%)    500m (25%)  129360128 (3%)   200M (4%)      0s\n'), out);
  assert.ok(out.includes('\n  cpu                250m (12%)      500m (25%)\n  memory             129360128 (3%)  200M (4%)\n'), out);
});
