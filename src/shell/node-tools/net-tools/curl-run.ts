// The state one curl invocation writes through while it runs (src/tool_operate.c and lib/
// progress.c): where verbose lines, the progress meter, the body and errors go, and the clock.
// Shared by the connect phase (curl-format.ts) and the HTTP exchange (curl-exchange.ts).
import type { ConnectResult } from '../../../sim/dataplane/types.js';
import type { AppAnswer } from '../../../sim/node/catalogue.js';
import { Output } from './common.js';
import type { CurlOpts } from './curl-opts.js';
import { METER_HEADER, meterLine } from './curl-meter.js';
import type { CurlVersion } from './flavours.js';
import type { HttpUrl } from './url.js';

/** One request curl makes: the first, or one that -L follows. */
export interface CurlHop {
  url: HttpUrl;
  /** The address the URL's host resolved to, or why it did not. */
  resolved: { ok: true; ip: string } | { ok: false; reason: 'nxdomain' | 'timeout' | 'servfail' };
  result?: ConnectResult;
  answer?: AppAnswer;
}

/** Everything a curl run's output depends on. */
export interface CurlRun {
  version: CurlVersion;
  opts: CurlOpts;
  /** Whether stdout is the terminal (curl then hides its progress meter). */
  stdoutTty: boolean;
  hops: CurlHop[];
}

/** Simulated time from the request's first byte to the response's last on the lab's network. */
export const HTTP_EXCHANGE_MS = 1;

/** The writer of one run. */
export class CurlWriter {
  readonly o = new Output();
  /** Milliseconds since curl started. */
  clockMs = 0;
  /** The body (and -i headers) bound for -o FILE. */
  file = '';
  private meterShown = false;

  constructor(readonly run: CurlRun) {}

  get v(): CurlVersion {
    return this.run.version;
  }

  /** True when the progress meter is on: not silenced, and the body does not go to the terminal. */
  get meter(): boolean {
    const { opts } = this.run;
    return !opts.silent && !opts.noProgress && (!this.run.stdoutTty || (opts.output !== undefined && opts.output !== '-'));
  }

  /** True when -v notes "[N bytes data]" (the body is not being shown on the terminal). */
  get dataNotes(): boolean {
    const { opts } = this.run;
    return opts.verbose && (!this.run.stdoutTty || (opts.output !== undefined && opts.output !== '-'));
  }

  /** A verbose "* " line. */
  info(line: string): void {
    if (this.run.opts.verbose) this.o.err(`* ${line}\n`);
  }

  /** Verbose lines with another prefix ("> " sent, "< " received). */
  trace(prefix: '> ' | '< ', lines: string[]): void {
    if (this.run.opts.verbose) this.o.err(lines.map((l) => `${prefix}${l}\n`).join(''));
  }

  /** The first meter display: the header and a line of zeros, left without a newline. */
  meterStart(): void {
    if (!this.meter || this.meterShown) return;
    this.meterShown = true;
    this.o.err(`${METER_HEADER}\r${meterLine(this.v, { received: 0, spentUs: 0 })}`);
  }

  /** A once-a-second redisplay while waiting, as the last one before the wait ended shows it. */
  meterTick(): void {
    if (!this.meter || this.clockMs < 1000) return;
    this.meterStart();
    this.o.err(`\r${meterLine(this.v, { received: 0, spentUs: Math.floor((this.clockMs - 1) / 1000) * 1_000_000 })}`);
  }

  /** The forced last display when a request ends (Curl_pgrsDone), then a newline. */
  meterDone(received: number, size?: number): void {
    if (!this.meter) return;
    this.meterStart();
    this.o.err(`\r${meterLine(this.v, { received, size, spentUs: this.clockMs * 1000 })}\n`);
  }

  /** Where the body goes: stdout, -o FILE, or nowhere (-o /dev/null). */
  body(text: string): void {
    const out = this.run.opts.output;
    if (out === undefined || out === '-') this.o.out(text);
    else if (out !== '/dev/null') this.file += text;
  }

  /** curl's error line, unless -s hides it (-S shows it again); returns the exit code. */
  fail(code: number, text: string): number {
    const { opts } = this.run;
    if (!opts.silent || opts.showError) this.o.err(`curl: (${code}) ${text}\n`);
    return code;
  }
}
