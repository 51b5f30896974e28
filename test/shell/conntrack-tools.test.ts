// `conntrack` on a node: words in, conntrack-tools 1.4.6's exact text out (entries on stdout,
// the summary and errors on stderr), reading and changing the node's kernel state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testLab, runSpec, type TestLab } from './harness.js';
import { CONNTRACK_COMMANDS } from '../../src/shell/node-tools/conntrack.js';
import { ctInsert, KUBE_PROXY_CT_TIMEOUTS } from '../../src/sim/dataplane/conntrack.js';

const conntrack = CONNTRACK_COMMANDS[0]!;
const TRY = "Try `conntrack -h' or 'conntrack --help' for more information.\n";

const TCP = 'tcp      6 86395 ESTABLISHED src=10.244.0.5 dst=10.96.100.10 sport=41234 dport=80 src=10.244.2.7 dst=10.244.0.5 sport=8080 dport=41234 [ASSURED] mark=0 use=1\n';
const DNS = 'udp      17 25 src=192.168.56.10 dst=10.96.0.10 sport=52011 dport=53 src=10.244.0.2 dst=10.244.0.0 sport=53 dport=52011 mark=0 use=1\n';
const LOST = 'udp      17 25 src=10.244.0.5 dst=10.96.0.10 sport=39000 dport=53 [UNREPLIED] src=10.244.0.3 dst=10.244.0.5 sport=53 dport=39000 mark=0 use=1\n';

/** A lab whose controlplane has three flows, listed 5 s after they were made. */
function lab(): TestLab {
  const l = testLab();
  const k = { conntrack: [], recent: {}, nextId: 1 };
  l.sim.kernel = { controlplane: k };
  const t = l.sim.now;
  ctInsert(k, { proto: 'tcp', src: '10.244.0.5', sport: 41234, dst: '10.96.100.10', dport: 80 }, { src: '10.244.2.7', sport: 8080, dst: '10.244.0.5', dport: 41234 }, t);
  ctInsert(k, { proto: 'udp', src: '192.168.56.10', sport: 52011, dst: '10.96.0.10', dport: 53 }, { src: '10.244.0.2', sport: 53, dst: '10.244.0.0', dport: 52011 }, t);
  ctInsert(k, { proto: 'udp', src: '10.244.0.5', sport: 39000, dst: '10.96.0.10', dport: 53 }, { src: '10.244.0.3', sport: 53, dst: '10.244.0.5', dport: 39000 }, t, KUBE_PROXY_CT_TIMEOUTS, 'UNREPLIED');
  l.sim.now += 4500;
  return l;
}

const shown = (n: number): string => `conntrack v1.4.6 (conntrack-tools): ${n} flow entries have been shown.\n`;

test('conntrack -L lists every flow of the node, the summary on stderr', () => {
  assert.deepEqual(runSpec(lab(), conntrack, ['-L']), { stdout: TCP + DNS + LOST, stderr: shown(3), status: 0 });
  assert.deepEqual(runSpec(lab(), conntrack, ['--dump', 'conn']), { stdout: TCP + DNS + LOST, stderr: shown(3), status: 0 });
  assert.deepEqual(runSpec(lab(), conntrack, ['-L', 'dying']), { stdout: '', stderr: shown(0), status: 0 });
});

test('conntrack -L filters: protocol, original and reply addresses, ports after -p, NAT', () => {
  const l = lab();
  const cases: [string[], string][] = [
    [['-L', '-p', 'udp'], DNS + LOST],
    [['-L', '-p', 'tcp', '--dport', '80'], TCP],
    [['-L', '-p', 'UDP', '--orig-port-src', '39000'], LOST],
    [['-L', '-d', '10.96.0.10', '-s', '10.244.0.5'], LOST],
    [['-L', '--reply-src', '10.244.0.2'], DNS],
    [['-L', '--src-nat'], DNS],
    [['-L', '-g', '10.244.2.7'], TCP],
    [['-L', '-p', 'icmp'], ''],
  ];
  for (const [args, stdout] of cases) {
    const n = stdout.split('\n').length - 1;
    assert.deepEqual(runSpec(l, conntrack, args), { stdout, stderr: shown(n), status: 0 }, args.join(' '));
  }
  assert.equal(runSpec(l, conntrack, ['-L', '-o', 'extended', '-p', 'tcp']).stdout, `ipv4     2 ${TCP}`);
});

test('expired flows are not listed, and another node has its own (empty) table', () => {
  const l = lab();
  l.sim.now += 26_000;
  assert.deepEqual(runSpec(l, conntrack, ['-L']), { stdout: TCP.replace('86395', '86369'), stderr: shown(1), status: 0 });
  l.shell.hosts.push({ kind: 'node', node: 'node02' });
  assert.deepEqual(runSpec(l, conntrack, ['-L']), { stdout: '', stderr: shown(0), status: 0 });
  assert.deepEqual(runSpec(l, conntrack, ['-C']), { stdout: '0\n', stderr: '', status: 0 });
});

test('conntrack -C counts, -D deletes what matches (printing it), -F empties the table', () => {
  const l = lab();
  assert.deepEqual(runSpec(l, conntrack, ['-C']), { stdout: '3\n', stderr: '', status: 0 });
  assert.deepEqual(runSpec(l, conntrack, ['-D', '-p', 'udp', '--reply-src', '10.244.0.3']), {
    stdout: LOST, stderr: 'conntrack v1.4.6 (conntrack-tools): 1 flow entries have been deleted.\n', status: 0,
  });
  assert.deepEqual(runSpec(l, conntrack, ['-D', '-s', '10.1.2.3']), {
    stdout: '', stderr: 'conntrack v1.4.6 (conntrack-tools): 0 flow entries have been deleted.\n', status: 1,
  });
  assert.equal(runSpec(l, conntrack, ['-C']).stdout, '2\n');
  assert.deepEqual(runSpec(l, conntrack, ['-F']), {
    stdout: '', stderr: 'conntrack v1.4.6 (conntrack-tools): connection tracking table has been emptied.\n', status: 0,
  });
  assert.deepEqual(runSpec(l, conntrack, ['-L']), { stdout: '', stderr: shown(0), status: 0 });
  assert.deepEqual(l.sim.kernel?.['controlplane']?.conntrack, []);
});

test('conntrack -L expect shows no expectations; -V prints the version', () => {
  assert.deepEqual(runSpec(lab(), conntrack, ['-L', 'expect']), { stdout: '', stderr: 'conntrack v1.4.6 (conntrack-tools): 0 expectations have been shown.\n', status: 0 });
  assert.deepEqual(runSpec(lab(), conntrack, ['-V']), { stdout: 'conntrack v1.4.6 (conntrack-tools)\n', stderr: '', status: 0 });
});

test('conntrack -h and a bare conntrack print the usage', () => {
  const help = runSpec(lab(), conntrack, ['-h']);
  assert.equal(help.status, 0);
  assert.ok(help.stdout.startsWith('Command line interface for the connection tracking system. Version 1.4.6\nUsage: conntrack [commands] [options]\n\nCommands:\n  -L [table] [options]\t\tList conntrack or expectation table\n'));
  assert.ok(help.stdout.endsWith('  --mask-dst ip\t\t\tDestination mask address\n\n'));
  assert.deepEqual(runSpec(lab(), conntrack, []), help);
});

test('mistakes get conntrack\'s own messages and exit status 2', () => {
  const cases: [string[], string][] = [
    [['-L', '--dport', '53'], "unknown option `--dport'"],
    [['-L', '-p', 'foo'], "`foo' unsupported protocol"],
    [['-L', '-s', '10.96.0.300'], "Invalid IP address `10.96.0.300'"],
    [['-L', '-F'], 'Invalid commands combination'],
    [['-L', '-d'], "option `-d' requires an argument"],
    [['-L', 'dying-ish'], "unknown type `dying-ish'"],
    [['-C', 'dying'], "Can't do that command with tables `dying' and `unconfirmed'"],
    [['-L', '-o', 'xml'], "Bad parameter `xml'"],
  ];
  for (const [args, message] of cases) {
    assert.deepEqual(runSpec(lab(), conntrack, args), { stdout: '', stderr: `conntrack v1.4.6 (conntrack-tools): ${message}\n${TRY}`, status: 2 }, args.join(' '));
  }
  assert.deepEqual(runSpec(lab(), conntrack, ['-E']), { stdout: '', stderr: 'k8s-svc-lab: conntrack -E is not part of the lab; -L, -D, -C and -F are\n', status: 1 });
});
