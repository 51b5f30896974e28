# An nginx pod behind a ClusterIP service, reached from a node with curl (a service exists only as
# rules: the ClusterIP answers from every node, but nothing listens on it).
kubectl run nginx --image=nginx
kubectl expose pod nginx --port=80 --name=nginx-service
kubectl wait --for=condition=Ready pod/nginx
IP=$(kubectl get service nginx-service -o jsonpath='{.spec.clusterIP}')
curl -s $IP | grep -i welcome
ssh node02
curl -sI http://$IP | head -1
exit
ping -c 1 -W 1 $IP
