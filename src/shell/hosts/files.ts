// Placeholder until the node file systems land: the directories every lab host starts with.
import type { SimState } from '../../sim/state.js';
import type { FileEntry } from '../types.js';

/** The initial in-memory files of a host, by absolute path. */
export function seedNodeFiles(_sim: SimState, _node: string): Record<string, FileEntry> {
  const dirs = ['/', '/root', '/etc', '/tmp', '/var', '/var/log'];
  return Object.fromEntries(dirs.map((d) => [d, { type: 'dir' } as FileEntry]));
}
