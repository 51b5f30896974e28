// `kubectl run` (kubectl pkg/cmd/run/run.go, generate/versioned/run.go BasicPod): a pod labelled
// run=<name> with one container named like the pod; --rm -i runs it attached: in the lab the
// command runs in the pod's shell once the container is up, then the pod is deleted.
import { enterHost } from '../../hosts/enter.js';
import { advance, apiDelete, apiGet, isApiError, settle } from '../../../sim/index.js';
import type { Pod } from '../../../sim/types.js';
import { bool, list, str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail, failApi } from './common.js';
import { quoteLine, shellForImage } from './exec.js';
import { RUN_FLAGS } from './run-flags.js';
import { submitGenerated } from './submit.js';
import { helpFor } from './verb-base.js';

function usage(k: KubectlContext, text: string): number {
  return fail(k, `${text}\nSee 'kubectl run -h' for help and examples`);
}

function parseLabels(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

/** The pod BasicPod generates. */
function buildPod(k: KubectlContext, name: string): Pod {
  const dash = k.flags.dashArgs ?? k.flags.args.slice(1);
  const container: Record<string, unknown> = { name, image: str(k.flags, 'image'), resources: {} };
  if (dash.length) container[bool(k.flags, 'command') ? 'command' : 'args'] = dash;
  const env = list(k.flags, 'env').map((e) => ({ name: e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')), value: e.includes('=') ? e.slice(e.indexOf('=') + 1) : '' }));
  if (env.length) container['env'] = env;
  if (str(k.flags, 'port')) container['ports'] = [{ containerPort: Number(str(k.flags, 'port').replace(/^\+/, '')) }];
  if (str(k.flags, 'image-pull-policy')) container['imagePullPolicy'] = str(k.flags, 'image-pull-policy');
  if (bool(k.flags, 'stdin')) Object.assign(container, { stdin: true, ...(bool(k.flags, 'leave-stdin-open') ? {} : { stdinOnce: true }) });
  if (bool(k.flags, 'tty')) container['tty'] = true;
  const labels = str(k.flags, 'labels') ? parseLabels(str(k.flags, 'labels')) : { run: name };
  const annotations = Object.fromEntries(list(k.flags, 'annotations').map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const metadata = { creationTimestamp: null, labels, name, ...(Object.keys(annotations).length ? { annotations } : {}) };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: str(k.flags, 'restart') }, status: {} } as unknown as Pod;
}

function validate(k: KubectlContext): string | undefined {
  if (!['Always', 'OnFailure', 'Never'].includes(str(k.flags, 'restart'))) return `invalid restart policy: ${str(k.flags, 'restart')}`;
  if (bool(k.flags, 'tty') && !bool(k.flags, 'stdin')) return '-i/--stdin is required for containers with -t/--tty=true';
  if (bool(k.flags, 'expose') && !str(k.flags, 'port')) return '--port must be set when exposing a service';
  const attached = bool(k.flags, 'stdin') || bool(k.flags, 'attach');
  if (bool(k.flags, 'rm') && !attached) return '--rm should only be used for attached containers';
  if (attached && !['', 'none'].includes(str(k.flags, 'dry-run'))) return "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)";
  return undefined;
}

/** Waits (on the simulated clock) for the container to run, then runs its command in the pod's shell. */
function attach(k: KubectlContext, name: string): number {
  for (let s = 0; s < 300; s++) {
    const pod = apiGet<Pod>(k.sim, 'Pod', k.namespace, name);
    if (isApiError(pod) || pod.status?.containerStatuses?.[0]?.state.running || ['Succeeded', 'Failed'].includes(pod.status?.phase ?? '')) break;
    advance(k.sim, 1000);
    settle(k.sim);
  }
  if (k.mode === 'interactive' && !bool(k.flags, 'quiet')) k.stderr("If you don't see a command prompt, try pressing enter.\n", 'muted');
  const pod = apiGet<Pod>(k.sim, 'Pod', k.namespace, name);
  if (isApiError(pod)) return failApi(k, pod);
  const image = pod.spec.containers[0]?.image ?? '';
  const host = { kind: 'pod' as const, namespace: k.namespace, pod: name, container: name, node: pod.spec.nodeName ?? '', shell: shellForImage(image) };
  const command = k.flags.dashArgs ?? [];
  enterHost(k.sim, k.shell, host);
  if (command.length === 0 && k.mode === 'interactive') return 0;
  let result: { status: number; stdout: string };
  try {
    result = k.runNested(quoteLine(command.length ? command : [host.shell]));
  } finally {
    k.shell.hosts.pop();
  }
  k.stdout(result.stdout);
  if (result.status === 127) k.stderr(`note: this command does not run inside pods of the lab yet; network tools arrive with kube-proxy and the dataplane\n`, 'hint');
  if (bool(k.flags, 'rm')) {
    apiDelete(k.sim, 'Pod', k.namespace, name, { gracePeriodSeconds: 0 });
    settle(k.sim);
    k.stdout(`pod "${name}" deleted from ${k.namespace} namespace\n`);
  }
  return result.status;
}

function runRun(k: KubectlContext): number {
  const name = k.flags.args[0];
  if (name === undefined) return usage(k, 'NAME is required for run');
  if (str(k.flags, 'image') === '') return fail(k, '--image is required');
  const invalid = validate(k);
  if (invalid) return invalid.startsWith('invalid restart') || invalid.startsWith('--') || invalid.startsWith('-i') ? usage(k, invalid) : fail(k, invalid);
  // BasicPod's updatePodPorts reads --port with strconv.Atoi before anything is sent.
  const port = str(k.flags, 'port');
  if (port !== '' && !/^[+-]?\d+$/.test(port)) return fail(k, `strconv.Atoi: parsing "${port}": invalid syntax`);
  const attached = bool(k.flags, 'stdin') || bool(k.flags, 'attach');
  const status = submitGenerated(k, buildPod(k, name), attached ? { op: 'created', quiet: true } : {});
  if (status !== 0 || !attached) return status;
  return attach(k, name);
}

/** `kubectl run`. */
export const RUN_VERB: KubectlVerb = { ...helpFor('run'), flags: RUN_FLAGS, run: runRun };
