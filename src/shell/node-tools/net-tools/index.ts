// The client network tools a learner tests Services with — curl, wget, nc, ping, telnet — as the
// host's own builds print them (Ubuntu's on the nodes, each image's in a container). Formatters are
// pure (curl-format, wget-gnu, wget-busybox, nc-format, ping-format, telnet-format); the commands
// only resolve, connect through the dataplane, ask the server and write what the formatter says.
import type { CommandSpec } from '../../types.js';
import { CURL_COMMAND } from './curl.js';
import { NC_COMMAND } from './nc.js';
import { PING_COMMAND } from './ping.js';
import { TELNET_COMMAND } from './telnet.js';
import { WGET_COMMAND } from './wget.js';
import { netToolAvailable } from './flavours.js';

/** Which tools a host has: the one table, and the check command lookup uses for `sh: curl: not found`. */
export { imageTools, isNetTool, netToolAvailable, toolFlavour, type Flavour, type NetTool } from './flavours.js';

/** The client network tools, for the command table (`where: 'any'`; netToolAvailable says which a host has). */
export const NET_TOOL_COMMANDS: CommandSpec[] = [CURL_COMMAND, WGET_COMMAND, NC_COMMAND, PING_COMMAND, TELNET_COMMAND]
  .map((c) => ({ ...c, availableIn: (ctx) => netToolAvailable(ctx, c.name) }));
