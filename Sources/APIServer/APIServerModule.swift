/// APIServer: the HTTP(S) front of the embedded Kubernetes-compatible API server.
public enum APIServerModule {}
