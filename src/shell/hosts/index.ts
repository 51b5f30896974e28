// The commands that move between and look at the lab's hosts: ssh, exit, hostname, ip,
// minikube (as a familiar alias for the control plane), whoami, uname.
import { listStored } from '../../sim/api-server/store.js';
import type { Node } from '../../sim/types.js';
import { currentHost, type CommandContext, type CommandSpec } from '../types.js';
import { enterHost } from './enter.js';
import { ipAddr, ipRoute } from './net.js';
import { isLaptopTarget, LAPTOP_NAME, laptopIpAddr, laptopIpRoute } from './laptop.js';
import { psAux } from './procs.js';
import { readFile, writeFile } from '../fs.js';

function nodeByNameOrIP(ctx: CommandContext, target: string): Node | undefined {
  const name = target.replace(/^[^@]*@/, '');
  return listStored<Node>(ctx.sim, 'nodes').find((n) => n.metadata.name === name || n.status.addresses.some((a) => a.address === name));
}

const ssh: CommandSpec = {
  name: 'ssh',
  usage: 'ssh NODE',
  summary: 'log in to another node of the cluster (by name or InternalIP), or to `laptop`, your machine outside it',
  where: 'node',
  group: 'node',
  complete: (ctx) => [...listStored<Node>(ctx.sim, 'nodes').map((n) => n.metadata.name!), LAPTOP_NAME],
  run(ctx) {
    const target = ctx.args.find((a) => !a.startsWith('-'));
    if (!target) {
      ctx.stderr('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address] [-c cipher_spec] destination [command [argument ...]]\n');
      return 255;
    }
    if (isLaptopTarget(target)) {
      enterHost(ctx.sim, ctx.shell, { kind: 'node', node: LAPTOP_NAME });
      return 0;
    }
    const node = nodeByNameOrIP(ctx, target);
    if (!node) {
      ctx.stderr(`ssh: Could not resolve hostname ${target.replace(/^[^@]*@/, '')}: Name or service not known\n`);
      return 255;
    }
    enterHost(ctx.sim, ctx.shell, { kind: 'node', node: node.metadata.name! });
    return 0;
  },
};

/**
 * The status `exit N` leaves (bash exit.def get_exitstat): N's low eight bits, `$?` without N;
 * 2 and bash's (or busybox ash's) message for a non-number; undefined, staying, for extra words.
 */
function exitStatus(ctx: CommandContext): number | undefined {
  const h = currentHost(ctx.shell);
  const ash = h.kind === 'pod' && h.shell !== 'bash';
  if (ctx.args.length > 1 && !ash) {
    ctx.stderr('bash: exit: too many arguments\n');
    return undefined;
  }
  const arg = ctx.args[0];
  if (arg === undefined) return ctx.shell.lastStatus;
  const m = ash ? /^\d+$/.exec(arg) : /^\s*[-+]?\d+\s*$/.exec(arg);
  const n = m ? BigInt(arg.trim()) : undefined;
  if (n === undefined || n > 2n ** 63n - 1n || n < -(2n ** 63n)) {
    ctx.stderr(ash ? `sh: exit: Illegal number: ${arg}\n` : `bash: exit: ${arg}: numeric argument required\n`);
    return 2;
  }
  return Number(BigInt.asUintN(8, n));
}

const exit: CommandSpec = {
  name: 'exit',
  aliases: ['logout'],
  usage: 'exit [N]',
  summary: 'leave the current host (ssh session or container); on controlplane, end the session',
  where: 'any',
  group: 'shell',
  run(ctx) {
    const code = exitStatus(ctx);
    if (code === undefined) return 1;
    if (ctx.shell.hosts.length <= 1) {
      ctx.signal?.('exit');
      return code;
    }
    const left = ctx.shell.hosts.pop()!;
    if (left.kind === 'node') ctx.stdout(`logout\nConnection to ${left.node} closed.\n`);
    return code;
  },
};

const hostname: CommandSpec = {
  name: 'hostname',
  usage: 'hostname [-i]',
  summary: 'print the name (or with -i the address) of the current host',
  where: 'any',
  group: 'node',
  run(ctx) {
    const h = currentHost(ctx.shell);
    if (ctx.args.includes('-i') || ctx.args.includes('-I')) {
      const ip = h.kind === 'node' && h.node === LAPTOP_NAME ? '192.168.1.23 192.168.56.1' : h.kind === 'node'
        ? listStored<Node>(ctx.sim, 'nodes').find((n) => n.metadata.name === h.node)?.status.addresses.find((a) => a.type === 'InternalIP')?.address
        : (ctx.sim.objects['pods']?.[`${h.namespace}/${h.pod}`]?.status as { podIP?: string } | undefined)?.podIP;
      ctx.stdout(`${ip ?? ''}\n`);
      return 0;
    }
    ctx.stdout(`${h.kind === 'node' ? h.node : h.pod}\n`);
    return 0;
  },
};

const ip: CommandSpec = {
  name: 'ip',
  usage: 'ip addr | ip route',
  summary: 'show the interfaces and routes of the current host',
  where: 'any',
  group: 'node',
  run(ctx) {
    const obj = ctx.args[0] ?? '';
    const h = currentHost(ctx.shell);
    const laptop = h.kind === 'node' && h.node === LAPTOP_NAME;
    if (['a', 'ad', 'addr', 'address'].includes(obj)) ctx.stdout(laptop ? laptopIpAddr() : ipAddr(ctx.sim, h));
    else if (['r', 'ro', 'route'].includes(obj)) ctx.stdout(laptop ? laptopIpRoute() : ipRoute(ctx.sim, h));
    else {
      ctx.stderr(obj ? `Object "${obj}" is unknown, try "ip help".\n` : 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n');
      return obj ? 1 : 255;
    }
    return 0;
  },
};

const minikube: CommandSpec = {
  name: 'minikube',
  usage: 'minikube ip | minikube ssh',
  summary: 'familiar shortcuts: the control plane\'s IP, or a shell on it',
  where: 'node',
  group: 'node',
  run(ctx) {
    const cp = listStored<Node>(ctx.sim, 'nodes')[0]!;
    if (ctx.args[0] === 'ip') {
      ctx.stdout(`${cp.status.addresses.find((a) => a.type === 'InternalIP')?.address}\n`);
      return 0;
    }
    if (ctx.args[0] === 'ssh') {
      enterHost(ctx.sim, ctx.shell, { kind: 'node', node: cp.metadata.name! });
      return 0;
    }
    ctx.stderr('k8s-svc-lab: minikube here knows only `minikube ip` and `minikube ssh` (this cluster is a kubeadm one)\n');
    return 1;
  },
};

const whoami: CommandSpec = {
  name: 'whoami', usage: 'whoami', summary: 'print the user name', where: 'any', group: 'node',
  run(ctx) {
    ctx.stdout('root\n');
    return 0;
  },
};

const uname: CommandSpec = {
  name: 'uname', usage: 'uname [-a|-r|-n]', summary: 'print system information', where: 'any', group: 'node',
  run(ctx) {
    const h = currentHost(ctx.shell);
    const name = h.kind === 'node' ? h.node : h.pod;
    const a = ctx.args[0];
    const text = a === '-a' ? `Linux ${name} 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`
      : a === '-r' ? '5.15.0-126-generic' : a === '-n' ? name : 'Linux';
    ctx.stdout(`${text}\n`);
    return 0;
  },
};

const ps: CommandSpec = {
  name: 'ps', usage: 'ps aux', summary: 'list the processes of the current host (the kubelet, containerd, the containers)', where: 'any', group: 'node',
  run(ctx) {
    ctx.stdout(psAux(ctx.sim, currentHost(ctx.shell)));
    return 0;
  },
};

/** vi / vim / nano: the TUI opens the learner's editor; a script cannot edit interactively. */
function editor(name: string): CommandSpec {
  return {
    name, usage: `${name} FILE`, summary: 'edit a file of the lab (in the interactive lab)', where: 'any', group: 'files',
    run(ctx) {
      const path = ctx.args.find((a) => !a.startsWith('-'));
      if (!ctx.host.edit || ctx.mode === 'script') {
        ctx.stderr(`k8s-svc-lab: ${name} needs the interactive lab; in scripts write files with cat > FILE <<EOF ... EOF, and change objects with kubectl apply -f or kubectl patch\n`);
        return 1;
      }
      if (!path) {
        ctx.stderr(`k8s-svc-lab: ${name}: name the file to edit\n`);
        return 1;
      }
      const current = readFile(ctx, path);
      const edited = ctx.host.edit(path, current.ok ? current.content : '');
      if (edited === undefined) return 0;
      const w = writeFile(ctx, path, edited);
      if (!w.ok) {
        ctx.stderr(`${name}: ${path}: ${w.error}\n`);
        return 1;
      }
      return 0;
    },
  };
}

/** ssh, exit, hostname, ip, ps, minikube, the editors and friends. */
export const HOST_COMMANDS: CommandSpec[] = [ssh, exit, hostname, ip, ps, minikube, whoami, uname, editor('vi'), editor('vim'), editor('nano')];
