// What must hold after every line a learner types, whatever the line: the shell returned a status,
// what it printed has the shape bash, kubectl or the tool would print (never a JavaScript error or
// a leaked `undefined`), each line finishes quickly, and the cluster stays consistent: unique pod
// IPs, ClusterIPs and NodePorts, endpoints that are matching pods, iptables jumps that land.
import { createCluster } from '../../src/sim/cluster.js';
import { listStored } from '../../src/sim/api-server/store.js';
import { LABEL_MANAGED_BY } from '../../src/sim/controllers/endpointslice-reconcile.js';
import type { SimState } from '../../src/sim/state.js';
import type { EndpointSlice, Pod, Service } from '../../src/sim/types.js';
import { runLine, type RunResult } from '../../src/shell/shell.js';
import { newShellState } from '../../src/shell/state.js';
import { commandTable } from '../../src/shell/command-table.js';
import type { TestLab } from '../shell/harness.js';

/** Longest one line may take (wall clock, on a busy two-core machine) before it counts as a hang. */
export const SLOW_LINE_MS = 10_000;

/** What one line showed. */
export interface StepResult { line: string; out: string; err: string; status: number; ms: number }

const TOOLS = commandTable().flatMap((c) => [c.name, ...(c.aliases ?? [])]).filter((n) => /^[\w-]+$/.test(n)).join('|');

/** Shapes a line of standard error may take: bash's, kubectl's and the API server's, a tool's own, the lab's. */
const STDERR_SHAPES: RegExp[] = [
  // bash, the lab's own notices, and the indented or empty lines inside any message
  /^(bash|sh): /, /^k8s-svc-lab: /, /^\s/, /^$/,
  // kubectl and the API server, with the continuation lines of their longer messages
  /^error: /, /^Error from server/, /^Error: /, /^The [\w.]+ "[^"]*" is invalid/, /^Warning: /, /^[WEI]\d{4} /, /^\* /,
  /^See 'kubectl .*' for (usage\.|help and examples)$/, /^Did you mean this\?$/, /^No resources found/, /^Found \d+ pods, using pod\//,
  /^command terminated with exit code \d+$/, /^ensure CRDs are installed first$/, /^Example resource specifications include:$/,
  /^POD or TYPE\/NAME is a required argument/, /^the server doesn't have a resource type "/,
  /^Resource: ".*", GroupVersionKind: "/, /^Name: ".*", Namespace: "/, /^from server for: "/,
  // the tools: `tool: ...`, `tool v1.2 ...`, usage and help hints, and their own second lines
  new RegExp(`^(${TOOLS})(: | \\(|:$| v\\d)`), /^usage:/i, /^note: /, /^Try [`'].*' for more (information|options|help)\.$/,
  /^Two strings must be given when translating\.$/, /^Object ".*" is unknown, try "ip help"\.$/,
  /^Perhaps iptables or your kernel needs to be upgraded\.$/, /^Connection to \S+ \d+ port \[.*\] succeeded!$/,
  /: (Bad port number|Invalid host name|Unsupported scheme|Scheme missing)\.$/,
  // telnet's session messages and wget's progress log go to standard error
  /^(Trying \S+\.\.\.|Connected to |Escape character is '\^]'\.|Connection closed by foreign host)/,
  /^(--)?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(-- {2}| )/, /^(Resolving|Connecting to|HTTP request sent|Length|Saving to|Spider mode|Remote file|Retrying|Giving up|failed:)/,
];

/** Text that only a bug in the lab prints. */
const BUG_TEXT: [RegExp, string][] = [
  [/\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b/, 'a JavaScript error'],
  [/^\s+at .*(:\d+:\d+\)?|<anonymous>)$/m, 'a stack frame'],
  [/k8s-svc-lab: internal error/, 'the internal-error report'],
  [/\[object Object\]/, '[object Object]'],
  [/\bundefined\b(?! tag handle)/, 'undefined'],
  [/\bNaN\b/, 'NaN'],
  [/\bInfinity\b/, 'Infinity'],
];

/** Commands that may fail without a word on stderr: searches and tests, quiet clients, tools that report on stdout. */
const QUIET_FAILURES = /(^|[\s;|&(!`$])(false|grep|test|\[|read|exit|logout|curl|wget|nc|ping|nslookup|dig|host|getent|telnet|trace|ssh|watch|xargs|!)(?=$|[\s;|&)])/;

/** What is wrong with what one line showed; `typed` is everything typed so far (text it may echo back). */
export function stepProblems(r: StepResult, typed: string): string[] {
  const out: string[] = [];
  if (!Number.isInteger(r.status) || r.status < 0 || r.status > 255) out.push(`status ${String(r.status)} is not an exit status`);
  const silent = QUIET_FAILURES.test(r.line) || /2>|&>|>&/.test(r.line) || /^[\s\\]*(#.*)?$/.test(r.line);
  if (r.status !== 0 && r.err.trim() === '' && !silent) out.push(`failed (status ${r.status}) without a word on stderr`);
  if (r.ms > SLOW_LINE_MS) out.push(`took ${Math.round(r.ms)} ms`);
  for (const [re, what] of BUG_TEXT) {
    const m = re.exec(`${r.out}\n${r.err}`);
    if (m && !typed.includes(m[0].trim())) out.push(`printed ${what}: ${JSON.stringify(m[0])}`);
  }
  // kubectl's group commands without a subcommand print their whole help on stderr (DefaultSubCommandRun).
  if (/^Available Commands:$/m.test(r.err)) return out;
  for (const l of r.err.split('\n')) {
    if (!STDERR_SHAPES.some((re) => re.test(l)) && !typed.includes(l)) out.push(`stderr line in no known shape: ${JSON.stringify(l.slice(0, 200))}`);
  }
  return [...new Set(out)];
}

/** What is inconsistent in the cluster. */
export function clusterProblems(sim: SimState): string[] {
  return [...uniqueAddresses(sim), ...endpointProblems(sim), ...danglingJumps(sim)];
}

function uniqueAddresses(sim: SimState): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  const claim = (what: string, who: string): void => {
    const had = seen.get(what);
    if (had !== undefined && had !== who) out.push(`${had} and ${who} share ${what}`);
    seen.set(what, who);
  };
  for (const p of listStored<Pod>(sim, 'pods')) {
    const ip = p.status?.podIP;
    if (ip && !p.spec.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') claim(`pod IP ${ip}`, `pod ${p.metadata.namespace}/${p.metadata.name}`);
  }
  for (const s of listStored<Service>(sim, 'services')) {
    const who = `service ${s.metadata.namespace}/${s.metadata.name}`;
    for (const ip of s.spec.clusterIPs ?? []) if (ip !== 'None') claim(`ClusterIP ${ip}`, who);
    for (const p of s.spec.ports ?? []) if (p.nodePort) claim(`nodePort ${p.nodePort}/${p.protocol ?? 'TCP'}`, who);
  }
  return out;
}

function endpointProblems(sim: SimState): string[] {
  const out: string[] = [];
  const pods = new Map(listStored<Pod>(sim, 'pods').map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  for (const slice of listStored<EndpointSlice>(sim, 'endpointslices')) {
    if (slice.metadata.labels?.[LABEL_MANAGED_BY] !== 'endpointslice-controller.k8s.io') continue;
    const svc = sim.objects['services']?.[`${slice.metadata.namespace}/${slice.metadata.labels['kubernetes.io/service-name']}`] as Service | undefined;
    if (!svc) { out.push(`slice ${slice.metadata.name} outlives its Service`); continue; }
    // The controller leaves the slices of a Service that became ExternalName as they were (kubernetes#105986).
    if (svc.spec.type === 'ExternalName' || !svc.spec.selector) continue;
    for (const ep of slice.endpoints ?? []) {
      const pod = ep.targetRef ? pods.get(`${ep.targetRef.namespace}/${ep.targetRef.name}`) : undefined;
      const matches = pod && Object.entries(svc.spec.selector).every(([k, v]) => pod.metadata.labels?.[k] === v);
      if (!matches) out.push(`slice ${slice.metadata.namespace}/${slice.metadata.name} lists ${ep.addresses[0]}, not a pod matching its Service`);
    }
  }
  return out;
}

function danglingJumps(sim: SimState): string[] {
  const out: string[] = [];
  for (const [node, proxier] of Object.entries(sim.proxy ?? {})) {
    const { iptables, leftovers } = proxier.rules;
    for (const table of [iptables.nat, iptables.filter, iptables.mangle]) {
      const extra = table.name === 'mangle' ? {} : leftovers?.[table.name] ?? {};
      const chains = { ...extra, ...table.chains };
      for (const rules of Object.values(chains)) {
        for (const rule of rules) {
          const target = /\s-[jg] ((?:KUBE|FLANNEL)-[\w-]+)/.exec(rule)?.[1];
          if (target && !(target in chains)) out.push(`${node} ${table.name}: ${rule} jumps to missing ${target}`);
        }
      }
    }
  }
  return out;
}

const templates = new Map<number, TestLab>();

/** A freshly booted lab (a copy of one booted per seed: booting takes longer than most lines). */
export function freshLab(seed: number): TestLab {
  let t = templates.get(seed);
  if (!t) {
    const sim = createCluster({ seed });
    t = { sim, shell: newShellState(sim), host: {} };
    templates.set(seed, t);
  }
  return structuredClone(t);
}

/** What a session did: every problem found, the transcript, and the final state. */
export interface SessionRun { problems: string[]; transcript: string; state: string; tried: number; ms: number[] }

/** Runs lines one after another in a lab, checking every invariant after each. */
export function runSession(lab: TestLab, lines: string[]): SessionRun {
  const problems: string[] = [];
  let transcript = '';
  let typed = '';
  const times: number[] = [];
  for (const [i, line] of lines.entries()) {
    typed += `${line}\n`;
    const t0 = performance.now();
    let r: RunResult;
    try {
      r = runLine(lab, line, 'script');
    } catch (e) {
      problems.push(`line ${i + 1} ${JSON.stringify(line.slice(0, 300))}: threw ${e instanceof Error ? e.stack : String(e)}`);
      break;
    }
    const ms = performance.now() - t0;
    times.push(ms);
    const pick = (s: string): string => r.lines.filter((l) => l.stream === s).map((l) => l.text).join('\n');
    const shown: StepResult = { line, out: pick('stdout'), err: pick('stderr'), status: r.status, ms };
    transcript += `$ ${line}\n${r.lines.map((l) => `${l.stream === 'stderr' ? '!' : ' '}${l.text}`).join('\n')}\n[${r.status}]\n`;
    const found = [...stepProblems(shown, typed), ...clusterProblems(lab.sim)];
    problems.push(...found.map((p) => `line ${i + 1} ${JSON.stringify(line.slice(0, 300))}: ${p}`));
    if (found.length > 0) break;
  }
  return { problems, transcript, state: JSON.stringify({ sim: lab.sim, shell: lab.shell }), tried: lines.length, ms: times };
}

/** Throws (with every problem) when a session breaks an invariant; the same when two runs of it differ. */
export function checkSession(seed: number, lines: string[], twice: boolean): SessionRun {
  const a = runSession(freshLab(seed), lines);
  if (a.problems.length > 0) throw new Error(a.problems.join('\n'));
  if (!twice) return a;
  const sim = createCluster({ seed });
  const b = runSession({ sim, shell: newShellState(sim), host: {} }, lines);
  if (a.transcript !== b.transcript) throw new Error(`two runs printed different text:\n${a.transcript}\n---\n${b.transcript}`);
  if (a.state !== b.state) throw new Error('two runs left different states');
  return a;
}
