import HelmEngine
import StructuredData

extension IndexFile {
    /// Parses an index as source-controller's `IndexFromBytes`: JSON when the bytes are valid
    /// JSON (lenient: unknown fields ignored), otherwise YAML decoded strictly (unknown fields
    /// are errors, as `sigs.k8s.io/yaml.UnmarshalStrict`); then entries are validated and
    /// sorted newest first.
    /// - Throws: `.index` with Helm's messages: "empty index.yaml file", "no API version
    ///   specified", "error unmarshaling JSON: while decoding JSON: json: unknown field \"x\"",
    ///   "error converting YAML to JSON: yaml: …".
    public init(bytes: [UInt8]) throws(HelmRepoError) {
        guard !bytes.isEmpty else { throw HelmRepoError(.index, "empty index.yaml file") }
        let value: JSONValue
        let strict: Bool
        if let json = try? JSONParser.parse(bytes: bytes) {
            value = json
            strict = false
        } else {
            do { value = try YAML.parse(String(decoding: bytes, as: UTF8.self)) } catch {
                throw HelmRepoError(.index, "error converting YAML to JSON: \(error.message)")
            }
            strict = true
        }
        var decoder = IndexDecoder(strict: strict)
        self = try decoder.index(value)
        if apiVersion.isEmpty { throw HelmRepoError(.index, "no API version specified") }
        validateAndSort()
    }
}

/// Go `encoding/json` decoding of `repo.IndexFile` over a `JSONValue`: case-insensitive field
/// names, `null` leaving zero values, type mismatches reported as Go words them.
struct IndexDecoder {
    let strict: Bool

    func fail(_ message: String) -> HelmRepoError {
        HelmRepoError(.index, strict ? "error unmarshaling JSON: while decoding JSON: \(message)" : message)
    }

    func typeError(_ value: JSONValue, _ structName: String, _ field: String, _ type: String) -> HelmRepoError {
        fail("json: cannot unmarshal \(Self.goKind(value)) into Go struct field \(structName).\(field) of type \(type)")
    }

    static func goKind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Go's field matching: an exact name, else a case-insensitive one.
    static func field(_ key: String, in names: [String]) -> String? {
        if names.contains(key) { return key }
        let lower = key.lowercased()
        return names.first { $0.lowercased() == lower }
    }

    static let indexFields = ["serverInfo", "apiVersion", "generated", "entries", "publicKeys", "annotations"]

    mutating func index(_ value: JSONValue) throws(HelmRepoError) -> IndexFile {
        guard case .object(let object) = value else {
            if case .null = value { return IndexFile(apiVersion: "", entries: [:]) }
            throw fail("json: cannot unmarshal \(Self.goKind(value)) into Go value of type repo.IndexFile")
        }
        var index = IndexFile(apiVersion: "")
        index.entries = nil
        for (key, field) in object {
            guard let name = Self.field(key, in: Self.indexFields) else {
                if strict { throw fail("json: unknown field \"\(key)\"") }
                continue
            }
            if case .null = field { continue }
            switch name {
            case "serverInfo":
                guard case .object(let o) = field else { throw typeError(field, "IndexFile", "serverInfo", "map[string]interface {}") }
                index.serverInfo = o
            case "apiVersion":
                guard case .string(let s) = field else { throw typeError(field, "IndexFile", "apiVersion", "string") }
                index.apiVersion = s
            case "generated": index.generated = try time(field, "IndexFile", "generated")
            case "entries":
                guard case .object(let o) = field else { throw typeError(field, "IndexFile", "entries", "map[string]repo.ChartVersions") }
                var entries: [String: [ChartVersion?]] = index.entries ?? [:]
                for (chart, list) in o {
                    switch list {
                    case .null: entries[chart] = nil
                    case .array(let items):
                        var versions: [ChartVersion?] = []
                        for item in items { versions.append(try chartVersion(item)) }
                        entries[chart] = versions
                    default: throw typeError(list, "IndexFile", "entries", "repo.ChartVersions")
                    }
                }
                index.entries = entries
            case "publicKeys": index.publicKeys = try strings(field, "IndexFile", "publicKeys")
            default:
                guard case .object(let o) = field else { throw typeError(field, "IndexFile", "annotations", "map[string]string") }
                var map: [String: String] = [:]
                for (k, v) in o {
                    guard case .string(let s) = v else {
                        if case .null = v { map[k] = ""; continue }
                        throw typeError(v, "IndexFile", "annotations", "string")
                    }
                    map[k] = s
                }
                index.annotations = map
            }
        }
        return index
    }

    func time(_ value: JSONValue, _ structName: String, _ field: String) throws(HelmRepoError) -> String {
        guard case .string(let s) = value else { throw typeError(value, structName, field, "time.Time") }
        guard let normalized = RFC3339.normalize(s) else { throw fail(RFC3339.parseError(s)) }
        return normalized
    }

    func string(_ value: JSONValue, _ structName: String, _ field: String) throws(HelmRepoError) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        default: throw typeError(value, structName, field, "string")
        }
    }

    func strings(_ value: JSONValue, _ structName: String, _ field: String) throws(HelmRepoError) -> [String]? {
        switch value {
        case .null: return nil
        case .array(let items):
            var out: [String] = []
            for item in items { out.append(try string(item, structName, field)) }
            return out
        default: throw typeError(value, structName, field, "[]string")
        }
    }

    func bool(_ value: JSONValue, _ structName: String, _ field: String) throws(HelmRepoError) -> Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        default: throw typeError(value, structName, field, "bool")
        }
    }
}
