# A Service in another namespace is invisible from default until you ask for that namespace.
kubectl create namespace dev
kubectl create deployment api --image=nginx -n dev
kubectl expose deployment api --port=8080 --target-port=80 -n dev
kubectl get svc
kubectl get svc -n dev
kubectl get svc -A
kubectl delete svc api
kubectl delete svc api -n dev
