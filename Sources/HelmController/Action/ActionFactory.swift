import FluxAPI
import HelmActions
import HelmEngine
import KubeClient
import StructuredData

/// Builds Helm action configurations for one HelmRelease (`internal/action.ConfigFactory`):
/// Secret storage in the storage namespace, the kube client (impersonated or remote) acting in the
/// release namespace, a shared `.Capabilities` cache, and the post-renderer chain.
struct ActionFactory: Sendable {
    let client: KubeClient
    let storageNamespace: String
    let releaseNamespace: String
    let capabilities: CapabilitiesCache
    let postRenderer: PostRenderer
    /// Where Helm's debug lines also go (the controller's debug log).
    var debugLog: HelmLog? = nil
    var waitInterval: Duration = .seconds(2)
    var hookInterval: Duration = .milliseconds(250)

    /// A configuration whose storage writes go to `observer` after they succeed and whose Helm
    /// debug lines go to `log`.
    func build(log: HelmLog? = nil, observer: (@Sendable (Release) async -> Void)? = nil) -> ActionConfiguration {
        var driver: any ReleaseDriver = SecretDriver(client: client, namespace: storageNamespace)
        if let observer { driver = ObservingDriver(driver, observe: observer) }
        var config = ActionConfiguration(kube: KubeOps(client: client, namespace: releaseNamespace), storage: ReleaseStorage(driver: driver))
        config.capabilitiesCache = capabilities
        config.waitInterval = waitInterval
        config.hookInterval = hookInterval
        if let log { config.log = log } else if let debugLog { config.log = debugLog }
        return config
    }
}

/// A manifest transformation applied after rendering (Helm's `postrender.PostRenderer`): the
/// HelmRelease's Kustomize post-renderers followed by the origin labels.
struct PostRenderer: Sendable {
    let run: @Sendable (String) throws -> String

    /// No transformation.
    static let identity = PostRenderer { $0 }
}

/// The last release of `name` (`action.LastRelease`): nil when there is none.
func lastRelease(_ config: ActionConfiguration, _ name: String) async throws(HelmActionsError) -> Release? {
    do {
        return try await config.storage.last(HelmRelease.shortenReleaseName(name))
    } catch {
        if case .releaseNotFound = error { return nil }
        throw error
    }
}
