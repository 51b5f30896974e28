// The service controller of a cloud controller manager (k8s.io/cloud-provider controllers/service),
// for the lab's simulated cloud (`--cloud`): each LoadBalancer Service gets an address from a pool on
// the nodes' network — as MetalLB's layer-2 mode gives on bare metal — in status.loadBalancer,
// with the EnsuringLoadBalancer / EnsuredLoadBalancer events; a Service that stops being a
// LoadBalancer gives its address back. Without a cloud nothing runs and EXTERNAL-IP stays <pending>.
import type { SimState, WatchEvent } from '../state.js';
import type { Service } from '../types.js';
import { apiUpdate } from '../api-server/registry.js';
import { getStored, listStored } from '../api-server/store.js';
import { recordEvent } from '../api-server/events.js';
import type { Controller } from './controller.js';

/** The simulated cloud's address pool: 192.168.56.240-250 on the nodes' network. */
export const LB_POOL = Array.from({ length: 11 }, (_, i) => `192.168.56.${240 + i}`);

const SOURCE = { component: 'service-controller' };

function ingressOf(svc: Service): string | undefined {
  return svc.status?.loadBalancer?.ingress?.[0]?.ip;
}

function freeAddress(state: SimState): string | undefined {
  const used = new Set(listStored<Service>(state, 'services').map(ingressOf).filter((x): x is string => Boolean(x)));
  return LB_POOL.find((ip) => !used.has(ip));
}

function enqueue(state: SimState, ev: WatchEvent): string[] {
  return state.config.cloud && ev.resource === 'services' && ev.type !== 'DELETED' ? [ev.key] : [];
}

function reconcile(state: SimState, key: string): void {
  const svc = getStored<Service>(state, 'services', key);
  if (!svc) return;
  const has = ingressOf(svc);
  if (svc.spec.type !== 'LoadBalancer') {
    if (has) apiUpdate(state, { ...svc, status: { loadBalancer: {} } }, { subresource: 'status' });
    return;
  }
  if (has) return;
  recordEvent(state, svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
  const ip = freeAddress(state);
  if (!ip) {
    recordEvent(state, svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no addresses left in the lab\'s address pool 192.168.56.240-250', SOURCE);
    return;
  }
  apiUpdate(state, { ...svc, status: { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } }, { subresource: 'status' });
  recordEvent(state, svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
}

/** The simulated cloud's service controller. */
export const serviceLBController: Controller = { name: 'service-lb', enqueue, reconcile };
