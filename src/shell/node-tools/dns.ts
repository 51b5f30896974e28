// The DNS clients: dig, host and nslookup from bind9 (Ubuntu's bind9-dnsutils, Alpine's bind-tools),
// busybox's nslookup applet, and getent. Which one answers depends on the host: a node has bind9's,
// a container what its image ships; a missing program gets the shell's "not found".
import type { CommandContext, CommandSpec } from '../types.js';
import { dnsEnvFor, notFound } from './dns/env.js';
import { runDig } from './dns/dig.js';
import { runHost } from './dns/host.js';
import { runBindNslookup } from './dns/nslookup-bind.js';
import { runBusyboxNslookup, runOldBusyboxNslookup } from './dns/nslookup-busybox.js';
import { runGetent } from './dns/getent.js';

function nslookup(ctx: CommandContext): number {
  const env = dnsEnvFor(ctx);
  switch (env.tools.nslookup) {
    case 'bind':
      return runBindNslookup(ctx, env);
    case 'busybox':
      return runBusyboxNslookup(ctx, env);
    case 'busybox-1.28':
      return runOldBusyboxNslookup(ctx, env);
    case undefined:
      return notFound(ctx, env, 'nslookup');
    default: {
      const never: never = env.tools.nslookup;
      return never;
    }
  }
}

/** dig, host, nslookup and getent, as the current host has them. */
export const DNS_COMMANDS: CommandSpec[] = [
  {
    name: 'nslookup',
    usage: 'nslookup [-type=TYPE] NAME [SERVER]',
    summary: 'look a name up in DNS (bind9 on nodes, busybox in busybox and alpine images)',
    where: 'any',
    group: 'node',
    run: nslookup,
  },
  {
    name: 'dig',
    usage: 'dig [@SERVER] [-t TYPE] [-x ADDR] [+short] [+search] NAME [TYPE]',
    summary: 'query a DNS server and show the whole reply',
    where: 'any',
    group: 'node',
    run(ctx) {
      const env = dnsEnvFor(ctx);
      return env.tools.bind ? runDig(ctx, env, env.tools.bind) : notFound(ctx, env, 'dig');
    },
  },
  {
    name: 'host',
    usage: 'host [-t TYPE] NAME [SERVER]',
    summary: 'look a name or address up in DNS, one line per record',
    where: 'any',
    group: 'node',
    run(ctx) {
      const env = dnsEnvFor(ctx);
      return env.tools.bind ? runHost(ctx, env) : notFound(ctx, env, 'host');
    },
  },
  {
    name: 'getent',
    usage: 'getent hosts [NAME|ADDR...]',
    summary: 'resolve names as programs do: /etc/hosts, then DNS with the search list',
    where: 'any',
    group: 'node',
    run(ctx) {
      const env = dnsEnvFor(ctx);
      return env.tools.getent ? runGetent(ctx, env, env.tools.getent) : notFound(ctx, env, 'getent');
    },
  },
];
