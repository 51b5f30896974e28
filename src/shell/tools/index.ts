// The shell's own commands for the one command table: bash builtins, coreutils file and text
// tools, grep, awk, and the commands that run other commands (watch, xargs). Each lives in its
// own module named after the real tool; this module only gathers them in `help` order.
import type { CommandSpec } from '../types.js';
import { BUILTIN_COMMANDS } from './builtins.js';
import { TEST_COMMANDS } from './test-cmd.js';
import { CONTROL_COMMANDS } from './control.js';
import { FILE_COMMANDS } from './files.js';
import { GREP_COMMAND } from './grep.js';
import { HEAD_TAIL_COMMANDS } from './headtail.js';
import { WC_COMMAND } from './wc.js';
import { SORT_COMMANDS } from './sort.js';
import { CUT_TR_COMMANDS } from './cut-tr.js';
import { SED_COMMAND } from './sed.js';
import { PROXY_MODE_COMMAND } from './proxy-mode.js';
import { FAULT_COMMAND } from './fault.js';
import { AWK_COMMAND } from './awk.js';
import { PRINTF_COMMAND } from './printf.js';
import { SEQ_COMMAND } from './seq.js';

/** The shell builtins, text tools and file commands. */
export const SHELL_COMMANDS: CommandSpec[] = [
  ...BUILTIN_COMMANDS, PRINTF_COMMAND, ...TEST_COMMANDS, ...CONTROL_COMMANDS, ...FILE_COMMANDS,
  GREP_COMMAND, ...HEAD_TAIL_COMMANDS, WC_COMMAND, ...SORT_COMMANDS, ...CUT_TR_COMMANDS, SED_COMMAND, AWK_COMMAND, SEQ_COMMAND,
  PROXY_MODE_COMMAND, FAULT_COMMAND,
];
