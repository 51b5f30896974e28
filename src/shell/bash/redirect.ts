// bash's redirections (redir.c do_redirection_internal): applied left to right to a copy of the
// command's descriptors, with bash's texts for a missing file or an ambiguous target. Files are
// truncated when opened, as `> f` does even when the command then fails.
import { expandFields, expandString, type Expander } from './expand.js';
import { BufferSink, NULL_SINK, type Fds, type OpenFile, type Sink } from './io.js';
import type { Redir } from './parser.js';
import { readFile, resolvePath, writeFile } from '../fs.js';
import type { Exec } from './exec.js';

/** The descriptors after redirection and the files to write back, or failure (already reported). */
export type Redirected = { ok: true; fds: Fds; files: OpenFile[] } | { ok: false };

/** Applies a command's redirections in order to its inherited descriptors. */
export function applyRedirs(ex: Exec, xp: Expander, redirs: Redir[], inherited: Fds): Redirected {
  const fds: Fds = { ...inherited };
  const files: OpenFile[] = [];
  for (const r of redirs) {
    const err = applyOne(ex, xp, r, fds, files);
    if (err) {
      fds.err.write(`${shellName(ex)}: ${err}\n`, 'error');
      commitFiles(ex, files);
      return { ok: false };
    }
  }
  return { ok: true, fds, files };
}

function shellName(ex: Exec): string {
  const h = ex.lab.shell.hosts[ex.lab.shell.hosts.length - 1];
  return h?.kind === 'pod' && h.shell !== 'bash' ? 'sh' : 'bash';
}

function applyOne(ex: Exec, xp: Expander, r: Redir, fds: Fds, files: OpenFile[]): string | undefined {
  if (r.fd === 0) fds.input = undefined;
  if (r.op === '<<') {
    if (r.fd === 0) fds.stdin = r.here.quoted ? r.here.body : expandString(xp, r.here.body);
    return undefined;
  }
  const fields = expandFields(xp, r.target);
  if (fields.length !== 1) return `${r.target.raw}: ambiguous redirect`;
  const target = fields[0]!;
  switch (r.op) {
    case '<<<': fds.stdin = target + '\n'; return undefined;
    case '<': return readInto(ex, target, fds);
    case '>&':
      if (/^[0-9]$/.test(target) || target === '-') return dup(fds, r.fd, target);
      return openOut(ex, target, false, fds, files, [1, 2]);
    case '>': case '>>': return openOut(ex, target, r.op === '>>', fds, files, [r.fd]);
    case '&>': case '&>>': return openOut(ex, target, r.op === '&>>', fds, files, [1, 2]);
    default: { const never: never = r; return never; }
  }
}

function readInto(ex: Exec, target: string, fds: Fds): string | undefined {
  if (target === '/dev/null') { fds.stdin = ''; return undefined; }
  const r = readFile(ex.lab, target);
  if (!r.ok) return `${target}: ${r.error}`;
  fds.stdin = r.content;
  return undefined;
}

function dup(fds: Fds, fd: number, target: string): string | undefined {
  const src: Sink = target === '-' ? NULL_SINK : target === '1' ? fds.out : target === '2' ? fds.err : NULL_SINK;
  if (target !== '-' && target !== '1' && target !== '2') return `${target}: Bad file descriptor`;
  if (fd === 1) fds.out = src;
  else if (fd === 2) fds.err = src;
  return undefined;
}

function openOut(ex: Exec, target: string, append: boolean, fds: Fds, files: OpenFile[], to: number[]): string | undefined {
  let sink: Sink;
  if (target === '/dev/null') sink = NULL_SINK;
  else if (target === '/dev/stdout') sink = fds.out;
  else if (target === '/dev/stderr') sink = fds.err;
  else {
    const w = writeFile(ex.lab, target, '', append);
    if (!w.ok) return `${target}: ${w.error}`;
    const buf = new BufferSink();
    files.push({ path: resolvePath(ex.lab.shell, target), append: true, sink: buf });
    sink = buf;
  }
  for (const fd of to) {
    if (fd === 1) fds.out = sink;
    else if (fd === 2) fds.err = sink;
  }
  return undefined;
}

/** Writes what a command sent to its redirected files back into the lab's files. */
export function commitFiles(ex: Exec, files: OpenFile[]): void {
  for (const f of files) if (f.sink.text) writeFile(ex.lab, f.path, f.sink.text, f.append);
}
