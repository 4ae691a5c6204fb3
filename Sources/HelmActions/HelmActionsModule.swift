/// HelmActions: Helm 3.13 release storage (Secret driver) and actions against a Kubernetes API.
public enum HelmActionsModule {}
