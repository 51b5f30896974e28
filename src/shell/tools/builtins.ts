// bash's builtins that change or show the shell itself (builtins/echo.def, cd.def,
// setattr.def for export, set.def for unset, history.def) and coreutils env/printenv/true/false.
// `cd -P`/`-L` and `export -f` are not modelled: the lab has no symlinks or shell functions.
import { currentHost, type CommandContext, type CommandSpec } from '../types.js';
import { getCwd, resolvePath, setCwd, statPath } from '../fs.js';
import { findCommand } from '../command-table.js';

/** Interprets echo -e's backslash escapes; `\c` ends output (reported by `stop`). */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\' };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const n = s[i + 1];
    if (c !== '\\' || n === undefined) { out += c; continue; }
    if (n === 'c') return { text: out, stop: true };
    if (map[n] !== undefined) { out += map[n]; i++; continue; }
    const oct = n === '0' ? /^0[0-7]{0,3}/.exec(s.slice(i + 1)) : null;
    const hex = n === 'x' ? /^x[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1)) : null;
    if (oct) { out += String.fromCharCode(parseInt(oct[0].slice(1) || '0', 8)); i += oct[0].length; continue; }
    if (hex) { out += String.fromCharCode(parseInt(hex[0].slice(1), 16)); i += hex[0].length; continue; }
    out += c;
  }
  return { text: out, stop: false };
}

function runEcho(ctx: CommandContext): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < ctx.args.length && /^-[neE]+$/.test(ctx.args[i]!); i++) {
    for (const c of ctx.args[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = ctx.args.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.stdout(newline ? text + '\n' : text);
  return 0;
}

function runCd(ctx: CommandContext): number {
  const args = ctx.args.filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) { ctx.stderr('bash: cd: too many arguments\n'); return 1; }
  const v = ctx.shell.vars;
  let dir = args[0] ?? v['HOME'];
  if (dir === undefined) { ctx.stderr('bash: cd: HOME not set\n'); return 1; }
  if (dir === '-') {
    if (v['OLDPWD'] === undefined) { ctx.stderr('bash: cd: OLDPWD not set\n'); return 1; }
    dir = v['OLDPWD'];
    ctx.stdout(dir + '\n');
  }
  if (dir === '') return 0;
  const abs = resolvePath(ctx.shell, dir);
  const e = statPath(ctx, abs);
  if (!e || e.type !== 'dir') {
    const why = e ? 'Not a directory' : 'No such file or directory';
    const h = currentHost(ctx.shell);
    ctx.stderr(h.kind === 'pod' && h.shell !== 'bash' ? `sh: cd: can't cd to ${dir}: ${why}\n` : `bash: cd: ${dir}: ${why}\n`);
    return 1;
  }
  v['OLDPWD'] = getCwd(ctx.shell);
  setCwd(ctx.shell, abs);
  v['PWD'] = abs;
  return 0;
}

function runExport(ctx: CommandContext): number {
  const args = ctx.args.filter((a) => a !== '-p' && a !== '-n');
  if (args.length === 0) {
    for (const k of Object.keys(ctx.shell.exported).sort()) {
      const val = ctx.shell.vars[k];
      ctx.stdout(val === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${val.replace(/(["\\$`])/g, '\\$1')}"\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
    if (!m) { ctx.stderr(`bash: export: \`${a}': not a valid identifier\n`); status = 1; continue; }
    if (m[2] !== undefined) ctx.shell.vars[m[1]!] = m[2];
    ctx.shell.exported[m[1]!] = true;
  }
  return status;
}

function runUnset(ctx: CommandContext): number {
  for (const a of ctx.args.filter((x) => x !== '-v')) {
    delete ctx.shell.vars[a];
    delete ctx.shell.exported[a];
  }
  return 0;
}

function runEnv(ctx: CommandContext): number {
  const names = Object.keys(ctx.shell.vars).filter((k) => ctx.shell.exported[k]);
  if (ctx.args.length === 0) {
    for (const k of names) ctx.stdout(`${k}=${ctx.shell.vars[k]}\n`);
    return 0;
  }
  let status = 0;
  for (const a of ctx.args) {
    const v = ctx.shell.exported[a] ? ctx.shell.vars[a] : undefined;
    if (v === undefined) status = 1;
    else ctx.stdout(v + '\n');
  }
  return status;
}

function runHistory(ctx: CommandContext): number {
  const h = ctx.shell.history;
  const n = ctx.args[0] !== undefined && /^\d+$/.test(ctx.args[0]) ? Number(ctx.args[0]) : h.length;
  const from = Math.max(0, h.length - n);
  h.slice(from).forEach((line, i) => ctx.stdout(`${String(from + i + 1).padStart(5)}  ${line}\n`));
  return 0;
}

/** Text without its trailing spaces and tabs (a loop: /[ \t]+$/ backtracks over every inner run of blanks). */
function trimBlanksEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}

function runRead(ctx: CommandContext): number {
  const raw = ctx.args.includes('-r');
  const names = ctx.args.filter((a) => !a.startsWith('-'));
  let line = ctx.readLine?.();
  if (line === undefined) return 1;
  while (!raw && /(^|[^\\])(\\\\)*\\\n$/.test(line)) line = line.slice(0, -2) + (ctx.readLine?.() ?? '');
  const complete = line.endsWith('\n');
  let text = line.replace(/\n$/, '');
  if (!raw) text = text.replace(/\\(.)/g, '$1');
  const targets = names.length ? names : ['REPLY'];
  let rest = names.length ? text.replace(/^[ \t]+/, '') : text;
  targets.forEach((name, i) => {
    if (i === targets.length - 1) { ctx.shell.vars[name] = names.length ? trimBlanksEnd(rest) : rest; return; }
    const m = /^(\S*)[ \t]*/.exec(rest)!;
    ctx.shell.vars[name] = m[1]!;
    rest = rest.slice(m[0].length);
  });
  return complete ? 0 : 1;
}

/** Commands bash itself implements, which `type` reports as builtins. */
const SHELL_BUILTINS = new Set(['echo', 'cd', 'pwd', 'export', 'unset', 'read', 'true', 'false', ':', 'test', '[', 'history', 'help', 'printf', 'exit', 'type']);

/** Builtins with no program on disk, so `which` finds nothing for them. */
const BUILTIN_ONLY = new Set(['cd', 'export', 'unset', 'read', ':', 'history', 'help', 'exit', 'type']);

function runWhich(ctx: CommandContext, type: boolean): number {
  let status = 0;
  const h = currentHost(ctx.shell);
  for (const name of ctx.args.filter((a) => !a.startsWith('-'))) {
    const spec = findCommand(name);
    const known = spec !== undefined && (spec.where === 'any' || spec.where === h.kind);
    if (!known || (!type && BUILTIN_ONLY.has(name))) {
      if (type) ctx.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
      continue;
    }
    if (!type) ctx.stdout(`/usr/bin/${name}\n`);
    else ctx.stdout(SHELL_BUILTINS.has(name) ? `${name} is a shell builtin\n` : `${name} is /usr/bin/${name}\n`);
  }
  return status;
}

/** The shell's own builtins. */
export const BUILTIN_COMMANDS: CommandSpec[] = [
  { name: 'echo', usage: 'echo [-neE] [ARG ...]', summary: 'write arguments to standard output', where: 'any', group: 'shell', run: runEcho },
  { name: 'cd', usage: 'cd [DIR]', summary: 'change the working directory (~ by default, - for the previous one)', where: 'any', group: 'shell', run: runCd },
  { name: 'pwd', usage: 'pwd', summary: 'print the working directory', where: 'any', group: 'shell', run: (ctx) => { ctx.stdout(getCwd(ctx.shell) + '\n'); return 0; } },
  { name: 'export', usage: 'export [NAME[=VALUE] ...]', summary: 'set variables and mark them for the environment of commands', where: 'any', group: 'shell', run: runExport },
  { name: 'unset', usage: 'unset NAME ...', summary: 'remove variables', where: 'any', group: 'shell', run: runUnset },
  { name: 'env', usage: 'env', summary: 'print the environment', where: 'any', group: 'shell', run: (ctx) => runEnv({ ...ctx, args: [] }) },
  { name: 'printenv', usage: 'printenv [NAME ...]', summary: 'print all or part of the environment', where: 'any', group: 'shell', run: runEnv },
  { name: 'true', aliases: [':'], usage: 'true', summary: 'do nothing, successfully', where: 'any', group: 'shell', run: () => 0 },
  { name: 'false', usage: 'false', summary: 'do nothing, unsuccessfully', where: 'any', group: 'shell', run: () => 1 },
  { name: 'read', usage: 'read [-r] [NAME...]', summary: 'read a line of standard input into variables', where: 'any', group: 'shell', run: runRead },
  { name: 'which', usage: 'which COMMAND...', summary: 'show where a command lives', where: 'any', group: 'shell', run: (ctx) => runWhich(ctx, false) },
  { name: 'type', usage: 'type NAME...', summary: 'tell whether a name is a builtin or a program', where: 'any', group: 'shell', run: (ctx) => runWhich(ctx, true) },
  { name: 'history', usage: 'history [N]', summary: 'list the commands entered so far', where: 'any', group: 'shell', run: runHistory },
  { name: 'clear', usage: 'clear', summary: 'clear the terminal screen', where: 'any', group: 'shell', run: (ctx) => { ctx.signal?.('clear'); return 0; } },
];
