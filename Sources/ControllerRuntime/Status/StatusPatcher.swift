import KubeClient
import KubeModel
import StructuredData

/// Patches what a reconcile changed, once, at the end (fluxcd/pkg/runtime/patch `SerialPatcher`).
///
/// Contract:
/// - `patch(_:)` compares the object with the last state this patcher saw (the object it was
///   created with, then each patched state) and sends at most two requests: a JSON merge patch of
///   `metadata.finalizers` (carrying `resourceVersion`, so a concurrent change conflicts instead of
///   being overwritten), and a JSON merge patch of `status` on the `/status` subresource. Nothing
///   changed → no request.
/// - Status merge patches carry no resourceVersion: fields other writers own are untouched, so a
///   status patch never conflicts.
/// - Returns the object as the server stored it (the baseline for the next patch).
public struct StatusPatcher<T: KubeResource> {
    let client: KubeClient
    private(set) var baseline: JSONValue

    public init(client: KubeClient, object: T) throws(CodingFailure) {
        self.client = client
        baseline = try JSONValueEncoder().encode(object)
    }

    /// The merge patch of `status` from the baseline to `object` (nil when nothing changed).
    public func statusPatch(_ object: T) throws(CodingFailure) -> JSONValue? {
        let after = try JSONValueEncoder().encode(object)
        return Self.diff(baseline["status"], after["status"])
    }

    static func diff(_ before: JSONValue?, _ after: JSONValue?) -> JSONValue? {
        let patch = MergePatch.create(from: before ?? .object([:]), to: after ?? .object([:]))
        if case .object(let o) = patch, o.isEmpty { return nil }
        return patch
    }

    /// Sends the finalizer and status changes; returns the stored object.
    @discardableResult
    public mutating func patch(_ object: T) async throws -> T {
        try T(json: try await patchStored(object))
    }

    /// `patch`, returning the stored object as JSON (not decoded: callers that need only its
    /// resourceVersion skip decoding the whole object).
    @discardableResult
    public mutating func patchStored(_ object: T) async throws -> JSONValue {
        let after = try JSONValueEncoder().encode(object)
        var latest = after
        let r = T.apiResource
        let before = baseline
        let finalizersBefore = before[path: ["metadata", "finalizers"]] ?? .null
        let finalizersAfter = after[path: ["metadata", "finalizers"]] ?? .null
        if finalizersBefore != finalizersAfter {
            let body: JSONValue = ["metadata": ["finalizers": finalizersAfter, "resourceVersion": after[path: ["metadata", "resourceVersion"]] ?? .null]]
            latest = try await client.patch(r, namespace: object.namespace, name: object.name, type: .merge, body: body).raw
        }
        if let status = Self.diff(before["status"], after["status"]) {
            latest = try await client.patch(r, namespace: object.namespace, name: object.name, type: .merge,
                                            body: ["status": status], subresource: "status").raw
        }
        baseline = latest
        return latest
    }
}
