/// Flux's API groups and versions (Flux v2.2.0), declared once.
public enum FluxGroups {
    public static let source = "source.toolkit.fluxcd.io"
    public static let kustomize = "kustomize.toolkit.fluxcd.io"
    public static let helm = "helm.toolkit.fluxcd.io"
    public static let notification = "notification.toolkit.fluxcd.io"
    public static let image = "image.toolkit.fluxcd.io"

    /// Every Flux group, in the order `flux install`'s RBAC lists them.
    public static let all = [source, kustomize, helm, notification, image]

    /// The verbs discovery reports for every custom resource.
    public static let customResourceVerbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"]

    /// The storage version of each kind: `source.toolkit.fluxcd.io/v1` for GitRepository, and so on.
    public static let storageVersions: [(kind: String, apiVersion: String)] = [
        (GitRepository.apiResource.kind, GitRepository.apiResource.apiVersion),
        (HelmRepository.apiResource.kind, HelmRepository.apiResource.apiVersion),
        (HelmChart.apiResource.kind, HelmChart.apiResource.apiVersion),
        (OCIRepository.apiResource.kind, OCIRepository.apiResource.apiVersion),
        (Bucket.apiResource.kind, Bucket.apiResource.apiVersion),
        (Kustomization.apiResource.kind, Kustomization.apiResource.apiVersion),
        (HelmRelease.apiResource.kind, HelmRelease.apiResource.apiVersion),
        (Alert.apiResource.kind, Alert.apiResource.apiVersion),
        (Provider.apiResource.kind, Provider.apiResource.apiVersion),
        (Receiver.apiResource.kind, Receiver.apiResource.apiVersion),
        (ImageRepository.apiResource.kind, ImageRepository.apiResource.apiVersion),
        (ImagePolicy.apiResource.kind, ImagePolicy.apiResource.apiVersion),
        (ImageUpdateAutomation.apiResource.kind, ImageUpdateAutomation.apiResource.apiVersion),
    ]
}

/// The finalizer every reconciled Flux kind carries (static Alerts, Providers and OCI
/// HelmRepositories have none).
public enum FluxFinalizer {
    public static let name = "finalizers.fluxcd.io"
}
