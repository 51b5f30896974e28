# The rules kube-proxy writes for a db Service on port 3306, and the log lines it writes doing so.
kubectl run db --image=mysql --labels=app=db --env=MYSQL_ROOT_PASSWORD=secret
kubectl expose pod db --port=3306
kubectl wait --for=condition=Ready pod/db
kubectl get pod db -o wide
iptables-save -t nat | grep db
kubectl -n kube-system logs ds/kube-proxy | grep default/db
