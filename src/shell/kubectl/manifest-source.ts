// Where `kubectl -f PATH` reads from (cli-runtime resource.FileVisitor / ExpandPathsToFileVisitors):
// the current host's files through the bash layer's file system (src/shell/fs.ts), which falls back
// to the learner's real files on the control plane. The one place kubectl touches files.
import { listDir, readFile, resolvePath, statPath } from '../fs.js';
import type { CommandContext } from '../types.js';

/** What a path names: a file's text, a directory's entries (full paths), or nothing. */
export type SourceEntry = { type: 'file'; text: string } | { type: 'dir'; paths: string[] } | { type: 'missing' };

/** The absolute form of a path relative to the current host's working directory. */
export function absolutePath(ctx: Pick<CommandContext, 'shell'>, path: string): string {
  return resolvePath(ctx.shell, path);
}

/** Reads a path for `-f`: a file's text, or a directory's entries as `<path>/<name>`. */
export function readSource(ctx: Pick<CommandContext, 'shell' | 'host'>, path: string): SourceEntry {
  const entry = statPath(ctx, resolvePath(ctx.shell, path));
  if (!entry) return { type: 'missing' };
  if (entry.type === 'dir') {
    const listed = listDir(ctx, path);
    const base = path.replace(/\/+$/, '');
    return { type: 'dir', paths: listed.ok ? listed.names.map((n) => `${base}/${n}`) : [] };
  }
  const read = readFile(ctx, path);
  return read.ok ? { type: 'file', text: read.content } : { type: 'missing' };
}
