import KubeModel
import StructuredData

/// One event of a watch stream (`{"type": …, "object": …}`).
public enum WatchEvent: Sendable, Equatable {
    case added(KubeObject)
    case modified(KubeObject)
    case deleted(KubeObject)
    /// A progress marker carrying only the current resource version.
    case bookmark(resourceVersion: String)
    /// An in-stream error (e.g. 410 Expired).
    case error(Status)

    /// Decodes one event line.
    /// - Throws: `KubeClientError.decoding` naming the problem.
    public init(json: JSONValue) throws(KubeClientError) {
        guard let type = json["type"]?.stringValue, let object = json["object"] else {
            throw .decoding("watch event without type or object: \(json.serialized().prefix(200))")
        }
        switch type {
        case "ADDED": self = .added(KubeObject(object))
        case "MODIFIED": self = .modified(KubeObject(object))
        case "DELETED": self = .deleted(KubeObject(object))
        case "BOOKMARK": self = .bookmark(resourceVersion: KubeObject(object).resourceVersion)
        case "ERROR": self = .error(Status(json: object))
        default: throw .decoding("unknown watch event type \"\(type)\"")
        }
    }

    /// The resource version this event moves the watch to, if any.
    public var resourceVersion: String? {
        switch self {
        case .added(let o), .modified(let o), .deleted(let o): return o.resourceVersion
        case .bookmark(let rv): return rv
        case .error: return nil
        }
    }
}

/// Splits a byte stream into newline-terminated lines (a final unterminated line is returned by
/// `finish`); blank lines are dropped. Each byte is scanned once, however the input is chunked.
struct LineSplitter {
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already known to hold no newline.
    private var scanned = 0

    /// Bytes held for the current unterminated line.
    var buffered: Int { buffer.count }

    mutating func push(_ chunk: [UInt8]) -> [[UInt8]] {
        buffer += chunk
        var lines: [[UInt8]] = []
        var start = 0
        var i = scanned
        while i < buffer.count {
            if buffer[i] == 0x0A {
                let line = Array(buffer[start..<i])
                if !Self.isBlank(line) { lines.append(line) }
                start = i + 1
            }
            i += 1
        }
        if start > 0 { buffer.removeFirst(start) }
        scanned = buffer.count
        return lines
    }

    mutating func finish() -> [UInt8]? {
        defer {
            buffer = []
            scanned = 0
        }
        return Self.isBlank(buffer) ? nil : buffer
    }

    static func isBlank(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x0D || $0 == 0x09 || $0 == 0x0A } }
}
