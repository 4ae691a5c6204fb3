import GoCompat
import KubeClient
import KubeModel
import StructuredData

/// Reading a controller's own object, typed, with bad input reported on the object instead of
/// crashing or retrying forever.
public enum TypedRead {
    /// The reason on `Ready=False` / `Stalled=True` when an object does not decode into its type.
    public static let decodingFailedReason = "DecodingFailed"

    public enum Outcome<T: Sendable>: Sendable {
        /// The object, decoded.
        case object(T)
        /// Not in the cache (deleted).
        case notFound
        /// It did not decode; the failure was written to its status.
        case invalid(CodingFailure)
    }

    /// Reads `key` from the cache. When the cached object does not decode into `T`, marks it
    /// `Stalled=True` and `Ready=False` (reason `DecodingFailed`, message
    /// `invalid <Kind> object: <path>: <reason>`) with a merge patch of `status.conditions` and
    /// `status.observedGeneration`, and returns `.invalid`: the caller stops (a spec change brings
    /// the object back).
    public static func read<T: Conditioned>(_ type: T.Type, _ key: ObjectKey, cache: Cache, client: KubeClient) async throws -> Outcome<T> {
        guard let raw = await cache.informer(T.self).get(key) else { return .notFound }
        do {
            return .object(try T(object: raw))
        } catch {
            let message = "invalid \(T.apiResource.kind) object: \(error.description)"
            var marked = raw
            marked.deleteCondition(ConditionType.reconciling)
            marked.markTrue(ConditionType.stalled, reason: decodingFailedReason, message: message)
            marked.markFalse(ConditionType.ready, reason: decodingFailedReason, message: message)
            let status: JSONValue = [
                "conditions": .array(marked.conditions.map(\.json)),
                "observedGeneration": .int(raw.generation),
            ]
            _ = try await client.patch(T.apiResource, namespace: key.namespace, name: key.name, type: .merge,
                                       body: ["status": status], subresource: "status")
            return .invalid(error)
        }
    }
}
