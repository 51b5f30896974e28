// Builders for the rule tests, as kube-proxy's own tests have (makeServicePortMap, makeTestEndpoints):
// a service port of default/NAME on 10.96.12.7:80/TCP and an endpoint on port 8080 by default.
import type { EndpointInfo, ServicePortInfo } from '../../../src/sim/kube-proxy/types.js';

/** A TCP service port default/NAME (unnamed) on 10.96.12.7:80, changed by `mutate`. */
export function makeServicePort(name: string, mutate: (p: ServicePortInfo) => void = () => {}): ServicePortInfo {
  const p: ServicePortInfo = {
    name: `default/${name}`, namespace: 'default', serviceName: name, portName: '', protocol: 'TCP', clusterIP: '10.96.12.7', port: 80, nodePort: 0,
    externalIPs: [], loadBalancerIPs: [], loadBalancerSourceRanges: [], healthCheckNodePort: 0, externalPolicyLocal: false, internalPolicyLocal: false, stickyMaxAgeSeconds: 0,
  };
  mutate(p);
  return p;
}

/** A ready endpoint ip:port on a node, changed by `mutate`. */
export function ep(ip: string, port: number, nodeName: string, mutate: (e: EndpointInfo) => void = () => {}): EndpointInfo {
  const e: EndpointInfo = { endpoint: `${ip}:${port}`, ip, port, ready: true, serving: true, terminating: false, nodeName };
  mutate(e);
  return e;
}
