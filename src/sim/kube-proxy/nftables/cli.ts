// The `nft` command line over kube-proxy's tables, as nftables 1.0.2 answers (src/main.c,
// src/rule.c do_list_*, src/erec.c erec_print): the listings, `-v`, and the "No such file or
// directory" error with the command echoed and carets under the missing name. Commands that change
// the ruleset are refused with a lab message: kube-proxy rewrites its table on every sync.
import type { NftTable } from '../types.js';
import { nftListChain, nftListRuleset, nftListSet, nftListTable, nftListTables, type NftDynamic } from './render.js';

/** What a command printed and its exit status. */
export interface CliResult {
  stdout: string;
  stderr: string;
  status: number;
}

const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];
const WRITES = ['add', 'create', 'insert', 'replace', 'delete', 'destroy', 'flush', 'reset', 'rename', 'import', 'monitor'];

function ok(stdout: string): CliResult {
  return { stdout, stderr: '', status: 0 };
}

/** nft's error record: the message, the command line, carets under the offending word. */
function notFound(line: string, word: number): CliResult {
  const words = line.split(' ');
  const start = words.slice(0, word).join(' ').length + (word > 0 ? 1 : 0);
  const carets = `${' '.repeat(start)}${'^'.repeat(words[word]!.length)}`;
  return { stdout: '', stderr: `Error: No such file or directory\n${line}\n${carets}\n`, status: 1 };
}

function lab(msg: string): CliResult {
  return { stdout: '', stderr: `k8s-svc-lab: ${msg}\n`, status: 1 };
}

/** Splits `[family] name...` the way nft's grammar does (family defaults to ip). */
function withFamily(words: string[]): { family: string; rest: string[]; offset: number } {
  return FAMILIES.includes(words[0] ?? '') ? { family: words[0]!, rest: words.slice(1), offset: 1 } : { family: 'ip', rest: words, offset: 0 };
}

function list(tables: NftTable[], words: string[], line: string, dyn?: NftDynamic): CliResult {
  const what = words[1];
  const f = withFamily(words.slice(2));
  const famTables = (fam?: string): NftTable[] => tables.filter((t) => !fam || (t.family ?? 'ip') === fam);
  switch (what) {
    case 'ruleset':
      return ok(nftListRuleset(famTables(words[2]), dyn));
    case 'tables':
      return ok(nftListTables(famTables(words[2])));
    case 'table': {
      const t = tables.find((x) => (x.family ?? 'ip') === f.family && f.rest[0] === 'kube-proxy');
      if (!f.rest[0]) break;
      return t ? ok(nftListTable(t, dyn)) : notFound(line, 2 + f.offset);
    }
    case 'chain':
    case 'set':
    case 'map': {
      const [tableName, name] = f.rest;
      if (!tableName || !name) break;
      const t = tables.find((x) => (x.family ?? 'ip') === f.family && tableName === 'kube-proxy');
      if (!t) return notFound(line, 2 + f.offset);
      if (what === 'chain') {
        const c = t.chains.find((x) => x.name === name);
        return c ? ok(nftListChain(t, c)) : notFound(line, 3 + f.offset);
      }
      const s = t.sets.find((x) => x.name === name && x.kind === what);
      return s ? ok(nftListSet(t, s, dyn)) : notFound(line, 3 + f.offset);
    }
    default:
      break;
  }
  return lab('this lab\'s nft lists: list ruleset | list tables | list table [ip|ip6] kube-proxy | list chain|set|map [ip|ip6] kube-proxy NAME');
}

/** Runs `nft ARGS...` against the node's kube-proxy tables (none outside nftables mode). */
export function nftCommand(tables: NftTable[], args: string[], dyn?: NftDynamic): CliResult {
  if (args.length === 0) return { stdout: '', stderr: 'nft: no command specified\n', status: 1 };
  if (args[0] === '-v' || args[0] === '--version') return ok('nftables v1.0.2 (Lester Gooch)\n');
  const words = args.filter((a) => !/^-[anstcj]+$/.test(a)).join(' ').split(/\s+/).filter(Boolean);
  const line = words.join(' ');
  if (WRITES.includes(words[0] ?? '')) return lab('the kube-proxy tables are kube-proxy\'s: it rewrites them on every sync, so change Services and Pods instead');
  if (words[0] === 'list') return list(tables, words, line, dyn);
  return lab('this lab\'s nft lists tables only (try `nft list ruleset`)');
}
