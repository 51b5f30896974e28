// Fidelity against the real kernel: the tables the lab's kube-proxy writes are loaded with the real
// iptables-restore into a fresh network namespace, and the real iptables-save must print them back
// identically (header comments aside). Needs iptables, nfacct (kube-proxy's packet counters) and
// unprivileged user namespaces; `.ci/run` installs the tools when it can. Skipped, saying why,
// where they are missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sh } from '../../shell/bash-helpers.js';
import { testLab } from '../../shell/harness.js';

function missing(): string | undefined {
  try {
    execFileSync('unshare', ['-rn', 'sh', '-c', 'command -v iptables-restore && command -v iptables-save && command -v nfacct'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return 'needs unshare -rn with iptables-restore, iptables-save and nfacct (install the iptables and nfacct packages)';
  }
}

const skip = missing();

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
    const lab = testLab();
    for (const l of [...lines, 'sleep 20']) sh(lab, l);
    for (const node of ['node01', 'node02']) {
      if (node !== 'node01') sh(lab, `ssh ${node}`);
      const ours = `${sh(lab, 'iptables-save').out}\n`;
      assert.equal(withoutComments(roundTrip(ours)), withoutComments(ours), `${node}'s tables`);
    }
  });
}
