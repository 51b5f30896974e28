// bash's special and shell parameters (variables.c, subst.c param_expand): `$?`, `$$`, `$#`,
// `$0` and named variables, plus pathname expansion (glob.c) over the current host's files.
// Positional parameters are always empty: the lab's lines run outside any script arguments.
import { currentHost } from '../types.js';
import { getCwd, listDir } from '../fs.js';
import { globToRegExp, type Expander } from './expand.js';
import type { Sink } from './io.js';
import type { Exec } from './exec.js';

/** The pid `$$` reports: fixed, so output stays deterministic. */
const SHELL_PID = 4242;

/** An expander that remembers whether an expansion failed (the command then does not run). */
export type CommandExpander = Expander & { failed: boolean };

/** The expander for a command: variables of the shell, substitutions through `substitute`. */
export function expanderFor(ex: Exec, err: Sink, substitute: (src: string) => string): CommandExpander {
  const shell = ex.lab.shell;
  return {
    failed: false,
    fail(message) {
      this.failed = true;
      err.write(`${currentHost(shell).kind === 'pod' ? 'sh' : 'bash'}: ${message}\n`, 'error');
    },
    lookup(name) {
      switch (name) {
        case '?': return String(shell.lastStatus);
        case '$': return String(SHELL_PID);
        case '#': return '0';
        case '0': return currentHost(shell).kind === 'pod' ? 'sh' : 'bash';
        case 'PWD': return getCwd(shell);
        default: return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? shell.vars[name] : name.length === 1 ? '' : undefined;
      }
    },
    substitute,
    glob: (pattern) => globFiles(ex, pattern),
  };
}

/** The paths matching a glob whose wildcards are in its last component, as `ls *.yaml` sees them. */
export function globFiles(ex: Exec, pattern: string): string[] {
  const slash = pattern.lastIndexOf('/');
  const dir = slash < 0 ? '' : pattern.slice(0, slash + 1);
  const base = pattern.slice(slash + 1);
  if (/[*?[]/.test(dir)) return [];
  const listed = listDir(ex.lab, dir === '' ? '.' : dir);
  if (!listed.ok) return [];
  const re = globToRegExp(base);
  return listed.names.filter((n) => re.test(n) && (base.startsWith('.') || !n.startsWith('.'))).map((n) => dir + n);
}
