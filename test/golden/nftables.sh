# kube-proxy's nftables mode (GA since v1.33): one `table ip kube-proxy` with verdict maps instead of
# a chain per service; unused ports of a ClusterIP are rejected, NodePorts answer on the node's
# primary address, and nothing is left in iptables.
# options: --proxy-mode nftables
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port 80 --type NodePort
kubectl create service clusterip empty --tcp=80:80
kubectl wait --for=condition=Available deployment/web
nft list map ip kube-proxy service-ips
IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')
for i in 1 2 3; do curl -s -o /dev/null -w '%{http_code}\n' $IP; done
curl -m 2 $IP:81
curl -m 2 $(kubectl get svc empty -o jsonpath='{.spec.clusterIP}')
iptables-save -t nat | grep -c KUBE-SVC
kubectl -n kube-system logs ds/kube-proxy | grep -E 'Using|Reloading' | head -3
