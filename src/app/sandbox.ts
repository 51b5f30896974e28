// The sandbox's starting points: an empty cluster, or one of the classic scenarios already applied
// (the nginx pod behind a ClusterIP and a NodePort Service, the three-replica hostname app behind a
// Service, the db pod on 3306). `reset` starts the sandbox again from its preset; `preset NAME`
// switches to another.
import { Session, type SessionOptions } from './session.js';

/** A preset: what it holds, and the lab commands that build it. */
export interface Preset {
  summary: string;
  commands: string[];
}

const manifest = (yaml: string): string => `cat <<'YAML' | kubectl apply -f -\n${yaml}\nYAML`;

export const PRESETS: Record<string, Preset> = {
  empty: { summary: 'a fresh cluster: nothing but what kubeadm and flannel create', commands: [] },
  nginx: {
    summary: 'the nginx pod (app=nginx) behind a ClusterIP Service and a NodePort Service on 31110',
    commands: [
      'kubectl run nginx-pod --image=nginx --labels=app=nginx --port=80',
      manifest('apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx-clusterip-service\nspec:\n  type: ClusterIP\n  ports:\n    - targetPort: 80\n      port: 80\n  selector:\n    app: nginx'),
      manifest('apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx-nodeport-service\nspec:\n  type: NodePort\n  ports:\n    - targetPort: 80\n      port: 80\n      nodePort: 31110\n  selector:\n    app: nginx'),
      'sleep 20',
    ],
  },
  hostname: {
    summary: 'three replicas of the hostname app (port 5000) behind the Service web on port 80',
    commands: ['kubectl create deployment web --image=salterje/flask_test --replicas=3 --port=5000', 'kubectl expose deployment web --port 80 --target-port 5000', 'sleep 20'],
  },
  db: {
    summary: 'the db pod (mysql, app=db) behind the Service db on 3306',
    commands: ['kubectl run db --image=mysql --labels=app=db --env=MYSQL_ROOT_PASSWORD=secret --port=3306', 'kubectl expose pod db --port=3306', 'sleep 20'],
  },
};

/** A sandbox session built from a preset (the preset's commands run out of sight). */
export function sandboxSession(preset: string, opts: SessionOptions): Session {
  const s = new Session(opts);
  for (const c of PRESETS[preset]?.commands ?? []) s.runQuietly(c);
  s.notice(`Sandbox${preset === 'empty' ? '' : ` (${preset}: ${PRESETS[preset]!.summary})`}. reset starts again; preset NAME picks another start (${Object.keys(PRESETS).join(', ')}); fault breaks things on purpose.`, 'muted');
  return s;
}

/** What a line typed in the sandbox asks of the sandbox itself (reset, preset NAME), if anything. */
export function sandboxCommand(line: string): { preset?: string; error?: string } | undefined {
  const words = line.trim().split(/\s+/);
  if (words[0] === 'reset' && words.length === 1) return {};
  if (words[0] !== 'preset' || words.length > 2) return undefined;
  if (words.length === 1 || !(words[1]! in PRESETS)) return { error: `preset: choose one of ${Object.entries(PRESETS).map(([n, p]) => `\n  ${n.padEnd(9)} ${p.summary}`).join('')}` };
  return { preset: words[1]! };
}
