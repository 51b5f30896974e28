// A fresh shell: root on the control-plane node in /root, with the usual variables, and the
// in-memory file systems of the nodes seeded (other hosts' files are made on first visit).
import type { SimState } from '../sim/state.js';
import type { ShellState } from './types.js';
import { seedNodeFiles } from './hosts/files.js';

/** The most commands `history` keeps. */
export const HISTORY_LIMIT = 1000;

/** The shell state a fresh lab starts with. */
export function newShellState(sim: SimState): ShellState {
  return {
    hosts: [{ kind: 'node', node: 'controlplane' }],
    cwd: { 'node/controlplane': '/root' },
    vars: { HOME: '/root', USER: 'root', SHELL: '/bin/bash', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'controlplane' },
    exported: { HOME: true, USER: true, SHELL: true, PATH: true, HOSTNAME: true },
    files: { 'node/controlplane': seedNodeFiles(sim, 'controlplane') },
    history: [],
    lastStatus: 0,
  };
}
