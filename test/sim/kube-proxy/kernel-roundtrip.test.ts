// Fidelity against the real kernel: the tables the lab's kube-proxy writes are loaded into a fresh
// network namespace with the real tools, which must print them back identically (header comments
// aside): iptables-restore/iptables-save for iptables mode, the same plus ipset for IPVS mode, nft
// for nftables mode. Needs unprivileged user namespaces and iptables, nfacct (kube-proxy's packet
// counters), ipset and nft; `.ci/run` installs the tools when it can. Skipped, saying why, where
// they are missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sh } from '../../shell/bash-helpers.js';
import { testLab, type TestLab } from '../../shell/harness.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ClusterConfig } from '../../../src/sim/config.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why a round-trip cannot run here (a tool missing in an unprivileged network namespace), or undefined. */
function missingTools(tools: string[], install: string): string | undefined {
  try {
    execFileSync('unshare', ['-rn', 'sh', '-c', tools.map((t) => `command -v ${t}`).join(' && ')], { stdio: 'pipe' });
    return undefined;
  } catch {
    return `needs unshare -rn with ${tools.join(', ')} (install ${install})`;
  }
}

const skip = missingTools(['iptables-restore', 'iptables-save', 'nfacct'], 'the iptables and nfacct packages');

/** A lab with the given options after the given commands ran. */
function labAfter(options: Partial<ClusterConfig>, lines: string[]): TestLab {
  const lab = testLab(options);
  for (const l of lines) sh(lab, l);
  return lab;
}

/** Runs `script` in a fresh network namespace with `files` written to a temporary directory (its path replaces DIR). */
function inNamespace(files: Record<string, string>, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return execFileSync('unshare', ['-rn', 'sh', '-c', script.replaceAll('DIR', dir)], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function roundTrip(rules: string): string {
  const script = 'nfacct add ct_state_invalid_dropped_pkts && nfacct add localhost_nps_accepted_pkts && iptables-restore && iptables-save';
  return execFileSync('unshare', ['-rn', 'sh', '-c', script], { input: rules, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

const withoutComments = (t: string): string => t.split('\n').filter((l) => !l.startsWith('#')).join('\n');

const scenarios: [string, string[]][] = [
  ['ClusterIP, NodePort and a service without endpoints', ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl expose deployment web --port 80 --type NodePort', 'kubectl create service clusterip empty --tcp=80:80']],
  ['externalTrafficPolicy Local and session affinity', ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port 80 --type NodePort', `kubectl patch svc web -p '{"spec":{"externalTrafficPolicy":"Local","sessionAffinity":"ClientIP"}}'`]],
  ['UDP, externalIPs and internalTrafficPolicy Local', ['kubectl create deployment dns --image=nginx', 'kubectl expose deployment dns --port 53 --protocol UDP --external-ip 192.168.56.200', `kubectl patch svc dns -p '{"spec":{"internalTrafficPolicy":"Local"}}'`]],
];

for (const [name, lines] of scenarios) {
  test(`the real iptables-restore/iptables-save round-trip the lab's tables: ${name}`, { skip }, () => {
    const lab = labAfter({}, [...lines, 'sleep 20']);
    for (const node of ['node01', 'node02']) {
      if (node !== 'node01') sh(lab, `ssh ${node}`);
      const ours = `${sh(lab, 'iptables-save').out}\n`;
      assert.equal(withoutComments(roundTrip(ours)), withoutComments(ours), `${node}'s tables`);
    }
  });
}

// IPVS mode: its rules match on ipsets, so the sets are created first with the real ipset from the
// node's `ipset list`. `-m ipvs` needs the xt_ipvs kernel module, which a host without IPVS lacks:
// then those rules (KUBE-IPVS-OUT-FILTER's) are left out of the comparison, and the test says so.
const skipIpvs = skip ?? missingTools(['ipset'], 'the ipset package');

function kernelHasXtIpvs(): boolean {
  try {
    execFileSync('unshare', ['-rn', 'iptables', '-A', 'OUTPUT', '-m', 'ipvs', '--vproto', '6', '-j', 'ACCEPT'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** `ipset restore` input re-creating the sets `ipset list` printed (their members too). */
function ipsetRestore(list: string): string {
  const out: string[] = [];
  let name = '';
  let inMembers = false;
  for (const line of list.split('\n')) {
    if (line.startsWith('Name: ')) {
      name = line.slice(6);
      inMembers = false;
    } else if (line.startsWith('Type: ')) out.push(`create ${name} ${line.slice(6)}${line.includes('bitmap') ? ' range 0-65535' : ''}`);
    else if (line === 'Members:') inMembers = true;
    else if (inMembers && line) out.push(`add ${name} ${line}`);
  }
  return `${out.join('\n')}\n`;
}

test("the real ipset, iptables-restore and iptables-save round-trip IPVS mode's tables", { skip: skipIpvs }, (t) => {
  const lab = labAfter({ proxyMode: 'ipvs', cloud: true }, [
    'kubectl create deployment web --image=nginx --replicas=3',
    'kubectl expose deployment web --port 80 --type LoadBalancer --external-ip 192.168.56.200',
    `kubectl patch svc web -p '{"spec":{"loadBalancerSourceRanges":["192.168.56.1/32"]}}'`,
    'kubectl create deployment local --image=nginx',
    'kubectl expose deployment local --port 80 --type NodePort',
    `kubectl patch svc local -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
    'sleep 30',
  ]);
  const xtIpvs = kernelHasXtIpvs();
  if (!xtIpvs) t.diagnostic('this kernel has no xt_ipvs module: the -m ipvs rules are left out of the comparison');
  for (const node of ['node01', 'node02']) {
    if (node !== 'node01') sh(lab, `ssh ${node}`);
    const ours = `${sh(lab, 'iptables-save').out}\n`.split('\n').filter((l) => xtIpvs || !l.includes(' -m ipvs ')).join('\n');
    assert.match(ours, /KUBE-IPVS-FILTER/);
    const back = inNamespace({ sets: ipsetRestore(sh(lab, 'ipset list').out), rules: ours }, 'ipset restore < DIR/sets && iptables-restore < DIR/rules && iptables-save');
    assert.equal(withoutComments(back), withoutComments(ours), `${node}'s tables`);
  }
});

// nftables mode: the real nft loads `nft list table ip kube-proxy` as the lab prints it and must
// list it back identically (sets, verdict maps, per-service chains, element order and wrapping).
test("the real nft loads and lists back nftables mode's tables", { skip: missingTools(['nft'], 'the nftables package') }, () => {
  const lab = labAfter({ proxyMode: 'nftables', cloud: true }, [
    'kubectl create deployment web --image=nginx --replicas=3',
    'kubectl expose deployment web --port 80 --type LoadBalancer --external-ip 192.168.56.200',
    `kubectl patch svc web -p '{"spec":{"loadBalancerSourceRanges":["192.168.56.1/32","10.0.0.0/8"],"sessionAffinity":"ClientIP"}}'`,
    'kubectl create deployment local --image=nginx',
    'kubectl expose deployment local --port 80 --type NodePort',
    `kubectl patch svc local -p '{"spec":{"externalTrafficPolicy":"Local"}}'`,
    'kubectl create service clusterip empty --tcp=80:80',
    'sleep 30',
  ]);
  for (const node of ['node01', 'node02']) {
    if (node !== 'node01') sh(lab, `ssh ${node}`);
    for (const family of ['ip', 'ip6']) {
      const ours = `${sh(lab, `nft list table ${family} kube-proxy`).out}\n`;
      assert.match(ours, /^table ip6? kube-proxy \{/);
      assert.equal(inNamespace({ table: ours }, `nft -f DIR/table && nft list table ${family} kube-proxy`), ours, `${node}'s ${family} table`);
    }
  }
});
