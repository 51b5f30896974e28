// The cluster the pane tests look at, built through ordinary commands: Deployment web (2 replicas)
// behind Service web, a pod labelled app=web that never gets ready, and a Service that selects nothing.
import { sh } from '../shell/bash-helpers.js';
import { testLab, type TestLab } from '../shell/harness.js';

/** A shy pod: labelled app=web, its readiness probe knocks on a port nginx does not open. */
const SHY_POD = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: shy
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      tcpSocket: {port: 9999}
EOF`;

/** The web fixture. */
export function webLab(): TestLab {
  const lab = testLab();
  sh(lab, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  sh(lab, 'kubectl expose deployment web --port=80');
  sh(lab, SHY_POD);
  sh(lab, 'kubectl create service clusterip lonely --tcp=80:8080');
  sh(lab, 'sleep 10');
  return lab;
}
