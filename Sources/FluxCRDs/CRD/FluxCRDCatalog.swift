import FluxAPI

/// Every CRD Flux v2.2.0 installs, built from the Swift types (one entry per file of each
/// controller's `config/crd/bases`, versions in the same order).
public enum FluxCRDCatalog {
    /// `gitrepositories.source.toolkit.fluxcd.io`.
    public static let gitRepositories = FluxCRD(
        group: FluxGroups.source, kind: "GitRepository", plural: "gitrepositories", singular: "gitrepository",
        shortNames: ["gitrepo"], component: "source-controller",
        versions: [
            CRDVersion("v1", GitRepository.self,
                       columns: [.url, .age, .ready, .status]),
            CRDVersion("v1beta1", SourceV1Beta1.GitRepository.self, storage: false,
                       deprecationWarning: "v1beta1 GitRepository is deprecated, upgrade to v1",
                       columns: [.url, .ready, .status, .age]),
            CRDVersion("v1beta2", SourceV1Beta2.GitRepository.self, storage: false,
                       deprecationWarning: "v1beta2 GitRepository is deprecated, upgrade to v1",
                       columns: [.url, .age, .ready, .status]),
        ])

    /// `helmrepositories.source.toolkit.fluxcd.io`.
    public static let helmRepositories = FluxCRD(
        group: FluxGroups.source, kind: "HelmRepository", plural: "helmrepositories", singular: "helmrepository",
        shortNames: ["helmrepo"], component: "source-controller",
        versions: [
            CRDVersion("v1beta1", SourceV1Beta1.HelmRepository.self, storage: false,
                       columns: [.url, .ready, .status, .age]),
            CRDVersion("v1beta2", HelmRepository.self,
                       columns: [.url, .age, .ready, .status]),
        ])

    /// `helmcharts.source.toolkit.fluxcd.io`.
    public static let helmCharts = FluxCRD(
        group: FluxGroups.source, kind: "HelmChart", plural: "helmcharts", singular: "helmchart",
        shortNames: ["hc"], component: "source-controller",
        versions: [
            CRDVersion("v1beta1", SourceV1Beta1.HelmChart.self, storage: false,
                       columns: [
                           PrinterColumn(name: "Chart", type: "string", jsonPath: ".spec.chart"),
                           PrinterColumn(name: "Version", type: "string", jsonPath: ".spec.version"),
                           PrinterColumn(name: "Source Kind", type: "string", jsonPath: ".spec.sourceRef.kind"),
                           PrinterColumn(name: "Source Name", type: "string", jsonPath: ".spec.sourceRef.name"),
                           .ready,
                           .status,
                           .age,
                       ]),
            CRDVersion("v1beta2", HelmChart.self,
                       columns: [
                           PrinterColumn(name: "Chart", type: "string", jsonPath: ".spec.chart"),
                           PrinterColumn(name: "Version", type: "string", jsonPath: ".spec.version"),
                           PrinterColumn(name: "Source Kind", type: "string", jsonPath: ".spec.sourceRef.kind"),
                           PrinterColumn(name: "Source Name", type: "string", jsonPath: ".spec.sourceRef.name"),
                           .age,
                           .ready,
                           .status,
                       ]),
        ])

    /// `ocirepositories.source.toolkit.fluxcd.io`.
    public static let ociRepositories = FluxCRD(
        group: FluxGroups.source, kind: "OCIRepository", plural: "ocirepositories", singular: "ocirepository",
        shortNames: ["ocirepo"], component: "source-controller",
        versions: [
            CRDVersion("v1beta2", OCIRepository.self,
                       columns: [.url, .ready, .status, .age]),
        ])

    /// `buckets.source.toolkit.fluxcd.io`.
    public static let buckets = FluxCRD(
        group: FluxGroups.source, kind: "Bucket", plural: "buckets", singular: "bucket",
        component: "source-controller",
        versions: [
            CRDVersion("v1beta1", SourceV1Beta1.Bucket.self, storage: false,
                       columns: [
                           PrinterColumn(name: "Endpoint", type: "string", jsonPath: ".spec.endpoint"),
                           .ready,
                           .status,
                           .age,
                       ]),
            CRDVersion("v1beta2", Bucket.self,
                       columns: [
                           PrinterColumn(name: "Endpoint", type: "string", jsonPath: ".spec.endpoint"),
                           .age,
                           .ready,
                           .status,
                       ]),
        ])

    /// `kustomizations.kustomize.toolkit.fluxcd.io`.
    public static let kustomizations = FluxCRD(
        group: FluxGroups.kustomize, kind: "Kustomization", plural: "kustomizations", singular: "kustomization",
        shortNames: ["ks"], component: "kustomize-controller",
        versions: [
            CRDVersion("v1", Kustomization.self,
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta1", KustomizeV1Beta1.Kustomization.self, storage: false,
                       deprecationWarning: "v1beta1 Kustomization is deprecated, upgrade to v1",
                       columns: [.ready, .status, .age]),
            CRDVersion("v1beta2", KustomizeV1Beta2.Kustomization.self, storage: false,
                       deprecationWarning: "v1beta2 Kustomization is deprecated, upgrade to v1",
                       columns: [.age, .ready, .status]),
        ])

    /// `helmreleases.helm.toolkit.fluxcd.io`.
    public static let helmReleases = FluxCRD(
        group: FluxGroups.helm, kind: "HelmRelease", plural: "helmreleases", singular: "helmrelease",
        shortNames: ["hr"], component: "helm-controller",
        versions: [
            CRDVersion("v2beta1", HelmV2Beta1.HelmRelease.self, storage: false,
                       deprecationWarning: "v2beta1 HelmRelease is deprecated, upgrade to v2beta2",
                       columns: [.age, .ready, .status]),
            CRDVersion("v2beta2", HelmRelease.self,
                       columns: [.age, .ready, .status]),
        ])

    /// `alerts.notification.toolkit.fluxcd.io`.
    public static let alerts = FluxCRD(
        group: FluxGroups.notification, kind: "Alert", plural: "alerts", singular: "alert",
        component: "notification-controller",
        versions: [
            CRDVersion("v1beta1", NotificationV1Beta1.Alert.self, storage: false,
                       deprecationWarning: "v1beta1 Alert is deprecated, upgrade to v1beta3",
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta2", NotificationV1Beta2.Alert.self, storage: false,
                       deprecationWarning: "v1beta2 Alert is deprecated, upgrade to v1beta3",
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta3", Alert.self, statusSubresource: false,
                       columns: [.age]),
        ])

    /// `providers.notification.toolkit.fluxcd.io`.
    public static let providers = FluxCRD(
        group: FluxGroups.notification, kind: "Provider", plural: "providers", singular: "provider",
        component: "notification-controller",
        versions: [
            CRDVersion("v1beta1", NotificationV1Beta1.Provider.self, storage: false,
                       deprecationWarning: "v1beta1 Provider is deprecated, upgrade to v1beta3",
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta2", NotificationV1Beta2.Provider.self, storage: false,
                       deprecationWarning: "v1beta2 Provider is deprecated, upgrade to v1beta3",
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta3", Provider.self, statusSubresource: false,
                       columns: [.age]),
        ])

    /// `receivers.notification.toolkit.fluxcd.io`.
    public static let receivers = FluxCRD(
        group: FluxGroups.notification, kind: "Receiver", plural: "receivers", singular: "receiver",
        component: "notification-controller",
        versions: [
            CRDVersion("v1", Receiver.self,
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta1", NotificationV1Beta1.Receiver.self, storage: false,
                       deprecationWarning: "v1beta1 Receiver is deprecated, upgrade to v1",
                       columns: [.age, .ready, .status]),
            CRDVersion("v1beta2", NotificationV1Beta2.Receiver.self, storage: false,
                       deprecationWarning: "v1beta2 Receiver is deprecated, upgrade to v1",
                       columns: [.age, .ready, .status]),
        ])

    /// `imagerepositories.image.toolkit.fluxcd.io`.
    public static let imageRepositories = FluxCRD(
        group: FluxGroups.image, kind: "ImageRepository", plural: "imagerepositories", singular: "imagerepository",
        component: "image-reflector-controller",
        versions: [
            CRDVersion("v1beta1", ImageV1Beta1.ImageRepository.self, storage: false,
                       columns: [
                           PrinterColumn(name: "Last scan", type: "string", jsonPath: ".status.lastScanResult.scanTime"),
                           PrinterColumn(name: "Tags", type: "string", jsonPath: ".status.lastScanResult.tagCount"),
                       ]),
            CRDVersion("v1beta2", ImageRepository.self,
                       columns: [
                           PrinterColumn(name: "Last scan", type: "string", jsonPath: ".status.lastScanResult.scanTime"),
                           PrinterColumn(name: "Tags", type: "string", jsonPath: ".status.lastScanResult.tagCount"),
                       ]),
        ])

    /// `imagepolicies.image.toolkit.fluxcd.io`.
    public static let imagePolicies = FluxCRD(
        group: FluxGroups.image, kind: "ImagePolicy", plural: "imagepolicies", singular: "imagepolicy",
        component: "image-reflector-controller",
        versions: [
            CRDVersion("v1beta1", ImageV1Beta1.ImagePolicy.self, storage: false,
                       columns: [PrinterColumn(name: "LatestImage", type: "string", jsonPath: ".status.latestImage")]),
            CRDVersion("v1beta2", ImagePolicy.self,
                       columns: [PrinterColumn(name: "LatestImage", type: "string", jsonPath: ".status.latestImage")]),
        ])

    /// `imageupdateautomations.image.toolkit.fluxcd.io`.
    public static let imageUpdateAutomations = FluxCRD(
        group: FluxGroups.image, kind: "ImageUpdateAutomation", plural: "imageupdateautomations", singular: "imageupdateautomation",
        component: "image-automation-controller",
        versions: [
            CRDVersion("v1beta1", ImageUpdateAutomation.self,
                       columns: [
                           PrinterColumn(name: "Last run", type: "string", jsonPath: ".status.lastAutomationRunTime"),
                       ]),
        ])

    /// All thirteen, in `flux install` component order (source, kustomize, helm, notification, image).
    public static let all: [FluxCRD] = [
        gitRepositories, helmRepositories, helmCharts, ociRepositories, buckets, kustomizations, helmReleases,
        alerts, providers, receivers, imageRepositories, imagePolicies, imageUpdateAutomations,
    ]

    /// The CRDs owned by `component` (e.g. `source-controller`).
    public static func owned(by component: String) -> [FluxCRD] { all.filter { $0.component == component } }
}
