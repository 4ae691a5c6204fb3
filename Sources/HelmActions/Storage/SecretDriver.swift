import Foundation
import GoCompat
import KubeClient
import KubeModel
import StructuredData

/// Helm's Secret driver (`pkg/storage/driver/secrets.go`), byte-compatible with `helm`: one
/// Secret per revision, type `helm.sh/release.v1`, `data.release = base64(gzip(json))` (the API
/// encodes it once more), labels `name`, `owner=helm`, `status`, `version` and `createdAt` on
/// create or `modifiedAt` on update (an update replaces the label set).
public struct SecretDriver: ReleaseDriver {
    public let name = "Secret"
    public let client: KubeClient
    /// The storage namespace; `""` only for a driver that lists across all namespaces (`helm list -A`).
    public let namespace: String

    static let secrets = APIResource(group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true)

    /// - Parameter namespace: the storage namespace (the release namespace); `""` lists all namespaces,
    ///   as Helm's driver does with an empty namespace.
    public init(client: KubeClient, namespace: String) {
        self.client = client
        self.namespace = namespace
    }

    /// The namespaces a list covers: Helm's empty namespace means all of them.
    var listScope: NamespaceSelection { namespace.isEmpty ? .all : .named(namespace) }

    public func get(_ key: String) async throws(HelmActionsError) -> Release {
        let object: KubeObject
        do {
            object = try await client.get(Self.secrets, namespace: namespace, name: key)
        } catch {
            if error.isNotFound { throw .releaseNotFound }
            throw .kube("get: failed to get \"\(key)\"", error)
        }
        var release = try Self.decode(object)
        release.labels = ReleaseKey.filterSystemLabels(object.labels)
        return release
    }

    public func list(_ filter: @Sendable (Release) -> Bool) async throws(HelmActionsError) -> [Release] {
        try await select("owner=helm").filter(filter)
    }

    public func query(_ labels: [String: String]) async throws(HelmActionsError) -> [Release] {
        let selector = labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
        let found = try await select(selector)
        if found.isEmpty { throw .releaseNotFound }
        return found
    }

    public func create(_ key: String, _ release: Release) async throws(HelmActionsError) {
        let object = try Self.secret(key: key, namespace: namespace, release: release, labels: Self.labels(for: release, stamp: "createdAt"))
        do {
            _ = try await client.create(object)
        } catch {
            if error.isAlreadyExists { throw .releaseExists }
            throw .kube("create: failed to create", error)
        }
    }

    public func update(_ key: String, _ release: Release) async throws(HelmActionsError) {
        let object = try Self.secret(key: key, namespace: namespace, release: release, labels: Self.labels(for: release, stamp: "modifiedAt"))
        do {
            _ = try await client.update(object)
        } catch {
            if error.isNotFound { throw .releaseNotFound }
            throw .kube("update: failed to update", error)
        }
    }

    public func delete(_ key: String) async throws(HelmActionsError) -> Release {
        let release = try await get(key)
        do {
            _ = try await client.delete(Self.secrets, namespace: namespace, name: key)
        } catch {
            if error.isNotFound { throw .releaseNotFound }
            throw .kube("delete: failed to delete \"\(key)\"", error)
        }
        return release
    }

    // MARK: encoding

    private func select(_ selector: String) async throws(HelmActionsError) -> [Release] {
        let list: ObjectList
        do {
            list = try await client.listAll(Self.secrets, in: listScope, options: ListOptions(labelSelector: selector))
        } catch {
            throw .kube("list: failed to list", error)
        }
        return list.items.compactMap { object in
            // Helm logs and skips records it cannot decode.
            guard var release = try? Self.decode(object) else { return nil }
            release.labels = object.labels
            return release
        }
    }

    /// The label set written with a record: the release's custom labels, the time stamp, then the
    /// system labels (which win).
    static func labels(for release: Release, stamp: String) -> [String: String] {
        var labels = release.labels
        labels[stamp] = String(GoTime.now().unixSeconds)
        labels["name"] = release.name
        labels["owner"] = "helm"
        labels["status"] = release.status.rawValue
        labels["version"] = String(release.version)
        return labels
    }

    /// The Secret object for a record.
    public static func secret(key: String, namespace: String, release: Release, labels: [String: String]) throws(HelmActionsError) -> KubeObject {
        let encoded = try ReleaseCodec.encode(release)
        var object = KubeObject(apiVersion: "v1", kind: "Secret", name: key, namespace: namespace)
        object.labels = labels
        object.raw["type"] = .string("helm.sh/release.v1")
        object.raw["data"] = .object(["release": .string(Data(encoded.utf8).base64EncodedString())])
        return object
    }

    /// Decodes the release stored in a Secret object (`data.release`, double base64 on the wire).
    public static func decode(_ object: KubeObject) throws(HelmActionsError) -> Release {
        guard let wire = object.raw[path: ["data", "release"]]?.stringValue,
              let inner = Data(base64Encoded: wire), let text = String(data: inner, encoding: .utf8) else {
            throw .decoding("secret \(object.name) has no decodable data.release")
        }
        return try ReleaseCodec.decode(text)
    }
}
