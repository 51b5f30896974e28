// `kubectl scale`, `label`, `annotate`, `patch`, `set image`, `replace -f` and `edit`: the
// success words of kubectl (scaled, labeled / unlabeled / not labeled, annotated, patched
// (no change), image updated, replaced) and their client-side errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, putFile, snapshot, testLab, WEB_SERVICE } from './write-kit.js';

type Step = { cmd: string; stdout?: string; stderr?: string; status?: number };

function play(steps: Step[]): void {
  const lab = testLab();
  kubectl(lab, 'create deployment web --image=nginx:1.27 --replicas=2 --port=80');
  kubectl(lab, 'run p --image=nginx');
  kubectl(lab, 'apply -f -', WEB_SERVICE);
  for (const s of steps) {
    const before = snapshot(lab);
    const r = kubectl(lab, s.cmd);
    assert.deepEqual(r, { stdout: s.stdout ?? '', stderr: s.stderr ?? '', status: s.status ?? 0 }, s.cmd);
    if ((s.status ?? 0) !== 0) assert.equal(snapshot(lab), before, `${s.cmd} changed the cluster`);
  }
}

test('scale', () => play([
  { cmd: 'scale deployment web --replicas=3', stdout: 'deployment.apps/web scaled\n' },
  { cmd: 'scale deployment/web --replicas=3', stdout: 'deployment.apps/web scaled\n' },
  { cmd: 'scale deployment web', stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', status: 1 },
  { cmd: 'scale deployment web --replicas=1 --current-replicas=2', stderr: 'error: Expected replicas to be 2, was 3\n', status: 1 },
  { cmd: 'scale svc web --replicas=1', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', status: 1 },
  { cmd: 'scale deployment nope --replicas=1', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', status: 1 },
]));

test('label and annotate', () => play([
  { cmd: 'label pod p tier=fe', stdout: 'pod/p labeled\n' },
  { cmd: 'label pod p tier=be', stderr: "error: 'tier' already has a value (fe), and --overwrite is false\n", status: 1 },
  { cmd: 'label pod p tier=be --overwrite', stdout: 'pod/p labeled\n' },
  { cmd: 'label pod p tier=be --overwrite', stdout: 'pod/p not labeled\n' },
  { cmd: 'label pod p tier-', stdout: 'pod/p unlabeled\n' },
  { cmd: 'label pod p tier-', stdout: 'label "tier" not found.\npod/p not labeled\n' },
  { cmd: 'label pod p', stderr: 'error: at least one label update is required\n', status: 1 },
  { cmd: 'label pod p a=b a-', stderr: 'error: can not both modify and remove a label in the same command\n', status: 1 },
  { cmd: 'label pod p a=b=c', stderr: 'error: invalid label spec: a=b=c\n', status: 1 },
  { cmd: 'label pods -l run=p x=y -o name', stdout: 'pod/p\n' },
  { cmd: 'annotate svc web note=hello', stdout: 'service/web annotated\n' },
  { cmd: 'annotate svc web note=bye', stderr: "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n", status: 1 },
  { cmd: 'annotate svc web note-', stdout: 'service/web annotated\n' },
]));

test('patch', () => play([
  { cmd: `patch svc web -p '{"spec":{"type":"NodePort"}}'`, stdout: 'service/web patched\n' },
  { cmd: `patch svc web -p '{"spec":{"type":"NodePort"}}'`, stdout: 'service/web patched (no change)\n' },
  { cmd: `patch deploy web --type=merge -p '{"spec":{"replicas":4}}'`, stdout: 'deployment.apps/web patched\n' },
  { cmd: `patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`, stdout: 'deployment.apps/web patched\n' },
  { cmd: `patch svc web --type=xml -p '{}'`, stderr: 'error: --type must be one of [json merge strategic], not "xml"\n', status: 1 },
  { cmd: 'patch svc web', stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n', status: 1 },
  { cmd: `patch svc nope -p '{}'`, stderr: 'Error from server (NotFound): services "nope" not found\n', status: 1 },
]));

test('set image', () => play([
  { cmd: 'set image deployment/web nginx=nginx:1.28', stdout: 'deployment.apps/web image updated\n' },
  { cmd: 'set image deployment/web nope=nginx:1.28', stderr: 'error: unable to find container named "nope"\n', status: 1 },
  { cmd: 'set image deployment/web', stderr: 'error: at least one image update is required\n', status: 1 },
  { cmd: 'set image pod/p *=nginx:1.28', stdout: 'pod/p image updated\n' },
]));

test('replace -f and edit', () => {
  const lab = testLab();
  putFile(lab, 'web.yaml', WEB_SERVICE);
  assert.equal(kubectl(lab, 'replace -f web.yaml').stderr, 'Error from server (NotFound): error when replacing "web.yaml": services "web" not found\n');
  kubectl(lab, 'create -f web.yaml');
  putFile(lab, 'web.yaml', WEB_SERVICE.replace('targetPort: 80', 'targetPort: 8080'));
  assert.equal(kubectl(lab, 'replace -f web.yaml').stdout, 'service/web replaced\n');
  assert.equal(kubectl(lab, 'edit svc web').stderr, 'error: kubectl edit needs an interactive terminal; in scripts use kubectl apply -f or kubectl patch\n');
});
