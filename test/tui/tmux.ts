// A small driver for a program in a real terminal: tmux runs it in a detached session of a given
// size; the test types into it, waits for the screen to show something, resizes it, and reads it.
import { execFileSync, spawnSync } from 'node:child_process';

/** Why the real-terminal tests cannot run here, or undefined when they can. */
export function tmuxMissing(): string | undefined {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'needs tmux (install the tmux package)';
}

/** A program running in a tmux session. */
export class Terminal {
  private readonly socket: string;
  private readonly session = 'lab';

  constructor(command: string, columns: number, rows: number, env: Record<string, string> = {}) {
    this.socket = `k8s-svc-lab-test-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v.replace(/'/g, "'\\''")}'; `).join('');
    this.tmux('new-session', '-d', '-s', this.session, '-x', String(columns), '-y', String(rows), `${exports}${command}; echo "[exited with status $?]"; sleep 60`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** The screen as text, one line per row. */
  screen(): string {
    try {
      return this.tmux('capture-pane', '-p', '-t', this.session);
    } catch {
      return '';
    }
  }

  /** Types text literally (no Enter). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.session, '-l', '--', text);
  }

  /** Sends tmux key names: Enter, Tab, BTab, Escape, C-c, C-d, Up, NPage, ... */
  keys(...names: string[]): void {
    for (const k of names) {
      this.tmux('send-keys', '-t', this.session, k);
      // A person's keystrokes arrive apart, not as one burst.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60);
    }
  }

  /** Types a line and presses Enter. */
  line(text: string): void {
    this.type(text);
    this.keys('Enter');
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
  }

  /** Waits until the screen matches; throws with the screen when it does not in time. */
  async waitFor(re: RegExp, ms = 10_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (re.test(s)) return s;
      if (Date.now() > end) throw new Error(`the screen never matched ${re}:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** What the terminal itself is doing: showing the alternate screen, showing the cursor. */
  modes(): { alternate: boolean; cursor: boolean } {
    const [alt, cursor] = this.tmux('display-message', '-p', '-t', this.session, '#{alternate_on} #{cursor_flag}').trim().split(' ');
    return { alternate: alt === '1', cursor: cursor === '1' };
  }

  /** The pids of the processes the pane's shell started. */
  children(): number[] {
    const shell = this.tmux('list-panes', '-t', this.session, '-F', '#{pane_pid}').trim();
    const r = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' });
    return r.stdout.split('\n').filter(Boolean).map(Number);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
  }
}
