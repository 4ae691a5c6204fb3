/// The options of `swiftflux install` (those of `flux install` that shape the manifests).
public struct InstallOptions: Sendable {
    /// The Flux version the manifests describe (`app.kubernetes.io/version`).
    public static let fluxVersion = "v2.2.0"
    /// The registry of the SwiftFlux image when `image` is not given.
    public static let defaultRegistry = "ghcr.io/swiftflux"

    public var namespace = "flux-system"
    public var components: [String] = FluxComponent.defaults.map(\.rawValue)
    public var componentsExtra: [String] = []
    /// The version label and generation header.
    public var version = InstallOptions.fluxVersion
    public var registry = InstallOptions.defaultRegistry
    /// The full image reference; when nil, `<registry>/swiftflux:<imageTag>`.
    public var image: String?
    /// The tag of the default image (the SwiftFlux version).
    public var imageTag = "latest"
    public var imagePullSecret: String?
    public var watchAllNamespaces = true
    public var networkPolicy = true
    public var logLevel = "info"
    public var clusterDomain = "cluster.local"

    public init() {}

    /// The image every controller Deployment runs.
    public var resolvedImage: String { image ?? "\(registry)/swiftflux:\(imageTag)" }

    /// `--components` followed by `--components-extra`, validated like `flux install`.
    public func resolvedComponents() throws(FluxInstallError) -> [FluxComponent] {
        var out: [FluxComponent] = []
        for name in components + componentsExtra {
            guard let component = FluxComponent(rawValue: name) else { throw .unknownComponent(name) }
            if !out.contains(component) { out.append(component) }
        }
        return out
    }

    /// `--events-addr`: the notification-controller's in-cluster URL when it is installed, else empty.
    func eventsAddress(_ components: [FluxComponent]) -> String {
        guard components.contains(.notificationController) else { return "" }
        return "http://notification-controller.\(namespace).svc.\(clusterDomain)./"
    }
}
