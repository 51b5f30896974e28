// Tab completion at the lab's prompt, as bash's programmable completion does it: command names for
// the first word and file names elsewhere (bashline.c), each command's own completion function
// (`complete -F`), and kubectl's cobra completions (`kubectl __complete`): verbs, resource types,
// object names, namespaces and flags. Everything derives from the one command table and kubectl's
// verb table. Left out: variable ($VAR), ~user and glob completion.
import { RESOURCES, resolveResourceName, type Kind } from '../sim/index.js';
import { listStored } from '../sim/api-server/store.js';
import type { SimState } from '../sim/state.js';
import { commandTable, findCommand } from './command-table.js';
import { availableOn } from './bash/command.js';
import { findVerb, kubectlVerbs } from './kubectl/index.js';
import { GLOBAL_FLAGS, type FlagSpec } from './kubectl/flags.js';
import type { KubectlVerb } from './kubectl/verb.js';
import { GET_FORMATS, OBJECT_FORMATS } from './kubectl/output-format.js';
import { listDir, resolvePath, statPath } from './fs.js';
import { currentHost, type ShellHost, type ShellState } from './types.js';

/** What completion reads: the simulation, the shell, and the window on the learner's real files. */
export interface CompletionLab { sim: SimState; shell: ShellState; host: ShellHost }

/** The completions of the word ending at the cursor: where that word starts, and its candidates. */
export interface Completion { from: number; candidates: string[] }

interface Word { text: string; start: number; op?: 'redirect' }

const NONE: Completion = { from: 0, candidates: [] };
const CONTROL_OPS = '|;&()';

/** Reads a quoted run starting at `i` (the quote); returns its text and the closing index, or undefined when unclosed. */
function quoted(line: string, i: number): { text: string; end: number } | undefined {
  const q = line[i]!;
  let text = '';
  for (let j = i + 1; j < line.length; j++) {
    const c = line[j]!;
    if (c === q) return { text, end: j };
    if (q === '"' && c === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) text += line[++j]!;
    else text += c;
  }
  return undefined;
}

/**
 * Splits the text before the cursor into the words of the current simple command (after the last
 * `|`, `;`, `&&`, `(`) and the partial word being typed; undefined inside an open quote or a comment.
 */
function scan(line: string): { words: Word[]; partial: Word } | undefined {
  let words: Word[] = [];
  let cur: Word | undefined;
  const end = (): void => { if (cur) words.push(cur); cur = undefined; };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') end();
    else if (CONTROL_OPS.includes(c)) { end(); words = []; }
    else if (c === '<' || c === '>') {
      end();
      while (i + 1 < line.length && '<>&|'.includes(line[i + 1]!)) i++;
      words.push({ text: c, start: i, op: 'redirect' });
    } else if (c === '#' && !cur) return undefined;
    else if (c === "'" || c === '"') {
      const q = quoted(line, i);
      if (!q) return undefined;
      cur ??= { text: '', start: i };
      cur.text += q.text;
      i = q.end;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return undefined;
      cur ??= { text: '', start: i };
      cur.text += line[++i]!;
    } else {
      cur ??= { text: '', start: i };
      cur.text += c;
    }
  }
  return { words, partial: cur ?? { text: '', start: line.length } };
}

/** Names of the commands the current host has (a container image without curl does not offer it). */
function commandNames(lab: CompletionLab): string[] {
  const host = currentHost(lab.shell);
  return commandTable().filter((c) => availableOn(c, host) && c.availableIn?.(lab) !== false).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
}

/** File names for a partial path, directories with a trailing `/` as readline's mark-directories shows them. */
function fileNames(lab: CompletionLab, partial: string, dirsOnly = false): string[] {
  const slash = partial.lastIndexOf('/');
  const dir = partial.slice(0, slash + 1);
  const base = partial.slice(slash + 1);
  const listed = listDir(lab, dir === '' ? '.' : dir);
  if (!listed.ok) return [];
  return listed.names
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .flatMap((n) => {
      const isDir = statPath(lab, resolvePath(lab.shell, dir + n))?.type === 'dir';
      return isDir ? [`${dir}${n}/`] : dirsOnly ? [] : [dir + n];
    });
}

function namespaceNames(sim: SimState): string[] {
  return listStored(sim, 'namespaces').map((n) => n.metadata.name!);
}

/** The words kubectl accepts for a resource type: plural, singular and short names. */
function resourceWords(kinds?: readonly Kind[]): string[] {
  return RESOURCES.filter((r) => !kinds || kinds.includes(r.kind)).flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
}

/** Where kubectl's arguments stand: the verb path, positional words, and a flag waiting for its value. */
interface KubectlPosition {
  path: KubectlVerb[];
  positionals: string[];
  pending?: FlagSpec;
  namespace?: string;
  allNamespaces: boolean;
  afterDashes: boolean;
}

function needsValue(f: FlagSpec | undefined): f is FlagSpec {
  return f !== undefined && f.type !== 'bool' && f.noOptDefault === undefined;
}

/** The flag a word names (the last of a `-it` group), and whether its value is inside the word. */
function flagOf(word: string, flags: FlagSpec[]): { spec?: FlagSpec; value?: string } {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    const spec = flags.find((f) => f.long === word.slice(2, eq < 0 ? undefined : eq));
    return { spec, value: eq < 0 ? undefined : word.slice(eq + 1) };
  }
  for (let i = 1; i < word.length; i++) {
    const spec = flags.find((f) => f.short === word[i]);
    if (needsValue(spec)) return { spec, value: i + 1 < word.length ? word.slice(i + 1) : undefined };
    if (!spec || i === word.length - 1) return { spec };
  }
  return {};
}

/** Walks kubectl's arguments as its root command does: flags anywhere, then the verb and subcommands. */
function walkKubectl(args: string[]): KubectlPosition {
  const at: KubectlPosition = { path: [], positionals: [], allNamespaces: false, afterDashes: false };
  let verbs = kubectlVerbs();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { at.afterDashes = true; break; }
    if (a.startsWith('-') && a.length > 1) {
      const flags = [...(at.path.at(-1)?.flags ?? []), ...GLOBAL_FLAGS];
      const { spec, value: inline } = flagOf(a, flags);
      if (spec?.long === 'all-namespaces') at.allNamespaces = true;
      const value = inline ?? (needsValue(spec) ? args[++i] : undefined);
      if (needsValue(spec) && value === undefined) at.pending = spec;
      if (spec?.long === 'namespace') at.namespace = value;
      continue;
    }
    const verb = at.positionals.length === 0 ? findVerb(verbs, a) : undefined;
    if (verb) {
      at.path.push(verb);
      verbs = verb.subcommands ?? [];
    } else at.positionals.push(a);
  }
  return at;
}

/** The verbs that take TYPE [NAME...] or TYPE/NAME, and the kinds they accept (kubectl's ValidArgsFunction per verb). */
const ROLLOUT_KINDS: Kind[] = ['Deployment', 'DaemonSet'];
const TYPE_VERBS: Record<string, readonly Kind[] | undefined> = {
  get: undefined, describe: undefined, delete: undefined, label: undefined, annotate: undefined, patch: undefined, edit: undefined, wait: undefined, explain: undefined,
  scale: ['Deployment', 'ReplicaSet'], expose: ['Pod', 'Service', 'Deployment', 'ReplicaSet'], 'set image': ['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet'],
  'rollout history': ROLLOUT_KINDS, 'rollout restart': ROLLOUT_KINDS, 'rollout status': ROLLOUT_KINDS, 'rollout undo': ROLLOUT_KINDS,
};
const POD_VERBS = new Set(['logs', 'exec']);
const HELP_FLAG: FlagSpec = { long: 'help', short: 'h', type: 'bool', help: 'help for this command' };
const FLAG_VALUES: Record<string, string[]> = { 'dry-run': ['none', 'server', 'client'], cascade: ['background', 'foreground', 'orphan'] };

/** Names of the objects of a type (or comma list of types) in the request's namespace. */
function objectNames(lab: CompletionLab, types: string, at: KubectlPosition, kinds?: readonly Kind[]): string[] {
  const ns = at.namespace ?? lab.shell.vars['__KUBE_NAMESPACE'] ?? 'default';
  return types.split(',').flatMap((t) => {
    const r = resolveResourceName(t);
    if (!r || (kinds && !kinds.includes(r.kind))) return [];
    return listStored(lab.sim, r.resource, r.namespaced && !at.allNamespaces ? ns : undefined).map((o) => o.metadata.name!);
  });
}

/** `TYPE/NAME` candidates for a partial that already holds the slash. */
function typeSlashNames(lab: CompletionLab, partial: string, at: KubectlPosition, kinds?: readonly Kind[]): string[] {
  const type = partial.slice(0, partial.indexOf('/'));
  return objectNames(lab, type, at, kinds).map((n) => `${type}/${n}`);
}

/** The value of a flag: namespaces, output formats, file names, or a flag's fixed choices. */
function flagValues(lab: CompletionLab, flag: FlagSpec, verb: string, partial: string): string[] {
  if (flag.long === 'namespace') return namespaceNames(lab.sim);
  if (flag.long === 'output') return verb === 'get' ? GET_FORMATS : OBJECT_FORMATS;
  if (flag.long === 'filename') return fileNames(lab, partial);
  return FLAG_VALUES[flag.long] ?? [];
}

/** kubectl's completions for the partial word, given the words after `kubectl`. */
function kubectlCandidates(lab: CompletionLab, args: string[], partial: string): string[] {
  const at = walkKubectl(args);
  const verb = at.path.map((v) => v.name).join(' ');
  const flags = [...(at.path.at(-1)?.flags ?? []), ...GLOBAL_FLAGS, HELP_FLAG];
  if (at.afterDashes) return [];
  if (at.pending) return flagValues(lab, at.pending, verb, partial);
  if (partial.startsWith('--') && partial.includes('=')) {
    const { spec } = flagOf(partial, flags);
    const name = partial.slice(0, partial.indexOf('=') + 1);
    return spec ? flagValues(lab, spec, verb, partial.slice(name.length)).map((v) => name + v) : [];
  }
  if (partial.startsWith('-')) return flags.flatMap((f) => [`--${f.long}`, ...(f.short && !partial.startsWith('--') ? [`-${f.short}`] : [])]);
  const next = at.path.length === 0 ? kubectlVerbs() : at.path.at(-1)!.subcommands;
  if (at.positionals.length === 0 && next?.length) return next.flatMap((v) => [v.name, ...(v.aliases ?? [])]);
  const [first] = at.positionals;
  if (POD_VERBS.has(verb)) return first !== undefined ? [] : partial.includes('/') ? typeSlashNames(lab, partial, at) : objectNames(lab, 'pods', at);
  if (!(verb in TYPE_VERBS)) return [];
  const kinds = TYPE_VERBS[verb];
  if (partial.includes('/')) return typeSlashNames(lab, partial, at, kinds);
  if (first === undefined) return resourceWords(kinds);
  return verb === 'explain' || first.includes('/') ? [] : objectNames(lab, first, at, kinds);
}

/** Commands that run the command after them (`watch kubectl get pods`); their options are skipped. */
const PREFIX_COMMANDS = new Set(['watch', 'xargs', 'sudo', 'time']);
/** Commands whose arguments are command names. */
const COMMAND_ARGUMENTS = new Set(['which', 'type', 'help']);

/** Candidates for the partial word, given the words of its simple command before it. */
function candidatesFor(lab: CompletionLab, before: Word[], partial: string): string[] {
  if (before.at(-1)?.op === 'redirect') return fileNames(lab, partial);
  const words = before.filter((w, i) => !w.op && before[i - 1]?.op !== 'redirect').map((w) => w.text);
  while (words.length > 0 && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!) || PREFIX_COMMANDS.has(words[0]!))) {
    const prefix = PREFIX_COMMANDS.has(words.shift()!);
    while (prefix && words.length > 0 && /^(-|\d+$)/.test(words[0]!)) words.shift();
  }
  if (words.length === 0) return partial.includes('/') ? fileNames(lab, partial) : commandNames(lab);
  const spec = findCommand(words[0]!);
  if (spec?.name === 'kubectl') return kubectlCandidates(lab, words.slice(1), partial);
  if (partial.includes('/') || !spec) return fileNames(lab, partial, spec?.name === 'cd');
  if (COMMAND_ARGUMENTS.has(spec.name)) return commandNames(lab);
  if (spec.complete) return spec.complete(lab, words, partial);
  return fileNames(lab, partial, spec.name === 'cd');
}

/** A candidate as a shell word: characters bash would split or expand are backslash-escaped. */
function shellWord(candidate: string): string {
  return candidate.replace(/[\s'"\\$`|;&()<>!*?]/g, '\\$&');
}

/**
 * The completions of the word ending at `cursor`: sorted, unique, filtered by the typed prefix.
 * Never throws: a line it cannot read (an open quote, a comment) has no candidates.
 */
export function complete(lab: CompletionLab, line: string, cursor: number): Completion {
  const at = Number.isFinite(cursor) ? Math.max(0, Math.min(Math.trunc(cursor), line.length)) : line.length;
  const scanned = scan(line.slice(0, at));
  if (!scanned) return { ...NONE, from: at };
  const { words, partial } = scanned;
  try {
    const found = candidatesFor(lab, words, partial.text).filter((c) => c.startsWith(partial.text));
    return { from: partial.start, candidates: [...new Set(found)].sort().map(shellWord) };
  } catch {
    // A completion must never take the prompt down; a lab bug here shows as no candidates.
    return { ...NONE, from: at };
  }
}
