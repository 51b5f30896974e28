// Which DNS clients a host has and how its resolver is set: Ubuntu 22.04 nodes ship bind9-dnsutils
// (dig, host, nslookup) and glibc's getent; containers have what their image ships (busybox's
// nslookup applet, Alpine's bind-tools, musl-utils' getent, or only Debian's getent).
import type { Pod } from '../../../sim/types.js';
import { getStored } from '../../../sim/api-server/store.js';
import { parseImageRef, repositoryOf } from '../../../sim/node/image-ref.js';
import { parseResolvConf, resolvConfFor, type DnsHost, type ResolvConf } from '../../../sim/dns/resolv-conf.js';
import type { DnsTransport } from '../../../sim/dns/resolver.js';
import { currentHost, type CommandContext } from '../../types.js';
import { readFile } from '../../fs.js';
import { dnsTransportFor } from '../dns-transport.js';

/** The DNS programs of a host; absent ones answer "not found". */
export interface DnsTools {
  /** bind9's nslookup, busybox's applet before 1.29 (libc lookups), or its rewrite (own queries). */
  nslookup?: 'bind' | 'busybox-1.28' | 'busybox';
  /** The bind9 version dig prints in its banner, when dig and host are installed. */
  bind?: string;
  /** getent from glibc (libc-bin) or from musl-utils. */
  getent?: 'glibc' | 'musl';
}

/** Everything a DNS client needs from the host it runs on. */
export interface DnsEnv {
  tools: DnsTools;
  conf: ResolvConf;
  transport: DnsTransport;
  /** The shell that reports a missing program: bash on nodes and bash images, busybox sh elsewhere. */
  shell: 'bash' | 'sh';
  now: number;
}

/** bind9-dnsutils on Ubuntu 22.04 (jammy-updates). */
export const UBUNTU_BIND = '9.18.30-0ubuntu0.22.04.2-Ubuntu';
const ALPINE_BIND = '9.18.41';

const BUSYBOX: DnsTools = { nslookup: 'busybox', getent: 'musl' };
const ALPINE_BIND_TOOLS: DnsTools = { nslookup: 'bind', bind: ALPINE_BIND, getent: 'musl' };

/** The DNS tools of images, by normalised repository; anything unlisted is Debian-like (getent only). */
const IMAGE_TOOLS: Record<string, DnsTools> = {
  'docker.io/library/alpine': BUSYBOX,
  'docker.io/curlimages/curl': BUSYBOX,
  'docker.io/kodekloud/webapp-color': BUSYBOX,
  'docker.io/ealen/echo-server': BUSYBOX,
  'docker.io/nicolaka/netshoot': ALPINE_BIND_TOOLS,
  'registry.k8s.io/e2e-test-images/agnhost': ALPINE_BIND_TOOLS,
  'registry.k8s.io/e2e-test-images/jessie-dnsutils': { nslookup: 'bind', bind: '9.9.5-9+deb8u19-Debian', getent: 'glibc' },
  'docker.io/hashicorp/http-echo': {},
  'docker.io/jmalloc/echo-server': {},
};

/** The DNS tools of a container image; busybox images lack getent and switched nslookup in 1.29. */
export function toolsForImage(image: string): DnsTools {
  const ref = parseImageRef(image);
  const repo = repositoryOf(ref);
  if (repo === 'docker.io/library/busybox') {
    const m = /^(\d+)\.(\d+)/.exec(ref.tag ?? 'latest');
    const old = m !== null && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) <= 28));
    return { nslookup: old ? 'busybox-1.28' : 'busybox' };
  }
  return IMAGE_TOOLS[repo] ?? { getent: 'glibc' };
}

/** The DNS environment of the host the prompt is on. */
export function dnsEnvFor(ctx: CommandContext): DnsEnv {
  const h = currentHost(ctx.shell);
  const host: DnsHost = h.kind === 'node' ? { kind: 'node', node: h.node } : { kind: 'pod', namespace: h.namespace, pod: h.pod };
  const file = readFile(ctx, '/etc/resolv.conf');
  const conf = parseResolvConf(file.ok ? file.content : resolvConfFor(ctx.sim, host));
  const base = { conf, transport: dnsTransportFor(ctx), now: ctx.sim.now };
  if (h.kind === 'node') return { ...base, tools: { nslookup: 'bind', bind: UBUNTU_BIND, getent: 'glibc' }, shell: 'bash' };
  const pod = getStored<Pod>(ctx.sim, 'pods', `${h.namespace}/${h.pod}`);
  const image = pod?.spec.containers.find((c) => c.name === h.container)?.image ?? '';
  return { ...base, tools: toolsForImage(image), shell: h.shell === 'bash' ? 'bash' : 'sh' };
}

/** What the shell prints for a program the host does not have (bash execute_cmd.c, busybox ash). */
export function notFound(ctx: CommandContext, env: DnsEnv, name: string): number {
  ctx.stderr(env.shell === 'sh' ? `sh: ${name}: not found\n` : `bash: ${name}: command not found\n`);
  return 127;
}
