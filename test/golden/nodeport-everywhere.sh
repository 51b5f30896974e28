# A NodePort service on 31110 answers on every node's address, from outside the cluster, even on
# nodes that run no pod of it; the ClusterIP does not answer outside.
kubectl create deployment nginx --image=nginx
kubectl create service nodeport nginx --tcp=80:80 --node-port=31110
kubectl wait --for=condition=Available deployment/nginx
kubectl get pods -o wide
ssh laptop
for ip in 192.168.56.10 192.168.56.11 192.168.56.12; do curl -s -o /dev/null -w "$ip:31110 %{http_code}\n" http://$ip:31110; done
curl -m 2 http://$(kubectl get svc nginx -o jsonpath='{.spec.clusterIP}')
