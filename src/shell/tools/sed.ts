// GNU sed's everyday subset (sed/compile.c, execute.c): scripts of `s/RE/REPL/[gpI]` (any
// delimiter, `&` and `\1`..`\9` in the replacement), `d` and `p`, each optionally behind a line
// number, `$` or `/RE/` address; `-e`, `-n`, `-E`/`-r`, `-i` on the lab's files. Left out: ranges,
// hold space, branching, `a`/`i`/`c`, and `w`.
import type { CommandContext, CommandSpec } from '../types.js';
import { writeFile } from '../fs.js';
import { compilePosix } from './regex.js';
import { fromLines, toLines } from './opts.js';
import { plainError, readInputs } from './inputs.js';

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp } | undefined;
type Cmd = { addr: Address; op: 's'; re: RegExp; repl: string; global: boolean; print: boolean } | { addr: Address; op: 'd' | 'p' };

/** Splits `s/a/b/g` on its delimiter, honouring backslash escapes of the delimiter. */
function splitParts(body: string, delim: string): string[] | undefined {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && body[i + 1] === delim) { cur += delim; i++; } else if (c === '\\') { cur += c + (body[i + 1] ?? ''); i++; } else if (c === delim) { parts.push(cur); cur = ''; } else cur += c;
  }
  parts.push(cur);
  return parts.length === 3 ? parts : undefined;
}

function parseAddress(text: string, extended: boolean): { addr: Address; rest: string } | string {
  let m = /^(\d+)/.exec(text);
  if (m) return { addr: { kind: 'line', n: Number(m[1]) }, rest: text.slice(m[0].length) };
  if (text.startsWith('$')) return { addr: { kind: 'last' }, rest: text.slice(1) };
  m = /^\/((?:\\.|[^/])*)\//.exec(text);
  if (m) {
    const re = compilePosix(m[1]!, extended);
    return re ? { addr: { kind: 're', re }, rest: text.slice(m[0].length) } : `-e expression #1, char ${m[0].length}: unterminated address regex`;
  }
  return { addr: undefined, rest: text };
}

function parseCommand(text: string, extended: boolean): Cmd | string {
  const a = parseAddress(text.trim(), extended);
  if (typeof a === 'string') return a;
  const body = a.rest.trim();
  if (body === 'd' || body === 'p') return { addr: a.addr, op: body };
  if (!body.startsWith('s') || body.length < 2) return `-e expression #1, char ${text.length}: unknown command: \`${body[0] ?? ''}'`;
  const parts = splitParts(body.slice(2), body[1]!);
  if (!parts) return `-e expression #1, char ${text.length}: unterminated \`s' command`;
  const [pattern, repl, flags] = parts as [string, string, string];
  if (/[^gpI0-9]/.test(flags)) return `-e expression #1, char ${text.length}: unknown option to \`s'`;
  const re = compilePosix(pattern, extended, `${flags.includes('g') ? 'g' : ''}${flags.includes('I') ? 'i' : ''}`);
  if (!re) return `-e expression #1, char ${text.length}: Invalid preceding regular expression`;
  return { addr: a.addr, op: 's', re, repl, global: flags.includes('g'), print: flags.includes('p') };
}

function replacement(repl: string, match: string, groups: string[]): string {
  return repl.replace(/\\([0-9&n\\])|&/g, (all, esc: string | undefined) => {
    if (all === '&') return match;
    if (esc === '&' || esc === '\\') return esc;
    if (esc === 'n') return '\n';
    return esc === '0' ? match : groups[Number(esc) - 1] ?? '';
  });
}

function matches(addr: Address, line: string, n: number, last: boolean): boolean {
  if (!addr) return true;
  if (addr.kind === 'line') return n === addr.n;
  if (addr.kind === 'last') return last;
  addr.re.lastIndex = 0;
  return addr.re.test(line);
}

function runScript(cmds: Cmd[], lines: string[], quiet: boolean): string[] {
  const out: string[] = [];
  lines.forEach((original, i) => {
    let line = original;
    let deleted = false;
    for (const c of cmds) {
      if (!matches(c.addr, line, i + 1, i === lines.length - 1)) continue;
      if (c.op === 'd') { deleted = true; break; }
      if (c.op === 'p') { out.push(line); continue; }
      if (c.op !== 's') continue;
      c.re.lastIndex = 0;
      const replaced = line.replace(c.re, (m: string, ...rest: unknown[]) => replacement(c.repl, m, rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''))));
      if (replaced !== line && c.print) out.push(replaced);
      line = replaced;
    }
    if (!deleted && !quiet) out.push(line);
  });
  return out;
}

function runSed(ctx: CommandContext): number {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace = false;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '-e' || a === '--expression') scripts.push(ctx.args[++i] ?? '');
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (a === '-i' || a === '--in-place') inPlace = true;
    else if (a.startsWith('-') && a !== '-') { ctx.stderr(`sed: invalid option -- '${a.replace(/^-+/, '')}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`); return 1; }
    else if (scripts.length === 0) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) { ctx.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'); return 1; }
  const cmds: Cmd[] = [];
  for (const s of scripts.flatMap((x) => x.split(/;|\n/)).filter((x) => x.trim())) {
    const c = parseCommand(s, extended);
    if (typeof c === 'string') { ctx.stderr(`sed: ${c}\n`); return 1; }
    cmds.push(c);
  }
  const { inputs, failed } = readInputs(ctx, files, plainError('sed'));
  for (const input of inputs) {
    const text = fromLines(runScript(cmds, toLines(input.text), quiet));
    if (inPlace && input.name && input.name !== '-') writeFile(ctx, input.name, text);
    else ctx.stdout(text);
  }
  return failed ? 2 : 0;
}

/** sed. */
export const SED_COMMAND: CommandSpec = {
  name: 'sed',
  usage: "sed [-n] [-E] [-i] [-e] 's/RE/REPLACEMENT/[g]' [FILE...]",
  summary: 'edit text as it streams by: substitute, delete or print lines',
  where: 'any',
  group: 'text',
  run: runSed,
};
