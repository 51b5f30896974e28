// `fault`: the lab's way to break things on purpose, by running — and showing — the real commands
// that break them, so undoing a fault is something a learner can do by hand too:
//   kube-proxy-stop NODE   the kube-proxy DaemonSet gets a node affinity that avoids NODE: its pod
//                          there goes away, and NODE's rules stay as they were while the others move on
//   kube-proxy-start NODE  the node is taken out of that affinity again
//   coredns-down / -up     CoreDNS scaled to zero / back to two replicas
//   not-ready DEPLOY       the Deployment's pods get a readiness probe on a port nobody opens
//   list                   what is broken now
import { getStored, listStored } from '../../sim/api-server/store.js';
import type { DaemonSet, Deployment, Node } from '../../sim/types.js';
import type { CommandContext, CommandSpec } from '../types.js';

/** The part of a pod's affinity the fault writes and reads. */
interface NodeAffinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] } };
}

const USAGE = 'usage: fault kube-proxy-stop NODE | kube-proxy-start NODE | coredns-down | coredns-up | not-ready DEPLOYMENT | list';

/** The nodes kube-proxy's DaemonSet keeps away from (its NotIn node affinity). */
function avoided(ctx: CommandContext): string[] {
  const ds = getStored<DaemonSet>(ctx.sim, 'daemonsets', 'kube-system/kube-proxy');
  const affinity = ds?.spec.template.spec.affinity as NodeAffinity | undefined;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms.flatMap((t) => t.matchExpressions ?? []).filter((e) => e.key === 'kubernetes.io/hostname' && e.operator === 'NotIn').flatMap((e) => e.values ?? []);
}

function affinityPatch(nodes: string[]): string {
  const affinity = nodes.length ? { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: nodes }] }] } } } : null;
  return `kubectl -n kube-system patch daemonset kube-proxy -p '${JSON.stringify({ spec: { template: { spec: { affinity } } } })}'`;
}

function run(ctx: CommandContext, steps: string[], after: string): number {
  for (const step of steps) {
    ctx.stdout(`+ ${step}\n`);
    const r = ctx.runNested(step);
    ctx.stdout(r.stdout);
    if (r.status !== 0) return r.status;
  }
  ctx.stdout(`${after}\n`);
  return 0;
}

function needNode(ctx: CommandContext, node: string | undefined): string | undefined {
  if (!node) ctx.stderr(`${USAGE}\n`);
  else if (!getStored<Node>(ctx.sim, 'nodes', node)) ctx.stderr(`fault: there is no node "${node}" (${listStored<Node>(ctx.sim, 'nodes').map((n) => n.metadata.name).join(', ')})\n`);
  else return node;
  return undefined;
}

function runFault(ctx: CommandContext): number {
  const [what, arg, ...rest] = ctx.args;
  if (rest.length) {
    ctx.stderr(`${USAGE}\n`);
    return 2;
  }
  switch (what) {
    case 'kube-proxy-stop': {
      const node = needNode(ctx, arg);
      if (!node) return 2;
      const nodes = [...new Set([...avoided(ctx), node])];
      return run(ctx, [affinityPatch(nodes), 'sleep 5'], `kube-proxy no longer runs on ${node}: its rules there stay as they are now, whatever changes.`);
    }
    case 'kube-proxy-start': {
      const node = needNode(ctx, arg);
      if (!node) return 2;
      return run(ctx, [affinityPatch(avoided(ctx).filter((n) => n !== node)), 'sleep 5'], `kube-proxy runs on ${node} again; it rewrites the node's rules when it starts.`);
    }
    case 'coredns-down':
      // CoreDNS takes its 30 s grace period to stop; until then its terminating pods still answer.
      return run(ctx, ['kubectl -n kube-system scale deployment coredns --replicas=0', 'sleep 35'], 'CoreDNS has no pods: names no longer resolve in pods.');
    case 'coredns-up':
      return run(ctx, ['kubectl -n kube-system scale deployment coredns --replicas=2', 'sleep 10'], 'CoreDNS is back.');
    case 'not-ready': {
      if (!arg || !getStored<Deployment>(ctx.sim, 'deployments', `default/${arg}`)) {
        ctx.stderr(arg ? `fault: there is no Deployment "${arg}" in the default namespace\n` : `${USAGE}\n`);
        return 2;
      }
      const dep = getStored<Deployment>(ctx.sim, 'deployments', `default/${arg}`)!;
      const container = dep.spec.template.spec.containers[0]!.name;
      const patch = { spec: { template: { spec: { containers: [{ name: container, readinessProbe: { tcpSocket: { port: 9999 }, periodSeconds: 5 } }] } } } };
      return run(ctx, [`kubectl patch deployment ${arg} -p '${JSON.stringify(patch)}'`, 'sleep 20'], `${arg}'s new pods wait for port 9999 to open before they are ready: they never will.`);
    }
    case 'list': {
      const lines = [
        ...avoided(ctx).map((n) => `kube-proxy stopped on ${n} (fault kube-proxy-start ${n})`),
        ...(getStored<Deployment>(ctx.sim, 'deployments', 'kube-system/coredns')?.spec.replicas === 0 ? ['CoreDNS scaled to zero (fault coredns-up)'] : []),
      ];
      ctx.stdout(lines.length ? `${lines.join('\n')}\n` : 'nothing is broken on purpose\n');
      return 0;
    }
    default:
      ctx.stderr(`${what ? `fault: unknown fault "${what}"\n` : ''}${USAGE}\n`);
      return 2;
  }
}

/** The fault command. */
export const FAULT_COMMAND: CommandSpec = {
  name: 'fault',
  usage: 'fault kube-proxy-stop|kube-proxy-start NODE | coredns-down | coredns-up | not-ready DEPLOYMENT | list',
  summary: 'break the cluster on purpose (and mend it), by running the real commands that do it',
  where: 'node',
  group: 'lab',
  run: runFault,
};
