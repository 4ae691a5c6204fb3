import Foundation
import GoCompat
import Logging
import StructuredData

/// A swift-log handler writing one JSON object per line, shaped like Flux's zap logs:
/// `{"level":"info","ts":"2023-12-12T10:00:00.000Z","msg":"…","controller":"helmrelease",…}`.
///
/// Contract: keys come in a fixed order — `level`, `ts`, `logger` (when set), `msg`, then
/// Flux's well-known keys (`controller`, `controllerGroup`, `controllerKind`, the kind's
/// `{name, namespace}` object, `namespace`, `name`, `reconcileID`), then other metadata sorted.
/// Levels below `logLevel` are dropped. Lines go to `sink` (stderr by default), whole lines at once.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String
    let sink: LogSink

    public init(label: String, level: Logger.Level = .info, sink: LogSink = .standardError) {
        self.label = label
        logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    static let orderedKeys = ["controller", "controllerGroup", "controllerKind"]
    static let trailingKeys = ["namespace", "name", "reconcileID"]

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        var all = metadata
        if let explicit = event.metadata { all.merge(explicit) { _, new in new } }
        var o: JSONObject = [:]
        o["level"] = .string(Self.levelName(level))
        o["ts"] = .string(Self.timestamp(.now()))
        if !label.isEmpty, label != "swiftflux" { o["logger"] = .string(label) }
        o["msg"] = .string(message.description)
        for key in Self.orderedKeys { if let v = all.removeValue(forKey: key) { o[key] = Self.json(v) } }
        if case .string(let kind)? = metadata["controllerKind"], let name = all["name"], let ns = all["namespace"] {
            o[kind] = ["name": Self.json(name), "namespace": Self.json(ns)]
        }
        var trailing: JSONObject = [:]
        for key in Self.trailingKeys { if let v = all.removeValue(forKey: key) { trailing[key] = Self.json(v) } }
        for key in all.keys.sorted() { o[key] = Self.json(all[key] ?? "") }
        for (k, v) in trailing { o[k] = v }
        sink.write(JSONValue.object(o).serialized() + "\n")
    }

    /// zap's level names (`warn` for warnings; `critical` maps to `error`).
    static func levelName(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warn"
        case .error, .critical: return "error"
        }
    }

    /// ISO 8601 with milliseconds in UTC, as zap's production encoder writes `ts`.
    static func timestamp(_ t: GoTime) -> String {
        let c = t.components
        let ms = Int(t.nanosecond) / 1_000_000
        func pad(_ v: Int, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(ms, 3))Z"
    }

    static func json(_ v: Logger.Metadata.Value) -> JSONValue {
        switch v {
        case .string(let s): return .string(s)
        case .stringConvertible(let c): return .string(c.description)
        case .array(let a): return .array(a.map(json))
        case .dictionary(let d):
            var o: JSONObject = [:]
            for k in d.keys.sorted() { o[k] = json(d[k] ?? "") }
            return .object(o)
        }
    }
}

/// Where log lines go: standard error, a file (appended), or both; also keeps the most recent lines
/// in memory for `flux logs` against an all-in-one process.
public final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let handles: [FileHandle]
    private var recent: [String] = []
    private let keep: Int

    public init(handles: [FileHandle], keepRecent: Int = 0) {
        self.handles = handles
        keep = keepRecent
    }

    public static let standardError = LogSink(handles: [FileHandle.standardError])

    /// Appends to `path` (created 0600 if missing) and, with `alsoStandardError`, to stderr.
    public static func file(_ path: String, alsoStandardError: Bool = true, keepRecent: Int = 10_000) -> LogSink {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var handles: [FileHandle] = alsoStandardError ? [.standardError] : []
        if let h = FileHandle(forWritingAtPath: path) {
            h.seekToEndOfFile()
            handles.append(h)
        }
        return LogSink(handles: handles, keepRecent: keepRecent)
    }

    func write(_ line: String) {
        let data = Data(line.utf8)
        lock.withLock {
            for h in handles { h.write(data) }
            if keep > 0 {
                recent.append(line)
                if recent.count > keep { recent.removeFirst(recent.count - keep) }
            }
        }
    }

    /// The most recent lines kept in memory, oldest first.
    public var recentLines: [String] { lock.withLock { recent } }
}
