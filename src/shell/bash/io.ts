// File descriptors of a running command (bash redir.c do_redirection_internal): the terminal,
// a pipe or command-substitution buffer, a file, /dev/null. Redirections are applied left to
// right, so `>f 2>&1` sends both streams to f and `2>&1 >f` only stdout.
import type { OutLine, Tone } from '../types.js';

/** The most one command may write to one stream before the lab cuts it off. */
export const OUTPUT_LIMIT = 1024 * 1024;

/** The most one command line may show on one terminal stream, all its commands together. */
export const TERMINAL_LIMIT = 4 * OUTPUT_LIMIT;

/** Somewhere a stream goes. */
export interface Sink {
  write(text: string, tone: Tone): void;
  truncated: boolean;
  /** True once the sink takes nothing more: a pipe buffer that was cut off, or the line's terminal budget spent. */
  readonly full?: boolean;
}

/** The terminal pane: text becomes lines, a partial line waits for the rest or for flush. */
export class TermSink implements Sink {
  truncated = false;
  private partial = '';
  private written = 0;
  private shown = 0;
  constructor(private readonly out: OutLine[], private readonly stream: 'stdout' | 'stderr', private tone: Tone = 'plain') {}
  /** True once this line has shown TERMINAL_LIMIT on the stream. */
  get full(): boolean {
    return this.shown >= TERMINAL_LIMIT;
  }
  /** Appends text, emitting every completed line. */
  write(text: string, tone: Tone): void {
    if (this.full) return;
    if (this.written + text.length > OUTPUT_LIMIT) {
      text = text.slice(0, Math.max(0, OUTPUT_LIMIT - this.written));
      this.truncated = true;
    }
    if (this.shown + text.length >= TERMINAL_LIMIT) text = text.slice(0, TERMINAL_LIMIT - this.shown);
    this.written += text.length;
    this.shown += text.length;
    this.tone = tone;
    // Only the new text is split: a long partial line is joined to, never scanned again.
    const lines = text.split('\n');
    this.partial += lines.shift()!;
    if (lines.length > 0) {
      this.out.push({ text: this.partial, tone, stream: this.stream });
      this.partial = lines.pop()!;
    }
    for (const l of lines) this.out.push({ text: l, tone, stream: this.stream });
    if (this.full) {
      this.flush();
      this.out.push({ text: `k8s-svc-lab: output of this line cut off at ${TERMINAL_LIMIT / OUTPUT_LIMIT} MB`, tone: 'warning', stream: 'stderr' });
    }
  }
  /** Emits a pending partial line. */
  flush(): void {
    if (this.partial) this.out.push({ text: this.partial, tone: this.tone, stream: this.stream });
    this.partial = '';
  }
  /** Starts a new command's output budget. */
  newCommand(): void {
    this.written = 0;
    this.truncated = false;
  }
}

/** A buffer: a pipe to the next stage, a command substitution, or a file being written. */
export class BufferSink implements Sink {
  truncated = false;
  text = '';
  /** A buffer is full once it was cut off. */
  get full(): boolean {
    return this.truncated;
  }
  /** Appends text up to the output limit. */
  write(text: string): void {
    if (this.text.length + text.length > OUTPUT_LIMIT) {
      this.text += text.slice(0, Math.max(0, OUTPUT_LIMIT - this.text.length));
      this.truncated = true;
      return;
    }
    this.text += text;
  }
}

/** /dev/null. */
export const NULL_SINK: Sink = { write: () => {}, truncated: false };

/** Standard input shared by the commands of a loop body, consumed line by line by `read`. */
export interface SharedInput { rest: string }

/** The descriptors of one command: its input text (or a loop's shared input) and where fds 1 and 2 go. */
export interface Fds { stdin: string | undefined; out: Sink; err: Sink; input?: SharedInput }

/** A file opened by a redirection, written back to the lab's files when the command ends. */
export interface OpenFile { path: string; append: boolean; sink: BufferSink }
