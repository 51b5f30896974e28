// The one mutable holder of an interactive lab: the simulation, the shell, the terminal's
// scrollback, the typed history (persisted through a HistoryStore), the input still waiting for its
// end (an open quote or here-document), and a version number that changes exactly when something a
// pane shows has changed — so a clock tick that changes nothing costs no render. Bugs thrown by a
// command are caught here: the learner keeps the cluster and gets a report to send.
import { createCluster } from '../sim/cluster.js';
import type { ClusterConfig } from '../sim/config.js';
import { advance } from '../sim/settle.js';
import type { SimState } from '../sim/state.js';
import { newShellState } from '../shell/state.js';
import { prompt, runLine, type Lab } from '../shell/shell.js';
import type { OutLine, ShellHost, ShellState } from '../shell/types.js';
import { printable } from '../shell/printers/printable.js';
import { memoryHistory, type HistoryStore } from './user-data.js';

/** How long after a rule change or a trace the panes still change with the clock (highlights fading). */
const HIGHLIGHT_WINDOW_MS = 40_000;

/** The most scrollback lines kept (older ones fall off the top, as in a terminal). */
export const SCROLLBACK_LIMIT = 5000;

/** What is needed to replay a bug: the seed, the cluster options and every command up to it. */
export interface CrashReport {
  command: string;
  message: string;
  stack: string;
  config: ClusterConfig;
  commands: string[];
}

/** One complete command as the session ran it: what a lesson's checks look at. */
export interface CommandRun {
  command: string;
  status: number;
  output: OutLine[];
}

/** How a session is made. */
export interface SessionOptions {
  config?: Partial<ClusterConfig>;
  host?: ShellHost;
  history?: HistoryStore;
  /** Saves a crash report somewhere the learner can send it from; returns where, or undefined. */
  saveCrash?(report: CrashReport): string | undefined;
}

/** The cluster and the shell at one moment. */
export interface SessionSnapshot {
  sim: SimState;
  shell: ShellState;
}

/** Makes `target` hold exactly `source`'s fields (objects keep their identity: the panes hold them). */
function replaceContents<T extends object>(target: T, source: T): void {
  for (const k of Object.keys(target)) if (!(k in source)) delete (target as Record<string, unknown>)[k];
  Object.assign(target, source);
}

/** An interactive lab session. */
export class Session {
  readonly sim: SimState;
  readonly shell: ShellState;
  readonly lab: Lab;
  /** The terminal pane's lines, oldest first (capped at SCROLLBACK_LIMIT). */
  lines: OutLine[] = [];
  /** Changes whenever anything the panes show changed. */
  version = 0;
  /** The session is over (the last shell exited, or Ctrl+D at the top). */
  ended = false;
  /** Bugs caught so far. */
  readonly crashes: CrashReport[] = [];
  /** The commands run in this session, for crash reports. */
  private readonly commands: string[] = [];
  private pending = '';
  private carry = 0;
  private clockStopped = false;
  private readonly listeners = new Set<() => void>();
  private readonly commandListeners = new Set<(c: CommandRun) => void>();
  private readonly history: HistoryStore;
  private fingerprint = '';

  constructor(private readonly opts: SessionOptions = {}) {
    this.sim = createCluster(opts.config ?? {});
    this.shell = newShellState(this.sim);
    this.lab = { sim: this.sim, shell: this.shell, host: opts.host ?? {} };
    this.history = opts.history ?? memoryHistory();
    this.shell.history.push(...this.history.load());
    this.fingerprint = this.computeFingerprint();
  }

  /** The prompt to show: PS1 of the current host, or `> ` while a line waits for its end. */
  get prompt(): string {
    return this.pending ? '> ' : prompt(this.shell);
  }

  /** True while an open quote, here-document or `\` continuation waits for more lines. */
  get continuation(): boolean {
    return this.pending !== '';
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Calls `fn` after every complete command (lessons check the learner's steps here); returns the unsubscribe function. */
  onCommand(fn: (c: CommandRun) => void): () => void {
    this.commandListeners.add(fn);
    return () => this.commandListeners.delete(fn);
  }

  /** Runs one typed (or pasted) line; several lines of one command accumulate until it is complete. */
  submit(line: string): void {
    this.echo(`${this.prompt}${line}`);
    const text = this.pending ? `${this.pending}\n${line}` : line;
    let result;
    try {
      result = runLine(this.lab, text, 'interactive');
    } catch (e) {
      this.pending = '';
      this.crash(text, e);
      return;
    }
    if (result.incomplete) {
      this.pending = text;
      this.changed();
      return;
    }
    this.pending = '';
    if (text.trim()) {
      this.history.append(text);
      this.commands.push(text);
    }
    if (result.clear) this.lines = [];
    this.push(result.lines);
    if (result.exit) this.ended = true;
    // The command's own listeners first (a lesson counts it in the step it was typed in), then the panes.
    for (const fn of this.commandListeners) fn({ command: text, status: result.status, output: result.lines });
    this.changed();
  }

  /**
   * Runs a lesson's command out of sight (its setup, its solution): no echo, no history, no command
   * hooks — and without the learner's real files, which a lesson may not read.
   */
  runQuietly(command: string): { status: number; output: OutLine[] } {
    const before = this.shell.history.length;
    const r = runLine({ ...this.lab, host: {} }, command, 'script');
    this.shell.history.length = before;
    this.changed();
    return { status: r.status, output: r.lines };
  }

  /** The cluster and shell as they are now (a value: later commands do not change it). */
  snapshot(): SessionSnapshot {
    return structuredClone({ sim: this.sim, shell: this.shell });
  }

  /** Puts the cluster and shell back as a snapshot had them (the terminal's lines stay). */
  restore(s: SessionSnapshot): void {
    const copy = structuredClone(s);
    const history = this.shell.history;
    replaceContents(this.sim, copy.sim);
    replaceContents(this.shell, copy.shell);
    this.shell.history = history;
    this.pending = '';
    this.changed();
  }

  /** Ctrl+C: the typed line (and any unfinished multi-line command) is abandoned, as bash does. */
  interrupt(typed: string): void {
    this.echo(`${this.prompt}${typed}^C`);
    this.pending = '';
    this.shell.lastStatus = 130;
    this.changed();
  }

  /** Ctrl+D on an empty line: leaves the current ssh or exec shell, or ends the session at the top. */
  eof(): void {
    if (this.pending) {
      this.interrupt('');
      return;
    }
    if (this.shell.hosts.length > 1) {
      this.submit('exit');
      return;
    }
    this.echo(`${this.prompt}exit`);
    this.ended = true;
    this.changed();
  }

  /** A line from the lab itself (not from a command), e.g. why an editor could not open. */
  notice(text: string, tone: OutLine['tone'] = 'hint'): void {
    this.push(text.replace(/\n+$/, '').split('\n').map((line) => ({ text: line, tone, stream: 'stderr' as const })));
    this.changed();
  }

  /** Ctrl+L / `clear`: empties the terminal pane. */
  clear(): void {
    this.lines = [];
    this.changed();
  }

  /** Moves the simulated clock with the real one (whole milliseconds; fractions carry over); notifies only when something visible changed. */
  tick(ms: number): void {
    if (this.clockStopped) return;
    this.carry += Math.max(0, ms);
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    if (whole === 0) return;
    try {
      advance(this.sim, whole);
    } catch (e) {
      // A bug that fires on every tick would flood the terminal: stop the clock, once, and say so.
      this.clockStopped = true;
      this.crash('(the simulated clock)', e);
      this.notice('The simulated clock has stopped; commands still work, and sleep N still moves time.', 'hint');
      return;
    }
    const f = this.computeFingerprint();
    if (f !== this.fingerprint) this.changed();
  }

  /** The commands run so far (what a crash report replays). */
  get commandLog(): readonly string[] {
    return this.commands;
  }

  private crash(command: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    const report: CrashReport = { command, message: err.message, stack: err.stack ?? '', config: this.sim.config, commands: [...this.commands, command] };
    this.crashes.push(report);
    const where = this.opts.saveCrash?.(report);
    this.push([
      { text: `k8s-svc-lab: internal error while running this command: ${err.message}`, tone: 'error', stream: 'stderr' },
      { text: 'This is a bug in the lab, not in what you typed. Your cluster is as the command left it; carry on.', tone: 'hint', stream: 'stderr' },
      { text: where ? `To report it, send ${where} (seed ${this.sim.config.seed}; it replays with k8s-svc-lab run).` : `To report it, note the seed (${this.sim.config.seed}) and the command above.`, tone: 'hint', stream: 'stderr' },
    ]);
    this.changed();
  }

  private echo(text: string): void {
    this.push([{ text, tone: 'plain', stream: 'stdout' }]);
  }

  private push(lines: OutLine[]): void {
    for (const l of lines) {
      const text = printable(l.text);
      this.lines.push(text === l.text ? l : { ...l, text });
    }
    if (this.lines.length > SCROLLBACK_LIMIT + 500) this.lines = this.lines.slice(-SCROLLBACK_LIMIT);
  }

  /**
   * What the panes show, in a few numbers: objects, the clock's minute, each kube-proxy's log and
   * last sync — and, for 40 s after a sync or a trace, the clock in 2-second steps, so the NAT
   * pane's highlights fade on time; an idle lab changes nothing and renders nothing.
   */
  private computeFingerprint(): string {
    const now = this.sim.now;
    let f = `${this.sim.resourceVersion}|${Math.floor(now / 60_000)}`;
    let recent = this.shell.lastTrace?.at ?? -Infinity;
    for (const [node, p] of Object.entries(this.sim.proxy ?? {})) {
      f += `|${node}:${p.log.length + p.logDropped}:${p.lastDiff.at}:${p.running ? 1 : 0}`;
      recent = Math.max(recent, p.lastDiff.at);
    }
    if (now - recent <= HIGHLIGHT_WINDOW_MS) f += `|${Math.floor(now / 2000)}`;
    return f;
  }

  private changed(): void {
    this.fingerprint = this.computeFingerprint();
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
