# Three replicas of the hostname app behind one Service: repeated curls reach different pods.
cat <<YAML | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: jason-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: jason
  template:
    metadata:
      labels:
        app: jason
    spec:
      containers:
      - name: flask
        image: salterje/flask_test:0.10
        ports:
        - containerPort: 5000
---
apiVersion: v1
kind: Service
metadata:
  name: jason-service
spec:
  selector:
    app: jason
  ports:
  - port: 80
    targetPort: 5000
YAML
kubectl rollout status deployment/jason-deployment
kubectl get pods -l app=jason -o custom-columns=NAME:.metadata.name,IP:.status.podIP --no-headers
IP=$(kubectl get svc jason-service -o jsonpath='{.spec.clusterIP}')
for i in $(seq 1 9); do curl -s $IP | grep Hostname; done
