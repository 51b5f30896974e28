# A LoadBalancer Service is a NodePort Service plus an external address: without a cloud it stays
# <pending> (still reachable on its NodePort); with the lab's simulated cloud it gets an address
# on the nodes' network, which kube-proxy adds to its rules and the laptop can reach.
# options: --cloud
kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port 80 --type LoadBalancer
kubectl wait --for=condition=Available deployment/web
kubectl get svc web
kubectl describe svc web | grep -E 'LoadBalancer Ingress|Ensur'
iptables-save -t nat | grep 'loadbalancer IP'
ssh laptop
curl -s http://192.168.56.240 | grep title
curl -s http://192.168.56.11:$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}') | grep title
