# Service names across namespaces: the short name, name.namespace and the full name.
kubectl create namespace my-ns
kubectl -n my-ns create deployment redis-master --image=redis
kubectl -n my-ns expose deployment redis-master --port=6379
kubectl -n my-ns wait --for=condition=Available deployment/redis-master
kubectl run client --image=busybox:1.28 --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/client
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- nslookup redis-master
kubectl exec client -- nslookup redis-master.my-ns
kubectl exec client -- nslookup redis-master.my-ns.svc.cluster.local
