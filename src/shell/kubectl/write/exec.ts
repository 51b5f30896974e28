// `kubectl exec` (kubectl pkg/cmd/exec/exec.go): runs a command in a pod's container by pushing a
// pod host onto the shell's host stack and running the line there; `-it ... -- sh` leaves the host
// pushed so the prompt moves into the container. A failing command ends with client-go's
// `command terminated with exit code N`.
import { enterHost } from '../../hosts/enter.js';
import { apiGet, isApiError } from '../../../sim/index.js';
import type { Pod } from '../../../sim/types.js';
import type { Host } from '../../types.js';
import { bool, str } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail, failApi } from './common.js';
import { helpFor } from './verb-base.js';

const SH_IMAGES = /(^|\/)(busybox|alpine|curlimages\/curl|curl|netshoot)(:|@|$)/;

/** The shell a container's image ships: `sh` for busybox-style images, else `bash`. */
export function shellForImage(image: string): string {
  return SH_IMAGES.test(image) ? 'sh' : 'bash';
}

/** Quotes words back into one command line for the nested shell. */
export function quoteLine(words: string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The pod host to run in, or the exit status after printing kubectl's error. */
export function podHost(k: KubectlContext, podName: string, container: string): Extract<Host, { kind: 'pod' }> | number {
  const pod = apiGet<Pod>(k.sim, 'Pod', k.namespace, podName);
  if (isApiError(pod)) return failApi(k, pod);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(k, `cannot exec into a container in a completed pod; current phase is ${phase}`);
  const names = pod.spec.containers.map((c) => c.name);
  const name = container || names[0]!;
  if (!container && names.length > 1) k.stderr(`Defaulted container "${name}" out of: ${names.join(', ')}\n`, 'muted');
  const spec = pod.spec.containers.find((c) => c.name === name);
  // A container named with -c is checked by the API server (validateContainer in the pod registry), not by kubectl.
  if (!spec) {
    k.stderr(`Error from server (BadRequest): container ${name} is not valid for pod ${podName}\n`);
    return 1;
  }
  const st = pod.status?.containerStatuses?.find((c) => c.name === name);
  if (!st?.state.running) return fail(k, `unable to upgrade connection: container not found ("${name}")`);
  return { kind: 'pod', namespace: k.namespace, pod: podName, container: name, node: pod.spec.nodeName ?? '', shell: shellForImage(spec.image ?? '') };
}

function runExec(k: KubectlContext): number {
  const args = k.flags.args;
  if (args.length > 1 && k.flags.dashArgs === undefined) return fail(k, `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
  const command = k.flags.dashArgs ?? [];
  if (args.length === 0) return fail(k, 'pod, type/name or --filename must be specified');
  if (command.length === 0) return fail(k, 'you must specify at least one command for the container');
  const target = args[0]!.replace(/^(pods?|po)\//, '');
  const host = podHost(k, target, str(k.flags, 'container'));
  if (typeof host === 'number') return host;
  const interactive = bool(k.flags, 'stdin') && command.length === 1 && /^(\/bin\/)?(ba)?sh$/.test(command[0]!);
  enterHost(k.sim, k.shell, host);
  if (interactive) return 0;
  let result: { status: number; stdout: string };
  try {
    result = k.runNested(quoteLine(command));
  } finally {
    k.shell.hosts.pop();
  }
  k.stdout(result.stdout);
  if (result.status !== 0) {
    k.stderr(`command terminated with exit code ${result.status}\n`);
    return result.status;
  }
  return 0;
}

/** `kubectl exec`. */
export const EXEC_VERB: KubectlVerb = {
  ...helpFor('exec'),
  flags: [
    { long: 'container', short: 'c', type: 'string', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { long: 'stdin', short: 'i', type: 'bool', help: 'Pass stdin to the container' },
    { long: 'tty', short: 't', type: 'bool', help: 'Stdin is a TTY' },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Only print output from the remote session' },
    { long: 'filename', short: 'f', type: 'stringArray', help: 'to use to exec into the resource' },
  ],
  run: runExec,
};
