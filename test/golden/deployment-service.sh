# A 3-replica deployment behind a Service: describe shows the three endpoints.
kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80
kubectl expose deployment web --port=80 --target-port=80
kubectl wait --for=condition=Ready pod -l app=web --timeout=60s
kubectl get deployments
kubectl get pods -o wide
kubectl describe service web
kubectl get endpointslices -l kubernetes.io/service-name=web
