import KubeModel

/// Every Flux kind and version Flux 2.2's CRDs serve, by `apiVersion` and `kind`.
public enum FluxResourceTypes {
    /// The root types: storage versions under their plain names, older served versions in their
    /// namespaces (`HelmV2Beta1.HelmRelease`, …).
    public static var all: [any KubeResource.Type] {
        [
            GitRepository.self,
            SourceV1Beta1.GitRepository.self,
            SourceV1Beta2.GitRepository.self,
            SourceV1Beta1.HelmRepository.self,
            HelmRepository.self,
            SourceV1Beta1.HelmChart.self,
            HelmChart.self,
            OCIRepository.self,
            SourceV1Beta1.Bucket.self,
            Bucket.self,
            Kustomization.self,
            KustomizeV1Beta1.Kustomization.self,
            KustomizeV1Beta2.Kustomization.self,
            HelmV2Beta1.HelmRelease.self,
            HelmRelease.self,
            NotificationV1Beta1.Alert.self,
            NotificationV1Beta2.Alert.self,
            Alert.self,
            NotificationV1Beta1.Provider.self,
            NotificationV1Beta2.Provider.self,
            Provider.self,
            Receiver.self,
            NotificationV1Beta1.Receiver.self,
            NotificationV1Beta2.Receiver.self,
            ImageV1Beta1.ImageRepository.self,
            ImageRepository.self,
            ImageV1Beta1.ImagePolicy.self,
            ImagePolicy.self,
            ImageUpdateAutomation.self,
        ]
    }

    /// The Swift type for `apiVersion` and `kind`, or nil when it is not a Flux kind and version.
    public static func type(apiVersion: String, kind: String) -> (any KubeResource.Type)? {
        all.first { $0.apiResource.apiVersion == apiVersion && $0.apiResource.kind == kind }
    }
}
