# The seeds' first example: an nginx pod and a ClusterIP Service in front of it.
cat > nginx-pod.yaml <<YAML
apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
  labels:
    app: nginx
spec:
  containers:
    - name: nginx-container
      image: nginx
      imagePullPolicy: IfNotPresent
      ports:
        - containerPort: 80
          protocol: TCP
YAML
cat > nginx-clusterip-service.yaml <<YAML
apiVersion: v1
kind: Service
metadata:
  name: nginx-clusterip-service
spec:
  type: ClusterIP
  ports:
    - targetPort: 80
      port: 80
  selector:
    app: nginx
YAML
kubectl create -f nginx-pod.yaml
kubectl create -f nginx-clusterip-service.yaml
kubectl wait --for=condition=Ready pod/nginx-pod --timeout=60s
kubectl get service
kubectl get pods -o wide
kubectl get endpoints nginx-clusterip-service
