import KubeModel
/// KubeClient: a Kubernetes REST client over async-http-client.
public enum KubeClientModule {}
