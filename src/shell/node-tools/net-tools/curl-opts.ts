// curl's command line (src/tool_getparam.c): short options cluster (`-sSL`) and take their value
// attached or as the next word (`-o/dev/null`, `-o /dev/null`), long options are exact, URLs may
// come anywhere, and a bad option is "curl: option X: is unknown" plus the `--help` hint (exit 2).
// Only the options a learner uses to test a Service are known; every other one is "unknown".
import { secondsToMs } from './common.js';

/** The options of one curl run. */
export interface CurlOpts {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  location: boolean;
  fail: boolean;
  insecure: boolean;
  noProgress: boolean;
  output?: string;
  writeOut?: string;
  method?: string;
  headers: [string, string][];
  userAgent?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
}

/** Parsed options, or the complaint curl prints (with its hint line) before exiting 2. */
export type CurlParse = { ok: true; opts: CurlOpts } | { ok: false; message: string };

const FLAGS: Record<string, keyof CurlOpts> = {
  s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', L: 'location', f: 'fail', k: 'insecure',
};
const WITH_ARG = new Set(['o', 'w', 'X', 'H', 'm', 'A']);
const LONG: Record<string, string> = {
  silent: 's', 'show-error': 'S', verbose: 'v', head: 'I', include: 'i', location: 'L', fail: 'f', insecure: 'k',
  output: 'o', 'write-out': 'w', request: 'X', header: 'H', 'max-time': 'm', 'user-agent': 'A',
  'connect-timeout': '=connect-timeout', url: '=url', 'no-progress-meter': '=no-progress-meter',
};

/** The hint curl prints after every command-line error. */
export const CURL_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

const fail = (opt: string, reason: string): CurlParse => ({ ok: false, message: `curl: option ${opt}: ${reason}\n${CURL_HINT}` });

/** Parses curl's arguments. */
export function parseCurlArgs(args: string[]): CurlParse {
  const opts: CurlOpts = {
    urls: [], silent: false, showError: false, verbose: false, head: false, include: false, location: false,
    fail: false, insecure: false, noProgress: false, headers: [],
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') { opts.urls.push(a); continue; }
    const letters = a.startsWith('--') ? [LONG[a.slice(2)] ?? ''] : [...a.slice(1)];
    for (let j = 0; j < letters.length; j++) {
      const c = letters[j]!;
      if (c === '=no-progress-meter') { opts.noProgress = true; continue; }
      const flag = FLAGS[c];
      if (flag) { (opts[flag] as boolean) = true; continue; }
      if (!WITH_ARG.has(c) && !c.startsWith('=')) return fail(a, 'is unknown');
      const attached = a.startsWith('--') ? '' : a.slice(j + 2);
      const value = attached !== '' ? attached : args[++i];
      if (value === undefined) return fail(a, 'requires parameter');
      const err = setValue(opts, c, value);
      if (err) return fail(a, err);
      break;
    }
  }
  return { ok: true, opts };
}

function setValue(opts: CurlOpts, c: string, value: string): string | undefined {
  switch (c) {
    case 'o': opts.output = value; return undefined;
    case 'w': opts.writeOut = value; return undefined;
    case 'X': opts.method = value; return undefined;
    case 'A': opts.userAgent = value; return undefined;
    case '=url': opts.urls.push(value); return undefined;
    case 'H': {
      const colon = value.indexOf(':');
      if (colon > 0) opts.headers.push([value.slice(0, colon), value.slice(colon + 1).trim()]);
      return undefined;
    }
    case 'm':
    case '=connect-timeout': {
      const ms = secondsToMs(value);
      if (ms === undefined) return 'expected a proper numerical parameter';
      if (c === 'm') opts.maxTimeMs = ms;
      else opts.connectTimeoutMs = ms;
      return undefined;
    }
    default: return 'is unknown';
  }
}
