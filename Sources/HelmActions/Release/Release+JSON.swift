import Foundation
import StructuredData

extension Release {
    /// The release as `json.Marshal(release)` shapes it: Go field order, `omitempty` honoured, maps
    /// (`config`, `chart.values`) with sorted keys. Serialize with `JSONWriteOptions.compact`
    /// (HTML escaping on, keys in this order) to get Helm's bytes.
    public var json: JSONValue {
        var o: JSONObject = [:]
        if !name.isEmpty { o["name"] = .string(name) }
        if let info { o["info"] = info.json }
        if let chart { o["chart"] = chart.json }
        if let config, !config.isGoEmpty { o["config"] = config.goSortedKeys() }
        if !manifest.isEmpty { o["manifest"] = .string(manifest) }
        if !hooks.isEmpty { o["hooks"] = .array(hooks.map(\.json)) }
        if version != 0 { o["version"] = .int(Int64(version)) }
        if !namespace.isEmpty { o["namespace"] = .string(namespace) }
        return .object(o)
    }

    /// The JSON bytes Helm would write for this release.
    public func jsonBytes() -> [UInt8] { json.serializedBytes(.compact) }

    /// Decodes a release from Helm's JSON; unknown fields are ignored, absent ones are zero.
    /// - Throws: `HelmActionsError.decoding` when a field has the wrong type or a time is malformed.
    public init(json: JSONValue) throws(HelmActionsError) {
        guard let o = json.objectValue else { throw .decoding("json: cannot unmarshal \(json.typeName) into Go value of type release.Release") }
        self.init(name: try o.string("name"), namespace: try o.string("namespace"), version: Int(try o.int("version")), info: nil)
        if let info = o["info"], !info.isNull { self.info = try ReleaseInfo(json: info) }
        if let chart = o["chart"], !chart.isNull { self.chart = try ChartRecord(json: chart) }
        if let config = o["config"], !config.isNull { self.config = config }
        manifest = try o.string("manifest")
        hooks = try (o["hooks"]?.arrayValue ?? []).map { (h) throws(HelmActionsError) -> Hook in try Hook(json: h) }
    }

    /// Parses Helm's JSON bytes.
    public init(jsonBytes: [UInt8]) throws(HelmActionsError) {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes: jsonBytes) } catch { throw .decoding(String(describing: error)) }
        try self.init(json: value)
    }
}

extension ReleaseInfo {
    var json: JSONValue {
        var o: JSONObject = [
            "first_deployed": .string(firstDeployed.description),
            "last_deployed": .string(lastDeployed.description),
            "deleted": .string(deleted.description),
        ]
        if !description.isEmpty { o["description"] = .string(description) }
        o["status"] = .string(status.rawValue)
        if !notes.isEmpty { o["notes"] = .string(notes) }
        if let resources, !resources.isGoEmpty { o["resources"] = resources }
        return .object(o)
    }

    init(json: JSONValue) throws(HelmActionsError) {
        guard let o = json.objectValue else { throw .decoding("json: cannot unmarshal \(json.typeName) into Go struct field Release.info") }
        self.init(firstDeployed: try o.time("first_deployed"), lastDeployed: try o.time("last_deployed"),
                  deleted: try o.time("deleted"), description: try o.string("description"),
                  status: ReleaseStatus(rawValue: try o.string("status")) ?? .unknown, notes: try o.string("notes"),
                  resources: o.nonNull("resources"))
    }
}

extension Hook {
    var json: JSONValue {
        var o: JSONObject = [:]
        if !name.isEmpty { o["name"] = .string(name) }
        if !kind.isEmpty { o["kind"] = .string(kind) }
        if !path.isEmpty { o["path"] = .string(path) }
        if !manifest.isEmpty { o["manifest"] = .string(manifest) }
        if !events.isEmpty { o["events"] = .array(events.map { .string($0) }) }
        o["last_run"] = .object([
            "started_at": .string(lastRun.startedAt.description),
            "completed_at": .string(lastRun.completedAt.description),
            "phase": .string(lastRun.phase.rawValue),
        ])
        if weight != 0 { o["weight"] = .int(Int64(weight)) }
        if !deletePolicies.isEmpty { o["delete_policies"] = .array(deletePolicies.map { .string($0) }) }
        return .object(o)
    }

    init(json: JSONValue) throws(HelmActionsError) {
        guard let o = json.objectValue else { throw .decoding("json: cannot unmarshal \(json.typeName) into Go struct field Release.hooks") }
        self.init(name: try o.string("name"), kind: try o.string("kind"), path: try o.string("path"),
                  manifest: try o.string("manifest"), events: [], weight: Int(try o.int("weight")))
        events = try o.strings("events")
        deletePolicies = try o.strings("delete_policies")
        if let run = o["last_run"]?.objectValue {
            lastRun = HookExecution(startedAt: try run.time("started_at"), completedAt: try run.time("completed_at"),
                                    phase: HookPhase(rawValue: try run.string("phase")) ?? .unknown)
        }
    }
}

extension ChartRecord {
    var json: JSONValue {
        func encodeFiles(_ list: [ChartFile]?) -> JSONValue {
            guard let list else { return .null }
            return .array(list.map { .object(["name": .string($0.name), "data": .string(Data($0.data).base64EncodedString())]) })
        }
        return .object([
            "metadata": metadata ?? .null,
            "lock": lock ?? .null,
            "templates": encodeFiles(templates),
            "values": values.map { $0.goSortedKeys() } ?? .null,
            "schema": schema.map { .string(Data($0).base64EncodedString()) } ?? .null,
            "files": encodeFiles(files),
        ])
    }

    init(json: JSONValue) throws(HelmActionsError) {
        guard let o = json.objectValue else { throw .decoding("json: cannot unmarshal \(json.typeName) into Go struct field Release.chart") }
        func decodeFiles(_ key: String) throws(HelmActionsError) -> [ChartFile]? {
            guard let value = o[key], !value.isNull else { return nil }
            guard let list = value.arrayValue else { throw .decoding("json: cannot unmarshal \(value.typeName) into Go struct field Chart.chart.\(key)") }
            return try list.map { (f) throws(HelmActionsError) -> ChartFile in
                let fo = f.objectValue ?? [:]
                return ChartFile(name: try fo.string("name"), data: try fo.bytes("data") ?? [])
            }
        }
        self.init(metadata: o.nonNull("metadata"), lock: o.nonNull("lock"),
                  templates: try decodeFiles("templates"), values: o.nonNull("values"),
                  schema: try o.bytes("schema"), files: try decodeFiles("files"))
    }
}

extension JSONObject {
    /// The value at `key`, with JSON `null` read as absent (JSONValue is nil-literal expressible,
    /// so `nil` in a JSONValue position would mean `.null`).
    func nonNull(_ key: String) -> JSONValue? {
        guard let v = self[key] else { return Optional<JSONValue>.none }
        if case .null = v { return Optional<JSONValue>.none }
        return v
    }

    func string(_ key: String) throws(HelmActionsError) -> String {
        guard let v = self[key], !v.isNull else { return "" }
        guard let s = v.stringValue else { throw .decoding("json: cannot unmarshal \(v.typeName) into Go value of type string (field \(key))") }
        return s
    }

    func int(_ key: String) throws(HelmActionsError) -> Int64 {
        guard let v = self[key], !v.isNull else { return 0 }
        guard let i = v.intValue else { throw .decoding("json: cannot unmarshal \(v.typeName) into Go value of type int (field \(key))") }
        return i
    }

    func strings(_ key: String) throws(HelmActionsError) -> [String] {
        guard let v = self[key], !v.isNull else { return [] }
        guard let a = v.arrayValue else { throw .decoding("json: cannot unmarshal \(v.typeName) into Go value of type []string (field \(key))") }
        return try a.map { (e) throws(HelmActionsError) -> String in
            guard let s = e.stringValue else { throw .decoding("json: cannot unmarshal \(e.typeName) into Go value of type string (field \(key))") }
            return s
        }
    }

    func time(_ key: String) throws(HelmActionsError) -> HelmTime {
        try HelmTime(parsing: try string(key))
    }

    func bytes(_ key: String) throws(HelmActionsError) -> [UInt8]? {
        guard let v = self[key], !v.isNull else { return nil }
        guard let s = v.stringValue, let data = Data(base64Encoded: s) else {
            throw .decoding("illegal base64 data in field \(key)")
        }
        return [UInt8](data)
    }
}
