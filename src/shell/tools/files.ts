// coreutils file commands (cat.c, ls.c, mkdir.c, rm.c, touch.c) over the lab's in-memory files,
// with their exact error texts: cat/ls/rm/touch quote names 'like this' (shell-escape style),
// mkdir ‘like this’ (locale quotes). Permissions, owners and times are not modelled.
import type { CommandContext, CommandSpec } from '../types.js';
import { listDir, makeDir, readFile, removePath, resolvePath, statPath, writeFile } from '../fs.js';
import { getopt, has, usageError } from './opts.js';
import { plainError, readInputs } from './inputs.js';
import { columns, longRows, utf8Length, type LongRow } from './ls-format.js';

function runCat(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'nAEsuv' });
  if (!r.ok) return usageError(ctx, 'cat', r.error, 1);
  const { inputs, failed } = readInputs(ctx, r.operands, plainError('cat'));
  let text = inputs.map((i) => i.text).join('');
  if (has(r, 'n')) {
    const lines = text.split('\n');
    const last = lines.pop();
    text = lines.map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('') + (last ? `${String(lines.length + 1).padStart(6)}\t${last}` : '');
  }
  ctx.stdout(text);
  return failed ? 1 : 0;
}

function lsEntries(ctx: CommandContext, dir: string, all: boolean, almostAll: boolean): LongRow[] {
  const listed = listDir(ctx, dir);
  const names = listed.ok ? listed.names.filter((n) => all || almostAll || !n.startsWith('.')) : [];
  const abs = resolvePath(ctx.shell, dir);
  const base = all ? ['.', '..'] : [];
  return [...base, ...names].map((name) => {
    const e = name === '.' || name === '..' ? { type: 'dir' as const } : statPath(ctx, abs === '/' ? `/${name}` : `${abs}/${name}`);
    return { name, dir: e?.type !== 'file', size: e?.type === 'file' ? utf8Length(e.content) : 4096 };
  });
}

function printLs(ctx: CommandContext, rows: LongRow[], long: boolean, one: boolean): void {
  if (long) {
    const blocks = rows.reduce((n, r) => n + (r.dir ? 4 : Math.ceil(r.size / 4096) * 4), 0);
    ctx.stdout(`total ${blocks}\n`);
    for (const l of longRows(rows, ctx.sim.now)) ctx.stdout(l + '\n');
    return;
  }
  const names = rows.map((r) => r.name);
  const lines = one || !ctx.isatty ? names : columns(names);
  for (const l of lines) ctx.stdout(l + '\n');
}

function runLs(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'laA1htrRFG', long: { all: 'a', color: 'G', 'almost-all': 'A' } });
  if (!r.ok) return usageError(ctx, 'ls', r.error, 2);
  const long = has(r, 'l');
  const all = has(r, 'a');
  const targets = r.operands.length ? r.operands : ['.'];
  let status = 0;
  const files: LongRow[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const e = statPath(ctx, resolvePath(ctx.shell, t));
    if (!e) { ctx.stderr(`ls: cannot access '${t}': No such file or directory\n`); status = 2; continue; }
    if (e.type === 'file') files.push({ name: t, dir: false, size: utf8Length(e.content) });
    else dirs.push(t);
  }
  if (files.length) printLs(ctx, files, long, has(r, '1'));
  dirs.forEach((d, i) => {
    if (targets.length > 1) ctx.stdout(`${files.length || i > 0 ? '\n' : ''}${d}:\n`);
    printLs(ctx, lsEntries(ctx, d, all, has(r, 'A')), long, has(r, '1'));
  });
  return status;
}

function runMkdir(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'pv', long: { parents: 'p' } });
  if (!r.ok) return usageError(ctx, 'mkdir', r.error, 1);
  if (r.operands.length === 0) return usageError(ctx, 'mkdir', 'missing operand', 1);
  let status = 0;
  for (const d of r.operands) {
    const res = makeDir(ctx, d, has(r, 'p'));
    if (!res.ok) { ctx.stderr(`mkdir: cannot create directory ‘${d}’: ${res.error}\n`); status = 1; }
  }
  return status;
}

function runRm(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'rRfiv', long: { recursive: 'r', force: 'f' } });
  if (!r.ok) return usageError(ctx, 'rm', r.error, 1);
  const force = has(r, 'f');
  if (r.operands.length === 0) return force ? 0 : usageError(ctx, 'rm', 'missing operand', 1);
  let status = 0;
  for (const p of r.operands) {
    const e = statPath(ctx, resolvePath(ctx.shell, p));
    if (!e) { if (!force) { ctx.stderr(`rm: cannot remove '${p}': No such file or directory\n`); status = 1; } continue; }
    if (e.type === 'dir' && !has(r, 'r') && !has(r, 'R')) { ctx.stderr(`rm: cannot remove '${p}': Is a directory\n`); status = 1; continue; }
    const res = removePath(ctx, p);
    if (!res.ok) { ctx.stderr(`rm: cannot remove '${p}': Permission denied\n`); status = 1; }
  }
  return status;
}

function runTouch(ctx: CommandContext): number {
  const r = getopt(ctx.args, { flags: 'acm' });
  if (!r.ok) return usageError(ctx, 'touch', r.error, 1);
  if (r.operands.length === 0) return usageError(ctx, 'touch', 'missing file operand', 1);
  let status = 0;
  for (const f of r.operands) {
    if (readFile(ctx, f).ok || statPath(ctx, resolvePath(ctx.shell, f))?.type === 'dir') continue;
    const res = writeFile(ctx, f, '');
    if (!res.ok) { ctx.stderr(`touch: cannot touch '${f}': ${res.error}\n`); status = 1; }
  }
  return status;
}

/** cat, ls, mkdir, rm and touch. */
export const FILE_COMMANDS: CommandSpec[] = [
  { name: 'cat', usage: 'cat [-n] [FILE...]', summary: 'print files (or standard input)', where: 'any', group: 'files', run: runCat },
  { name: 'ls', usage: 'ls [-la1] [FILE...]', summary: 'list directory contents', where: 'any', group: 'files', run: runLs },
  { name: 'mkdir', usage: 'mkdir [-p] DIR...', summary: 'create directories', where: 'any', group: 'files', run: runMkdir },
  { name: 'rm', usage: 'rm [-rf] FILE...', summary: 'remove files or directories', where: 'any', group: 'files', run: runRm },
  { name: 'touch', usage: 'touch FILE...', summary: 'create empty files', where: 'any', group: 'files', run: runTouch },
];
