// What the client network tools share: output as ordered chunks on stdout/stderr (a terminal shows
// them interleaved), the kernel's connect() errors as strerror(3) words them (glibc and musl agree
// on these four), and how a tool's own timer cuts an attempt short. Pure: no I/O, no clock.
import type { ConnectOutcome, ConnectResult } from '../../../sim/dataplane/types.js';

/** One write of a tool, on the descriptor it went to, in the order the tool wrote it. */
export interface Chunk {
  fd: 1 | 2;
  text: string;
}

/** What a formatter returns: the writes in order, the exit status, how long the tool blocked, and a file it saves (`-o`, `-O`). */
export interface ToolOutput {
  chunks: Chunk[];
  status: number;
  /** Simulated milliseconds the tool ran: the command advances the clock by this much. */
  elapsedMs: number;
  file?: { path: string; content: string };
}

/**
 * Linux gives up on an unanswered SYN after tcp_syn_retries=6 retransmissions (1+2+4+...+64 s,
 * 127 s in theory; 130-134 s is what curl reports in practice), then connect() fails with ETIMEDOUT.
 */
export const KERNEL_SYN_TIMEOUT_MS = 130_240;

/** Collects a tool's writes in order. */
export class Output {
  readonly chunks: Chunk[] = [];
  /** Writes to standard output. */
  out(text: string): this {
    return this.write(1, text);
  }
  /** Writes to standard error. */
  err(text: string): this {
    return this.write(2, text);
  }
  /** Ends with an exit status, the time the tool ran and the file it saved, if any. */
  done(status: number, elapsedMs: number, file?: ToolOutput['file']): ToolOutput {
    return { chunks: collapseCarriageReturns(this.chunks), status, elapsedMs, ...(file ? { file } : {}) };
  }
  private write(fd: 1 | 2, text: string): this {
    if (text === '') return this;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.fd === fd) last.text += text;
    else this.chunks.push({ fd, text });
    return this;
  }
}

/** strerror(3) of the errno a failed connect() leaves. */
export function connectErrno(outcome: Exclude<ConnectOutcome, 'connected'>): string {
  switch (outcome) {
    case 'refused': return 'Connection refused';
    case 'timeout': return 'Connection timed out';
    case 'unreachable': return 'No route to host';
    case 'no-route': return 'Network is unreachable';
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** How an attempt ended as the tool saw it: `byTool` when the tool's own timer fired before the kernel answered. */
export interface AttemptEnd {
  outcome: ConnectOutcome;
  byTool: boolean;
  elapsedMs: number;
}

/** The connect() timeout to ask the dataplane for: the tool's limit when it is shorter than the kernel's. */
export function connectLimit(toolLimitMs: number | undefined): number {
  return toolLimitMs !== undefined && toolLimitMs < KERNEL_SYN_TIMEOUT_MS ? toolLimitMs : KERNEL_SYN_TIMEOUT_MS;
}

/** Applies the tool's timer to a dataplane result: a failure that took longer than the limit is the tool's timeout. */
export function attemptEnd(result: ConnectResult, toolLimitMs: number | undefined): AttemptEnd {
  const limit = connectLimit(toolLimitMs);
  const toolFires = toolLimitMs !== undefined && limit === toolLimitMs;
  if (result.outcome !== 'connected' && toolFires && result.elapsedMs >= limit) return { outcome: 'timeout', byTool: true, elapsedMs: limit };
  return { outcome: result.outcome, byTool: false, elapsedMs: result.elapsedMs };
}

/** Seconds as tools take them (`5`, `0.5`) → milliseconds; undefined when not a non-negative number. */
export function secondsToMs(text: string): number | undefined {
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Math.round(Number(text) * 1000);
}

/** What a terminal shows of stderr text holding `\r` (progress meters): each `\r` overwrites the line from column 0. */
export function collapseCarriageReturns(chunks: Chunk[]): Chunk[] {
  if (!chunks.some((c) => c.text.includes('\r'))) return chunks;
  const out: Chunk[] = [];
  let pending = '';
  for (const c of chunks) {
    if (c.fd === 1) {
      out.push(c);
      continue;
    }
    pending += c.text;
    const nl = pending.lastIndexOf('\n');
    if (nl < 0) continue;
    out.push({ fd: 2, text: pending.slice(0, nl + 1).split('\n').map(overwrite).join('\n') });
    pending = pending.slice(nl + 1);
  }
  if (pending) out.push({ fd: 2, text: overwrite(pending) });
  return out;
}

function overwrite(line: string): string {
  let shown = '';
  for (const seg of line.split('\r')) shown = seg + shown.slice(seg.length);
  return shown;
}
