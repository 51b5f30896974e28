// Placeholder until the shell's own commands land.
import type { CommandSpec } from '../types.js';

/** The shell builtins, text tools and file commands. */
export const SHELL_COMMANDS: CommandSpec[] = [];
