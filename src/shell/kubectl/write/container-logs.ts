// What a container has written to stdout/stderr, as the kubelet's CRI log would hold it: the
// official nginx image's docker-entrypoint and master-process startup lines, and the `echo`
// output of busybox-style shell commands. Left out: access-log lines (they come with the dataplane).
import type { Container } from '../../../sim/types.js';

const NGINX_MINORS: Record<string, string> = { '1.25': '1.25.5', '1.26': '1.26.3', '1.27': '1.27.5', '1.28': '1.28.0', '1.29': '1.29.3' };

/** nginx's error-log timestamp (`2026/01/15 09:00:05`) for an RFC 3339 time. */
function nginxTime(rfc3339: string): string {
  return rfc3339.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2}).*$/, '$1/$2/$3 $4');
}

function nginxVersion(image: string): string {
  const tag = /:([^/@]+)$/.exec(image.split('@')[0]!)?.[1] ?? 'latest';
  const full = /^(\d+\.\d+\.\d+)/.exec(tag);
  if (full) return full[1]!;
  const minor = /^(\d+\.\d+)/.exec(tag);
  return (minor && NGINX_MINORS[minor[1]!]) || '1.29.3';
}

function nginxLines(image: string, startedAt: string): string[] {
  const t = nginxTime(startedAt);
  const version = nginxVersion(image);
  const gcc = version >= '1.28' ? 'gcc 12.2.0 (Debian 12.2.0-14+deb12u1)' : 'gcc 12.2.0 (Debian 12.2.0-14)';
  return [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${t} [notice] 1#1: using the "epoll" event method`,
    `${t} [notice] 1#1: nginx/${version}`,
    `${t} [notice] 1#1: built by ${gcc} `,
    `${t} [notice] 1#1: OS: Linux 5.15.0-126-generic`,
    `${t} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
    `${t} [notice] 1#1: start worker processes`,
    `${t} [notice] 1#1: start worker process 29`,
    `${t} [notice] 1#1: start worker process 30`,
  ];
}

/** The words of an `echo` inside a shell script, unquoted. */
function echoOutput(script: string): string[] {
  const out: string[] = [];
  for (const part of script.split(/;|&&|\|\||\n/)) {
    const m = /^\s*echo\s+(.*)$/.exec(part);
    if (m) out.push(m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return out;
}

/** The log lines a container has written since it started. */
export function containerLogLines(c: Container, startedAt: string): string[] {
  const image = c.image ?? '';
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.length === 0 && /(^|\/)nginx(:|@|$)/.test(image)) return nginxLines(image, startedAt);
  const shIndex = argv.findIndex((a) => a === '-c');
  if (shIndex >= 0 && argv[shIndex + 1] !== undefined) return echoOutput(argv[shIndex + 1]!);
  if (argv[0] === 'echo') return [argv.slice(1).join(' ')];
  return [];
}
