# Delete a pod of a deployment: a replacement appears with a new name and a new IP.
kubectl create deployment hello --image=nginx --replicas=2
sleep 10
kubectl get pods -o wide
kubectl get pods -o name | head -1 | xargs kubectl delete
sleep 10
kubectl get pods -o wide
