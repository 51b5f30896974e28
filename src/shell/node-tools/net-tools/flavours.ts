// Which build of each client tool a host has: the nodes and the laptop run Ubuntu 22.04 (curl
// 7.81.0, GNU Wget 1.21.2, netcat-openbsd 1.218, iputils 20211215, netkit telnet); a container has
// what its image ships, from each image's Dockerfile. The one table the lab consults for both
// "which tool answers" and "sh: curl: not found".
import { getStored } from '../../../sim/api-server/store.js';
import { parseImageRef, repositoryOf } from '../../../sim/node/image-ref.js';
import type { Pod } from '../../../sim/types.js';
import { currentHost, type CommandContext } from '../../types.js';

/** The client network tools the lab provides. */
export type NetTool = 'curl' | 'wget' | 'nc' | 'ping' | 'telnet';

/** The curl releases the lab imitates. */
export type CurlVersion = '7.81.0' | '7.88.1' | '8.17.0';

/** One build of a tool. */
export type Flavour =
  | { tool: 'curl'; version: CurlVersion }
  | { tool: 'wget' | 'nc' | 'ping' | 'telnet'; impl: 'gnu' | 'busybox' | 'openbsd' | 'iputils' | 'netkit' };

const curl = (version: CurlVersion): Flavour => ({ tool: 'curl', version });
const BUSYBOX = { wget: { tool: 'wget', impl: 'busybox' }, nc: { tool: 'nc', impl: 'busybox' }, ping: { tool: 'ping', impl: 'busybox' } } as const;
const BB_TELNET = { tool: 'telnet', impl: 'busybox' } as const;

/** Ubuntu 22.04 on the nodes and the laptop. */
const UBUNTU: Partial<Record<NetTool, Flavour>> = {
  curl: curl('7.81.0'), wget: { tool: 'wget', impl: 'gnu' }, nc: { tool: 'nc', impl: 'openbsd' },
  ping: { tool: 'ping', impl: 'iputils' }, telnet: { tool: 'telnet', impl: 'netkit' },
};

/**
 * Image repository → the tools on its PATH.
 * - busybox: the defconfig applets (wget, nc with NC_110_COMPAT, ping, telnet); no curl.
 * - alpine: busybox without telnet (Alpine moved it to busybox-extras).
 * - curlimages/curl: Alpine plus curl 8.17.0 (the release current when the lab's clock starts, Jan 2026).
 * - nicolaka/netshoot: Alpine 3.22 + edge with curl, iputils, netcat-openbsd and busybox-extras (telnet);
 *   its curl is assumed to be 8.17.0 too (edge at build time; uncertain).
 * - nginx: the Debian image installs curl with nginx; bookworm's curl 7.88.1 is assumed for every tag
 *   (nginx 1.29.1+ may be built on trixie, curl 8.14.1: uncertain). No wget, nc or ping.
 * - kodekloud/webapp-color, ealen/echo-server, flannel: Alpine-based, busybox applets.
 * Everything else in the catalogue (distroless control plane, scratch Go servers, Debian/Oracle
 * servers) has none of these tools.
 */
const IMAGE_TOOLS: Record<string, Partial<Record<NetTool, Flavour>>> = {
  'docker.io/library/busybox': { ...BUSYBOX, telnet: BB_TELNET },
  'docker.io/library/alpine': { ...BUSYBOX },
  'docker.io/curlimages/curl': { ...BUSYBOX, curl: curl('8.17.0') },
  'docker.io/nicolaka/netshoot': {
    curl: curl('8.17.0'), wget: BUSYBOX.wget, nc: { tool: 'nc', impl: 'openbsd' }, ping: { tool: 'ping', impl: 'iputils' }, telnet: BB_TELNET,
  },
  'docker.io/library/nginx': { curl: curl('7.88.1') },
  'docker.io/kodekloud/webapp-color': { ...BUSYBOX },
  'docker.io/ealen/echo-server': { ...BUSYBOX },
  'ghcr.io/flannel-io/flannel': { ...BUSYBOX },
};

/** The tools of an image reference (any tag). */
export function imageTools(image: string): Partial<Record<NetTool, Flavour>> {
  return IMAGE_TOOLS[repositoryOf(parseImageRef(image))] ?? {};
}

/** The build of a tool on the current host, or undefined when the host does not have it. */
export function toolFlavour(ctx: Pick<CommandContext, 'sim' | 'shell'>, tool: NetTool): Flavour | undefined {
  const host = currentHost(ctx.shell);
  if (host.kind === 'node') return UBUNTU[tool];
  const pod = getStored<Pod>(ctx.sim, 'pods', `${host.namespace}/${host.pod}`);
  const image = pod?.spec.containers.find((c) => c.name === host.container)?.image;
  return image ? imageTools(image)[tool] : undefined;
}

/** True when a name is one of the client network tools. */
export function isNetTool(name: string): name is NetTool {
  return name === 'curl' || name === 'wget' || name === 'nc' || name === 'ping' || name === 'telnet';
}

/** Whether the current host has a client network tool (false for other names); command lookup uses it for `sh: curl: not found`. */
export function netToolAvailable(ctx: Pick<CommandContext, 'sim' | 'shell'>, name: string): boolean {
  return isNetTool(name) && toolFlavour(ctx, name) !== undefined;
}
