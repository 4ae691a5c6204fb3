import KubeClient
import KubeModel
import StructuredData

/// Typed reads from the shared informers (controller-runtime's cache-backed client reads).
///
/// Contract: reads never touch the API server once the informer of `T` has synced; objects are
/// decoded on read with `JSONValueDecoder`, so a cached object that does not decode throws its
/// `CodingFailure` (path + reason), which the caller reports as a condition.
public struct Cache: Sendable {
    public let factory: InformerFactory

    public init(factory: InformerFactory) { self.factory = factory }

    public func informer<T: KubeResource>(_ type: T.Type) async -> Informer { await factory.informer(for: T.apiResource) }

    /// The cached object, or nil when it is not in the cache.
    public func get<T: KubeResource>(_ type: T.Type, namespace: String, name: String) async throws(CodingFailure) -> T? {
        guard let object = await informer(T.self).get(namespace: namespace, name: name) else { return nil }
        return try T(object: object)
    }

    /// Cached objects of `T`, optionally in one namespace / matching a selector, sorted by key.
    /// Objects that do not decode are skipped and returned in `failures`.
    public func list<T: KubeResource>(_ type: T.Type, namespace: String? = nil, selector: LabelSelector? = nil) async
        -> (items: [T], failures: [ObjectKey: CodingFailure])
    {
        decodeAll(await informer(T.self).list(namespace: namespace, selector: selector))
    }

    /// Cached objects of `T` whose index `index` has `value`.
    public func byIndex<T: KubeResource>(_ type: T.Type, _ index: String, _ value: String) async -> [T] {
        decodeAll(await informer(T.self).byIndex(index, value) as [KubeObject]).items
    }

    private func decodeAll<T: KubeResource>(_ objects: [KubeObject]) -> (items: [T], failures: [ObjectKey: CodingFailure]) {
        var items: [T] = []
        var failures: [ObjectKey: CodingFailure] = [:]
        for o in objects {
            do { items.append(try T(object: o)) } catch { failures[ObjectKey(o)] = error }
        }
        return (items, failures)
    }
}
