// The one command table of the lab's shell: every command with its usage, summary, where it
// exists and how it completes. `help`, Tab completion and lesson restrictions all derive from it.
import type { CommandSpec } from './types.js';
import { SHELL_COMMANDS } from './tools/index.js';
import { HOST_COMMANDS } from './hosts/index.js';
import { KUBECTL_COMMAND } from './kubectl/index.js';
import { NODE_TOOL_COMMANDS } from './node-tools/index.js';

/** Every command, in `help` order. */
export function commandTable(): CommandSpec[] {
  return [...SHELL_COMMANDS, ...HOST_COMMANDS, KUBECTL_COMMAND, ...NODE_TOOL_COMMANDS];
}

/** Finds a command by name or alias. */
export function findCommand(name: string): CommandSpec | undefined {
  return commandTable().find((c) => c.name === name || c.aliases?.includes(name));
}
