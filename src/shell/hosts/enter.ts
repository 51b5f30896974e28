// Moving the prompt between hosts: `ssh node01` pushes a node, `kubectl exec -it` a container,
// `exit` pops. A host's files are laid down the first time the learner arrives there.
import type { SimState } from '../../sim/state.js';
import { hostKey, type Host, type ShellState } from '../types.js';
import { seedNodeFiles, seedPodFiles } from './files.js';

/** Pushes a host onto the prompt's stack, seeding its files on the first visit. */
export function enterHost(sim: SimState, shell: ShellState, host: Host): void {
  const key = hostKey(host);
  if (!shell.files[key]) {
    shell.files[key] = host.kind === 'node' ? seedNodeFiles(sim, host.node) : seedPodFiles(sim, host.namespace, host.pod);
  }
  shell.hosts.push(host);
}
