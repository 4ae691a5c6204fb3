import Foundation
import StructuredData
@testable import APIServerCore

/// Helpers for driving `KubeAPI` directly (no HTTP).
extension KubeAPI {
    func call(_ method: String, _ path: String, _ body: JSONValue? = nil, query: [String: String] = [:],
              contentType: String = "application/json", user: UserInfo = .admin,
              headers: [APIRequest.Header] = []) async -> (code: Int, body: JSONValue) {
        let response = await handle(APIRequest(method: method, path: path, query: query, contentType: contentType,
                                               body: body?.serializedBytes() ?? [], user: user, headers: headers))
        switch response {
        case .json(let code, let body): return (code, body)
        case .raw(let code, _, let bytes), .document(let code, _, let bytes, _): return (code, (try? JSONParser.parse(bytes: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self)))
        case .stream(let code, _, _): return (code, .null)
        case .list(let header, let items): return (200, APIResponse.listValue(header: header, items: items))
        case .watch(let events): events.close(); return (200, .null)
        }
    }

    /// Opens a watch and returns its event stream (decoded).
    func watchEvents(_ path: String, query: [String: String]) async -> AsyncStream<JSONValue> {
        var q = query
        q["watch"] = "true"
        let response = await handle(APIRequest(method: "GET", path: path, query: q))
        let (stream, continuation) = AsyncStream.makeStream(of: JSONValue.self)
        let chunks: AsyncStream<[UInt8]>
        switch response {
        case .stream(_, _, let lines): chunks = lines
        case .watch(let events): chunks = events.lines
        default: continuation.finish(); return stream
        }
        Task {
            for await chunk in chunks {
                if let v = try? JSONParser.parse(bytes: Array(chunk.dropLast())) { continuation.yield(v) }
            }
            continuation.finish()
        }
        return stream
    }
}

func configMap(_ name: String, _ data: JSONValue = ["a": "1"], labels: JSONValue? = nil) -> JSONValue {
    var meta: JSONObject = ["name": .string(name)]
    if let labels { meta["labels"] = labels }
    return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": .object(meta), "data": data]
}

/// Collects `count` events from `stream`, or those that arrived when it ends or the deadline
/// passes.
func collect<Element: Sendable>(_ stream: AsyncStream<Element>, count: Int, within seconds: Double = 5) async -> [Element] {
    let box = CollectedEvents<Element>()
    await withTaskGroup(of: Void.self) { group in
        group.addTask {
            for await e in stream where box.append(e) >= count { break }
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
        }
        await group.next()
        group.cancelAll()
    }
    return box.items
}

final class CollectedEvents<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Element] = []
    /// Appends `e`; returns how many there are now.
    func append(_ e: Element) -> Int { lock.withLock { collected.append(e); return collected.count } }
    var items: [Element] { lock.withLock { collected } }
}

/// A fresh temporary directory.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "swiftflux-apiserver-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Polls `condition` until it holds or `seconds` pass.
func eventually(within seconds: Double = 30, _ condition: () async -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}
