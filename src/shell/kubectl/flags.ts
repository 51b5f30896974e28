// Flag parsing as kubectl's cobra/pflag does it: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, grouped booleans (`-it`), flags anywhere among the arguments, and `--` ending them.
// Errors carry pflag's exact text; kubectl prints them as `error: <text>` plus a usage hint.

/** The value kinds kubectl flags take. */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

/** One flag a verb accepts. */
export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
  /** For `--help` listings. */
  help: string;
  /** Shown in `--help` as the default, and used when the flag is absent. */
  default?: string | number | boolean | string[];
  /** pflag NoOptDefVal: the value when the flag is given without `=value` (e.g. `--dry-run` means "unchanged"). */
  noOptDefault?: string;
}

/** Parsed flags: values by long name, positional arguments, and what came after `--`. */
export interface ParsedFlags {
  values: Record<string, string | number | boolean | string[]>;
  /** Long names the user actually set. */
  set: Set<string>;
  args: string[];
  /** Arguments after `--` (the command of `kubectl exec` / `run`), or undefined when there was no `--`. */
  dashArgs?: string[];
}

/** The flags every kubectl verb accepts (kubectl's persistent flags that the lab honours). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string', help: 'If present, the namespace scope for this CLI request' },
  { long: 'context', type: 'string', help: 'The name of the kubeconfig context to use' },
  { long: 'kubeconfig', type: 'string', help: 'Path to the kubeconfig file to use for CLI requests.' },
  { long: 'v', short: 'v', type: 'int', help: 'number for the log level verbosity' },
  { long: 'request-timeout', type: 'string', help: 'The length of time to wait before giving up on a single server request.' },
];

function setValue(spec: FlagSpec, raw: string, shown: string, out: ParsedFlags): string | undefined {
  let value: string | number | boolean | string[];
  switch (spec.type) {
    case 'bool':
      if (!/^(true|false|1|0|t|f|T|F|TRUE|FALSE|True|False)$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      value = /^(true|1|t|T|TRUE|True)$/.test(raw);
      break;
    case 'int':
      if (!/^[-+]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      value = Number(raw);
      break;
    case 'stringArray':
      value = [...((out.set.has(spec.long) ? out.values[spec.long] : []) as string[]), raw];
      break;
    case 'string':
      value = raw;
      break;
    default: {
      const never: never = spec.type;
      return never;
    }
  }
  out.values[spec.long] = value;
  out.set.add(spec.long);
  return undefined;
}

/** How pflag names a flag in "invalid argument" errors: with its shorthand whenever it has one, however it was typed. */
function shownName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
}

/** Parses one `--long[=value]` argument; returns how many extra arguments it consumed, or an error. */
function parseLong(arg: string, next: string | undefined, specs: FlagSpec[], out: ParsedFlags): number | string {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
  const spec = specs.find((s) => s.long === name);
  if (!spec) return `unknown flag: --${name}`;
  if (eq >= 0) return setValue(spec, arg.slice(eq + 1), shownName(spec), out) ?? 0;
  if (spec.type === 'bool') return setValue(spec, 'true', shownName(spec), out) ?? 0;
  if (spec.noOptDefault !== undefined) return setValue(spec, spec.noOptDefault, shownName(spec), out) ?? 0;
  if (next === undefined) return `flag needs an argument: --${name}`;
  return setValue(spec, next, shownName(spec), out) ?? 1;
}

/** Parses one `-abc` group of shorthand flags. */
function parseShort(arg: string, next: string | undefined, specs: FlagSpec[], out: ParsedFlags): number | string {
  for (let i = 1; i < arg.length; i++) {
    const c = arg[i]!;
    const spec = specs.find((s) => s.short === c);
    if (!spec) return `unknown shorthand flag: '${c}' in ${arg}`;
    const rest = arg.slice(i + 1);
    if (spec.type === 'bool') {
      if (rest.startsWith('=')) return setValue(spec, rest.slice(1), shownName(spec), out) ?? 0;
      const err = setValue(spec, 'true', shownName(spec), out);
      if (err) return err;
      continue;
    }
    if (rest.length > 0) return setValue(spec, rest.startsWith('=') ? rest.slice(1) : rest, shownName(spec), out) ?? 0;
    if (spec.noOptDefault !== undefined) return setValue(spec, spec.noOptDefault, shownName(spec), out) ?? 0;
    if (next === undefined) return `flag needs an argument: '${c}' in -${c}`;
    return setValue(spec, next, shownName(spec), out) ?? 1;
  }
  return 0;
}

/** Parses argv against the verb's flags plus the global ones; the error text is pflag's. */
export function parseFlags(argv: string[], verbFlags: FlagSpec[]): { ok: true; flags: ParsedFlags } | { ok: false; error: string } {
  const specs = [...verbFlags, ...GLOBAL_FLAGS];
  const out: ParsedFlags = { values: {}, set: new Set(), args: [] };
  for (const s of specs) if (s.default !== undefined) out.values[s.long] = s.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.dashArgs = argv.slice(i + 1);
      break;
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length > 1)) {
      const r = arg.startsWith('--') ? parseLong(arg, argv[i + 1], specs, out) : parseShort(arg, argv[i + 1], specs, out);
      if (typeof r === 'string') return { ok: false, error: r };
      i += r;
    } else out.args.push(arg);
  }
  return { ok: true, flags: out };
}

/** A string flag's value ('' when unset and without default). */
export function str(f: ParsedFlags, name: string): string {
  const v = f.values[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

/** A boolean flag's value. */
export function bool(f: ParsedFlags, name: string): boolean {
  return f.values[name] === true;
}

/** An int flag's value, or undefined when unset and without default. */
export function int(f: ParsedFlags, name: string): number | undefined {
  const v = f.values[name];
  return typeof v === 'number' ? v : undefined;
}

/** A repeatable flag's values. */
export function list(f: ParsedFlags, name: string): string[] {
  const v = f.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}
