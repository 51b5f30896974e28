// Placeholder until the host commands land.
import type { CommandSpec } from '../types.js';

/** ssh, exit, hostname, ip, ps, minikube and friends. */
export const HOST_COMMANDS: CommandSpec[] = [];
