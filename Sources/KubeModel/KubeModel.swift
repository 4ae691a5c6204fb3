/// KubeModel: the Kubernetes object model (pure). See KubeModel.md in the README.
public enum KubeModel {}
