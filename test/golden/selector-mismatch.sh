# A Service whose selector matches no pod: no endpoints at all, although the pods run.
kubectl create deployment web --image=nginx --replicas=2
cat <<YAML | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: website
  ports:
  - port: 80
YAML
sleep 10
kubectl get pods --show-labels
kubectl describe svc web
kubectl get endpoints web
