// Helpers for the kubectl write-verb tests: run a kubectl line (split on spaces, single quotes
// group words) with optional stdin, put manifest files into the lab, and snapshot the cluster.
import { KUBECTL_COMMAND } from '../../src/shell/kubectl/index.js';
import { runSpec, testLab, type Ran, type TestLab } from './harness.js';

export { testLab, type TestLab };

/** Splits a command line into words; '…' groups words, as the lab's shell would. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

/** Runs `kubectl <line>` and returns what it printed. */
export function kubectl(lab: TestLab, line: string, stdin?: string): Ran {
  return runSpec(lab, KUBECTL_COMMAND, words(line), stdin);
}

/** Writes a file into the control-plane node's file system (relative paths under /root). */
export function putFile(lab: TestLab, path: string, content: string): void {
  const files = (lab.shell.files['node/controlplane'] ??= {});
  const abs = path.startsWith('/') ? path : `/root/${path}`;
  const parts = abs.split('/').slice(1, -1);
  for (let i = 1; i <= parts.length; i++) files[`/${parts.slice(0, i).join('/')}`] ??= { type: 'dir' };
  files[abs] = { type: 'file', content };
}

/** The stored objects, for "a refused write changes nothing" checks. */
export function snapshot(lab: TestLab): string {
  return JSON.stringify(lab.sim.objects);
}

/** A Service manifest `web` selecting app=web on port 80. */
export const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

/** A Deployment manifest `web` with 2 nginx replicas. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

/** Runs kubectl with a stand-in for the shell's nested runner (what `exec` and `run -i` call). */
export function runWithNested(lab: TestLab, line: string, nested: (line: string) => { status: number; stdout: string }): Ran {
  let stdout = '';
  let stderr = '';
  const status = KUBECTL_COMMAND.run({
    sim: lab.sim, shell: lab.shell, host: lab.host, mode: 'script', args: words(line), stdin: undefined,
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, runNested: nested,
  });
  return { stdout, stderr, status };
}
