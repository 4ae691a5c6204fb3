import ControllerRuntime
import KubeClient
import KubeModel
import StructuredData

/// fluxcd/pkg's `patch.SerialPatcher` for one reconcile: each `patch` sends what changed since the
/// previous one (finalizers and status, through `StatusPatcher`), so intermediate observations
/// ("building artifact …") reach the API server before the reconcile ends.
///
/// Used by one reconcile at a time (the runtime never reconciles a key concurrently).
final class SerialPatcher<T: KubeResource>: @unchecked Sendable {
    private var patcher: StatusPatcher<T>
    /// The resourceVersion of the last stored state (for waiting on the cache).
    private(set) var resourceVersion: String?

    init(client: KubeClient, object: T) throws(SourceError) {
        do { patcher = try StatusPatcher(client: client, object: object) } catch {
            throw SourceError.plain("failed to encode \(T.apiResource.kind): \(error.description)")
        }
        resourceVersion = object.metadata.resourceVersion
    }

    /// Patches what changed; `object` keeps its values, with the stored resourceVersion.
    /// - Throws: the API error as a generic `PatchOperationFailed` error.
    func patch(_ object: inout T) async throws(SourceError) {
        do {
            let stored = try await patcher.patchStored(object)
            let version = stored[path: ["metadata", "resourceVersion"]]?.stringValue
            object.metadata.resourceVersion = version
            resourceVersion = version
        } catch let error as KubeClientError {
            throw SourceError.generic(error.description, reason: "PatchOperationFailed")
                .withNotFound(error.isNotFound)
        } catch {
            throw SourceError.generic("\(error)", reason: "PatchOperationFailed")
        }
    }
}

extension SourceError {
    /// Marks a patch failure that was a 404 (ignored while the object is being deleted).
    func withNotFound(_ notFound: Bool) -> SourceError {
        var copy = self
        copy.patchNotFound = notFound
        return copy
    }
}
