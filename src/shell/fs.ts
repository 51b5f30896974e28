// The lab's file systems: one in-memory tree per host (a node's disk, a container's root fs),
// with path resolution as the kernel does it (`.`, `..`, `~`) and errno texts as strerror gives
// them. On controlplane the learner's real working directory shows through at /root, read-only.
import { currentHost, hostKey, type CommandContext, type FileEntry, type ShellState } from './types.js';

/** What file operations need: the shell state and the app's window on real files. */
export type FsCtx = Pick<CommandContext, 'shell' | 'host'>;

/** A failed file operation: strerror's text, e.g. "No such file or directory". */
export type FsError = 'No such file or directory' | 'Is a directory' | 'Not a directory' | 'File exists' | 'Directory not empty';

/** The result of reading a file. */
export type ReadResult = { ok: true; content: string } | { ok: false; error: FsError };

/** The result of an operation that returns nothing. */
export type FsResult = { ok: true } | { ok: false; error: FsError };

const BASE_DIRS = ['/', '/tmp', '/root', '/etc', '/var'];

/** The file table of the current host, created with the base directories on first use. */
export function hostFiles(shell: ShellState): Record<string, FileEntry> {
  const key = hostKey(currentHost(shell));
  shell.files[key] ??= Object.fromEntries(BASE_DIRS.map((d) => [d, { type: 'dir' } as FileEntry]));
  return shell.files[key];
}

/** The working directory of the current host (/root on nodes, / in containers). */
export function getCwd(shell: ShellState): string {
  const h = currentHost(shell);
  return shell.cwd[hostKey(h)] ?? (h.kind === 'node' ? '/root' : '/');
}

/** Sets the working directory of the current host. */
export function setCwd(shell: ShellState, dir: string): void {
  shell.cwd[hostKey(currentHost(shell))] = dir;
}

/** Resolves a path against the cwd, expanding a leading `~` and folding `.` and `..`. */
export function resolvePath(shell: ShellState, path: string): string {
  const home = shell.vars['HOME'] ?? '/root';
  let p = path === '~' ? home : path.startsWith('~/') ? home + path.slice(1) : path;
  if (!p.startsWith('/')) p = `${getCwd(shell)}/${p}`;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

function parentOf(abs: string): string {
  const i = abs.lastIndexOf('/');
  return i <= 0 ? '/' : abs.slice(0, i);
}

function realName(abs: string): string {
  return abs === '/root' ? '.' : abs.startsWith('/root/') ? abs.slice(6) : abs;
}

function onControlplane(ctx: FsCtx): boolean {
  const h = currentHost(ctx.shell);
  return h.kind === 'node' && h.node === 'controlplane';
}

/** What is at an absolute path: the lab's entry, else (on controlplane) the real file or directory. */
export function statPath(ctx: FsCtx, abs: string): FileEntry | undefined {
  const e = hostFiles(ctx.shell)[abs];
  if (e || !onControlplane(ctx)) return e;
  if (ctx.host.listRealDir?.(realName(abs)) !== undefined) return { type: 'dir' };
  const content = ctx.host.readRealFile?.(realName(abs));
  return content === undefined ? undefined : { type: 'file', content };
}

/** Why a path's parent cannot hold it, or undefined when the parent is a directory. */
function parentError(ctx: FsCtx, abs: string): FsError | undefined {
  const parent = statPath(ctx, parentOf(abs));
  if (!parent) return 'No such file or directory';
  return parent.type === 'dir' ? undefined : 'Not a directory';
}

/** Reads a file of the current host (`path` as typed, relative to the cwd). */
export function readFile(ctx: FsCtx, path: string): ReadResult {
  const e = statPath(ctx, resolvePath(ctx.shell, path));
  if (!e) return { ok: false, error: 'No such file or directory' };
  if (e.type === 'dir') return { ok: false, error: 'Is a directory' };
  return { ok: true, content: e.content };
}

/** Writes (or appends to) a file of the current host; never touches real files. */
export function writeFile(ctx: FsCtx, path: string, content: string, append = false): FsResult {
  const abs = resolvePath(ctx.shell, path);
  const old = statPath(ctx, abs);
  if (old?.type === 'dir') return { ok: false, error: 'Is a directory' };
  const perr = parentError(ctx, abs);
  if (perr) return { ok: false, error: perr };
  const prev = append && old ? old.content : '';
  hostFiles(ctx.shell)[abs] = { type: 'file', content: prev + content };
  return { ok: true };
}

/** The names in a directory, sorted as `ls` sorts them in the C locale. */
export function listDir(ctx: FsCtx, path: string): { ok: true; names: string[] } | { ok: false; error: FsError } {
  const abs = resolvePath(ctx.shell, path);
  const e = statPath(ctx, abs);
  if (!e) return { ok: false, error: 'No such file or directory' };
  if (e.type === 'file') return { ok: false, error: 'Not a directory' };
  const prefix = abs === '/' ? '/' : abs + '/';
  const names = new Set<string>();
  for (const p of Object.keys(hostFiles(ctx.shell))) {
    if (p.startsWith(prefix) && p !== abs && !p.slice(prefix.length).includes('/')) names.add(p.slice(prefix.length));
  }
  if (onControlplane(ctx)) for (const n of ctx.host.listRealDir?.(realName(abs)) ?? []) names.add(n);
  return { ok: true, names: [...names].sort() };
}

/** Creates a directory (with `parents`, every missing ancestor, and no error when it exists). */
export function makeDir(ctx: FsCtx, path: string, parents: boolean): FsResult {
  const abs = resolvePath(ctx.shell, path);
  const e = statPath(ctx, abs);
  if (e) return parents && e.type === 'dir' ? { ok: true } : { ok: false, error: 'File exists' };
  if (parents && abs !== '/') {
    const r = makeDir(ctx, parentOf(abs), true);
    if (!r.ok) return r;
  }
  const perr = parentError(ctx, abs);
  if (perr) return { ok: false, error: perr };
  hostFiles(ctx.shell)[abs] = { type: 'dir' };
  return { ok: true };
}

/** Removes a file, or a directory and everything under it; real files only vanish from the lab's view if lab-made. */
export function removePath(ctx: FsCtx, path: string): FsResult {
  const abs = resolvePath(ctx.shell, path);
  const files = hostFiles(ctx.shell);
  if (!files[abs]) return { ok: false, error: statPath(ctx, abs) ? 'Is a directory' : 'No such file or directory' };
  for (const p of Object.keys(files)) if (p === abs || p.startsWith(abs + '/')) delete files[p];
  return { ok: true };
}
