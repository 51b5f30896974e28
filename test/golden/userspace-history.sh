# kube-proxy's userspace mode as it was until v1.26 (history): the nat table only redirects service
# options: --proxy-mode userspace
# traffic to a port kube-proxy itself listens on; kube-proxy picks the pod and connects to it,
# so the pod sees the node's address, not the client's.
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port 80 --type NodePort
kubectl wait --for=condition=Available deployment/web
iptables-save -t nat | grep default/web
IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
curl -s -o /dev/null -w '%{http_code}\n' $IP
trace $IP | grep -E 'proxy:|REDIRECT|DNAT|result'
kubectl -n kube-system logs ds/kube-proxy | grep -E 'History|Using|default/web'
