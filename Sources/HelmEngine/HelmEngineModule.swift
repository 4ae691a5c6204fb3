/// HelmEngine: Helm 3.13 charts — loading, values, rendering, manifest sorting (pure).
public enum HelmEngineModule {}
