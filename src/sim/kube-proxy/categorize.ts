// Which endpoints a service port's traffic may use on this node (pkg/proxy/topology.go
// CategorizeEndpoints): ready endpoints for Cluster policy (serving-and-terminating ones when none
// is ready), this node's for Local policy, and whether the service has any usable endpoint at all.
// Left out: topology-aware hints (the lab's nodes have no zones).
import type { EndpointInfo, ServicePortInfo } from './types.js';

/** The service port's traffic-policy flags (ServicePort.UsesClusterEndpoints / UsesLocalEndpoints). */
export function externallyAccessible(s: ServicePortInfo): boolean {
  return s.nodePort !== 0 || s.externalIPs.length > 0 || s.loadBalancerIPs.length > 0;
}

function usesCluster(s: ServicePortInfo): boolean {
  // External traffic from pods and from the node itself short-circuits to the Cluster chain even
  // under externalTrafficPolicy Local, so any externally reachable port needs the cluster endpoints.
  return !s.internalPolicyLocal || externallyAccessible(s);
}

function usesLocal(s: ServicePortInfo): boolean {
  return s.internalPolicyLocal || (externallyAccessible(s) && s.externalPolicyLocal);
}

/** The result of CategorizeEndpoints. */
export interface Categorized {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Every endpoint this node may route to (cluster first, then the local ones not already there). */
  reachable: EndpointInfo[];
  hasAny: boolean;
}

/** Sorts the endpoints into Cluster and Local sets for a node. */
export function categorizeEndpoints(eps: EndpointInfo[], s: ServicePortInfo, node: string): Categorized {
  let cluster: EndpointInfo[] = [];
  let hasAny = false;
  if (usesCluster(s)) {
    cluster = eps.filter((e) => e.ready);
    if (cluster.length === 0) cluster = eps.filter((e) => e.serving && e.terminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocal(s)) return { cluster, local: [], reachable: cluster, hasAny };
  let readyLocal = false;
  let servingLocal = false;
  for (const e of eps) {
    if (e.ready) {
      hasAny = true;
      if (e.nodeName === node) readyLocal = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (e.nodeName === node) servingLocal = true;
    }
  }
  const local = readyLocal ? eps.filter((e) => e.nodeName === node && e.ready)
    : servingLocal ? eps.filter((e) => e.nodeName === node && e.serving && e.terminating) : [];
  if (!usesCluster(s)) return { cluster, local, reachable: local, hasAny };
  const seen = new Set(cluster.map((e) => e.endpoint));
  return { cluster, local, reachable: [...cluster, ...local.filter((e) => !seen.has(e.endpoint))], hasAny };
}
