# Switching kube-proxy to IPVS the real way: edit the kube-proxy ConfigMap, restart the DaemonSet's
# pods; the new proxier programs IPVS, binds every ClusterIP to kube-ipvs0, and leaves the iptables
# mode's chains behind (nothing cleans them between these two modes). The ClusterIP is a local
# address now, but KUBE-IPVS-FILTER rejects anything to it that is not a service port: ping included.
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port 80 --type NodePort
kubectl wait --for=condition=Available deployment/web
kubectl -n kube-system get configmap kube-proxy -o yaml | sed 's/mode: ""/mode: "ipvs"/' | kubectl apply -f -
kubectl -n kube-system rollout restart daemonset kube-proxy
kubectl -n kube-system rollout status daemonset kube-proxy
ipvsadm -Ln
ip addr show | grep -A1 kube-ipvs0 | head -4
iptables-save -t nat | grep -c 'KUBE-SVC-'
IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
for i in 1 2 3 4; do curl -s -o /dev/null -w '%{http_code}\n' $IP; done
ping -c 1 -W 1 $IP
curl -m 2 $IP:81
iptables-save -t filter | grep -E '^-A (INPUT|KUBE-IPVS-FILTER)'
ipset list KUBE-CLUSTER-IP | tail -n +7
kubectl -n kube-system logs ds/kube-proxy | grep -E 'Using|Syncing' | head -3
