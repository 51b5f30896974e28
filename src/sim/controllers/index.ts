// The control loops of the simulated cluster, in the fixed order settle() runs them: what
// kube-controller-manager, kube-scheduler and the kubelets run concurrently in a real cluster.
import type { Controller } from './controller.js';
import { namespaceController } from './namespace.js';
import { garbageCollector } from './garbage-collector.js';
import { deploymentController } from './deployment.js';
import { replicaSetController } from './replicaset.js';
import { daemonSetController } from './daemonset.js';
import { scheduler } from './scheduler.js';
import { kubelet } from '../node/kubelet.js';
import { endpointsController } from './endpoints.js';
import { endpointSliceController } from './endpointslice.js';
import { kubeProxyController } from '../kube-proxy/controller.js';
import { serviceLBController } from './service-lb.js';

/** Every controller, in reconcile order (owners before what they own, the scheduler before the kubelet). */
export const CONTROLLERS: readonly Controller[] = [
  namespaceController,
  garbageCollector,
  deploymentController,
  replicaSetController,
  daemonSetController,
  scheduler,
  kubelet,
  endpointsController,
  endpointSliceController,
  serviceLBController,
  kubeProxyController,
];
