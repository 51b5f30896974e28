// wget's command line for both builds: GNU Wget 1.21.2 (src/main.c: getopt_long, "Usage: wget
// [OPTION]... [URL]..." and the `--help` hint, exit 2; missing URL exit 1) and BusyBox wget
// (getopt32 "cqSO:o:P:Y:U:T:+t:n::" plus --header/--spider; bad option → usage, exit 1).
import { getopt, type Opt } from '../../tools/opts.js';
import { busyboxUsage } from './busybox.js';
import { Output, secondsToMs, type ToolOutput } from './common.js';

/** The options of one wget run. */
export interface WgetOpts {
  url: string;
  quiet: boolean;
  /** -O: a file name, or `-` for stdout. */
  output?: string;
  timeoutMs?: number;
  tries?: number;
  spider: boolean;
  userAgent?: string;
  headers: [string, string][];
}

const GNU_HINT = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
const LONG: Record<string, string> = {
  quiet: 'q', 'output-document': 'O', timeout: 'T', tries: 't', 'user-agent': 'U', header: 'H', spider: 's',
  'server-response': 'S', continue: 'c', 'no-check-certificate': 'k',
};

/** Parses wget's arguments, or returns what wget prints when they are wrong. */
export function parseWgetArgs(impl: 'gnu' | 'busybox', args: string[]): { ok: true; opts: WgetOpts } | { ok: false; out: ToolOutput } {
  const gnu = impl === 'gnu';
  const r = getopt(args, gnu ? { flags: 'qcSk', withArg: 'OTtUH', long: LONG } : { flags: 'qcSk', withArg: 'OoPYUTtHn', long: LONG });
  const o = new Output();
  if (!r.ok) return { ok: false, out: o.err(`wget: ${r.error}\n${gnu ? GNU_HINT : busyboxUsage('wget')}`).done(gnu ? 2 : 1, 0) };
  if (r.operands.length === 0) {
    return { ok: false, out: o.err(gnu ? `wget: missing URL\n${GNU_HINT}` : busyboxUsage('wget')).done(1, 0) };
  }
  const opts: WgetOpts = { url: r.operands[0]!, quiet: false, spider: false, headers: [] };
  for (const opt of r.opts) {
    const err = apply(opts, opt, gnu);
    if (err) return { ok: false, out: o.err(err).done(gnu ? 2 : 1, 0) };
  }
  return { ok: true, opts };
}

function apply(opts: WgetOpts, { c, arg = '' }: Opt, gnu: boolean): string | undefined {
  switch (c) {
    case 'q': opts.quiet = true; return undefined;
    case 's': opts.spider = true; return undefined;
    case 'O': opts.output = arg; return undefined;
    case 'U': opts.userAgent = arg; return undefined;
    case 'H': {
      const colon = arg.indexOf(':');
      if (colon > 0) opts.headers.push([arg.slice(0, colon), arg.slice(colon + 1).trim()]);
      return undefined;
    }
    case 'T': {
      const ms = gnu ? secondsToMs(arg) : /^\d+$/.test(arg) ? Number(arg) * 1000 : undefined;
      if (ms === undefined) return gnu ? `wget: --timeout: Invalid time period ‘${arg}’\n` : `wget: invalid number '${arg}'\n`;
      opts.timeoutMs = ms;
      return undefined;
    }
    case 't': {
      if (!/^\d+$/.test(arg)) return gnu ? `wget: --tries: Invalid number ‘${arg}’\n` : undefined;
      opts.tries = Number(arg);
      return undefined;
    }
    default: return undefined;
  }
}
