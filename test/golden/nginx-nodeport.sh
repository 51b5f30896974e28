# The NodePort example: nodePort 31110 on every node; then one outside the range, and one taken.
kubectl run nginx-pod --image=nginx --labels=app=nginx --port=80
cat <<YAML | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: nginx-nodeport-service
spec:
  type: NodePort
  ports:
    - targetPort: 80
      port: 80
      nodePort: 31110
  selector:
    app: nginx
YAML
kubectl get service nginx-nodeport-service
kubectl create service nodeport low --tcp=80:80 --node-port=80
kubectl create service nodeport taken --tcp=80:80 --node-port=31110
kubectl get svc
