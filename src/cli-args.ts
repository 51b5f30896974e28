// Command-line options of k8s-svc-lab: the cluster options every mode accepts (--nodes,
// --service-cidr, --pod-cidr, --node-port-range, --proxy-mode, --cloud, --seed), --help and --version.
import { parseArgs } from 'node:util';
import { resolveConfig, type ClusterConfig, type ProxyMode } from './sim/config.js';

/** The sandbox presets (src/app/sandbox.ts). */
export const PRESET_NAMES = ['empty', 'nginx', 'hostname', 'db'];

/** The commands, one line each: what an error shows under its message. */
export const SYNOPSIS = `Usage:
  k8s-svc-lab                                         the lessons (a welcome first, the first time)
  k8s-svc-lab lesson ID                               open one lesson
  k8s-svc-lab lessons                                 list the lessons and your progress
  k8s-svc-lab sandbox [--preset P] [cluster options]  the lab on a fresh cluster, no lesson
  k8s-svc-lab run [--echo] [--lesson ID] [cluster options] [FILE|-]
                                                      run lab commands from FILE or standard input
  k8s-svc-lab check-lesson FILE                       check a lesson file and replay its solutions
`;

/** The usage text (--help). */
export const USAGE = `k8s-svc-lab: a terminal lab that teaches how Kubernetes Services really work, on a simulated
Kubernetes v1.34 kubeadm cluster of three nodes — no Docker, VM, root or network needed.

${SYNOPSIS}
The lessons, the lesson and the sandbox need a terminal; run and the others work anywhere.

Run options:
  --echo                    print each command after its prompt, then its output (for demos)
  --lesson ID               start from that lesson's prepared cluster instead of a fresh one
  FILE | -                  the script: one command per line; heredocs, \\ continuations and
                            # comments work as in bash; - or no FILE reads standard input
  Exit status: 0 when every command succeeded, 1 when any failed, 2 for a usage error.

Sandbox options:
  --preset P                start from: empty (default); nginx (the nginx pod behind a ClusterIP
                            and a NodePort on 31110); hostname (3 replicas of the hostname app
                            behind web); db (the mysql pod behind db on 3306)

Cluster options (sandbox and run):
  --nodes N                 number of nodes, control plane included (default 3, at most 245)
  --service-cidr CIDR       the Service ClusterIP range (default 10.96.0.0/12)
  --pod-cidr CIDR           the pod network; each node gets a /24 of it (default 10.244.0.0/16)
  --node-port-range A-B     the NodePort range (default 30000-32767)
  --proxy-mode MODE         iptables, ipvs, nftables or userspace (default iptables)
  --cloud                   a simulated cloud gives LoadBalancer Services an address
                            (192.168.56.240-250); without it EXTERNAL-IP stays <pending>
  --seed N                  seed for names, IPs and ports (default 1): the same seed and the
                            same commands give the same output

Other options:
  -h, --help                show this help
  -v, --version             print the version

Files:
  Your command history, lesson progress (progress.json), settings (settings.json) and any crash
  report live in $K8S_SVC_LAB_HOME when it is set, otherwise in the user data directory
  (~/.local/share/k8s-svc-lab on Linux, ~/Library/Application Support/k8s-svc-lab on macOS).
  $K8S_SVC_LAB_LESSONS points the lab at another directory of lesson files.

Examples:
  npx k8s-svc-lab                                 start with the lessons
  k8s-svc-lab lesson first-clusterip-service      go straight to a lesson
  k8s-svc-lab sandbox --preset hostname           play with a Service of three pods
  k8s-svc-lab sandbox --nodes 5 --proxy-mode ipvs five nodes, kube-proxy in IPVS mode
  k8s-svc-lab run --echo demo.sh                  replay a scripted demo
  echo 'kubectl get nodes -o wide' | k8s-svc-lab run
  k8s-svc-lab run --lesson nodeport solution.sh   check a lesson's commands from a file
  k8s-svc-lab check-lesson lessons/03-first-clusterip-service.yaml
`;

/** What the command line asked for. */
export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | { kind: 'lab'; config: ClusterConfig; preset: string }
  | { kind: 'menu'; config: ClusterConfig }
  | { kind: 'lesson'; id: string }
  | { kind: 'lessons' }
  | { kind: 'check-lesson'; file: string }
  | { kind: 'run'; config: ClusterConfig; echo: boolean; file: string; lesson?: string };

function toInt(name: string, v: string | undefined): number | string | undefined {
  if (v === undefined) return undefined;
  return /^-?\d+$/.test(v) ? Number(v) : `--${name} must be a whole number, not "${v}"`;
}

/** Parses argv (without node and the script) into a validated cluster configuration. */
export function parseClusterArgs(argv: string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        nodes: { type: 'string' },
        'service-cidr': { type: 'string' },
        'pod-cidr': { type: 'string' },
        'node-port-range': { type: 'string' },
        'proxy-mode': { type: 'string' },
        cloud: { type: 'boolean' },
        seed: { type: 'string' },
        echo: { type: 'boolean' },
        lesson: { type: 'string' },
        preset: { type: 'string' },
      },
    }));
  } catch (e) {
    return { kind: 'error', message: (e as Error).message.replace(/\. To specify a positional.*$/s, '') };
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const isRun = positionals[0] === 'run';
  const isSandbox = positionals[0] === 'sandbox';
  const cmd = positionals[0];
  if (cmd === 'lessons') return positionals.length === 1 ? { kind: 'lessons' } : { kind: 'error', message: 'lessons takes no arguments' };
  if (cmd === 'lesson') return positionals.length === 2 ? { kind: 'lesson', id: positionals[1]! } : { kind: 'error', message: 'lesson takes one lesson id (k8s-svc-lab lessons lists them)' };
  if (cmd === 'check-lesson') return positionals.length === 2 ? { kind: 'check-lesson', file: positionals[1]! } : { kind: 'error', message: 'check-lesson takes one lesson file' };
  if (!isRun && values.lesson !== undefined) return { kind: 'error', message: '--lesson belongs to the run command' };
  if (!isSandbox && values.preset !== undefined) return { kind: 'error', message: '--preset belongs to the sandbox command' };
  const preset = (values.preset as string | undefined) ?? 'empty';
  if (!PRESET_NAMES.includes(preset)) return { kind: 'error', message: `--preset must be one of ${PRESET_NAMES.join(', ')}, not "${preset}"` };
  if (!isRun && !(isSandbox && positionals.length === 1) && positionals.length > 0) return { kind: 'error', message: isSandbox ? 'sandbox takes no arguments besides the cluster options' : `unknown command "${positionals[0]}"` };
  if (!isRun && values.echo) return { kind: 'error', message: '--echo belongs to the run command' };
  if (isRun && positionals.length > 2) return { kind: 'error', message: 'run takes one script file (or - for standard input)' };
  const nodes = toInt('nodes', values.nodes as string | undefined);
  const seed = toInt('seed', values.seed as string | undefined);
  for (const v of [nodes, seed]) if (typeof v === 'string') return { kind: 'error', message: v };
  const partial: Partial<ClusterConfig> = {};
  if (nodes !== undefined) partial.nodes = nodes as number;
  if (seed !== undefined) partial.seed = seed as number;
  if (values['service-cidr'] !== undefined) partial.serviceCIDR = values['service-cidr'] as string;
  if (values['pod-cidr'] !== undefined) partial.podCIDR = values['pod-cidr'] as string;
  if (values['node-port-range'] !== undefined) partial.nodePortRange = values['node-port-range'] as string;
  if (values['proxy-mode'] !== undefined) partial.proxyMode = values['proxy-mode'] as ProxyMode;
  if (values.cloud) partial.cloud = true;
  const resolved = resolveConfig(partial);
  if ('errors' in resolved) return { kind: 'error', message: resolved.errors.join('\nk8s-svc-lab: ') };
  if (isRun) return { kind: 'run', config: resolved.config, echo: Boolean(values.echo), file: positionals[1] ?? '-', ...(values.lesson !== undefined ? { lesson: values.lesson as string } : {}) };
  return isSandbox ? { kind: 'lab', config: resolved.config, preset } : { kind: 'menu', config: resolved.config };
}
