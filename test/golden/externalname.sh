# An ExternalName service is a DNS CNAME: no ClusterIP, no endpoints, no rules.
kubectl create service externalname db --external-name=db.example.com
kubectl get service db
kubectl get endpointslices -l kubernetes.io/service-name=db
iptables-save -t nat | grep -c default/db
kubectl run dig --image=nicolaka/netshoot --restart=Never -- sleep 3600
kubectl wait --for=condition=Ready pod/dig
kubectl exec dig -- dig +short db.default.svc.cluster.local CNAME
