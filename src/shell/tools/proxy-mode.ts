// `proxy-mode MODE`: the lab's shortcut for switching kube-proxy's mode, which runs — and shows —
// exactly the commands an administrator would: edit the kube-proxy ConfigMap's `mode`, restart the
// DaemonSet's pods, wait for the rollout. The new proxiers read the mode at start.
import type { CommandContext, CommandSpec } from '../types.js';
import { SIMULATED_PROXY_MODES, simulatedModesText } from '../../sim/config.js';

const STEPS = (mode: string): string[] => [
  `kubectl -n kube-system get configmap kube-proxy -o yaml | sed -E 's/^(    mode: ).*$/\\1"${mode}"/' | kubectl apply -f -`,
  'kubectl -n kube-system rollout restart daemonset kube-proxy',
  'kubectl -n kube-system rollout status daemonset kube-proxy',
];

function runProxyMode(ctx: CommandContext): number {
  const mode = ctx.args[0];
  if (!mode || ctx.args.length > 1) {
    ctx.stderr(`usage: proxy-mode ${SIMULATED_PROXY_MODES.join('|')}\n`);
    return 2;
  }
  if (!(SIMULATED_PROXY_MODES as readonly string[]).includes(mode)) {
    ctx.stderr(`proxy-mode: "${mode}" is not a mode this lab simulates; choose ${simulatedModesText()}\n`);
    return 2;
  }
  for (const step of STEPS(mode)) {
    ctx.stdout(`+ ${step}\n`);
    const r = ctx.runNested(step);
    ctx.stdout(r.stdout);
    if (r.status !== 0) return r.status;
  }
  return 0;
}

/** The proxy-mode shortcut. */
export const PROXY_MODE_COMMAND: CommandSpec = {
  name: 'proxy-mode',
  usage: `proxy-mode ${SIMULATED_PROXY_MODES.join('|')}`,
  summary: "switch kube-proxy's mode the real way (edit its ConfigMap, restart its pods), showing each command it runs",
  where: 'node',
  group: 'lab',
  run: runProxyMode,
};
