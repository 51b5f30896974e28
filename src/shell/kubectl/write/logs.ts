// `kubectl logs` (kubectl pkg/cmd/logs/logs.go and the kubelet's log endpoint errors): the
// container's lines, --tail, -c, --previous, -f (in script mode: what exists now), TYPE/NAME
// picking a pod of a workload, and the API server's BadRequest texts for containers not running.
import { apiGet, apiList, isApiError, type ApiError } from '../../../sim/index.js';
import type { Deployment, Pod } from '../../../sim/types.js';
import { bool, int, str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail, failApi } from './common.js';
import { containerLogLines } from './container-logs.js';
import { LOGS_FLAGS } from './logs-flags.js';
import { helpFor } from './verb-base.js';
import { logLines } from '../../../sim/kube-proxy/log.js';

function badRequest(k: KubectlContext, message: string): number {
  k.stderr(`Error from server (BadRequest): ${message}\n`);
  return 1;
}

/**
 * A failed lookup of the pod or workload. logs.go (since 1.30) wraps a NotFound from its builder as a
 * plain error naming the namespace, so kubectl prints it with `error: ` rather than as a server error.
 */
function failLookup(k: KubectlContext, err: ApiError): number {
  if (err.reason !== 'NotFound') return failApi(k, err);
  return fail(k, `error from server (NotFound): ${err.message} in namespace "${k.namespace}"`);
}

/** The pod named by `POD`, `pod/NAME` or a workload `TYPE/NAME` (first pod by name, as kubectl picks). */
function findPod(k: KubectlContext, arg: string): Pod | number {
  const [type, name] = arg.includes('/') ? [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)] : ['pod', arg];
  if (/^(pods?|po)$/i.test(type)) {
    const pod = apiGet<Pod>(k.sim, 'Pod', k.namespace, name);
    return isApiError(pod) ? failLookup(k, pod) : pod;
  }
  const kind = /^(deploy|deployment|deployments)$/i.test(type) ? 'Deployment' : /^(rs|replicaset|replicasets)$/i.test(type) ? 'ReplicaSet' : /^(ds|daemonset|daemonsets)$/i.test(type) ? 'DaemonSet' : undefined;
  if (!kind) return fail(k, `cannot get the logs from ${type}: selector for ${type} not implemented`);
  const owner = apiGet<Deployment>(k.sim, kind, k.namespace, name);
  if (isApiError(owner)) return failLookup(k, owner);
  const sel = Object.entries(owner.spec.selector?.matchLabels ?? {}).map(([a, b]) => `${a}=${b}`).join(',');
  const pods = apiList<Pod>(k.sim, 'Pod', { namespace: k.namespace, labelSelector: sel });
  if (isApiError(pods) || pods.length === 0) return fail(k, `timed out waiting for the condition`);
  const sorted = [...pods].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  if (sorted.length > 1) k.stderr(`Found ${sorted.length} pods, using pod/${sorted[0]!.metadata.name}\n`, 'muted');
  return sorted[0]!;
}

function runLogs(k: KubectlContext): number {
  const args = k.flags.args;
  if (args.length === 0 || args.length > 2) return fail(k, `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  const pod = findPod(k, args[0]!);
  if (typeof pod === 'number') return pod;
  const podName = pod.metadata.name ?? '';
  const names = pod.spec.containers.map((c) => c.name);
  const want = str(k.flags, 'container') || args[1] || '';
  if (!want && names.length > 1) k.stderr(`Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`, 'muted');
  const name = want || names[0]!;
  const container = pod.spec.containers.find((c) => c.name === name);
  // logsForObject checks the container in kubectl itself, so this is a client-side error.
  if (!container) return fail(k, `container ${name} is not valid for pod ${podName}`);
  const st = pod.status?.containerStatuses?.find((c) => c.name === name);
  if (bool(k.flags, 'previous')) {
    if (!st?.lastState.terminated) return badRequest(k, `previous terminated container "${name}" in pod "${podName}" not found`);
  }
  const startedAt = st?.state.running?.startedAt ?? st?.state.terminated?.startedAt;
  if (!startedAt) return badRequest(k, `container "${name}" in pod "${podName}" is waiting to start: ${st?.state.waiting?.reason ?? 'ContainerCreating'}`);
  const proxier = k.sim.proxy?.[pod.spec.nodeName ?? ''];
  let lines = proxier && proxier.pod === podName && name === 'kube-proxy' ? logLines(proxier) : containerLogLines(container, startedAt);
  const tail = int(k.flags, 'tail') ?? -1;
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  const prefix = bool(k.flags, 'prefix') ? `[pod/${podName}/${name}] ` : '';
  k.stdout(lines.map((l) => `${prefix}${l}\n`).join(''));
  return 0;
}

/** `kubectl logs`. */
export const LOGS_VERB: KubectlVerb = { ...helpFor('logs'), flags: LOGS_FLAGS, run: runLogs };
