/// KubeModel: the Kubernetes object model (pure, no I/O): group/version/kind/resource, `Status`,
/// label and field selectors, `KubeObject` metadata accessors, conditions, quantities and times.
public enum KubeModel {}
