// bind9's nslookup, non-interactive (bin/dig/nslookup.c printmessage, printsection, addlookup): an A
// lookup through the search list, then AAAA for the name the CNAME chain ends at; `Server:` header,
// `** server can't find`, and a closing blank line. Left out: interactive mode, -debug, -vc.
import { isIP } from '../../../sim/net.js';
import { reverseName } from '../../../sim/dns/names.js';
import { DNS_TYPES, type DnsResponse, type DnsType } from '../../../sim/dns/types.js';
import type { CommandContext } from '../../types.js';
import { bindLookup, chaseCnames, type BindLookupOptions } from './bind-lookup.js';
import type { DnsEnv } from './env.js';
import { nameText, rdataText } from './records-text.js';

/** The words nslookup puts between owner and data (nslookup.c rtypetext). */
const RTYPE_TEXT: Partial<Record<DnsType, string>> = {
  NS: 'nameserver = ', CNAME: 'canonical name = ', PTR: 'name = ', MX: 'mail exchanger = ', TXT: 'text = ', SRV: 'service = ',
};

/** printsection: `Name:`/`Address:` pairs for addresses, the SOA block, `owner<TAB>word = data` for the rest. */
export function nslookupSection(records: DnsResponse['answer'], answerSection: boolean): string[] {
  return records.flatMap((r) => {
    if ((r.type === 'A' || r.type === 'AAAA') && answerSection) return [`Name:\t${nameText(r.name)}`, `Address: ${r.address}`];
    if (r.type === 'SOA') {
      return [nameText(r.name), `\torigin = ${r.mname}`, `\tmail addr = ${r.rname}`, `\tserial = ${r.serial}`, `\trefresh = ${r.refresh}`,
        `\tretry = ${r.retry}`, `\texpire = ${r.expire}`, `\tminimum = ${r.minimum}`];
    }
    const word = r.type === 'A' ? 'internet address = ' : r.type === 'AAAA' ? 'has AAAA address ' : RTYPE_TEXT[r.type] ?? '';
    return [`${nameText(r.name)}\t${word}${rdataText(r)}`];
  });
}

interface Run { out: string[]; error: number; aNoAnswer: boolean }

/** printmessage for one reply; returns the name to look up AAAA for next, if any. */
function printReply(run: Run, r: DnsResponse, type: DnsType, textname: string, header: string[], defaults: boolean): string | undefined {
  if (!defaults || type === 'A') run.out.push(...header);
  if (r.rcode !== 'NOERROR') {
    run.out.push(`** server can't find ${nameText(r.question.name)}: ${r.rcode}`);
    run.error = 1;
    return undefined;
  }
  if (!r.authoritative && (!defaults || type === 'A')) run.out.push('Non-authoritative answer:');
  if (r.answer.length) run.out.push(...nslookupSection(r.answer, true));
  else if (defaults && type === 'A') run.aNoAnswer = true;
  else if (!defaults || (type === 'AAAA' && run.aNoAnswer)) run.out.push(`*** Can't find ${textname}: No answer`);
  if (!r.authoritative && type !== 'A' && type !== 'AAAA') run.out.push('', 'Authoritative answers can be found from:', ...nslookupSection(r.authority, false), ...nslookupSection(r.additional, false));
  return defaults && type === 'A' ? nameText(chaseCnames(r, r.question.name)) : undefined;
}

/** Runs `nslookup [-type=T] NAME [SERVER]`; exit 1 when a lookup failed or no server answered. */
export function runBindNslookup(ctx: CommandContext, env: DnsEnv): number {
  let type: DnsType | undefined;
  const words: string[] = [];
  for (const a of ctx.args) {
    const m = /^-(?:type|querytype|query|q|ty)=(.*)$/i.exec(a);
    if (m && (DNS_TYPES as readonly string[]).includes(m[1]!.toUpperCase())) type = m[1]!.toUpperCase() as DnsType;
    else if (m) ctx.stdout(`unknown query type: ${m[1]}\n`);
    else if (!a.startsWith('-')) words.push(a);
  }
  const [name, serverArg] = words;
  if (!name) return usage(ctx);
  const server = serverArg ?? env.conf.nameservers[0] ?? '127.0.0.1';
  const opts: BindLookupOptions = { search: true, tries: 3, server, checkRa: serverArg === undefined, sayServfail: true };
  const defaults = type === undefined;
  const run: Run = { out: [], error: 0, aNoAnswer: false };
  const header = [`Server:\t\t${server}`, `Address:\t${server}#53`, ''];
  let next: { name: string; type: DnsType; text: string } | undefined = isIP(name)
    ? { name: reverseName(name), type: 'PTR', text: reverseName(name) } : { name, type: type ?? 'A', text: name };
  while (next) {
    const res = bindLookup(env, next.name, next.type, next.type === 'AAAA' && defaults ? { ...opts, search: false } : opts);
    run.out.push(...res.lines);
    if (!res.reply) {
      run.out.push(';; no servers could be reached', '');
      ctx.stdout(run.out.map((l) => `${l}\n`).join(''));
      return 1;
    }
    const aaaa = printReply(run, res.reply.response, next.type, next.text, header, defaults);
    next = aaaa ? { name: `${aaaa}.`, type: 'AAAA', text: aaaa } : undefined;
  }
  run.out.push('');
  ctx.stdout(run.out.map((l) => `${l}\n`).join(''));
  return run.error;
}

function usage(ctx: CommandContext): number {
  ctx.stderr('Usage:\n   nslookup [-opt ...]             # interactive mode using default server\n   nslookup [-opt ...] - server    # interactive mode using \'server\'\n   nslookup [-opt ...] host        # just look up \'host\' using default server\n   nslookup [-opt ...] host server # just look up \'host\' using \'server\'\n');
  return 1;
}
