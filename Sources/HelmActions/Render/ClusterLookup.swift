import Foundation
import KubeClient
import KubeModel
import Sprig
import StructuredData

/// Helm's `lookup` against a live cluster (`engine.NewLookupFunction`): the kind is resolved
/// through discovery of its group-version, then the object (or, with an empty name, the list) is
/// read; a missing object is an empty map, as in Helm.
///
/// Template functions are synchronous, so each lookup blocks its thread until the request
/// finishes. Use it only from a thread outside Swift's cooperative pool (renders that use it run
/// on `RenderThread`).
public struct ClusterLookup: ClusterReader {
    public let client: KubeClient
    /// Receives the lines Helm logs through `log.Printf` when discovery fails (Helm prints them
    /// on stderr as `lookup_func.go:<line>: [ERROR] …`).
    public var log: (@Sendable (String) -> Void)?

    public init(client: KubeClient, log: (@Sendable (String) -> Void)? = nil) {
        self.client = client
        self.log = log
    }

    public func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> JSONValue? {
        let client = self.client
        let log = self.log
        let box = LookupResult()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.set(.success(try await Self.read(client, apiVersion: apiVersion, kind: kind, namespace: namespace, name: name,
                                                     log: log)))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// The lookup itself. Errors carry Helm's wording (`unable to get apiresource from
    /// unstructured: <group>/<version>, Kind=<kind>: …`, or the server's message).
    static func read(_ client: KubeClient, apiVersion: String, kind: String, namespace: String, name: String,
                     log: (@Sendable (String) -> Void)? = nil) async throws(HelmActionsError) -> JSONValue? {
        let gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
        let gv = gvk.groupVersion
        let list: JSONValue
        do {
            list = try await client.send(KubeRequest(method: "GET", path: Discovery.path(for: gv),
                                                     headers: [KubeRequest.Header("Accept", "application/json")]))
        } catch {
            let gvkText = "\(gv.group)/\(gv.version), Kind=\(kind)"
            log?("lookup_func.go:111: [ERROR] unable to retrieve resource list for: \(gv) , error: \(error)")
            log?("lookup_func.go:85: [ERROR] unable to get apiresource from unstructured: \(gvkText) , error \(error)")
            throw .message("unable to get apiresource from unstructured: \(gvkText): \(error)")
        }
        // Helm goes on with an empty resource when the kind is not listed; the server then
        // answers 404, which Helm turns into an empty map.
        guard let resource = Discovery.resources(from: list, groupVersion: gv).first(where: { $0.kind == kind }) else {
            return nil
        }
        let scope = resource.namespaced && !namespace.isEmpty ? namespace : nil
        let path = resource.path(namespace: scope, name: name.isEmpty ? nil : name)
        let object: JSONValue
        do {
            object = try await client.send(KubeRequest(method: "GET", path: path, headers: [KubeRequest.Header("Accept", "application/json")]))
        } catch {
            if error.isNotFound { return nil }
            throw .kube(name.isEmpty ? "list" : "get", error)
        }
        return name.isEmpty ? Self.typedItems(object) : object
    }

    /// client-go's unstructured list decoding: items without `apiVersion`/`kind` get the list's
    /// version and its kind without the `List` suffix.
    static func typedItems(_ list: JSONValue) -> JSONValue {
        guard case .object(var o) = list, case .array(let items)? = o["items"] else { return list }
        let apiVersion = o["apiVersion"]?.stringValue ?? ""
        var kind = o["kind"]?.stringValue ?? ""
        if kind.hasSuffix("List") { kind.removeLast(4) }
        o["items"] = .array(items.map { item in
            guard case .object(var i) = item else { return item }
            if (i["apiVersion"]?.stringValue ?? "").isEmpty { i["apiVersion"] = .string(apiVersion) }
            if (i["kind"]?.stringValue ?? "").isEmpty { i["kind"] = .string(kind) }
            return .object(i)
        })
        return .object(o)
    }
}

/// The outcome of one lookup, handed from the request task to the blocked template thread.
private final class LookupResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<JSONValue?, any Error> = .success(nil)
    func set(_ r: Result<JSONValue?, any Error>) { lock.withLock { result = r } }
    func get() throws -> JSONValue? { try lock.withLock { result }.get() }
}

/// Runs synchronous template rendering off Swift's cooperative pool, on a thread with a large
/// stack: Helm allows 1000 nested `include`s, and a blocking `lookup` must not hold a pool thread.
public enum RenderThread {
    /// Runs `body` on a new thread with a 1 GiB stack (reserved, not committed) and returns its result.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.stackSize = 1 << 30
            thread.start()
        }
    }
}
