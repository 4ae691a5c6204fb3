import HelmEngine
import KubeClient
import KubeModel
import StructuredData

/// `.Capabilities` taken from the cluster, as Helm's `Configuration.getCapabilities` builds them:
/// `KubeVersion` is the server's `/version` (`gitVersion` kept verbatim, `major`, `minor`) and
/// `APIVersions` is discovery's version set (every `group/version` and `group/version/Kind`).
public enum ClusterCapabilities {
    private static let jsonHeaders = [KubeRequest.Header("Accept", "application/json")]

    /// Reads `/version` and discovery once.
    /// - Throws: `could not get server version from Kubernetes: …` or
    ///   `could not get apiVersions from Kubernetes: …` (Helm's wording) on transport or server errors.
    public static func fetch(_ client: KubeClient) async throws(HelmActionsError) -> Capabilities {
        let kubeVersion: Capabilities.KubeVersion
        do {
            kubeVersion = try await serverVersion(client)
        } catch {
            throw .message("could not get server version from Kubernetes: \(error)")
        }
        let apiVersions: [String]
        do {
            apiVersions = try await versionSet(client)
        } catch {
            throw .message("could not get apiVersions from Kubernetes: \(error)")
        }
        return Capabilities(kubeVersion: kubeVersion, apiVersions: apiVersions)
    }

    /// The server's `/version`, as Helm keeps it (no re-parsing of `gitVersion`).
    public static func serverVersion(_ client: KubeClient) async throws(KubeClientError) -> Capabilities.KubeVersion {
        let info = try await client.send(KubeRequest(method: "GET", path: "/version", headers: jsonHeaders))
        return Capabilities.KubeVersion(version: info["gitVersion"]?.stringValue ?? "",
                                        major: info["major"]?.stringValue ?? "",
                                        minor: info["minor"]?.stringValue ?? "")
    }

    /// Helm's `GetVersionSet`: every served `group/version` (core as `v1`) plus `group/version/Kind`
    /// of every listed resource, subresources included, without duplicates and sorted. A group-version
    /// whose document cannot be read is skipped (Helm tolerates partial discovery failures); when
    /// discovery yields nothing, Helm's default version set is returned.
    public static func versionSet(_ client: KubeClient) async throws(KubeClientError) -> [String] {
        let core = try await client.send(KubeRequest(method: "GET", path: "/api", headers: jsonHeaders))
        let groups = try await client.send(KubeRequest(method: "GET", path: "/apis", headers: jsonHeaders))
        var set: Set<String> = []
        for gv in Discovery.groupVersions(core: core, groups: groups) {
            set.insert(gv.description)
            guard let list = try? await client.send(KubeRequest(method: "GET", path: Discovery.path(for: gv),
                                                                 headers: jsonHeaders)) else { continue }
            for resource in list["resources"]?.arrayValue ?? [] {
                guard let kind = resource["kind"]?.stringValue, !kind.isEmpty else { continue }
                set.insert("\(gv)/\(kind)")
            }
        }
        return set.isEmpty ? Capabilities.defaultAPIVersions : set.sorted()
    }
}

/// Capabilities read from the cluster once per action configuration (Helm caches them in
/// `Configuration.Capabilities`); a failed read is not cached, so the next call retries.
public actor CapabilitiesCache {
    private var cached: Capabilities?

    public init() {}

    /// The cached capabilities, read through `ClusterCapabilities.fetch` on first use.
    public func capabilities(_ client: KubeClient) async throws(HelmActionsError) -> Capabilities {
        if let cached { return cached }
        let fresh = try await ClusterCapabilities.fetch(client)
        cached = fresh
        return fresh
    }

    /// Forgets the cached value (e.g. after CRDs were installed).
    public func invalidate() { cached = nil }
}
