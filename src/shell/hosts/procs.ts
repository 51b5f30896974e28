// `ps aux` (procps) on a node: systemd, containerd, the kubelet, and the containers the kubelet
// runs there — on controlplane the control-plane processes with the flags kubeadm gave them;
// inside a container, its own process as PID 1. Times and sizes are plausible, not measured.
import type { SimState } from '../../sim/state.js';
import type { Pod } from '../../sim/types.js';
import { getStored, listByIndex } from '../../sim/api-server/store.js';
import type { Host } from '../types.js';

const HEADER = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';

function row(pid: number, cpu: string, mem: string, vsz: number, rss: number, stat: string, time: string, cmd: string): string {
  return `root    ${String(pid).padStart(8)} ${cpu.padStart(4)} ${mem.padStart(4)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ?        ${stat.padEnd(4)} Jan05 ${time.padStart(6)} ${cmd}`;
}

/** The processes of a container's main process line. */
function containerCommand(pod: Pod): string {
  const c = pod.spec.containers[0];
  const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
  if (argv.length) return argv.join(' ');
  const image = c?.image ?? '';
  if (image.includes('nginx')) return 'nginx: master process nginx -g daemon off;';
  return image.split('/').pop()!.split(':')[0]!;
}

/** `ps aux` on the current host. */
export function psAux(sim: SimState, host: Host): string {
  if (host.kind === 'pod') {
    const pod = getStored<Pod>(sim, 'pods', `${host.namespace}/${host.pod}`);
    return `PID   USER     TIME  COMMAND\n    1 root      0:00 ${pod ? containerCommand(pod) : 'sh'}\n`;
  }
  const rows = [HEADER,
    row(1, '0.0', '0.3', 167876, 13100, 'Ss', '0:12', '/sbin/init'),
    row(612, '0.9', '1.6', 1877664, 66204, 'Ssl', '98:41', '/usr/bin/containerd'),
    row(845, '1.9', '2.4', 2021988, 98220, 'Ssl', '201:07', '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10.1')];
  let pid = 1200;
  for (const pod of listByIndex<Pod>(sim, 'pods', 'node', host.node)) {
    if (pod.status?.phase !== 'Running') continue;
    pid += 37;
    const cmd = containerCommand(pod);
    rows.push(row(pid, '0.1', '0.4', 747036, 17024, 'Ssl', '1:02', cmd.replace('$(NODE_NAME)', host.node)));
  }
  return `${rows.join('\n')}\n`;
}
